// Outbox retention (seed 003: sent mail deleted after 30 days, failed kept 7): delivered and
// cancelled rows go after RETENTION_NOTIFICATIONS_SENT_DAYS, failed ones after
// RETENTION_NOTIFICATIONS_FAILED_DAYS. Pending rows are never touched. Run by `npm run retention`.
import "server-only";
import type { Db } from "@/lib/db/client";
import { settings, type EnvSource } from "@/lib/env";

export type OutboxPolicy = { sentDays: number; failedDays: number };

export function outboxPolicyFromEnv(env: EnvSource = process.env): OutboxPolicy {
  const days = settings(["RETENTION_NOTIFICATIONS_SENT_DAYS", "RETENTION_NOTIFICATIONS_FAILED_DAYS"], env);
  return { sentDays: days.RETENTION_NOTIFICATIONS_SENT_DAYS, failedDays: days.RETENTION_NOTIFICATIONS_FAILED_DAYS };
}

/** With no variables set: the defaults declared in lib/env.ts. */
export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = outboxPolicyFromEnv({});

const BATCH = 5000;

/** Deletes (or, with dryRun, counts) outbox rows past their keep time, in small batches. */
export async function purgeOutbox(
  db: Db,
  options: { policy?: OutboxPolicy; now?: Date; dryRun?: boolean } = {},
): Promise<{ notificationsDeleted: number }> {
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
