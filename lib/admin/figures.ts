import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { filterConditions, filteredFrom, whereClause } from "./filter-sql";
import type { LogFilters, OperationName } from "./filters";

/** Headline figures for the filtered set of operations. */
export type LogFigures = {
  total: number;
  succeeded: number;
  failed: number;
  /** Changes the user turned down when asked to approve them: an answer, not a failure. */
  rejected: number;
  pending: number;
  /** failed / (succeeded + failed), rejections left out; null when nothing ran to an end. */
  failureRate: number | null;
  /** Milliseconds, over operations that ran and recorded a duration (not rejections); null when there are none. */
  p50Ms: number | null;
  p95Ms: number | null;
  byOperation: { operation: OperationName; count: number }[];
  /** UTC days with at least one operation, oldest first. */
  byDay: { day: string; count: number }[];
  /** Assistant replies to these operations' messages that the user rated. */
  ratedReplies: number;
  helpfulReplies: number;
  /** helpful / rated; null when none were rated. */
  helpfulShare: number | null;
  /** Set when the filters named no dates and the figures cover only the latest days. */
  window: { from: string; days: number } | null;
};

/** Without dates, the figures cover this many days up to today: a bounded pass, not the whole history. */
export const DEFAULT_WINDOW_DAYS = 30;

/** The filters the figures use: the given ones, or the default window when they name no dates. */
export function figuresFilters(filters: LogFilters, now: Date): { filters: LogFilters; window: LogFigures["window"] } {
  if (filters.from || filters.to) return { filters, window: null };
  const from = new Date(now.getTime() - (DEFAULT_WINDOW_DAYS - 1) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { filters: { ...filters, from }, window: { from, days: DEFAULT_WINDOW_DAYS } };
}

/** The filtered set as a CTE, so every figure counts exactly the rows the table lists. */
function filtered(filters: LogFilters): Prisma.Sql {
  return Prisma.sql`WITH f AS (SELECT l.operation, l.status, l.duration_ms, l.created_at, l.message_id ${filteredFrom(filters)} ${whereClause(filterConditions(filters))})`;
}

export async function logFigures(db: Db, requested: LogFilters, now = new Date()): Promise<LogFigures> {
  const { filters, window } = figuresFilters(requested, now);
  const cte = filtered(filters);
  // Three passes over the filtered set, run one after another (PGlite has a single
  // connection); every figure below is an aggregate, so nothing row-sized comes back.
  const [totals] = await db.$queryRaw<
    {
      total: number;
      succeeded: number;
      failed: number;
      rejected: number;
      pending: number;
      p50: number | null;
      p95: number | null;
    }[]
  >`${cte}
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE status = 'success')::int AS succeeded,
           count(*) FILTER (WHERE status = 'failed')::int AS failed,
           count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE status = 'pending')::int AS pending,
           -- A rejected change never ran: its zero duration would drag the percentiles down.
           percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) FILTER (WHERE status <> 'rejected') AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) FILTER (WHERE status <> 'rejected') AS p95
    FROM f`;
  // Per operation and per UTC day in one pass (grouping sets).
  const groups = await db.$queryRaw<
    { byDay: boolean; operation: OperationName | null; day: string | null; count: number }[]
  >`${cte}
    SELECT GROUPING(day) = 0 AS "byDay", operation::text AS operation, to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM (SELECT operation, (created_at AT TIME ZONE 'UTC')::date AS day FROM f) x
    GROUP BY GROUPING SETS ((operation), (day))`;
  // The replies to the user messages behind these operations that were rated: a join on the
  // reply's link to its message (messages.reply_to_id).
  const [ratings] = await db.$queryRaw<{ rated: number; helpful: number }[]>`${cte}
    SELECT count(*)::int AS rated, count(*) FILTER (WHERE r.feedback = 'up')::int AS helpful
    FROM (SELECT DISTINCT message_id FROM f WHERE message_id IS NOT NULL) p
    JOIN messages r ON r.reply_to_id = p.message_id AND r.role = 'assistant' AND r.feedback IS NOT NULL`;

  const t = totals ?? { total: 0, succeeded: 0, failed: 0, rejected: 0, pending: 0, p50: null, p95: null };
  const finished = t.succeeded + t.failed;
  const rated = ratings?.rated ?? 0;
  const helpful = ratings?.helpful ?? 0;
  return {
    total: t.total,
    succeeded: t.succeeded,
    failed: t.failed,
    rejected: t.rejected,
    pending: t.pending,
    failureRate: finished ? t.failed / finished : null,
    p50Ms: t.p50 === null ? null : Number(t.p50),
    p95Ms: t.p95 === null ? null : Number(t.p95),
    byOperation: groups
      .flatMap((g) => (!g.byDay && g.operation ? [{ operation: g.operation, count: g.count }] : []))
      .sort((a, b) => b.count - a.count || a.operation.localeCompare(b.operation)),
    byDay: groups
      .flatMap((g) => (g.byDay && g.day ? [{ day: g.day, count: g.count }] : []))
      .sort((a, b) => a.day.localeCompare(b.day)),
    ratedReplies: rated,
    helpfulReplies: helpful,
    helpfulShare: rated ? helpful / rated : null,
    window,
  };
}
