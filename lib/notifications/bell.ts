// What the bell shows: the user's sent, unread in-app reminders, newest first.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { ReminderPayload } from "./outbox";

export type BellItem = {
  id: string;
  title: string;
  /** The task's number now (null when the task is gone). */
  taskNumber: number | null;
  /** ISO instant the reminder was for. */
  at: string;
  dueDate: string | null;
  dueAllDay: boolean;
  sentAt: string;
};

const BELL_LIMIT = 50;

export async function unreadReminders(db: Db, userId: string): Promise<{ items: BellItem[]; unread: number }> {
  const where = { userId, channel: "in_app" as const, status: "sent" as const, readAt: null };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: BELL_LIMIT,
      select: {
        id: true,
        payload: true,
        sentAt: true,
        task: { select: { number: true, title: true, deletedAt: true } },
      },
    }),
    db.notification.count({ where }),
  ]);
  const items = rows.map((row) => {
    // Only a sent row is read here, and sending stamps sentAt.
    if (!row.sentAt) throw new Error(`Notification ${row.id} is sent but has no sentAt.`);
    const p = row.payload as ReminderPayload;
    const task = row.task && !row.task.deletedAt ? row.task : null;
    return {
      id: row.id,
      title: task?.title ?? p.title,
      taskNumber: task?.number ?? null,
      at: p.at,
      dueDate: p.dueDate,
      dueAllDay: p.dueAllDay,
      sentAt: row.sentAt.toISOString(),
    };
  });
  return { items, unread };
}

/** Marks the user's own in-app rows read; ids of other users' rows change nothing. */
export async function markRead(db: Db, userId: string, ids: string[], now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { id: { in: ids }, userId, channel: "in_app", readAt: null },
    data: { readAt: now },
  });
  return count;
}
