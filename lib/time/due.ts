// Due dates as the task service hands them out: a bare "YYYY-MM-DD" for a day with no time (a
// calendar day, the same in every zone) or an ISO instant. Read and shown here, for the chat's
// cards, the task panel, exports and the server alike.
import { dateTimeFormat } from "./intl";

export const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DueValue = { kind: "day"; year: number; month: number; day: number } | { kind: "instant"; date: Date };

export function readDue(due: string | null | undefined): DueValue | null {
  if (!due) return null;
  const bare = BARE_DATE.exec(due);
  if (bare) return { kind: "day", year: +bare[1], month: +bare[2], day: +bare[3] };
  const date = new Date(due);
  return Number.isNaN(date.getTime()) ? null : { kind: "instant", date };
}

/**
 * "Wed, Mar 11" or "Wed, Mar 11, 5:00 PM" (with the year when it is not this year), in a time
 * zone (the runtime's own when none is given: the browser's, on a page).
 */
export function absoluteDue(
  due: string | null | undefined,
  { timeZone, locale, now = new Date() }: { timeZone?: string; locale?: string; now?: Date } = {},
): string | null {
  const value = readDue(due);
  if (!value) return null;
  const yearOf = (d: Date, zone?: string) => +dateTimeFormat("en-US", { timeZone: zone, year: "numeric" }).format(d);
  const thisYear = yearOf(now, timeZone);
  if (value.kind === "day") {
    // A calendar day: formatted at noon UTC in UTC, so no zone can move it to another day.
    const noon = new Date(Date.UTC(value.year, value.month - 1, value.day, 12));
    return dateTimeFormat(locale, {
      timeZone: "UTC",
      weekday: "short",
      month: "short",
      day: "numeric",
      ...(value.year !== thisYear ? { year: "numeric" } : {}),
    }).format(noon);
  }
  const withYear = yearOf(value.date, timeZone) !== thisYear ? { year: "numeric" as const } : {};
  return dateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...withYear,
  }).format(value.date);
}
