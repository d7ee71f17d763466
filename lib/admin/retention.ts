import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";

// Retention: messages older than a year and operation logs older than two years are deleted,
// conversations with no activity for 90 days are archived. Safe to run daily: each step only
// touches rows past their cut-off, deletes go in small batches (no long locks, no huge
// transactions), and running it twice in a row changes nothing the second time.

export type RetentionPolicy = { messagesDays: number; logsDays: number; archiveDays: number };

export type RetentionCounts = { messagesDeleted: number; logsDeleted: number; conversationsArchived: number };

export const DEFAULT_POLICY: RetentionPolicy = { messagesDays: 365, logsDays: 730, archiveDays: 90 };

const days = (name: string, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : String(fallback)))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, `${name} must be a whole number of days.`)
        .transform(Number)
        .pipe(z.number().int().min(1, `${name} must be at least 1 day.`).max(36_500, `${name} must be at most 36500 days.`)),
    );

const envSchema = z.object({
  RETENTION_MESSAGES_DAYS: days("RETENTION_MESSAGES_DAYS", DEFAULT_POLICY.messagesDays),
  RETENTION_LOGS_DAYS: days("RETENTION_LOGS_DAYS", DEFAULT_POLICY.logsDays),
  RETENTION_ARCHIVE_DAYS: days("RETENTION_ARCHIVE_DAYS", DEFAULT_POLICY.archiveDays),
});

/** The policy from RETENTION_* environment variables; a bad value throws with a clear message. */
export function policyFromEnv(env: Record<string, string | undefined> = process.env): RetentionPolicy {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return {
    messagesDays: parsed.data.RETENTION_MESSAGES_DAYS,
    logsDays: parsed.data.RETENTION_LOGS_DAYS,
    archiveDays: parsed.data.RETENTION_ARCHIVE_DAYS,
  };
}

export type Cutoffs = { messagesBefore: Date; logsBefore: Date; inactiveSince: Date };

export function cutoffs(policy: RetentionPolicy, now: Date): Cutoffs {
  const ago = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
  return { messagesBefore: ago(policy.messagesDays), logsBefore: ago(policy.logsDays), inactiveSince: ago(policy.archiveDays) };
}

const BATCH = 5000;

/** Applies the policy (or, with dryRun, only counts what it would do). */
export async function runRetention(
  db: Db,
  options: { policy?: RetentionPolicy; now?: Date; dryRun?: boolean } = {},
): Promise<RetentionCounts> {
  const c = cutoffs(options.policy ?? DEFAULT_POLICY, options.now ?? new Date());
  if (options.dryRun) return countDue(db, c);
  return {
    messagesDeleted: await deleteOldMessages(db, c.messagesBefore),
    logsDeleted: await deleteOldLogs(db, c.logsBefore),
    conversationsArchived: await archiveInactive(db, c.inactiveSince),
  };
}

async function countDue(db: Db, c: Cutoffs): Promise<RetentionCounts> {
  const [row] = await db.$queryRaw<{ messages: number; logs: number; conversations: number }[]>`
    SELECT (SELECT count(*)::int FROM messages WHERE created_at < ${c.messagesBefore}::timestamptz) AS messages,
           (SELECT count(*)::int FROM task_operation_logs WHERE created_at < ${c.logsBefore}::timestamptz) AS logs,
           (SELECT count(*)::int FROM conversations WHERE ${inactive(c.inactiveSince)}) AS conversations`;
  return { messagesDeleted: row!.messages, logsDeleted: row!.logs, conversationsArchived: row!.conversations };
}

/**
 * Deletes old messages batch by batch. Each batch also corrects the message_count of the
 * conversations it touched (the 1,000-message limit counts the messages a conversation holds),
 * in the same transaction so the count never disagrees with the rows.
 */
async function deleteOldMessages(db: Db, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ conversation_id: string }[]>`
        DELETE FROM messages WHERE id IN (
          SELECT id FROM messages WHERE created_at < ${before}::timestamptz ORDER BY created_at LIMIT ${BATCH}
        ) RETURNING conversation_id`;
      const conversations = [...new Set(rows.map((row) => row.conversation_id))];
      if (conversations.length) {
        await tx.$executeRaw`
          UPDATE conversations c SET message_count = (SELECT count(*)::int FROM messages m WHERE m.conversation_id = c.id)
          WHERE c.id IN (${Prisma.join(conversations.map((id) => Prisma.sql`${id}::uuid`))})`;
      }
      return rows.length;
    });
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

async function deleteOldLogs(db: Db, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM task_operation_logs WHERE id IN (
        SELECT id FROM task_operation_logs WHERE created_at < ${before}::timestamptz ORDER BY created_at LIMIT ${BATCH}
      )`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/** updated_at is left alone: archiving is not activity, and the sidebar orders by activity. */
async function archiveInactive(db: Db, since: Date): Promise<number> {
  return db.$executeRaw`UPDATE conversations SET status = 'archived' WHERE ${inactive(since)}`;
}

/** Active, with the last message (or, for an empty conversation, the last change) before the cut-off. */
function inactive(since: Date): Prisma.Sql {
  return Prisma.sql`status = 'active' AND COALESCE(last_message_at, updated_at) < ${since}::timestamptz`;
}
