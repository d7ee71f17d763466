import { DATE_CONNECTORS, type Foreign, type Language } from "./lexicon";
import { isoDateTime, type Wall } from "@/lib/time/zone";
import { remember } from "@/lib/tasks/lemma";
export type { DateContext, DateScan, Day, FoundDate, InvalidDate } from "./dates-calendar";
export { today } from "./dates-calendar";
import {
  type DateContext,
  type DateScan,
  type Day,
  type FoundDate,
  type InvalidDate,
  today,
  WEEKDAY_WORD,
} from "./dates-calendar";
import { findInvalidDate } from "./dates-invalid";
import { customDates } from "./dates-custom";

import { chronoDates, dayOfWall } from "./dates-chrono";

const PART_OF_DAY_END =
  /\b(?:morning|afternoon|evening|night|morgen|vormittag|mittag|nachmittag|abend|nacht|mañana|tarde|noche|matin|après-midi|soir)$/iu;

// A message is tried several ways (clauses, asides, each intent), and each reads its dates: the
// scan of one text at one moment is the same every time, so it is made once (frozen, as it is shared).
const scans = new Map<string, DateScan>();

/** All date phrases in the text, in order, without overlaps. */
export function findDates(text: string, ctx: DateContext): DateScan {
  const key = `${ctx.now.getTime()}|${ctx.timeZone}|${ctx.language ?? ""}|${text}`;
  const known = scans.get(key);
  if (known) return known;
  const scan = scanDates(text, ctx);
  for (const d of scan.dates) {
    Object.freeze(d.day);
    if (d.wall) Object.freeze(d.wall);
    Object.freeze(d);
  }
  Object.freeze(scan.dates);
  return remember(scans, key, Object.freeze(scan));
}

function scanDates(text: string, ctx: DateContext): DateScan {
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
  // A custom phrase followed by a chrono time ("on the 17th at 3pm") is one date; so is a part of a
  // day followed by its clock time ("am Freitag Abend um 19 Uhr").
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i];
    const b = all[i + 1];
    const gap = text.slice(a.end, b.index);
    if (
      (!a.hasTime || PART_OF_DAY_END.test(a.text)) &&
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
  // "friday the 23rd", "fri 23rd 8am": a weekday then the day of the month is one date, the day's.
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i]!;
    const b = all[i + 1]!;
    if (
      WEEKDAY_ONLY.test(a.text) &&
      /^\s*(?:,\s*)?$/.test(text.slice(a.end, b.index)) &&
      /^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b/i.test(b.text)
    )
      all.splice(i, 2, { ...b, index: a.index, text: text.slice(a.index, b.end) });
  }
  // "at 8:30 tomorrow morning", "at 8 tomorrow evening": a clock time, its day, then the part of the
  // day it is in (chrono reads the part of the day as a date of its own).
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i]!;
    const b = all[i + 1]!;
    const part = /^(?:in\s+the\s+)?(morning|afternoon|evening|night)$/i.exec(b.text)?.[1]?.toLowerCase();
    if (!part || !a.wall || !/\d/.test(a.text) || !/^\s*$/.test(text.slice(a.end, b.index))) continue;
    const pm = part !== "morning" && a.wall.hour < 12 && !/[ap]\.?m\b/i.test(a.text);
    const hour = pm ? a.wall.hour + 12 : a.wall.hour;
    const wall: Wall = { ...a.wall, hour };
    all.splice(i, 2, {
      ...a,
      end: b.end,
      text: text.slice(a.index, b.end),
      value: isoDateTime(wall, ctx.timeZone),
      day: dayOfWall(wall, ctx.timeZone),
      wall,
    });
  }
  const valid = invalid ? all.filter((d) => d.end <= invalid.index || d.index >= invalid.end) : all;
  // "check the weather for the weekend's weddings every monday at 7:30am": a day said as an owner
  // describes the thing when a repeat or a clock time says when. ("move tonight's shift to monday"
  // names the shift by its day.)
  const possessive = (d: FoundDate) => /^['’]s\b/.test(text.slice(d.end));
  const clock = (d: FoundDate) => d.hasTime && /^(?:at\s+)?\d/i.test(d.text);
  const when = /\b(?:every|each)\s/i.test(text) || valid.some((d) => !possessive(d) && clock(d));
  return { dates: when ? valid.filter((d) => !possessive(d)) : valid, invalid };
}

const WEEKDAY_ONLY = new RegExp(String.raw`^(?:on\s+)?${WEEKDAY_WORD}$`, "i");

const LEADING_CONNECTORS =
  /(?:[,;]?\s*(?:,|(?<![\p{L}\p{N}_'’])(?:and\s+)?(?:it'?s\s+|it\s+is\s+|it\s+was\s+|was\s+)?(?:end\s+of\s+(?:the\s+)?day|eod|cob|first\s+thing(?:\s+in\s+the\s+morning)?|due(?:\s+date)?|deadline|by|on|at|for|before|until|(?<!\bthe\s)till|no\s+later\s+than|scheduled\s+for|set\s+for|to|starting|from|is|be|the))\s*)+$/iu;

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
  // "tomorrow at 6 in the evening": the part of the day after a clock time only placed it (6 PM).
  const daypart = /^\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b/i.exec(text.slice(d.end));
  // "move tonight's night shift", "friday's meeting": the date's possessive goes with it.
  const timed = daypart && d.value.includes("T") ? d.end + daypart[0].length : d.end;
  const end = timed + (/^['’]s\b/.exec(text.slice(timed))?.[0].length ?? 0);
  const rest = `${before} ${text.slice(end)}`.replace(/\s+/g, " ").trim();
  return { rest, date: d, invalid: null, removed: text.slice(before.trimEnd().length, end) };
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
