// Scheduling a task's reminder into the outbox. The task service calls syncReminder inside the
// transaction of every change to a task, so a reminder row exists exactly when the change that
// asked for it committed, and a cancelled one never fires after the change that cancelled it.
import "server-only";
import type { NotificationChannel } from "@/generated/prisma/client";
import type { Tx } from "@/lib/tasks/log";
import { emailConfigured } from "./mail-config";
import { reminderTime } from "./reminder-time";
import { readSettings } from "./settings";

/** The task's state after the change (a task row from the service has every field). */
export type ReminderTask = {
  id: string;
  number?: number;
  title: string;
  status: "pending" | "completed";
  deletedAt: Date | null;
  dueDate: Date | null;
  dueAllDay: boolean;
  remindAt: Date | null;
};

/** What a reminder row says, as of the change that scheduled it. */
export type ReminderPayload = {
  taskNumber: number | null;
  title: string;
  /** ISO instant the reminder is for. */
  at: string;
  dueDate: string | null;
  dueAllDay: boolean;
  /** The zone the reminder was worked out in, for showing times in e-mails. */
  timeZone: string;
};

export type SyncOptions = {
  /** The zone of the request (the browser's): used until the user saves one in /settings. */
  timeZone?: string;
  now?: Date;
};

/**
 * Cancels the task's pending reminder rows and schedules the one its state now calls for: in-app
 * always, e-mail too when the user wants e-mail and SMTP is configured. A completed or deleted
 * task, one with no reminder time, or one whose reminder time has passed gets none. A pending row
 * for the same moment is kept (only its wording refreshed), so a rename does not re-send, and a
 * row a worker is delivering right now is not cancelled under it.
 */
export async function syncReminder(
  tx: Tx,
  userId: string,
  task: ReminderTask,
  options: SyncOptions = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const settings = await readSettings(tx, userId);
  const timeZone = settings.timeZone ?? options.timeZone ?? "UTC";
  const live = task.status === "pending" && !task.deletedAt;
  const at = live
    ? reminderTime(task, { timeZone, leadMinutes: settings.reminderLeadMinutes, allDayHour: settings.allDayHour })
    : null;
  const scheduled = at && at.getTime() > now.getTime() ? at : null;
  const channels: NotificationChannel[] = scheduled
    ? ["in_app", ...(settings.emailReminders && emailConfigured() ? (["email"] as const) : [])]
    : [];
  const payload: ReminderPayload | null = scheduled && {
    taskNumber: task.number ?? null,
    title: task.title,
    at: scheduled.toISOString(),
    dueDate: task.dueDate?.toISOString() ?? null,
    dueAllDay: task.dueAllDay,
    timeZone,
  };

  const existing = await tx.notification.findMany({
    where: {
      taskId: task.id,
      type: "reminder",
      OR: [{ status: "pending" }, { status: "sent", channel: "in_app", readAt: null }],
    },
    select: { id: true, channel: true, status: true, payload: true },
  });
  const atOf = (row: { payload: unknown }) => (row.payload as Partial<ReminderPayload> | null)?.at;
  const pending = existing.filter((row) => row.status === "pending");
  const kept = pending.filter((row) => payload && channels.includes(row.channel) && atOf(row) === payload.at);
  const dropped = pending.filter((row) => !kept.includes(row));
  if (dropped.length)
    await tx.notification.updateMany({
      where: { id: { in: dropped.map((r) => r.id) }, status: "pending" },
      data: { status: "cancelled" },
    });
  if (payload && kept.length)
    await tx.notification.updateMany({ where: { id: { in: kept.map((r) => r.id) } }, data: { payload } });
  const missing = channels.filter((channel) => !kept.some((row) => row.channel === channel));
  if (scheduled && payload && missing.length) {
    await tx.notification.createMany({
      data: missing.map((channel) => ({
        userId,
        taskId: task.id,
        channel,
        type: "reminder" as const,
        payload,
        nextAttemptAt: scheduled,
      })),
    });
  }
  // A reminder already in the bell goes once its moment no longer applies (done, deleted,
  // snoozed, moved); a rename or a tag change leaves it.
  const stale = existing.filter((row) => row.status === "sent" && atOf(row) !== at?.toISOString());
  if (stale.length)
    await tx.notification.updateMany({ where: { id: { in: stale.map((r) => r.id) } }, data: { readAt: now } });
}
