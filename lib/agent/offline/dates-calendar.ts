// Calendar words and basics the date readers share: the found-date types, month and ordinal words, today, and
// the year a date written without one means.
import type { Language } from "./lexicon";
import { compareDay, isoDate, wallOf, type Wall } from "@/lib/time/zone";

export type DateContext = {
  now: Date;
  timeZone: string;
  /** The message's language: its untranslated date phrases are read by chrono's own locale parser too. */
  language?: Language;
};
export type Day = { year: number; month: number; day: number };

export type FoundDate = {
  index: number;
  end: number;
  text: string;
  /** Contract format: bare `YYYY-MM-DD`, or a date-time with the zone's offset. */
  value: string;
  hasTime: boolean;
  day: Day;
  wall?: Wall;
  /** The end of a range ("from Monday to Friday"). */
  until?: FoundDate;
};

export type InvalidDate = { index: number; end: number; text: string; message: string };

export type DateScan = { dates: FoundDate[]; invalid: InvalidDate | null };

export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
export const MONTH_RE =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

export function monthIndex(name: string): number {
  const n = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n)) + 1;
}

export const monthName = (m: number) => MONTHS[m - 1][0].toUpperCase() + MONTHS[m - 1].slice(1);

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

export function today(ctx: DateContext): Day {
  const w = wallOf(ctx.now, ctx.timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** The next occurrence (today included) of month/day, for dates written without a year. */
export function yearFor(month: number, day: number, ctx: DateContext): number {
  const t = today(ctx);
  const thisYear = { year: t.year, month, day };
  return compareDay(thisYear, t) >= 0 ? t.year : t.year + 1;
}

export function fromDay(d: Day, index: number, text: string): FoundDate {
  return { index, end: index + text.length, text, value: isoDate(d), hasTime: false, day: d };
}

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
// A weekday as typed, whole or cut short ("fri", "tues", "wednesday"); no capturing group.
export const WEEKDAY_WORD = String.raw`(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?`;
// "freitag next week", "¿qué terminé el martes?": a weekday the tables left in the user's language
// (Sunday = 0), as Intl names them, plus the Spanish ones typed without their accent.
export const FOREIGN_WEEKDAYS: Record<string, number> = Object.fromEntries([
  ...["de", "fr", "es"].flatMap((lang) => {
    const name = new Intl.DateTimeFormat(lang, { weekday: "long", timeZone: "UTC" });
    // 2020-01-05 was a Sunday.
    return WEEKDAYS.map((_, i) => [name.format(Date.UTC(2020, 0, 5 + i)).toLowerCase(), i] as [string, number]);
  }),
  ["miercoles", 3],
  ["sabado", 6],
]);
export const UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
export const TEENS = [
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
];
/** "first" → 1 … "thirty-first" → 31 */
export const ORDINAL_DAY: Record<string, number> = Object.fromEntries([
  ...UNITS.map((w, i) => [w, i + 1]),
  ...TEENS.map((w, i) => [w, i + 10]),
  ["twentieth", 20],
  ...UNITS.map((w, i) => [`twenty-${w}`, 21 + i]),
  ["thirtieth", 30],
  ["thirty-first", 31],
]);
