// Human-readable due dates in the user's zone ("Tue, Mar 11, 5:00 PM").
import { describeDay, today, type DateContext } from "./dates";
import { wallOf } from "./zone";

const dtFormatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormatter(timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withYear}`;
  let f = dtFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      ...(withYear ? { year: "numeric" } : {}),
    });
    dtFormatters.set(key, f);
  }
  return f;
}

/**
 * Formats a due date. All-day dates may arrive as a bare date or as an instant; an
 * instant exactly at UTC midnight is read as a UTC calendar date (how date-only values
 * are commonly stored), any other instant as the day it falls on in the user's zone.
 */
export function formatDue(due: string | null, allDay: boolean | undefined, ctx: DateContext): string {
  if (!due) return "";
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  if (bare) return describeDay({ year: +bare[1], month: +bare[2], day: +bare[3] }, ctx);
  const t = Date.parse(due);
  if (Number.isNaN(t)) return due;
  const instant = new Date(t);
  if (allDay) {
    const utcMidnight = instant.getUTCHours() === 0 && instant.getUTCMinutes() === 0 && instant.getUTCSeconds() === 0;
    if (utcMidnight) {
      return describeDay({ year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() }, ctx);
    }
    return describeDay(wallOf(instant, ctx.timeZone), ctx);
  }
  const sameYear = wallOf(instant, ctx.timeZone).year === today(ctx).year;
  return dateTimeFormatter(ctx.timeZone, !sameYear).format(instant).replace(/\u202f/g, " ");
}
