// Human-readable due dates in the user's zone ("Tue, Mar 11, 5:00 PM").
import { describeDay, today, type DateContext } from "./dates";
import { dateTimeFormat, listFormat, relativeTimeFormat } from "@/lib/time/intl";
import { wallOf } from "@/lib/time/zone";
import type { Language } from "./lexicon";

function dateTimeFormatter(timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  return dateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...(withYear ? { year: "numeric" } : {}),
  });
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
      return describeDay(
        { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() },
        ctx,
      );
    }
    return describeDay(wallOf(instant, ctx.timeZone), ctx);
  }
  const sameYear = wallOf(instant, ctx.timeZone).year === today(ctx).year;
  return dateTimeFormatter(ctx.timeZone, !sameYear)
    .format(instant)
    .replace(/\u202f/g, " ");
}

export type ReplyLanguage = Language;
export const LOCALE: Record<ReplyLanguage, string> = { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE" };

/** "A, B and C" / "A, B y C" / "A, B et C" / "A, B und C" (or "or"/"o"/"ou"/"oder"). */
export function joinList(
  items: string[],
  lang: ReplyLanguage = "en",
  type: "conjunction" | "disjunction" = "conjunction",
): string {
  return listFormat(LOCALE[lang], { style: "long", type }).format(items);
}

/** The calendar day a due value falls on in the user's zone (a bare date is that day). */
function dueDay(due: string, allDay: boolean | undefined, ctx: DateContext) {
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  if (bare) return { year: +bare[1], month: +bare[2], day: +bare[3] };
  const instant = new Date(due);
  if (allDay && instant.getUTCHours() === 0 && instant.getUTCMinutes() === 0) {
    return { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
  }
  return wallOf(instant, ctx.timeZone);
}

/** A due date in the reply's language ("Tue, Mar 11, 5:00 PM", "mar, 11 mar, 17:00"). */
export function formatDueIn(
  due: string | null,
  allDay: boolean | undefined,
  ctx: DateContext,
  lang: ReplyLanguage,
): string {
  if (lang === "en" || !due) return formatDue(due, allDay, ctx);
  const timed = !allDay && !/^\d{4}-\d{2}-\d{2}$/.test(due);
  const d = dueDay(due, allDay, ctx);
  const sameYear = d.year === today(ctx).year;
  if (!timed) {
    const f = dateTimeFormat(LOCALE[lang], {
      timeZone: "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
      ...(sameYear ? {} : { year: "numeric" }),
    });
    return f.format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));
  }
  const f = dateTimeFormat(LOCALE[lang], {
    timeZone: ctx.timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
    ...(sameYear ? {} : { year: "numeric" }),
  });
  return f.format(new Date(due)).replace(/\u202f/g, " ");
}

/**
 * When something is, as a person says it: "today at 3:00 PM", "tomorrow", "on Thursday at
 * 9:00 AM", "on Mon, Mar 30" (relative words from Intl.RelativeTimeFormat).
 */
export function whenPhrase(
  due: string,
  allDay: boolean | undefined,
  ctx: DateContext,
  lang: ReplyLanguage = "en",
): string {
  const d = dueDay(due, allDay, ctx);
  const t = today(ctx);
  const diff = Math.round((Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(t.year, t.month - 1, t.day)) / 86_400_000);
  const timed = !allDay && !/^\d{4}-\d{2}-\d{2}$/.test(due);
  const noon = new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
  let day: string;
  if (Math.abs(diff) <= 1) day = relativeTimeFormat(LOCALE[lang], { numeric: "auto" }).format(diff, "day");
  else if (diff > 1 && diff < 7) {
    const weekday = dateTimeFormat(LOCALE[lang], { timeZone: "UTC", weekday: "long" }).format(noon);
    day = { en: `on ${weekday}`, es: `el ${weekday}`, fr: weekday, de: `am ${weekday}` }[lang];
  } else {
    const date = lang === "en" ? describeDay(d, ctx) : formatDueIn(isoDateOf(d), true, ctx, lang);
    day = { en: `on ${date}`, es: `el ${date}`, fr: `le ${date}`, de: `am ${date}` }[lang];
  }
  if (!timed) return day;
  const time = dateTimeFormat(LOCALE[lang], { timeZone: ctx.timeZone, hour: "numeric", minute: "2-digit" })
    .format(new Date(due))
    .replace(/\u202f/g, " ");
  return `${day} ${{ en: "at", es: "a las", fr: "à", de: "um" }[lang]} ${time}`;
}

const isoDateOf = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
