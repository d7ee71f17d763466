// Finding due dates in free text and resolving them in the user's time zone.
//
// chrono-node does the natural-language work, but its arithmetic runs on JS Dates in the
// machine's zone with a fixed offset, which is wrong across DST. So chrono only ever sees
// a "fake local" reference whose machine-local clock reads the user's wall clock; its
// answers are read back as wall-clock parts and converted with zone.ts.
import * as chrono from "chrono-node";
import { DATE_CONNECTORS, type Foreign, type Language } from "./lexicon";
import {
  addDays,
  compareDay,
  daysInMonth,
  instantOf,
  isoDate,
  isoDateTime,
  wallOf,
  weekdayOf,
  type Wall,
} from "@/lib/time/zone";

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

const MONTHS = [
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
const MONTH_RE =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

function monthIndex(name: string): number {
  const n = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n)) + 1;
}

const monthName = (m: number) => MONTHS[m - 1][0].toUpperCase() + MONTHS[m - 1].slice(1);

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

export function today(ctx: DateContext): Day {
  const w = wallOf(ctx.now, ctx.timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** The next occurrence (today included) of month/day, for dates written without a year. */
function yearFor(month: number, day: number, ctx: DateContext): number {
  const t = today(ctx);
  const thisYear = { year: t.year, month, day };
  return compareDay(thisYear, t) >= 0 ? t.year : t.year + 1;
}

// Words after an ordinal that show it is not a day of the month ("the 50th anniversary").
const AFTER_ORDINAL_OK =
  /^(?:$|[\s]*[,.;!?#)]|\s+(?:at|by|in|and|with|due|high|low|medium|urgent|priority|tagged|please|for|,|of\s+(?:this|next|the)\s+month|next\s+month|this\s+month)\b)/i;

/** Dates that look intended but do not exist ("February 30", "the 35th", "13/45"). */
export function findInvalidDate(text: string, ctx: DateContext): InvalidDate | null {
  const checks: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
    [
      new RegExp(
        `\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?::\\d|am\\b|pm\\b))(?:,?\\s+(\\d{4}))?`,
        "gi",
      ),
      (m) => checkDay(monthIndex(m[1]), +m[2], m[3] ? +m[3] : undefined),
    ],
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\b(?:,?\\s+(\\d{4}))?`, "gi"),
      (m) => checkDay(monthIndex(m[2]), +m[1], m[3] ? +m[3] : undefined),
    ],
    [
      /(?:\b(?:on|by|due|until|till|before|for)\s+(?:the\s+)?|\bthe\s+)(\d{1,3})(?:st|nd|rd|th)\b/gi,
      (m) => {
        const n = +m[1];
        const after = text.slice((m.index ?? 0) + m[0].length);
        if (!AFTER_ORDINAL_OK.test(after) && !/^\s+of\b/i.test(after)) return null;
        if (n >= 1 && n <= 31) return null;
        return `There's no ${ordinal(n)} day in a month.`;
      },
    ],
    [
      /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?![\d/])/g,
      (m) => {
        let a = +m[1];
        let b = +m[2];
        if (a > 12 && b <= 12) [a, b] = [b, a]; // day/month order
        if (a < 1 || a > 12) return `${m[0]} isn't a valid date.`;
        const y = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : undefined;
        return checkDay(a, b, y) ? `${m[0]} isn't a valid date.` : null;
      },
    ],
  ];

  function checkDay(month: number, day: number, year?: number): string | null {
    if (month < 1) return null;
    const y = year ?? (day <= 31 ? yearFor(month, Math.min(day, daysInMonth(2024, month)), ctx) : today(ctx).year);
    const max = daysInMonth(y, month);
    if (day >= 1 && day <= max) return null;
    if (day === 29 && month === 2) return `February 29 doesn't exist in ${y}.`;
    return `${monthName(month)} ${day} isn't a real date (${monthName(month)} has ${max} days).`;
  }

  for (const [re, check] of checks) {
    for (const m of text.matchAll(re)) {
      const message = check(m);
      if (message) return { index: m.index, end: m.index + m[0].length, text: m[0].trim(), message };
    }
  }
  return null;
}

function fromDay(d: Day, index: number, text: string): FoundDate {
  return { index, end: index + text.length, text, value: isoDate(d), hasTime: false, day: d };
}

/** Phrases chrono misses or reads differently from how people mean them in a to-do. */
function customDates(text: string, ctx: DateContext): FoundDate[] {
  const out: FoundDate[] = [];
  const t = today(ctx);

  // "on the 17th": this month if still ahead, else next month.
  const ord = /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(?:this|the)\s+month)?/gi;
  for (const m of text.matchAll(ord)) {
    const after = text.slice(m.index + m[0].length);
    if (new RegExp(`^\\s+(?:of\\s+)?${MONTH_RE}\\b`, "i").test(after)) continue;
    if (!AFTER_ORDINAL_OK.test(after)) continue;
    if (!/the\s/i.test(m[0]) && !/\b(?:on|by|due|until|till|before|for)\s+$/i.test(text.slice(0, m.index))) continue;
    const n = +m[1];
    if (n < 1 || n > 31) continue;
    let cand: Day = { year: t.year, month: t.month, day: n };
    if (n < t.day || n > daysInMonth(t.year, t.month)) {
      const next = addDays({ year: t.year, month: t.month, day: 1 }, daysInMonth(t.year, t.month));
      if (n > daysInMonth(next.year, next.month)) continue;
      cand = { year: next.year, month: next.month, day: n };
    }
    out.push(fromDay(cand, m.index, m[0]));
  }

  // "on the first", "by the twenty-first"
  const ordWords = new RegExp(
    String.raw`\b(?:on|by|due|until|till|before|for)\s+the\s+(${Object.keys(ORDINAL_DAY)
      .map((k) => k.replace("-", "[\\s-]"))
      .join("|")})\b(?:\s+of\s+(?:this|the|next)\s+month)?`,
    "gi",
  );
  for (const m of text.matchAll(ordWords)) {
    const after = text.slice(m.index + m[0].length);
    if (!AFTER_ORDINAL_OK.test(after)) continue;
    const n = ORDINAL_DAY[m[1].toLowerCase().replace(/\s+/g, "-")];
    const nextMonth = /next\s+month/i.test(m[0]);
    let cand: Day = { year: t.year, month: t.month, day: n };
    if (nextMonth || n < t.day || n > daysInMonth(t.year, t.month)) {
      const next = addDays({ year: t.year, month: t.month, day: 1 }, daysInMonth(t.year, t.month));
      if (n > daysInMonth(next.year, next.month)) continue;
      cand = { year: next.year, month: next.month, day: n };
    }
    const start = m.index + m[0].search(/the\s/i);
    out.push(fromDay(cand, start, text.slice(start, m.index + m[0].length)));
  }

  // "next week" means its Monday, as in most to-do apps (chrono says "in 7 days").
  const nextWeek = /\b(?:(?:the\s+)?(start|beginning|end)\s+of\s+)?next\s+week\b/gi;
  for (const m of text.matchAll(nextWeek)) {
    const toMonday = (8 - weekdayOf(t)) % 7 || 7;
    const monday = addDays(t, toMonday);
    out.push(fromDay(m[1]?.toLowerCase() === "end" ? addDays(monday, 4) : monday, m.index, m[0]));
  }

  // "end of the week" is its Friday (or the next one at the weekend).
  const endWeek = /\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week\b|\bthis\s+week\b(?=\s*$)/gi;
  for (const m of text.matchAll(endWeek)) {
    if (/next\s+week/i.test(m[0])) continue;
    const wd = weekdayOf(t);
    const friday = addDays(t, wd <= 5 ? 5 - wd : 5 + 7 - wd);
    out.push(fromDay(friday, m.index, m[0]));
  }

  const eod =
    /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|today)|eod|later\s+today|cob|close\s+of\s+business)\b(?!\s+(?:on\s+)?(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|the\s+\d))/gi;
  for (const m of text.matchAll(eod)) out.push(fromDay(t, m.index, m[0]));

  // "next friday": the coming one (a week later only when said on a Friday); "last friday":
  // the latest one before today.
  const rel =
    /\b(next|last|this\s+past|past|previous)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
  for (const m of text.matchAll(rel)) {
    const want = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    const wd = weekdayOf(t);
    const day = /^next$/i.test(m[1]!) ? addDays(t, (want - wd + 7) % 7 || 7) : addDays(t, -((wd - want + 7) % 7 || 7));
    out.push(fromDay(day, m.index, m[0]));
  }

  return out;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const TEENS = [
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
const ORDINAL_DAY: Record<string, number> = Object.fromEntries([
  ...UNITS.map((w, i) => [w, i + 1]),
  ...TEENS.map((w, i) => [w, i + 10]),
  ["twentieth", 20],
  ...UNITS.map((w, i) => [`twenty-${w}`, 21 + i]),
  ["thirtieth", 30],
  ["thirty-first", 31],
]);

const WEEKDAY_ABBR = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i;
const CONNECTOR_BEFORE = /\b(?:on|by|due|until|till|before|after|for|next|this|from|to|at|in)\s+$/i;

/** chrono readings that are almost never meant as dates inside a to-do sentence. */
function isFalsePositive(r: chrono.ParsedResult, text: string): boolean {
  const s = r.text.trim().replace(/[,.]$/, "");
  const before = text.slice(0, r.index);
  // "every morning", "every Monday": a recurrence belongs to the title, not a due date.
  if (/\bevery\s+(?:other\s+)?$/i.test(before)) return true;
  if (/^(?:now|right now|a sec(?:ond)?|one sec(?:ond)?|a moment|a minute|the second|second)$/i.test(s)) return true;
  if (WEEKDAY_ABBR.test(s) && !CONNECTOR_BEFORE.test(before)) return true;
  if (new RegExp(`^${MONTH_RE}$`, "i").test(s) && !/\b(?:in|by|until|till|before|for|during|of)\s+$/i.test(before))
    return true;
  // "may" as a month needs a day next to it; otherwise it is the verb.
  if (/^may\b/i.test(s) && !/\d/.test(s)) return true;
  // Bare small numbers are quantities, not dates.
  if (/^\d{1,4}$/.test(s)) return true;
  // Fractions and quantities ("1/2 gallon") are not dates unless announced as one.
  if (
    /^\d{1,2}\/\d{1,2}$/.test(s) &&
    !CONNECTOR_BEFORE.test(before) &&
    !/^\s*(?:$|[,.;!?]|at\b)/i.test(text.slice(r.index + r.text.length))
  )
    return true;
  // "task 5 to Monday": the number belongs to the task reference.
  if (/(?:task|item|todo|#|number|no\.?)\s*$/i.test(before) && /^\d/.test(s)) return true;
  const rel = r.tags().has("result/relativeDateAndTime");
  if (rel && !/^(?:in|within)\b/i.test(s) && !/\b(?:from now|later|ago)\b/i.test(s)) return true;
  return false;
}

// When someone names only a part of the day, these clock times stand in for it.
const DAYPART_HOURS: Array<[string, number]> = [
  ["casualReference/morning", 9],
  ["casualReference/afternoon", 15],
  ["casualReference/evening", 18],
  ["casualReference/tonight", 20],
  ["casualReference/noon", 12],
];

// Until when a part of the day is still "on" (hours, wall clock).
const DAYPART_END: Record<string, number> = {
  "casualReference/morning": 12,
  "casualReference/afternoon": 18,
  "casualReference/evening": 24,
  "casualReference/tonight": 24,
  "casualReference/noon": 13,
};

function chronoDates(text: string, ctx: DateContext): FoundDate[] {
  const w = wallOf(ctx.now, ctx.timeZone);
  const ref = new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const t = today(ctx);
  const out: FoundDate[] = [];
  let results: chrono.ParsedResult[];
  try {
    results = chrono.casual.parse(text, ref, { forwardDate: true });
    // Date words of the message's language that no table translated ("el 5 de marzo", "vendredi
    // à 17h", "am 5. März um 17 Uhr"): chrono's own locale, where English found nothing.
    if (ctx.language && ctx.language !== "en") {
      for (const r of LOCALE_PARSERS[ctx.language].parse(text, ref, { forwardDate: true })) {
        if (midWord(r, text)) continue;
        const end = r.index + r.text.length;
        const overlapping = results.filter((e) => e.index < end && r.index < e.index + e.text.length);
        // The longer reading wins ("vendredi à 17h" over English's "17h"); a locale reading that
        // goes on after an English one extends it ("tomorrow 15" + "15 Uhr").
        const head = overlapping.find((e) => e.index <= r.index && e.index + e.text.length < end);
        if (head && overlapping.length === 1) {
          Object.assign(head, { text: text.slice(head.index, end) });
          continue;
        }
        if (
          overlapping.some((e) => e.index < r.index || e.index + e.text.length > end || e.text.length >= r.text.length)
        )
          continue;
        results = results.filter((e) => !overlapping.includes(e)).concat(r);
      }
      results.sort((a, b) => a.index - b.index);
    }
  } catch {
    return out;
  }
  const read = (s: chrono.ParsedComponents, tags: Set<string>, rawText: string) => {
    let day: Day = { year: s.get("year") ?? t.year, month: s.get("month") ?? t.month, day: s.get("day") ?? t.day };
    let hour = s.get("hour") ?? 0;
    let minute = s.get("minute") ?? 0;
    let hasTime = s.isCertain("hour");
    const dateKnown = s.isCertain("day") || s.isCertain("weekday") || s.isCertain("month");

    if (tags.has("result/relativeDateAndTime")) {
      // "in 2 hours": elapsed time, so measure it on the real timeline, not the wall clock.
      const delta = s.date().getTime() - ref.getTime();
      const wall = wallOf(new Date(ctx.now.getTime() + delta), ctx.timeZone);
      day = { year: wall.year, month: wall.month, day: wall.day };
      hour = wall.hour;
      minute = wall.minute;
      hasTime = true;
    } else {
      let daypart: string | undefined;
      if (!hasTime && /\bnight\b/i.test(rawText)) {
        hour = 20;
        minute = 0;
        hasTime = true;
        daypart = "casualReference/tonight";
      }
      if (!hasTime) {
        for (const [tag, h] of DAYPART_HOURS) {
          if (tags.has(tag)) {
            hour = h;
            minute = 0;
            hasTime = true;
            daypart = tag;
            break;
          }
        }
      }
      // "tonight" said at 22:30 (or "this afternoon" at 16:00): the stand-in hour has already
      // passed but the part of the day has not, so the day is meant, not a moment in the past.
      // chrono's forwardDate moves a passed "this evening" to tomorrow; "this" means today.
      if (daypart && /\b(?:this|tonight)\b/i.test(rawText) && compareDay(day, addDays(t, 1)) === 0) day = t;
      if (daypart && compareDay(day, t) === 0) {
        const nowWall = wallOf(ctx.now, ctx.timeZone);
        const nowMin = nowWall.hour * 60 + nowWall.minute;
        if (nowMin > hour * 60 + minute && nowMin < (DAYPART_END[daypart] ?? 24) * 60) hasTime = false;
      }
      // "at 5" in a to-do means 5 PM far more often than 5 AM; "um 7 Uhr", "à 7h" are a 24-hour clock.
      if (
        s.isCertain("hour") &&
        !s.isCertain("meridiem") &&
        hour >= 1 &&
        hour <= 7 &&
        !/\buhr\b|\d\s*h\b/i.test(rawText)
      )
        hour += 12;
      const thisDaypart = !!daypart && /\b(?:this|tonight)\b/i.test(rawText);
      if (hasTime && !dateKnown && !tags.has("casualReference/tonight") && !thisDaypart) {
        // A bare clock time is the next time the clock shows it.
        const nowWall = wallOf(ctx.now, ctx.timeZone);
        const later = hour > nowWall.hour || (hour === nowWall.hour && minute > nowWall.minute);
        day = later ? t : addDays(t, 1);
      }
      // A bare weekday said on that weekday means next week's.
      if (
        s.isCertain("weekday") &&
        !s.isCertain("day") &&
        !hasTime &&
        compareDay(day, t) === 0 &&
        !/\b(?:this|today)\b/i.test(rawText)
      ) {
        day = addDays(day, 7);
      }
    }
    const wall: Wall = { ...day, hour, minute };
    return {
      value: hasTime ? isoDateTime(wall, ctx.timeZone) : isoDate(day),
      hasTime,
      day: hasTime ? dayOfWall(wall, ctx.timeZone) : day,
      wall: hasTime ? wall : undefined,
    };
  };

  for (const r of results) {
    if (isFalsePositive(r, text)) continue;
    const rawText = r.text.replace(/[\s,.;]+$/, "");
    const tags = r.tags();
    const found: FoundDate = {
      index: r.index,
      end: r.index + rawText.length,
      text: rawText,
      ...read(r.start, tags, rawText),
    };
    // A range ("from Monday to Friday") keeps its end for callers that move things.
    if (r.end) found.until = { ...found, ...read(r.end, tags, rawText) };
    out.push(found);
  }
  return out;
}

const LOCALE_PARSERS: Record<Foreign, chrono.Chrono> = {
  es: chrono.es.casual,
  fr: chrono.fr.casual,
  de: chrono.de.casual,
};

/** A locale reading that starts or ends inside a word (chrono.de finds "Fr" in "früh"). */
function midWord(r: chrono.ParsedResult, text: string): boolean {
  const end = r.index + r.text.length;
  return /\p{L}/u.test(text[r.index - 1] ?? "") || /\p{L}/u.test(text[end] ?? "");
}

/** The wall's day after DST normalisation (a skipped 2:30 AM is still that day). */
function dayOfWall(wall: Wall, timeZone: string): Day {
  const w = wallOf(instantOf(wall, timeZone), timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** All date phrases in the text, in order, without overlaps. */
export function findDates(text: string, ctx: DateContext): DateScan {
  const invalid = findInvalidDate(text, ctx);
  const custom = customDates(text, ctx);
  const fromChrono = chronoDates(text, ctx);
  const all: FoundDate[] = [...custom];
  for (const d of fromChrono) {
    const overlapping = custom.filter((c) => c.index < d.end && d.index < c.end);
    if (overlapping.length === 0) {
      all.push(d);
      continue;
    }
    // chrono's reading wins when it covers more (e.g. "the 17th at 3pm" → keep time).
    const c = overlapping[0];
    if (d.index <= c.index && d.end >= c.end && d.text.length > c.text.length && !/next\s+week/i.test(c.text)) {
      all.splice(all.indexOf(c), 1, d);
    } else if (overlapping.length === 1 && d.hasTime && !c.hasTime) {
      // custom day + chrono's time ("on the 17th at 3pm" split apart)
      const wall: Wall = { ...c.day, hour: d.wall!.hour, minute: d.wall!.minute };
      const start = Math.min(c.index, d.index);
      const end = Math.max(c.end, d.end);
      all.splice(all.indexOf(c), 1, {
        index: start,
        end,
        text: text.slice(start, end),
        value: isoDateTime(wall, ctx.timeZone),
        hasTime: true,
        day: dayOfWall(wall, ctx.timeZone),
        wall,
      });
    }
  }
  all.sort((a, b) => a.index - b.index);
  // A custom phrase followed by a chrono time ("on the 17th at 3pm") is one date.
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i];
    const b = all[i + 1];
    const gap = text.slice(a.end, b.index);
    if (
      !a.hasTime &&
      b.hasTime &&
      /^\s*(?:,\s*)?(?:(?:at|a\s+las|a\s+la|a|à|vers|um|gegen)\s*)?$/i.test(gap) &&
      b.wall &&
      !/\b(?:today|tomorrow|tonight)\b|day\b/i.test(b.text)
    ) {
      const wall: Wall = { ...a.day, hour: b.wall.hour, minute: b.wall.minute };
      all.splice(i, 2, {
        index: a.index,
        end: b.end,
        text: text.slice(a.index, b.end),
        value: isoDateTime(wall, ctx.timeZone),
        hasTime: true,
        day: dayOfWall(wall, ctx.timeZone),
        wall,
      });
    }
  }
  const valid = invalid ? all.filter((d) => d.end <= invalid.index || d.index >= invalid.end) : all;
  return { dates: valid, invalid };
}

const LEADING_CONNECTORS =
  /(?:[,;]?\s*\b(?:(?:and\s+)?(?:it'?s\s+|it\s+is\s+|it\s+was\s+|was\s+)?(?:end\s+of\s+(?:the\s+)?day|eod|cob|first\s+thing(?:\s+in\s+the\s+morning)?|due(?:\s+date)?|deadline|by|on|at|for|before|until|till|no\s+later\s+than|scheduled\s+for|set\s+for|to|starting|from|is|be|the|,))\s*)+$/i;

const FOREIGN_CONNECTORS = Object.fromEntries(
  Object.entries(DATE_CONNECTORS).map(([lang, words]) => [
    lang,
    new RegExp(
      String.raw`(?:[,;]?\s*(?<![\p{L}'’])(?:${[...words]
        .sort((a, b) => b.length - a.length)
        .map((w) => w.replace(/\s+/g, String.raw`\s+`))
        .join("|")})\s*)+$`,
      "iu",
    ),
  ]),
) as Record<Foreign, RegExp>;
const NOTHING = /(?!)/;

/** "für", "le", "a las" … in front of a date the table left untranslated. */
function foreignConnectors(language: Language | undefined): RegExp {
  return language && language !== "en" ? FOREIGN_CONNECTORS[language] : NOTHING;
}

/**
 * Cuts the first date phrase (and the connector words that announce it: "due", "by",
 * "on") out of a text. `rest` keeps everything else for the title or reference.
 */
export function extractDate(
  text: string,
  ctx: DateContext,
): { rest: string; date: FoundDate | null; invalid: InvalidDate | null; removed: string } {
  const scan = findDates(text, ctx);
  if (scan.invalid) {
    const before = text
      .slice(0, scan.invalid.index)
      .replace(LEADING_CONNECTORS, " ")
      .replace(foreignConnectors(ctx.language), " ");
    return {
      rest: `${before} ${text.slice(scan.invalid.end)}`.trim(),
      date: null,
      invalid: scan.invalid,
      removed: scan.invalid.text,
    };
  }
  const d = scan.dates[0];
  if (!d) return { rest: text, date: null, invalid: null, removed: "" };
  const rawBefore = text.slice(0, d.index);
  const before = rawBefore.replace(LEADING_CONNECTORS, " ").replace(foreignConnectors(ctx.language), " ");
  const rest = `${before} ${text.slice(d.end)}`.replace(/\s+/g, " ").trim();
  return { rest, date: d, invalid: null, removed: text.slice(before.trimEnd().length, d.end) };
}

/** "Tue, Mar 11" style for a bare date (no zone involved). */
export function describeDay(d: Day, ctx?: DateContext): string {
  const dt = new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
  const sameYear = ctx ? today(ctx).year === d.year : true;
  return (sameYear ? DAY : DAY_WITH_YEAR).format(dt);
}

const DAY = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" });
const DAY_WITH_YEAR = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
});
