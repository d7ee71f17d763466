// Explicit reminder moments (contract v2 `remindAt`): "remind me at 8", "an hour before",
// "30 minutes before", "the day before". A task due at a time is reminded then anyway, so a
// reminder is only set when the user names one.
import { findDates, type DateContext } from "./dates";
import { NUMBER_WORDS } from "./text";
import { addDays, dayInZone, isoDate, isoDateTime, wallOf } from "@/lib/time/zone";

const UNIT_MINUTES: Record<string, number> = { minute: 1, min: 1, hour: 60, day: 1440, week: 10080 };
export const OFFSET = String.raw`(?:(an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty[- ]five|\d+|half\s+an?)\s+(minute|min|hour|day|week)s?|the\s+(day|night|week)|a\s+(day))\s+(?:before|earlier|ahead|prior)`;
const WORD_NUMBERS: Record<string, number> = { ...NUMBER_WORDS, fifteen: 15, twenty: 20, thirty: 30, "forty-five": 45, "forty five": 45 };

/** Minutes before the due moment an offset phrase names ("an hour before" → 60), or null. */
export function offsetMinutes(phrase: string): number | null {
  const m = new RegExp(`^${OFFSET}$`, "i").exec(phrase.trim());
  if (!m) return null;
  if (m[3] || m[4]) return (m[3] ?? m[4])!.toLowerCase() === "week" ? 10080 : 1440;
  const unit = UNIT_MINUTES[m[2]!.toLowerCase()]!;
  const n = /^half/i.test(m[1]!) ? 0.5 : /^\d+$/.test(m[1]!) ? +m[1]! : (WORD_NUMBERS[m[1]!.toLowerCase()] ?? 1);
  return n * unit;
}

/** The reminder `minutes` before a due value: a bare due stays a bare date (whole days only). */
export function before(due: string, minutes: number, timeZone: string): string | null {
  if (/T/.test(due)) {
    const at = new Date(Date.parse(due) - minutes * 60_000);
    return isoDateTime(wallOf(at, timeZone), timeZone);
  }
  if (minutes % 1440 !== 0) return null;
  const day = dayInZone(due, timeZone);
  return day ? isoDate(addDays(day, -minutes / 1440)) : null;
}

/** "at 8", "8am", "tomorrow at 9am": a reminder moment; a bare time lands on the due day when there is one. */
export function reminderAt(phrase: string, due: string | null, ctx: DateContext): string | null {
  const scan = findDates(phrase, ctx);
  const d = scan.dates[0];
  if (!d) return null;
  if (!d.hasTime || !d.wall) return d.value;
  const namedDay = /\b(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:st|nd|rd|th)|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(d.text);
  if (due && !namedDay) {
    const day = dayInZone(due, ctx.timeZone);
    let hour = d.wall.hour;
    // "at 8" before a due time that is later in the day: the morning, not the evening.
    const dueWall = /T/.test(due) ? wallOf(new Date(due), ctx.timeZone) : null;
    if (dueWall && hour >= 12 && hour > dueWall.hour && !/pm|p\.m\./i.test(d.text)) hour -= 12;
    if (day) return isoDateTime({ ...day, hour, minute: d.wall.minute }, ctx.timeZone);
  }
  return d.value;
}

/** A reminder clause inside an add ("…, remind me 30 minutes before", "… and remind me at 8"). */
export function extractReminderClause(text: string): { rest: string; spec: string } | null {
  const m = /(?:[,;]\s*|\s+)(?:and\s+)?(?:please\s+)?remind\s+me\s+(.+)$/i.exec(text);
  if (!m || m.index === 0) return null;
  return { rest: text.slice(0, m.index).trim(), spec: m[1]!.trim() };
}

/**
 * "2 hours before" a task due on a day with no time (or with no due date at all) names no
 * moment: we ask for the time rather than guess one. Whole days ("the day before") work on a
 * bare date.
 */
export function reminderNeedsTime(spec: string, due: string | null): boolean {
  const off = offsetMinutes(spec.replace(/\s+(?:it|that)$/i, ""));
  if (off === null) return false;
  return !due || (!/T/.test(due) && off % 1440 !== 0);
}

/** The remindAt a spec gives for a task due at `due`. */
export function remindFromSpec(spec: string, due: string | null, ctx: DateContext): string | null {
  const off = offsetMinutes(spec.replace(/\s+(?:it|that)$/i, ""));
  if (off !== null) return due ? before(due, off, ctx.timeZone) : null;
  return reminderAt(spec, due, ctx);
}
