import "server-only";
import type { Tx } from "@/lib/tasks/log";
import { syncReminder } from "./outbox";

// A day's lead and the all-day hour can put a reminder up to ~2 days before its due date (zones
// differ from UTC by up to 14 h): tasks due before that cannot have a coming reminder.
const REACH_MS = 3 * 24 * 60 * 60_000;

/** Re-runs syncReminder for every open task that may still have a reminder to come (after a settings change). */
export async function resyncComingReminders(tx: Tx, userId: string, now: Date): Promise<void> {
  const tasks = await tx.task.findMany({
    where: {
      userId,
      status: "pending",
      deletedAt: null,
      OR: [{ remindAt: { gt: now } }, { remindAt: null, dueDate: { gt: new Date(now.getTime() - REACH_MS) } }],
    },
  });
  for (const task of tasks) await syncReminder(tx, userId, task, { now });
}
