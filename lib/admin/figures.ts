import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { filterConditions, LOG_FROM, whereClause } from "./filter-sql";
import type { LogFilters, OperationName } from "./filters";

/** Headline figures for the filtered set of operations. */
export type LogFigures = {
  total: number;
  succeeded: number;
  failed: number;
  pending: number;
  /** failed / (succeeded + failed); null when nothing has finished. */
  failureRate: number | null;
  /** Milliseconds, over operations with a recorded duration; null when there are none. */
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
};

/** The filtered set as a CTE, so every figure counts exactly the rows the table lists. */
function filtered(filters: LogFilters): Prisma.Sql {
  return Prisma.sql`WITH f AS (SELECT l.* ${LOG_FROM} ${whereClause(filterConditions(filters))})`;
}

export async function logFigures(db: Db, filters: LogFilters): Promise<LogFigures> {
  const cte = filtered(filters);
  // Three passes over the filtered set, run one after another (PGlite has a single
  // connection); every figure below is an aggregate, so nothing row-sized comes back.
  const [totals] = await db.$queryRaw<
    { total: number; succeeded: number; failed: number; pending: number; p50: number | null; p95: number | null }[]
  >`${cte}
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE status = 'success')::int AS succeeded,
           count(*) FILTER (WHERE status = 'failed')::int AS failed,
           count(*) FILTER (WHERE status = 'pending')::int AS pending,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
    FROM f`;
  // Per operation and per UTC day in one pass (grouping sets).
  const groups = await db.$queryRaw<{ byDay: boolean; operation: OperationName | null; day: string | null; count: number }[]>`${cte}
    SELECT GROUPING(day) = 0 AS "byDay", operation::text AS operation, day, count(*)::int AS count
    FROM (SELECT operation, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM f) x
    GROUP BY GROUPING SETS ((operation), (day))`;
  const [ratings] = await db.$queryRaw<{ rated: number; helpful: number }[]>`${cte}
    SELECT count(*)::int AS rated, count(*) FILTER (WHERE r.feedback = 'up')::int AS helpful
    FROM (${ratedReplies()}) r
    WHERE r.prompt_id IN (SELECT message_id FROM f WHERE message_id IS NOT NULL)`;

  const t = totals ?? { total: 0, succeeded: 0, failed: 0, pending: 0, p50: null, p95: null };
  const finished = t.succeeded + t.failed;
  const rated = ratings?.rated ?? 0;
  const helpful = ratings?.helpful ?? 0;
  return {
    total: t.total,
    succeeded: t.succeeded,
    failed: t.failed,
    pending: t.pending,
    failureRate: finished ? t.failed / finished : null,
    p50Ms: t.p50 === null ? null : Number(t.p50),
    p95Ms: t.p95 === null ? null : Number(t.p95),
    byOperation: groups
      .filter((g) => !g.byDay)
      .map((g) => ({ operation: g.operation!, count: g.count }))
      .sort((a, b) => b.count - a.count || a.operation.localeCompare(b.operation)),
    byDay: groups
      .filter((g) => g.byDay)
      .map((g) => ({ day: g.day!, count: g.count }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    ratedReplies: rated,
    helpfulReplies: helpful,
    helpfulShare: rated ? helpful / rated : null,
  };
}

/*
 * Which assistant message answers which user message: a reply is the assistant message that
 * directly follows the user's message in its conversation (system messages aside). If the next
 * message is the user's again, that message got no saved reply, and a later answer is not
 * credited to it.
 */

/**
 * Rated assistant replies with the user message each answers (prompt_id). Starts from the
 * rated replies, which are few, rather than from every message of the filtered set: one index
 * probe per rated reply instead of a walk through whole conversations.
 */
function ratedReplies(): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id, r.feedback, p.id AS prompt_id
    FROM messages r
    CROSS JOIN LATERAL (
      SELECT m.id, m.role FROM messages m
      WHERE m.conversation_id = r.conversation_id AND m.role <> 'system' AND (m.created_at, m.id) < (r.created_at, r.id)
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT 1
    ) p
    WHERE r.role = 'assistant' AND r.feedback IS NOT NULL AND p.role = 'user'`;
}

/** The id of the assistant reply to one user message, if one was saved. */
export function replyToMessage(messageId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT n.id
    FROM messages um
    CROSS JOIN LATERAL (
      SELECT m.id, m.role FROM messages m
      WHERE m.conversation_id = um.conversation_id AND m.role <> 'system' AND (m.created_at, m.id) > (um.created_at, um.id)
      ORDER BY m.created_at, m.id
      LIMIT 1
    ) n
    WHERE um.id = ${messageId}::uuid AND um.role = 'user' AND n.role = 'assistant'`;
}
