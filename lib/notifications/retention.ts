// Outbox retention (seed 003: sent mail deleted after 30 days, failed kept 7): delivered and
// cancelled rows go after RETENTION_NOTIFICATIONS_SENT_DAYS, failed ones after
// RETENTION_NOTIFICATIONS_FAILED_DAYS. Pending rows are never touched. Run by `npm run retention`.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";

export type OutboxPolicy = { sentDays: number; failedDays: number };
export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = { sentDays: 30, failedDays: 7 };

const days = (name: string, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || String(fallback))
    .pipe(z.string().regex(/^\d+$/, `${name} must be a whole number of days.`).transform(Number).pipe(z.number().int().min(1, `${name} must be at least 1 day.`).max(36_500, `${name} must be at most 36500 days.`)));

const envSchema = z.object({
  RETENTION_NOTIFICATIONS_SENT_DAYS: days("RETENTION_NOTIFICATIONS_SENT_DAYS", DEFAULT_OUTBOX_POLICY.sentDays),
  RETENTION_NOTIFICATIONS_FAILED_DAYS: days("RETENTION_NOTIFICATIONS_FAILED_DAYS", DEFAULT_OUTBOX_POLICY.failedDays),
});

export function outboxPolicyFromEnv(env: Record<string, string | undefined> = process.env): OutboxPolicy {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return { sentDays: parsed.data.RETENTION_NOTIFICATIONS_SENT_DAYS, failedDays: parsed.data.RETENTION_NOTIFICATIONS_FAILED_DAYS };
}

const BATCH = 5000;

/** Deletes (or, with dryRun, counts) outbox rows past their keep time, in small batches. */
export async function purgeOutbox(db: Db, options: { policy?: OutboxPolicy; now?: Date; dryRun?: boolean } = {}): Promise<{ notificationsDeleted: number }> {
  const policy = options.policy ?? DEFAULT_OUTBOX_POLICY;
  const now = (options.now ?? new Date()).getTime();
  const sentBefore = new Date(now - policy.sentDays * 86_400_000);
  const failedBefore = new Date(now - policy.failedDays * 86_400_000);
  const where = {
    OR: [
      { status: "sent" as const, sentAt: { lt: sentBefore } },
      { status: "cancelled" as const, createdAt: { lt: sentBefore } },
      { status: "failed" as const, createdAt: { lt: failedBefore } },
    ],
  };
  if (options.dryRun) return { notificationsDeleted: await db.notification.count({ where }) };
  let total = 0;
  for (;;) {
    const batch = await db.notification.findMany({ where, select: { id: true }, take: BATCH });
    if (!batch.length) return { notificationsDeleted: total };
    total += (await db.notification.deleteMany({ where: { id: { in: batch.map((r) => r.id) } } })).count;
    if (batch.length < BATCH) return { notificationsDeleted: total };
  }
}
