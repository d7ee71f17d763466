// Time-zone arithmetic with Intl only. The machine's own zone must never leak into a
// result, so every conversion goes through explicit wall-clock parts of the user's zone.

import { zonedDateTimeFormat } from "./intl";

export type Wall = { year: number; month: number; day: number; hour: number; minute: number };

const WALL_PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
};

const formatter = (timeZone: string) => zonedDateTimeFormat("en-US", WALL_PARTS, timeZone);

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

// formatToParts is the costly step of every date reading, and the same few instants (now, the
// start of today, a due date) are read over and over: each is read once (a copy is handed out).
const walls = new Map<string, Wall & { second: number }>();

/** Wall-clock parts of an instant in a zone (seconds dropped). */
export function wallOf(instant: Date, timeZone: string): Wall & { second: number } {
  const key = `${timeZone}|${instant.getTime()}`;
  let wall = walls.get(key);
  if (!wall) {
    if (walls.size >= 10_000) walls.clear();
    wall = readWall(instant, timeZone);
    walls.set(key, wall);
  }
  return { ...wall };
}

function readWall(instant: Date, timeZone: string): Wall & { second: number } {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    // Some engines print midnight as 24 even with h23.
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (New York in summer: -240). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / 60000);
}

/**
 * The instant at which the zone's clocks show `wall`. A time skipped by a DST jump
 * moves forward by the jump; a repeated time takes its first occurrence (as Temporal's
 * "compatible" disambiguation does).
 */
export function instantOf(wall: Wall, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offsets in force a day either side cover both sides of any DST change.
  const offsets = new Set([
    offsetMinutes(new Date(guess - 86400000), timeZone),
    offsetMinutes(new Date(guess), timeZone),
    offsetMinutes(new Date(guess + 86400000), timeZone),
  ]);
  const candidates = [...offsets].map((off) => ({ t: guess - off * 60000, off }));
  const valid = candidates.filter((c) => offsetMinutes(new Date(c.t), timeZone) === c.off).map((c) => c.t);
  // A repeated time (fall back) takes its first occurrence.
  if (valid.length) return new Date(Math.min(...valid));
  // A skipped time (spring forward) has no valid reading; the later instant is the wall
  // time pushed forward by the jump (2:30 becomes 3:30).
  return new Date(Math.max(...candidates.map((c) => c.t)));
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, "0");

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

export function isoDate(w: { year: number; month: number; day: number }): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `2026-03-11T17:00:00-04:00`: the wall time with the zone's offset at that moment. */
export function isoDateTime(wall: Wall, timeZone: string): string {
  const instant = instantOf(wall, timeZone);
  const actual = wallOf(instant, timeZone); // differs from `wall` inside a DST gap
  const off = offsetMinutes(instant, timeZone);
  return `${isoDate(actual)}T${pad(actual.hour)}:${pad(actual.minute)}:00${formatOffset(off)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar arithmetic on a date with no zone attached. */
export function addDays(d: { year: number; month: number; day: number }, n: number) {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export function compareDay(
  a: { year: number; month: number; day: number },
  b: { year: number; month: number; day: number },
): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The calendar day of an ISO date or date-time as seen in the zone. */
export function dayInZone(iso: string, timeZone: string): { year: number; month: number; day: number } | null {
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (bare) return { year: +bare[1], month: +bare[2], day: +bare[3] };
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const w = wallOf(new Date(t), timeZone);
  return { year: w.year, month: w.month, day: w.day };
}
