// What a list filter's period means — "overdue", "today", "this week" — defined once. The task
// service turns these bounds into SQL; the offline interpreter applies the same bounds to the
// tasks it holds when a group request ("complete everything due today") names them.
import "server-only";
import { bucketRange, dayRangeBounds, parseDue, todayIn, type Due } from "./dates";
import { addDays } from "@/lib/time/zone";
import type { DUE_BUCKETS } from "./schemas";
import type { TaskSnapshot } from "./types";

export type DueBucket = (typeof DUE_BUCKETS)[number];

/** Overdue: a day with no time from the next day on, a timed task once its moment has passed. */
export function overdueBounds(now: Date, timeZone: string): { allDayBefore: Date; timedBefore: Date } {
  const today = todayIn(now, timeZone);
  return { allDayBefore: new Date(Date.UTC(today.year, today.month - 1, today.day)), timedBefore: now };
}

/** Upcoming (the task panel's view): due from tomorrow on, in the user's zone. */
export function upcomingBounds(now: Date, timeZone: string) {
  return dayRangeBounds({ from: addDays(todayIn(now, timeZone), 1), to: null }, timeZone);
}

/** The instants a period covers, for all-day dues (UTC midnights) and timed ones. */
export function bucketBounds(bucket: Exclude<DueBucket, "overdue">, now: Date, timeZone: string) {
  return dayRangeBounds(bucketRange(bucket, now, timeZone), timeZone);
}

function within(due: Due, bounds: ReturnType<typeof bucketBounds>): boolean {
  const t = due.date.getTime();
  if (due.allDay)
    return (
      (!bounds.allDay.gte || t >= bounds.allDay.gte.getTime()) &&
      (!bounds.allDay.lte || t <= bounds.allDay.lte.getTime())
    );
  return (!bounds.timed.gte || t >= bounds.timed.gte.getTime()) && (!bounds.timed.lt || t < bounds.timed.lt.getTime());
}

/** Whether a task is in a period, exactly as the service's SQL decides it (overdue ones are pending). */
export function inDueBucket(
  task: Pick<TaskSnapshot, "dueDate" | "status">,
  bucket: DueBucket,
  now: Date,
  timeZone: string,
): boolean {
  const due = task.dueDate ? parseDue(task.dueDate, timeZone) : null;
  if (!due) return false;
  if (bucket === "overdue") {
    const b = overdueBounds(now, timeZone);
    return task.status === "pending" && due.date < (due.allDay ? b.allDayBefore : b.timedBefore);
  }
  return within(due, bucketBounds(bucket, now, timeZone));
}
