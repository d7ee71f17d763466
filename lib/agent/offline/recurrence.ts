// Repeating tasks: "every weekday at 9:30am", "every 2 weeks on sunday", "on the 1st of every
// month", "every year on june 3rd" → an RFC 5545 rule (without "RRULE:") and the first
// occurrence as the due date (contract v2).
import { findDates, today, type DateContext, type Day } from "./dates";
import { FOREIGN_WEEKDAYS, monthIndex, WEEKDAY_WORD } from "./dates-calendar";
import { NUMBER_WORDS } from "./text";
import { DATE_CONNECTORS, type Foreign } from "./lexicon";
import { addDays, compareDay, daysInMonth, isoDate, isoDateTime, wallOf, weekdayOf } from "@/lib/time/zone";

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const DAY_RE = `(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?s?`;
// A weekday as a word of its own, with nothing captured (for runs of several).
const DAY_WORD = `${WEEKDAY_WORD}s?`;
// "todos los lunes, miércoles y viernes": the days after the first (which the tables made English) stay
// in the user's words (dates-calendar.ts names them).
const FOREIGN_DAYS = new Map<string, number>(Object.entries(FOREIGN_WEEKDAYS));
const LATER_DAY = `(?:${DAY_WORD}|(?:${[...FOREIGN_DAYS.keys()].join("|")})s?)`;
// "every mon wed n fri": a space alone joins day names too.
const LIST_JOIN = String.raw`(?:\s*,\s*(?:and\s+|y\s+|et\s+|und\s+)?|\s+(?:and|y|et|und)\s+|\s*&\s*|\s+)`;
const MONTH_RE = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const ORD_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1 };
const NUM = String.raw`(\d{1,2}|other|two|three|four|five|six)`;
const ORD = String.raw`(\d{1,2})(?:st|nd|rd|th)?|(first|second|third|fourth|fifth|last)`;

// "a las 9", "à 8h", "um 7 Uhr": the other languages' words in front of the time are cut with it.
const CONNECTORS = Object.fromEntries(
  Object.entries(DATE_CONNECTORS).map(([lang, words]) => [
    lang,
    new RegExp(
      String.raw`(?<![\p{L}'’])(?:${[...words]
        .sort((a, b) => b.length - a.length)
        .map((w) => w.replace(/\s+/g, String.raw`\s+`))
        .join("|")})\s*$`,
      "iu",
    ),
  ]),
) as Record<Foreign, RegExp>;
const connectorsBefore = (ctx: DateContext): RegExp =>
  ctx.language && ctx.language !== "en" ? CONNECTORS[ctx.language] : /(?!)/;

export type Repeat = {
  rule: string /** bare date or date-time: the first occurrence */;
  dueDate: string;
  rest: string;
};

function dayCode(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return DAYS.findIndex((d) => d.startsWith(w));
}

/** The weekdays a run of day names says, English or the user's own (Sunday = 0). */
function daysIn(run: string): number[] {
  return run
    .split(/[^\p{L}]+/u)
    .map((w) => w.toLowerCase())
    .map((w) =>
      new RegExp(`^${DAY_WORD}$`, "i").test(w)
        ? dayCode(w)
        : (FOREIGN_DAYS.get(w) ?? FOREIGN_DAYS.get(w.replace(/s$/, "")) ?? -1),
    )
    .filter((d) => d >= 0);
}

function interval(word: string | undefined): number {
  if (!word) return 1;
  const w = word.toLowerCase();
  if (w === "other") return 2;
  return /^\d+$/.test(w) ? +w : (NUMBER_WORDS[w] ?? 1);
}

type Rule = {
  freq: "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
  interval: number;
  byDay?: number[];
  /** "the first Monday of every month": which of the month's such weekdays (1–4, -1 the last). */
  nth?: number;
  byMonthDay?: number;
  byMonth?: number;
  /** "every morning": the part of the day its occurrences fall in (no part of the rule's text). */
  daypart?: "morning" | "afternoon" | "evening" | "night";
};

// The hour a part of the day stands for when no time is said (as dates-chrono.ts reads "tomorrow morning").
const DAYPART_HOUR = { morning: 9, afternoon: 15, evening: 18, night: 20 } as const;

/** The rule's text form, in the order people (and the dev cases) write it. */
export function ruleText(r: Rule): string {
  const parts = [`FREQ=${r.freq}`];
  if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.byMonth) parts.push(`BYMONTH=${r.byMonth}`);
  if (r.byMonthDay) parts.push(`BYMONTHDAY=${r.byMonthDay}`);
  if (r.byDay?.length)
    parts.push(
      `BYDAY=${[...r.byDay]
        .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
        .map((d) => `${r.nth ?? ""}${CODES[d]}`)
        .join(",")}`,
    );
  return parts.join(";");
}

/** The phrases, most specific first. Each returns the rule and the span it covers. */
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Rule | null]> = [
  [
    /\b(?:every|each)\s+(?:week\s*day|work\s*day|business\s+day)s?\b|\bon\s+weekdays\b|\bweekdays\b/i,
    () => ({ freq: "WEEKLY", interval: 1, byDay: [1, 2, 3, 4, 5] }),
  ],
  [
    new RegExp(
      String.raw`(?:\b(?:every|each)\s+(?:other\s+)?fortnight|\bfortnightly|\bbi-?weekly)(?:\s+on\s+${DAY_RE})?\b`,
      "i",
    ),
    (m) => ({ freq: "WEEKLY", interval: /other/i.test(m[0]) ? 4 : 2, ...(m[1] ? { byDay: [dayCode(m[1])] } : {}) }),
  ],
  [
    new RegExp(String.raw`\b(?:every|each)\s+${NUM}\s+weeks?\s+on\s+${DAY_RE}\b`, "i"),
    (m) => ({ freq: "WEEKLY", interval: interval(m[1]), byDay: [dayCode(m[2]!)] }),
  ],
  [
    // "the first Monday of every month", "every last friday of the month".
    new RegExp(
      String.raw`\b(?:on\s+)?(?:the\s+|every\s+|each\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+${DAY_RE}\s+(?:of|in)\s+(?:every|each|the|a)\s+month\b`,
      "i",
    ),
    (m) => ({
      freq: "MONTHLY",
      interval: 1,
      byDay: [dayCode(m[2]!)],
      nth: ORD_WORDS[m[1]!.toLowerCase()] ?? parseInt(m[1]!, 10),
    }),
  ],
  [
    // "twice a week on mon and thu": the days say when.
    new RegExp(
      String.raw`\b(?:twice|two\s+times|three\s+times|2x|3x)\s+(?:a|per|every)\s+week\s+on\s+${DAY_RE}(?:\s*,\s*|\s+and\s+)${DAY_RE}(?:(?:\s*,\s*|\s+and\s+)${DAY_RE})?\b`,
      "i",
    ),
    (m) => ({ freq: "WEEKLY", interval: 1, byDay: [m[1], m[2], m[3]].filter((d): d is string => !!d).map(dayCode) }),
  ],
  [
    // "every second thursday" is every other one; "of the month" would be a monthly rule.
    new RegExp(
      // "every monday, wednesday and friday": the days after the first one join it.
      String.raw`\b(?:on\s+)?(?:every|each)\s+(?:(other|second|2nd|alternate|third|3rd)\s+)?${DAY_RE}((?:${LIST_JOIN}${LATER_DAY}){0,6})(?![\p{L}])(?!\s+(?:of|in)\s+(?:the|every|each|a)\s+month)`,
      "iu",
    ),
    (m) => ({
      freq: "WEEKLY",
      interval: m[1] ? (/^(?:third|3rd)$/i.test(m[1]) ? 3 : 2) : 1,
      byDay: [...new Set([dayCode(m[2]!), ...daysIn(m[3]!)])],
    }),
  ],
  [
    // "gym mon wed fri at 6am", "gym lunes, miércoles y viernes": three weekdays or more in a row, with
    // no "every", are a weekly habit ("on monday and friday" may be two dates, and stays so).
    new RegExp(
      String.raw`(?<![\p{L}])(?:on\s+)?(${LATER_DAY}(?:\s*(?:,|\/|&|\b(?:and|y|et|und)\b|\s)\s*${LATER_DAY}){2,6})(?![\p{L}])`,
      "iu",
    ),
    (m) => ({ freq: "WEEKLY", interval: 1, byDay: [...new Set(daysIn(m[1]!))] }),
  ],
  [
    // "tuesdays and thursdays at 6pm": days said in the plural are days it happens on.
    /\b(?:on\s+)?((?:sun|mon|tues|wednes|thurs|fri|satur)days(?:\s*(?:,|\/|&|\band\b)\s*(?:sun|mon|tues|wednes|thurs|fri|satur)days)+)\b/i,
    (m) => ({
      freq: "WEEKLY",
      interval: 1,
      byDay: [...new Set(m[1]!.match(/(?:sun|mon|tues|wednes|thurs|fri|satur)day/gi)!.map(dayCode))],
    }),
  ],
  [
    /\bon\s+(sun|mon|tues|wednes|thurs|fri|satur)days\b/i,
    (m) => ({ freq: "WEEKLY", interval: 1, byDay: [dayCode(m[1]!)] }),
  ],
  [
    // "every month on day 8", "on day 8 of every month".
    /\b(?:(?:every|each)\s+month|monthly)\s+on\s+(?:the\s+)?day\s+(\d{1,2})\b|\bon\s+(?:the\s+)?day\s+(\d{1,2})\s+of\s+(?:every|each)\s+month\b/i,
    (m) => {
      const day = +(m[1] ?? m[2])!;
      return day >= 1 && day <= 31 ? { freq: "MONTHLY", interval: 1, byMonthDay: day } : null;
    },
  ],
  [
    // "on the 15th of every month", "every 15th of the month".
    new RegExp(
      String.raw`\b(?:on\s+)?(?:the\s+)?(?:${ORD})\s+(?:day\s+)?of\s+(?:every|each)\s+month\b|\b(?:every|each)\s+(?:${ORD})\s+(?:day\s+)?of\s+(?:the|each|every)\s+month\b`,
      "i",
    ),
    (m) => ({
      freq: "MONTHLY",
      interval: 1,
      byMonthDay: m[1] || m[3] ? +(m[1] ?? m[3])! : ORD_WORDS[(m[2] ?? m[4])!.toLowerCase()],
    }),
  ],
  [
    /\b(?:at\s+|on\s+|by\s+)?(?:the\s+)?end\s+of\s+(?:every|each)\s+month\b|\b(?:every|each)\s+month[-\s]end\b/i,
    () => ({ freq: "MONTHLY", interval: 1, byMonthDay: -1 }),
  ],
  [
    new RegExp(String.raw`\b(?:(?:every|each)\s+month|monthly)\s+on\s+the\s+(?:${ORD})\b`, "i"),
    (m) => ({ freq: "MONTHLY", interval: 1, byMonthDay: m[1] ? +m[1] : ORD_WORDS[m[2]!.toLowerCase()] }),
  ],
  [
    new RegExp(String.raw`\b(?:every|each)\s+year\s+on\s+${MONTH_RE}\s+(\d{1,2})(?:st|nd|rd|th)?\b`, "i"),
    (m) => ({
      freq: "YEARLY",
      interval: 1,
      byMonth: monthIndex(m[1]!),
      byMonthDay: +m[2]!,
    }),
  ],
  [
    new RegExp(String.raw`\b(?:every|each)\s+${MONTH_RE}\s+(\d{1,2})(?:st|nd|rd|th)?\b`, "i"),
    (m) => ({
      freq: "YEARLY",
      interval: 1,
      byMonth: monthIndex(m[1]!),
      byMonthDay: +m[2]!,
    }),
  ],
  [
    new RegExp(String.raw`\b(?:every|each)\s+${NUM}\s+(day|week|month|year)s?\b`, "i"),
    (m) => ({ freq: FREQ[m[2]!.toLowerCase()]!, interval: interval(m[1]) }),
  ],
  [
    // "every morning at 6:45": daily, in that part of the day.
    /\b(?:every|each)\s+(morning|afternoon|evening|night)\b/i,
    (m) => ({ freq: "DAILY", interval: 1, daypart: m[1]!.toLowerCase() as NonNullable<Rule["daypart"]> }),
  ],
  [
    // "add 'Wedding anniversary' as a yearly task on the 14th of April": the kind of task it is, said too.
    /\b(?:every|each)\s+(day|week|month|year)\b|(?:\bas\s+an?\s+)?\b(daily|weekly|monthly|yearly|annually)(?:\s+(?:task|thing|event))?\b(?=\s*(?:$|,|at\b|on\b|from\b|starting\b))/i,
    (m) => ({ freq: FREQ[(m[1] ?? m[2])!.toLowerCase()]!, interval: 1 }),
  ],
];
const FREQ: Record<string, Rule["freq"]> = {
  day: "DAILY",
  week: "WEEKLY",
  month: "MONTHLY",
  year: "YEARLY",
  daily: "DAILY",
  weekly: "WEEKLY",
  monthly: "MONTHLY",
  yearly: "YEARLY",
  annually: "YEARLY",
};

function matches(rule: Rule, d: Day, start: Day): boolean {
  if (rule.byMonth && d.month !== rule.byMonth) return false;
  if (rule.byMonthDay && d.day !== (rule.byMonthDay === -1 ? daysInMonth(d.year, d.month) : rule.byMonthDay))
    return false;
  if (rule.byDay && !rule.byDay.includes(weekdayOf(d))) return false;
  if (rule.nth && (rule.nth === -1 ? d.day + 7 <= daysInMonth(d.year, d.month) : Math.ceil(d.day / 7) !== rule.nth))
    return false;
  if (rule.freq === "WEEKLY" && !rule.byDay && weekdayOf(d) !== weekdayOf(start)) return false;
  return true;
}

/** Finds a repeat phrase; the rule, its first occurrence (with the time named, if any) and the text without it. */
// "every two weeks, every saturday" (Spanish "cada dos semanas, los sábados"): one rule, its interval and its day.
const INTERVAL_THEN_DAY = new RegExp(
  String.raw`(\bevery\s+(?:other|\w+)\s+weeks?)\s*,?\s+(?:every|on)\s+(?=${WEEKDAY_WORD})`,
  "gi",
);

export function extractRepeat(said: string, ctx: DateContext, anchor?: Day): Repeat | null {
  const text = said.replace(INTERVAL_THEN_DAY, "$1 on ");
  for (const [re, build] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rule = build(m);
    if (!rule) continue;
    // "every tuesday night": the part of the day said right after the repeat is its time.
    const part = /^\s+(morning|afternoon|evening|night)\b/i.exec(text.slice(m.index + m[0].length));
    if (part) rule.daypart ??= part[1]!.toLowerCase() as NonNullable<Rule["daypart"]>;
    const end = m.index + m[0].length + (part?.[0].length ?? 0);
    let rest = `${text.slice(0, m.index)} ${text.slice(end)}`.replace(/\s+/g, " ").trim();
    // A time of day said with it ("at 9:30am") is the occurrences' time.
    const scan = findDates(rest, ctx);
    const timed = scan.dates.find((d) => d.hasTime && d.wall);
    let time: { hour: number; minute: number } | null = null;
    let startDay: Day | null = null;
    for (const d of scan.dates) {
      if (d === timed || (!d.hasTime && !startDay)) {
        if (d.hasTime && d.wall) time = { hour: d.wall.hour, minute: d.wall.minute };
        else startDay = d.day;
        rest = (
          rest
            .slice(0, d.index)
            .replace(/\b(?:at|on|from|starting)\s*$/i, "")
            .replace(connectorsBefore(ctx), "") +
          " " +
          rest.slice(d.end)
        )
          .replace(/\s+/g, " ")
          .trim();
        break;
      }
    }
    if (rule.daypart) {
      // "every morning at 6:45" is 6:45 AM (a bare "6:45" alone would read as the evening).
      if (time && rule.daypart === "morning" && time.hour >= 13 && !/pm\b/i.test(timed?.text ?? "")) time.hour -= 12;
      if (time && rule.daypart !== "morning" && time.hour < 12) time.hour += 12;
      time ??= { hour: DAYPART_HOUR[rule.daypart], minute: 0 };
    }
    if (rule.freq === "WEEKLY" && !rule.byDay && (startDay ?? anchor)) rule.byDay = [weekdayOf((startDay ?? anchor)!)];
    if (rule.freq === "MONTHLY" && !rule.byMonthDay && !rule.byDay && (startDay ?? anchor))
      rule.byMonthDay = (startDay ?? anchor)!.day;
    const t0 = today(ctx);
    const now = wallOf(ctx.now, ctx.timeZone);
    const from = startDay && compareDay(startDay, t0) > 0 ? startDay : t0;
    let first: Day | null = null;
    for (let i = 0; i < 800 && !first; i++) {
      const d = addDays(from, i);
      if (!matches(rule, d, from)) continue;
      if (
        compareDay(d, t0) === 0 &&
        time &&
        (time.hour < now.hour || (time.hour === now.hour && time.minute <= now.minute))
      )
        continue;
      first = d;
    }
    if (!first) return null;
    const dueDate = time ? isoDateTime({ ...first, ...time }, ctx.timeZone) : isoDate(first);
    return { rule: ruleText(rule), dueDate, rest: rest.replace(/^[\s,:;-]+|[\s,:;-]+$/g, "") };
  }
  return null;
}

/** For a change to an existing task ("make it every month instead"): the rule alone, anchored on its due day. */
export function repeatRuleOnly(text: string, ctx: DateContext, anchor?: Day): { rule: string; rest: string } | null {
  const r = extractRepeat(text, ctx, anchor);
  return r ? { rule: r.rule, rest: r.rest } : null;
}
