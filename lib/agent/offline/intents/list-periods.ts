// Periods a list question names: month names, counted days, overdue, and completion-time bounds.
import type { Ctx } from "../context";
import { findDates, today } from "../dates";
import { FOREIGN_WEEKDAYS, MONTHS, WEEKDAYS } from "../dates-calendar";
import { addDays, compareDay, daysInMonth, isoDate, weekdayOf } from "@/lib/time/zone";

export const MONTH_WORD = MONTHS.join("|");
// "im Jänner", "en février": the month names of the languages we answer in, from Intl (plus Austria's own two).
const FOREIGN_MONTHS = new Map<string, number>([
  ...["es", "fr", "de"].flatMap((lang) => {
    const name = new Intl.DateTimeFormat(lang, { month: "long", timeZone: "UTC" });
    return MONTHS.map((_, i) => [name.format(Date.UTC(2020, i, 15)).toLowerCase(), i + 1] as [string, number]);
  }),
  ["jänner", 1],
  ["feber", 2],
]);
const ANY_MONTH = [...MONTHS, ...[...FOREIGN_MONTHS.keys()].filter((m) => !MONTHS.includes(m))].join("|");
export const PERIOD_WORDS = new RegExp(
  String.raw`^(?:(?:for|on|due|in|during|over|at|from)\s+)?(?:the\s+)?(?:(?:this|next|last|past|previous|coming|this\s+coming|the\s+rest\s+of\s+(?:the|this))\s+)?(?:week|weekend|month|today|tonight|tomorrow|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|${MONTH_WORD}|day\s+after\s+tomorrow|day\s+before\s+yesterday)$`,
  "i",
);

/** Whether a phrase is only a period ("this weekend", "on friday", "in may", "the 12th"). */
export function isPeriod(phrase: string, ctx: Ctx): boolean {
  const p = phrase
    .trim()
    .replace(/[?!.]+$/, "")
    .trim();
  if (!p) return false;
  if (PERIOD_WORDS.test(p)) return true;
  const d = findDates(p, ctx.date).dates[0];
  if (!d) return false;
  return !p
    .replace(d.text, " ")
    .replace(/\b(?:for|on|due|in|during|by|the|at)\b/gi, " ")
    .trim();
}

// A small count of days or weeks ("the next 3 days", "the past couple of weeks").
export const COUNT_WORD = String.raw`\d+|a\s+few|few|a\s+couple\s+of|couple\s+of|a\s+couple|two|three|four|five|six|seven|ten|fourteen`;
const COUNT_VALUES: Record<string, number> = {
  few: 3,
  couple: 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
  fourteen: 14,
};
export function countOf(w: string): number {
  const k = w
    .replace(/^a\s+/, "")
    .replace(/\s+of$/, "")
    .trim();
  return /^\d+$/.test(k) ? +k : (COUNT_VALUES[k] ?? 1);
}

// Overdue, however it is said: "overdue", "late", "past (its) due date", "slipped past the deadline", "behind on".
export const OVERDUE =
  /\b(?:overdue|past\s+due|late|missed|behind(?:\s+on|\s+schedule)?|past\s+(?:its|their|the|my|a)\s+(?:due\s+date|deadline)s?|(?:slip|slips|slipped|slipping|go|goes|gone|gotten|got|run|ran|went)\s+(?:past|over)\s+(?:its|their|the|my|a)?\s*(?:due\s+date|deadline|date)s?|missed\s+(?:its|their|the|my|a)\s+(?:due\s+date|deadline)s?|miss(?:ed)?\s+(?:any|a|my|some)\s+(?:due\s+date|deadline)s?)\b/;

// A month by its name after a word that makes it a period ("due in may", "during june", "for march 2027").
const MONTH_PERIOD = new RegExp(
  String.raw`\b(?:in|during|for|over|throughout|through|of|due|from|since|after)\s+(?:the\s+month\s+of\s+)?(${ANY_MONTH})(?:\s+(\d{4}))?(?![\p{L}\d])(?!\s*\d)`,
  "u",
);

/** The month a list question names, in the coming year ("ahead") or the past one ("behind") when no year is said. */
export function monthOf(
  L: string,
  ctx: Ctx,
  side: "ahead" | "behind",
): { year: number; month: number; from: boolean } | null {
  const m = MONTH_PERIOD.exec(L);
  if (!m) return null;
  const t = today(ctx.date);
  const month = MONTHS.indexOf(m[1]!) + 1 || FOREIGN_MONTHS.get(m[1]!)!;
  const year = m[2]
    ? +m[2]
    : side === "ahead"
      ? month < t.month
        ? t.year + 1
        : t.year
      : month > t.month
        ? t.year - 1
        : t.year;
  return { year, month, from: /^(?:from|since|after)\b/.test(m[0]) };
}

export function rangeOf(
  m: { year: number; month: number; from: boolean },
  kind: "due" | "completed",
): Record<string, string> {
  const first = isoDate({ year: m.year, month: m.month, day: 1 });
  const last = isoDate({ year: m.year, month: m.month, day: daysInMonth(m.year, m.month) });
  if (kind === "completed")
    return m.from ? { completedAfter: first } : { completedAfter: first, completedBefore: last };
  return m.from ? { dueAfter: first } : { dueAfter: first, dueBefore: last };
}

// A weekday in any language we answer in ("on monday", "el martes", "am Montag"), not "next monday"
// nor "monday after next".
const PAST_WEEKDAY = new RegExp(
  String.raw`(?<![\p{L}])(?<!(?:next|this\s+coming|coming)\s)(${[...WEEKDAYS, ...Object.keys(FOREIGN_WEEKDAYS)].join("|")})(?![\p{L}])(?!\s+(?:after|before))`,
  "iu",
);
// A month named in a date, whole or cut short ("aug 3", "3 mars"), not a word that starts like one ("martes").
const MONTH_NAMED = new RegExp(
  String.raw`(?<![\p{L}])(?:${ANY_MONTH}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?![\p{L}])`,
  "iu",
);

/** The completion-time bounds a period names, or null when it names none. */
export function completionPeriod(L: string, ctx: Ctx): Record<string, string> | null {
  const t = today(ctx.date);
  const monday = addDays(t, -((weekdayOf(t) + 6) % 7));
  if (/\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b/.test(L)) return { completedAfter: isoDate(t) };
  if (/\byesterday\b/.test(L)) {
    const y = isoDate(addDays(t, -1));
    return { completedAfter: y, completedBefore: y };
  }
  // "over the past week", "in the last 3 days": counted back from today.
  const back = new RegExp(String.raw`\b(?:past|last)\s+(?:(${COUNT_WORD})\s+)?(days?|weeks?)\b`).exec(L);
  if (back && (back[1] || /^past$/.test(L.slice(back.index).split(/\s+/)[0]!))) {
    const n = countOf(back[1] ?? (/s$/.test(back[2]!) ? "few" : "1")) * (/^week/.test(back[2]!) ? 7 : 1);
    return { completedAfter: isoDate(addDays(t, -n)) };
  }
  if (/\b(?:last|previous)\s+week\b/.test(L))
    return { completedAfter: isoDate(addDays(monday, -7)), completedBefore: isoDate(addDays(monday, -1)) };
  if (/\bthis\s+week\b/.test(L)) return { completedAfter: isoDate(monday) };
  if (/\blast\s+month\b/.test(L)) {
    const first = addDays({ year: t.year, month: t.month, day: 1 }, -1);
    return { completedAfter: isoDate({ ...first, day: 1 }), completedBefore: isoDate(first) };
  }
  if (/\bthis\s+month\b/.test(L)) return { completedAfter: isoDate({ year: t.year, month: t.month, day: 1 }) };
  if (
    /\b(?:last|past|previous)\s+weekend\b/.test(L) ||
    (/\bweekend\b/.test(L) && weekdayOf(t) >= 1 && weekdayOf(t) <= 5)
  ) {
    // On a weekday, "the weekend" that is done is the one just gone.
    const saturday = addDays(monday, -2);
    return { completedAfter: isoDate(saturday), completedBefore: isoDate(addDays(saturday, 1)) };
  }
  if (/\bweekend\b/.test(L)) return { completedAfter: isoDate(addDays(monday, 5)) };
  // "between the 20th and the 31st of March": both days done, the first in the second one's month.
  const between = /\bbetween\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+and\s+(.+?)\s*$/.exec(L);
  const last = between ? findDates(between[2]!, ctx.date).dates[0] : undefined;
  if (between && last && MONTH_NAMED.test(last.text)) {
    const end =
      compareDay(last.day, t) > 0 && !/\d{4}/.test(last.text) ? { ...last.day, year: last.day.year - 1 } : last.day;
    const start = { ...end, day: +between[1]! };
    if (start.day <= end.day && compareDay(end, t) <= 0)
      return { completedAfter: isoDate(start), completedBefore: isoDate(end) };
  }
  const month = monthOf(L, ctx, "behind");
  if (month) return rangeOf(month, "completed");
  // "so far" with no other period: today.
  if (/\bso\s+far\b/.test(L)) return { completedAfter: isoDate(t) };
  // "on monday", "tuesday": in a question about what was done, the latest such day (today
  // included), never the coming one ("last monday" and "next monday" are read by dates.ts).
  const wd = PAST_WEEKDAY.exec(L);
  // "since monday", "from the 3rd on": from that day, with no end.
  const since = (at: number) => /\b(?:since|from|after)\s+(?:the\s+)?$/.test(L.slice(0, at));
  if (wd && !/\b(?:last|past|previous)\s+$/.test(L.slice(0, wd.index))) {
    const said = wd[1]!.toLowerCase();
    const day = isoDate(addDays(t, -((weekdayOf(t) - (FOREIGN_WEEKDAYS[said] ?? WEEKDAYS.indexOf(said)) + 7) % 7)));
    return since(wd.index) ? { completedAfter: day } : { completedAfter: day, completedBefore: day };
  }
  // Read without the padding spaces ("the 1st" is only a day at the end of the text, not before a space).
  const lead = L.length - L.trimStart().length;
  const found = findDates(L.trim(), ctx.date).dates[0];
  const d = found && { ...found, index: found.index + lead };
  // "since the 1st", "on aug 3": a day named without its month or year, in a question about what was
  // done, is the latest such day (the date reader looks forward).
  const ahead = d && compareDay(d.day, t) > 0 && !/\d{4}/.test(d.text);
  const monthOnly = ahead && /^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?$/i.test(d.text.trim());
  const day = !d
    ? undefined
    : monthOnly
      ? {
          ...d.day,
          year: d.day.month === 1 ? d.day.year - 1 : d.day.year,
          month: d.day.month === 1 ? 12 : d.day.month - 1,
        }
      : ahead && MONTH_NAMED.test(d.text)
        ? { ...d.day, year: d.day.year - 1 }
        : d.day;
  if (d && day && compareDay(day, t) <= 0)
    return since(d.index)
      ? { completedAfter: isoDate(day) }
      : { completedAfter: isoDate(day), completedBefore: isoDate(day) };
  return null;
}
