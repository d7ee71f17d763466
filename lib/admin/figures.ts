import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/validation";
import { filterConditions, filteredFrom, textArms, whereClause } from "./filter-sql";
import { dayAfter, dayStart, type LogFilters, type OperationName, type StatusName } from "./filters";
import { rollupSpan, rollUpDays, rowFacts } from "./rollup";
import { type Histogram, histogramPercentile } from "./rollup-histogram";

// The figures panel: past days, and today up to the last full hour, come from the per-day
// rollups (lib/admin/rollup.ts); the minutes since, from the log rows; in one statement. Free-text search is the one filter the rollups cannot carry:
// it reads the matching rows, at most TEXT_LIMIT of them (the latest), and says so.

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
  /**
   * Milliseconds, over operations that ran and recorded a duration (not rejections); null when
   * there are none. Read from duration histograms: within one bucket (about ±10 %) of the exact
   * percentile, so the panel shows them as approximate.
   */
  p50Ms: number | null;
  p95Ms: number | null;
  byOperation: { operation: OperationName; count: number }[];
  /** UTC days with at least one operation, oldest first. */
  byDay: { day: string; count: number }[];
  /** Rated assistant replies to the turns behind these operations (counted with the turn's first operation of the day). */
  ratedReplies: number;
  helpfulReplies: number;
  /** helpful / rated; null when none were rated. */
  helpfulShare: number | null;
  /** Set when the filters named no dates and the figures cover only the latest days. */
  window: { from: string; days: number } | null;
  /** Set when a text search matched more than `limit` operations: the figures cover the latest `limit`, from `since` (a UTC day) on. */
  sample: { limit: number; since: string } | null;
};

/** Without dates, the figures cover this many days up to today: a bounded pass, not the whole history. */
export const DEFAULT_WINDOW_DAYS = 30;

/** A free-text search's figures cover at most this many matching operations, the latest. */
export const TEXT_LIMIT = 200;

/** The filters the figures use: the given ones, or the default window when they name no dates. */
export function figuresFilters(filters: LogFilters, now: Date): { filters: LogFilters; window: LogFigures["window"] } {
  if (filters.from || filters.to) return { filters, window: null };
  const from = new Date(now.getTime() - (DEFAULT_WINDOW_DAYS - 1) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { filters: { ...filters, from }, window: { from, days: DEFAULT_WINDOW_DAYS } };
}

export async function logFigures(db: Db, requested: LogFilters, now = new Date()): Promise<LogFigures> {
  const { filters, window } = figuresFilters(requested, now);
  if (filters.q) return textFigures(db, { ...filters, q: filters.q }, window);
  const span = await rollupSpan(db, filters);
  // Past days the background step has not rolled up yet, or that changed since: rolled up now, once.
  await rollUpDays(db, span.missing);
  // The filters the rollups carry: user (id, or name/email text through the users table),
  // operation, status, source. Their columns have the log's names, so the same SQL applies.
  const dimensions = filterConditions({ ...filters, from: undefined, to: undefined });
  const parts: Prisma.Sql[] = [];
  // The open day's rollup, when it is fresh and in range, holds its rows up to the cut.
  const inRange = (day: string) => (!filters.from || filters.from <= day) && (!filters.to || filters.to >= day);
  const openThrough = span.openThrough && inRange(span.openDay) ? span.openThrough : null;
  const rolledFrom = later(filters.from, span.firstDay);
  const rolledTo = earlier(filters.to, openThrough ? span.openDay : dayBefore(span.openDay));
  if (span.firstDay && rolledFrom && rolledTo && rolledFrom <= rolledTo) {
    const table = !filters.user
      ? Prisma.sql`FROM operation_log_daily l`
      : isUuid(filters.user)
        ? Prisma.sql`FROM operation_log_user_daily l`
        : Prisma.sql`FROM operation_log_user_daily l JOIN users u ON u.id = l.user_id`;
    parts.push(Prisma.sql`
      SELECT l.day, l.operation, l.status, l.count, l.buckets, l.bucket_counts AS counts, l.rated, l.helpful
      ${table}
      ${whereClause([...dimensions, Prisma.sql`l.day >= ${rolledFrom}::date`, Prisma.sql`l.day <= ${rolledTo}::date`])}`);
  }
  // The rest from the rows: after the open day's rollup (at most about 70 minutes of rows), or
  // the whole open day (and the minutes of the next) when it has none.
  if (!filters.to || filters.to >= span.openDay) {
    const openStart = openThrough ?? dayStart(span.openDay);
    const start = new Date(Math.max(openStart.getTime(), filters.from ? dayStart(filters.from).getTime() : 0));
    const end = filters.to ? dayAfter(filters.to) : null;
    const bounds = [Prisma.sql`l.created_at >= ${start}::timestamptz`];
    if (end) bounds.push(Prisma.sql`l.created_at < ${end}::timestamptz`);
    parts.push(liveFacts(filteredFrom(filters), whereClause([...dimensions, ...bounds])));
  }
  const rows = await query(db, summary(Prisma.sql`facts AS (${Prisma.join(parts, " UNION ALL ")})`));
  return summarise(rows, window, null);
}

/**
 * Free text: the latest TEXT_LIMIT matching rows in the period, found as the log page finds its
 * rows (each alternative of the text filter from its own index, merged), then counted.
 */
async function textFigures(
  db: Db,
  filters: LogFilters & { q: string },
  window: LogFigures["window"],
): Promise<LogFigures> {
  const conditions = filterConditions({ ...filters, q: undefined });
  const arms = textArms(filters.q).map(
    (arm) => Prisma.sql`(SELECT l.id, l.created_at ${filteredFrom(filters)} ${whereClause([...conditions, arm])}
      ORDER BY l.created_at DESC, l.id DESC LIMIT ${TEXT_LIMIT + 1})`,
  );
  const rows = await query(
    db,
    summary(
      Prisma.sql`picked AS (
        SELECT id, created_at FROM (${Prisma.join(arms, " UNION ")}) m ORDER BY created_at DESC, id DESC LIMIT ${TEXT_LIMIT + 1}
      ), kept AS (
        SELECT id, created_at FROM picked ORDER BY created_at DESC, id DESC LIMIT ${TEXT_LIMIT}
      ), facts AS (${liveFacts(Prisma.sql`FROM kept k JOIN task_operation_logs l ON l.id = k.id`, Prisma.empty)})`,
      // How many matched (up to one more than the limit), and the day of the oldest one kept.
      Prisma.sql`UNION ALL SELECT ${SAMPLE}, NULL, NULL,
        (SELECT to_char(min(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM kept), (SELECT count(*)::int FROM picked), 0, 0, NULL`,
    ),
  );
  const matched = rows.find((r) => r.g === SAMPLE);
  const sample =
    matched && (matched.n ?? 0) > TEXT_LIMIT && matched.day ? { limit: TEXT_LIMIT, since: matched.day } : null;
  return summarise(rows, window, sample);
}

/** Log rows as rollup-shaped facts: per day, operation and status, each duration a bucket of one. */
function liveFacts(from: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT day, operation, status, count(*)::int AS count,
           coalesce(array_agg(b) FILTER (WHERE b IS NOT NULL), '{}') AS buckets,
           coalesce(array_agg(1) FILTER (WHERE b IS NOT NULL), '{}') AS counts,
           sum(rated)::int AS rated, sum(helpful)::int AS helpful
    FROM (${rowFacts(from, where)}) r
    GROUP BY day, operation, status`;
}

/**
 * Runs a figures statement without JIT compilation: the per-row lookups (rated replies) make
 * PostgreSQL's estimates large enough to compile, which costs 100–200 ms for a statement that
 * runs in a few. (PGlite has no JIT; the setting is accepted and changes nothing.)
 */
async function query(db: Db, sql: Prisma.Sql): Promise<FigureRow[]> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return tx.$queryRaw<FigureRow[]>(sql);
  });
}

/** GROUPING(status, operation, day) of each grouping set, and the markers of the other rows. */
const ALL = 7;
const BY_STATUS = 3;
const BY_OPERATION = 5;
const BY_DAY = 6;
const HISTOGRAM = -1;
const SAMPLE = -2;

type FigureRow = {
  g: number;
  status: StatusName | null;
  operation: OperationName | null;
  day: string | null;
  n: number | null;
  rated: number | null;
  helpful: number | null;
  bucket: number | null;
};

/** Every figure from the facts in one statement: the totals per grouping set, and the merged duration histogram. */
function summary(ctes: Prisma.Sql, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    WITH ${ctes}
    SELECT GROUPING(status, operation, day)::int AS g, status::text AS status, operation::text AS operation,
           to_char(day, 'YYYY-MM-DD') AS day, sum(count)::int AS n, sum(rated)::int AS rated, sum(helpful)::int AS helpful,
           NULL::int AS bucket
    FROM facts GROUP BY GROUPING SETS ((), (status), (operation), (day))
    UNION ALL
    SELECT ${HISTOGRAM}, NULL, NULL, NULL, sum(h.n)::int, 0, 0, h.b
    FROM (SELECT unnest(buckets) AS b, unnest(counts) AS n FROM facts) h
    GROUP BY h.b
    ${extra}`;
}

function summarise(rows: FigureRow[], window: LogFigures["window"], sample: LogFigures["sample"]): LogFigures {
  const all = rows.find((r) => r.g === ALL);
  const byStatus = (status: StatusName) => rows.find((r) => r.g === BY_STATUS && r.status === status)?.n ?? 0;
  const succeeded = byStatus("success");
  const failed = byStatus("failed");
  const histogram: Histogram = new Map(
    rows.flatMap((r) => (r.g === HISTOGRAM && r.bucket !== null ? [[r.bucket, r.n ?? 0] as const] : [])),
  );
  const rated = all?.rated ?? 0;
  const helpful = all?.helpful ?? 0;
  return {
    total: all?.n ?? 0,
    succeeded,
    failed,
    rejected: byStatus("rejected"),
    pending: byStatus("pending"),
    failureRate: succeeded + failed ? failed / (succeeded + failed) : null,
    p50Ms: histogramPercentile(histogram, 0.5),
    p95Ms: histogramPercentile(histogram, 0.95),
    byOperation: rows
      .flatMap((r) => (r.g === BY_OPERATION && r.operation && r.n ? [{ operation: r.operation, count: r.n }] : []))
      .sort((a, b) => b.count - a.count || a.operation.localeCompare(b.operation)),
    byDay: rows
      .flatMap((r) => (r.g === BY_DAY && r.day && r.n ? [{ day: r.day, count: r.n }] : []))
      .sort((a, b) => a.day.localeCompare(b.day)),
    ratedReplies: rated,
    helpfulReplies: helpful,
    helpfulShare: rated ? helpful / rated : null,
    window,
    sample,
  };
}

/** The later of two days, either optional (YYYY-MM-DD compares as text). */
function later(a: string | null | undefined, b: string | null | undefined): string | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return a > b ? a : b;
}

function earlier(a: string | null | undefined, b: string | null | undefined): string | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return a < b ? a : b;
}

function dayBefore(day: string): string {
  return new Date(dayStart(day).getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
