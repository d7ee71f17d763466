// Due dates as stored: a bare date (all-day) is kept as UTC midnight of that calendar day, so
// it reads as the same day in every zone; a date-time is an instant.
import "server-only";
import { BARE_DATE as BARE } from "@/lib/time/due";
import { fail } from "./log";
import { addDays, instantOf, isoDate, wallOf, weekdayOf, type Wall } from "@/lib/time/zone";

export type Due = { date: Date; allDay: boolean };
type Day = { year: number; month: number; day: number };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONED = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function realDay(year: number, month: number, day: number): boolean {
  const t = new Date(Date.UTC(year, month - 1, day));
  return (
    t.getUTCFullYear() === year &&
    t.getUTCMonth() === month - 1 &&
    t.getUTCDate() === day &&
    year >= 1900 &&
    year <= 9999
  );
}

/** A contract date string → what to store, or null when it is not a real date. */
export function parseDue(value: string, timeZone: string): Due | null {
  const s = value.trim();
  const bare = BARE.exec(s);
  if (bare) {
    const [y, m, d] = [+bare[1], +bare[2], +bare[3]];
    return realDay(y, m, d) ? { date: new Date(Date.UTC(y, m - 1, d)), allDay: true } : null;
  }
  const local = LOCAL.exec(s);
  if (local) {
    const [y, m, d, h, min] = [+local[1], +local[2], +local[3], +local[4], +local[5]];
    if (!realDay(y, m, d) || h > 23 || min > 59) return null;
    return { date: instantOf({ year: y, month: m, day: d, hour: h, minute: min }, timeZone), allDay: false };
  }
  const zoned = ZONED.exec(s);
  if (zoned) {
    const [y, m, d] = [+zoned[1], +zoned[2], +zoned[3]];
    const t = Date.parse(s);
    return realDay(y, m, d) && !Number.isNaN(t) ? { date: new Date(t), allDay: false } : null;
  }
  return null;
}

/** parseDue for a string the contract's schema already accepted: it is a real date, or a bug. */
export function parseCheckedDue(value: string, timeZone: string): Due {
  const due = parseDue(value, timeZone);
  if (!due) throw new Error(`A due date the schema accepted did not parse: ${value}`);
  return due;
}

/** How a stored due date is shown to tools and the UI: a bare date when all-day. */
export function dueString(date: Date | null, allDay: boolean): string | null {
  if (!date) return null;
  return allDay ? date.toISOString().slice(0, 10) : date.toISOString();
}

/** Days [from, to] inclusive, as bounds for all-day (UTC midnight) and timed (zone) dues. */
export type DayRange = { from: Day | null; to: Day | null };

export function dayRangeBounds(range: DayRange, timeZone: string) {
  const utc = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day));
  const zoneStart = (d: Day) => instantOf({ ...d, hour: 0, minute: 0 } as Wall, timeZone);
  return {
    allDay: { gte: range.from ? utc(range.from) : undefined, lte: range.to ? utc(range.to) : undefined },
    timed: {
      gte: range.from ? zoneStart(range.from) : undefined,
      lt: range.to ? zoneStart(addDays(range.to, 1)) : undefined,
    },
  };
}

export function todayIn(now: Date, timeZone: string): Day {
  const w = wallOf(now, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** The days a list filter means, in the user's zone. Weeks start on Monday. */
export function bucketRange(
  bucket: "today" | "tomorrow" | "this_week" | "next_week",
  now: Date,
  timeZone: string,
): DayRange {
  const today = todayIn(now, timeZone);
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  switch (bucket) {
    case "today":
      return { from: today, to: today };
    case "tomorrow":
      return { from: addDays(today, 1), to: addDays(today, 1) };
    case "this_week":
      return { from: today, to: addDays(monday, 6) };
    case "next_week":
      return { from: addDays(monday, 7), to: addDays(monday, 13) };
  }
}

export { isoDate };

/** The morning hour a reminder given as a bare day fires at (the settings' default all-day hour). */
export const DAY_REMINDER_HOUR = 9;

/**
 * A reminder moment from the contract's string: a date-time as given; a bare day (a reminder
 * "on Friday") at DAY_REMINDER_HOUR in the user's zone, never at UTC midnight.
 */
export function reminderMoment(value: string, timeZone: string): Date {
  const due = parseCheckedDue(value, timeZone);
  if (!due.allDay) return due.date;
  const d = due.date;
  return instantOf(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: DAY_REMINDER_HOUR, minute: 0 },
    timeZone,
  );
}

/** A reminder moment that must lie ahead: one in the past is refused, saying so. */
export function futureReminder(value: string, ctx: { timeZone?: string }, now: Date): Date {
  const at = reminderMoment(value, ctx.timeZone ?? "UTC");
  if (at.getTime() <= now.getTime()) {
    fail({
      ok: false,
      code: "invalid_input",
      message: `The reminder time ${value} has already passed, so nothing was changed; pick a later moment.`,
    });
  }
  return at;
}
