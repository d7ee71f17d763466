import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { BOUNDS } from "./rollup-histogram";

// Per-day rollups of the operation log, so the admin figures read a few hundred rollup rows
// instead of every log row in the period (2M rows: 0.1–0.6 s before, see docs/benchmarks.md).
//
// Why tables filled by a step, not a materialised view: a view refreshes whole (minutes at
// 2M rows, and PGlite blocks every other query meanwhile); "incremental" refresh is an extension
// neither PostgreSQL nor PGlite ships. Why not counters bumped by each write: every chat turn
// would update the same counter row (today × operation × status × source) and wait for the
// turn before it. So rows are rolled up afterwards, one day per transaction, up to the rollup
// cut: the last full UTC hour that ended at least 10 minutes ago (operation_log_rollup_cut() in
// the migration; longer than any transaction that writes log rows runs, so a rollup never
// misses a row that commits late). Past days are rolled up whole; today up to the cut, again
// each hour; the figures read the rest (at most about 70 minutes of rows) from the log.
//
// A rolled-up row can still change: a user deleted, retention, a reply rated days later.
// Triggers (migration 20261204100000_operation_log_rollups) mark such a day stale, and it is
// rolled up again: by the background step below (the notification worker runs it, and
// `npm run retention`), or by the figures panel when a past day it needs is not fresh.
//
// Two tables: everyone's figures per (day, operation, status, source), a few dozen rows a day,
// and the same per user, for the user filter. Durations are sparse histograms
// (rollup-histogram.ts), so p50/p95 come out within a bucket of the exact value.

/**
 * One row per log row as the figures count it: its day, dimensions, duration bucket (none for a
 * rejection, which never ran, or a row without a duration) and the rated replies it carries. A
 * turn's rated reply is carried by the turn's first operation of that day, so a turn of five
 * operations counts its reply once however the rows are grouped; a filter that leaves out that
 * first operation leaves out the reply.
 */
export function rowFacts(from: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  // The first-operation check runs only for a row whose turn has a rated reply: inside a CASE on
  // the count, or PostgreSQL would move it out of HAVING and run it for every row.
  return Prisma.sql`
    SELECT l.user_id, (l.created_at AT TIME ZONE 'UTC')::date AS day, l.operation, l.status, l.source,
           CASE WHEN l.status <> 'rejected' THEN width_bucket(l.duration_ms, ${[...BOUNDS]}::int[]) END AS b,
           coalesce(r.rated, 0) AS rated, coalesce(r.helpful, 0) AS helpful
    ${from}
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS rated, count(*) FILTER (WHERE m.feedback = 'up')::int AS helpful
      FROM messages m
      WHERE m.reply_to_id = l.message_id AND m.role = 'assistant' AND m.feedback IS NOT NULL
      HAVING CASE WHEN count(*) = 0 THEN false ELSE NOT EXISTS (
        SELECT 1 FROM task_operation_logs x
        WHERE x.message_id = l.message_id AND x.created_at >= date_trunc('day', l.created_at, 'UTC')
          AND (x.created_at, x.id) < (l.created_at, l.id)
      ) END
    ) r ON true
    ${where}`;
}

export type RollupSpan = {
  /** The rollup cut: rows created before it may be rolled up. */
  cut: Date;
  /** The UTC day the cut falls in (YYYY-MM-DD): days before it are closed, and rolled up whole. */
  openDay: string;
  /** How far the open day is rolled up (fresh), or null when it is not. */
  openThrough: Date | null;
  /** The day of the oldest log row; null when the log is empty. */
  firstDay: string | null;
  /** Closed days in the range asked for that have no fresh rollup of the whole day, newest first. */
  missing: string[];
};

/** Where the cut is, and which closed days (between from and to, both optional) need rolling up. */
export async function rollupSpan(db: Db, range: { from?: string; to?: string } = {}): Promise<RollupSpan> {
  const [row] = await db.$queryRaw<RollupSpan[]>`
    SELECT b.cut, to_char(b.open_day, 'YYYY-MM-DD') AS "openDay", to_char(b.first_day, 'YYYY-MM-DD') AS "firstDay",
           (SELECT x.through FROM operation_log_days x WHERE x.day = b.open_day AND x.fresh) AS "openThrough",
           ARRAY(
             SELECT to_char(s.d, 'YYYY-MM-DD')
             FROM generate_series(greatest(b.first_day, ${range.from ?? null}::date), least(b.open_day - 1, ${range.to ?? null}::date), interval '1 day') AS s(d)
             WHERE b.first_day IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM operation_log_days x
               WHERE x.day = s.d::date AND x.fresh AND x.through >= (s.d + interval '1 day') AT TIME ZONE 'UTC'
             )
             ORDER BY s.d DESC
           ) AS missing
    FROM (
      SELECT operation_log_rollup_cut() AS cut, (operation_log_rollup_cut() AT TIME ZONE 'UTC')::date AS open_day,
             (SELECT (min(created_at) AT TIME ZONE 'UTC')::date FROM task_operation_logs) AS first_day
    ) b`;
  if (!row) throw new Error("The rollup span query returned no row.");
  return row;
}

/**
 * Rolls up one day (YYYY-MM-DD) from its log rows created before `through` (the day's end when
 * not given; for the open day, the cut), replacing what was there. Returns false when the day
 * was rolled up that far already (another process did it meanwhile).
 */
export async function rollUpDay(db: Db, day: string, through?: Date): Promise<boolean> {
  const start = new Date(`${day}T00:00:00.000Z`);
  const end = through ?? new Date(start.getTime() + 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    // The day's row lock first: a change to the day's rows waits for this rollup and then marks
    // the day stale again, or this waits for the change to commit and reads it (see the migration).
    const [marker] = await tx.$queryRaw<{ fresh: boolean; through: Date | null }[]>`
      INSERT INTO operation_log_days (day, fresh) VALUES (${day}::date, false)
      ON CONFLICT (day) DO UPDATE SET day = EXCLUDED.day
      RETURNING fresh, through`;
    if (marker?.fresh && marker.through && marker.through >= end) return false;
    await tx.$executeRaw`SET LOCAL jit = off`; // see lib/admin/figures.ts
    await tx.$executeRaw`DELETE FROM operation_log_daily WHERE day = ${day}::date`;
    await tx.$executeRaw`DELETE FROM operation_log_user_daily WHERE day = ${day}::date`;
    const facts = rowFacts(
      Prisma.sql`FROM task_operation_logs l`,
      Prisma.sql`WHERE l.created_at >= ${start}::timestamptz AND l.created_at < ${end}::timestamptz`,
    );
    // Both tables from one pass over the day's rows: per user first, everyone's from those.
    await tx.$executeRaw`
      WITH facts AS (${facts}),
      per_bucket AS (
        SELECT user_id, operation, status, source, b, count(*)::int AS n, sum(rated)::int AS rated, sum(helpful)::int AS helpful
        FROM facts GROUP BY user_id, operation, status, source, b
      ),
      by_user AS (
        INSERT INTO operation_log_user_daily (user_id, day, operation, status, source, count, buckets, bucket_counts, rated, helpful)
        SELECT user_id, ${day}::date, operation, status, source, sum(n)::int, ${histogramColumns}, sum(rated)::int, sum(helpful)::int
        FROM per_bucket GROUP BY user_id, operation, status, source
      )
      INSERT INTO operation_log_daily (day, operation, status, source, count, buckets, bucket_counts, rated, helpful)
      SELECT ${day}::date, operation, status, source, sum(n)::int, ${histogramColumns}, sum(rated)::int, sum(helpful)::int
      FROM (
        SELECT operation, status, source, b, sum(n)::int AS n, sum(rated)::int AS rated, sum(helpful)::int AS helpful
        FROM per_bucket GROUP BY operation, status, source, b
      ) g
      GROUP BY operation, status, source`;
    await tx.$executeRaw`UPDATE operation_log_days SET fresh = true, through = ${end}::timestamptz WHERE day = ${day}::date`;
    return true;
  });
}

/** The sparse histogram of a group of (bucket b, count n) rows: the buckets in order, and their counts. */
const histogramColumns = Prisma.sql`
  coalesce(array_agg(b ORDER BY b) FILTER (WHERE b IS NOT NULL), '{}'),
  coalesce(array_agg(n ORDER BY b) FILTER (WHERE b IS NOT NULL), '{}')`;

/** Rolls up the given closed days one by one (each its own short transaction); returns how many it rolled. */
export async function rollUpDays(db: Db, days: string[]): Promise<number> {
  let rolled = 0;
  for (const day of days) if (await rollUpDay(db, day)) rolled++;
  return rolled;
}

export type RollupPass = { rolled: number; remaining: number; forgotten: number };

/**
 * The background step: rolls up the open day to the cut when the cut has moved (once an hour),
 * then closed days that are missing or stale, newest first, until `budgetMs` has passed (on
 * PGlite every other query waits while a day is rolled up, so a backlog of years goes a little
 * at a time); and forgets rollups of days older than the oldest log row (retention deleted them).
 */
export async function catchUpRollups(db: Db, options: { budgetMs?: number } = {}): Promise<RollupPass> {
  const started = performance.now();
  const span = await rollupSpan(db);
  const forgotten = span.firstDay ? await forgetBefore(db, span.firstDay) : 0;
  let rolled = 0;
  const openStart = new Date(`${span.openDay}T00:00:00.000Z`);
  if (span.cut > openStart && !(span.openThrough && span.openThrough >= span.cut))
    if (await rollUpDay(db, span.openDay, span.cut)) rolled++;
  let done = 0;
  // At least one day per pass, however small the budget: a backlog always shrinks.
  for (const day of span.missing) {
    if (await rollUpDay(db, day)) rolled++;
    done++;
    if (options.budgetMs !== undefined && performance.now() - started > options.budgetMs) break;
  }
  return { rolled, remaining: span.missing.length - done, forgotten };
}

/** Drops the rollups of days before the oldest log row. */
async function forgetBefore(db: Db, firstDay: string): Promise<number> {
  const gone = await db.$queryRaw<{ day: Date }[]>`
    DELETE FROM operation_log_days WHERE day < ${firstDay}::date RETURNING day`;
  if (!gone.length) return 0;
  await db.$executeRaw`DELETE FROM operation_log_daily WHERE day < ${firstDay}::date`;
  await db.$executeRaw`DELETE FROM operation_log_user_daily WHERE day < ${firstDay}::date`;
  return gone.length;
}

/**
 * The step for the notification worker's passes (lib/notifications/start.ts): a second of work
 * at most per pass, every pass while there is a backlog, then once a minute.
 */
export function rollupSchedule(db: Db, options: { everyMs?: number; budgetMs?: number } = {}) {
  const everyMs = options.everyMs ?? 60_000;
  let next = -Infinity;
  return async (now: Date): Promise<void> => {
    if (now.getTime() < next) return;
    const pass = await catchUpRollups(db, { budgetMs: options.budgetMs ?? 1_000 });
    next = pass.remaining ? -Infinity : now.getTime() + everyMs;
  };
}
