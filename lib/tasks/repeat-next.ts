// The next occurrence of a repeating task, for completing it (the service moves its due date
// here). rrule is given the due date as a "floating" wall-clock time (the zone's hours written as
// UTC) and the answer is read back in the user's zone, so "every day at 9:00" stays 09:00 local
// across DST changes; rrule's own TZID support depends on the machine's zone and is not used.
import rrule from "rrule";
import { instantOf, wallOf } from "@/lib/time/zone";
import { normalizeRepeat } from "./repeat";

const { RRule } = rrule;

const floating = (w: { year: number; month: number; day: number; hour: number; minute: number }) =>
  new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));

function wallIn(instant: Date, allDay: boolean, timeZone: string) {
  if (allDay)
    return {
      year: instant.getUTCFullYear(),
      month: instant.getUTCMonth() + 1,
      day: instant.getUTCDate(),
      hour: 0,
      minute: 0,
    };
  return wallOf(instant, timeZone);
}

/**
 * The first occurrence of `rule` after `due` (and after `after`, when given: completing an
 * overdue daily task moves it past today, not to the day after its old due date). All-day dues
 * are UTC midnights of their day and stay so; timed ones are instants. Null when the rule is not
 * usable or has no more occurrences (UNTIL passed). COUNT counts from the current due date: the
 * rule does not remember earlier occurrences.
 */
export function nextOccurrence(rule: string, due: Date, allDay: boolean, timeZone: string, after?: Date): Date | null {
  const text = normalizeRepeat(rule);
  if (!text) return null;
  const start = floating(wallIn(due, allDay, timeZone));
  const recurrence = new RRule({ ...RRule.parseString(text), dtstart: start });
  let from = start;
  if (after) {
    const a = wallIn(after, false, timeZone);
    const floor = floating(allDay ? { ...a, hour: 0, minute: 0 } : a);
    if (floor > from) from = floor;
  }
  const next = recurrence.after(from, false);
  if (!next) return null;
  const day = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
  if (allDay) return new Date(Date.UTC(day.year, day.month - 1, day.day));
  return instantOf({ ...day, hour: next.getUTCHours(), minute: next.getUTCMinutes() }, timeZone);
}

/**
 * Where a repeating task with no due date starts: its first occurrence from today on, in the
 * user's zone — a day when the rule names no hour, else that moment. Null when the rule has none.
 */
export function firstOccurrence(rule: string, timeZone: string, now: Date): { date: Date; allDay: boolean } | null {
  const allDay = !/BYHOUR=/i.test(rule);
  const w = wallOf(now, timeZone);
  // From the end of yesterday (all-day) or a minute ago, so today, or this moment, still counts.
  const from = allDay ? new Date(Date.UTC(w.year, w.month - 1, w.day - 1)) : new Date(now.getTime() - 60_000);
  const date = nextOccurrence(rule, from, allDay, timeZone);
  return date ? { date, allDay } : null;
}
