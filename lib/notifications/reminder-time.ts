// When a task should be reminded. Pure: the task's state and the user's settings in, an
// instant (or none) out, so the outbox, the tests and any preview agree on one rule.
import "server-only";
import { instantOf } from "@/lib/time/zone";

export type ReminderFields = {
  dueDate: Date | null;
  /** The due date names a day (stored as UTC midnight of that day), not a moment. */
  dueAllDay: boolean;
  remindAt: Date | null;
};

export type ReminderSettings = {
  timeZone: string;
  /** Minutes before a timed due date: 0, 5, 15, 30, 60 or 1440. */
  leadMinutes: number;
  /** Local hour at which an all-day task is reminded. */
  allDayHour: number;
};

const DAY_MINUTES = 24 * 60;

/**
 * An explicit `remindAt` wins; a task due at a time is reminded the lead time before it; a task
 * due on a day is reminded at the all-day hour of that day in the user's zone (a day earlier
 * with the one-day lead, the only lead that means something without a time); no due date, no
 * reminder.
 */
export function reminderTime(task: ReminderFields, settings: ReminderSettings): Date | null {
  if (task.remindAt) return task.remindAt;
  if (!task.dueDate) return null;
  if (!task.dueAllDay) return new Date(task.dueDate.getTime() - settings.leadMinutes * 60_000);
  const day = new Date(task.dueDate.getTime() - (settings.leadMinutes >= DAY_MINUTES ? DAY_MINUTES * 60_000 : 0));
  // The wall-clock hour in the zone, so 09:00 stays 09:00 on both sides of a DST change.
  return instantOf(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: settings.allDayHour,
      minute: 0,
    },
    settings.timeZone,
  );
}
