import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { settings, type EnvSource } from "@/lib/env";

// Retention: messages older than a year and operation logs older than two years are deleted,
// conversations with no activity for 90 days are archived. Safe to run daily: each step only
// touches rows past their cut-off, deletes go in small batches (no long locks, no huge
// transactions), and running it twice in a row changes nothing the second time.

export type RetentionPolicy = { messagesDays: number; logsDays: number; archiveDays: number };

export type RetentionCounts = { messagesDeleted: number; logsDeleted: number; conversationsArchived: number };

/** The policy from RETENTION_* environment variables; a bad value throws a line per variable. */
export function policyFromEnv(env: EnvSource = process.env): RetentionPolicy {
  const days = settings(["RETENTION_MESSAGES_DAYS", "RETENTION_LOGS_DAYS", "RETENTION_ARCHIVE_DAYS"], env);
  return {
    messagesDays: days.RETENTION_MESSAGES_DAYS,
    logsDays: days.RETENTION_LOGS_DAYS,
    archiveDays: days.RETENTION_ARCHIVE_DAYS,
  };
}

/** With no variables set: the defaults declared in lib/env.ts. */
export const DEFAULT_POLICY: RetentionPolicy = policyFromEnv({});

export type Cutoffs = { messagesBefore: Date; logsBefore: Date; inactiveSince: Date };

export function cutoffs(policy: RetentionPolicy, now: Date): Cutoffs {
  const ago = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
  return {
    messagesBefore: ago(policy.messagesDays),
    logsBefore: ago(policy.logsDays),
    inactiveSince: ago(policy.archiveDays),
  };
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
  if (!row) throw new Error("A query of three counts returned no row.");
  return { messagesDeleted: row.messages, logsDeleted: row.logs, conversationsArchived: row.conversations };
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
