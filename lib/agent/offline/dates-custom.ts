// Date phrases chrono misses or reads differently from how people mean them in a to-do ("on the 17th", …).
import { addDays, daysInMonth, isoDateTime, wallOf, weekdayOf } from "@/lib/time/zone";
import {
  type DateContext,
  type Day,
  type FoundDate,
  FOREIGN_WEEKDAYS,
  fromDay,
  MONTH_RE,
  ORDINAL_DAY,
  today,
  WEEKDAY_WORD,
  WEEKDAYS,
} from "./dates-calendar";
import { AFTER_ORDINAL_OK } from "./dates-invalid";

/** Phrases chrono misses or reads differently from how people mean them in a to-do. */
export function customDates(text: string, ctx: DateContext): FoundDate[] {
  const out: FoundDate[] = [];
  const t = today(ctx);

  // "on the 17th": this month if still ahead, else next month.
  const ord = /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(?:this|the|(next))\s+month)?/gi;
  for (const m of text.matchAll(ord)) {
    const after = text.slice(m.index + m[0].length);
    if (new RegExp(`^\\s+(?:of\\s+)?${MONTH_RE}\\b`, "i").test(after)) continue;
    if (!AFTER_ORDINAL_OK.test(after)) continue;
    // "fri 23rd": the weekday before says it is a day.
    if (
      !/the\s/i.test(m[0]) &&
      !new RegExp(String.raw`\b(?:on|by|due|until|till|before|for|${WEEKDAY_WORD})\s+$`, "i").test(
        text.slice(0, m.index),
      )
    )
      continue;
    const n = +m[1];
    if (n < 1 || n > 31) continue;
    let cand: Day = { year: t.year, month: t.month, day: n };
    // "on 5th of next month": that day of the month after this one.
    if (m[2] || n < t.day || n > daysInMonth(t.year, t.month)) {
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

  // "friday next week", "next week friday", "friday of next week": that day of next week (Monday-first).
  const DAY = String.raw`((?:sun|mon|tues|wednes|thurs|fri|satur)day|${Object.keys(FOREIGN_WEEKDAYS).join("|")})`;
  const dayNextWeek = new RegExp(
    String.raw`\b(?:${DAY}\s+(?:of\s+)?(?:next|the\s+following)\s+week|next\s+week(?:'s)?\s+(?:on\s+)?${DAY})\b`,
    "gi",
  );
  const named: Array<[number, number]> = [];
  for (const m of text.matchAll(dayNextWeek)) {
    const said = (m[1] ?? m[2])!.toLowerCase();
    const wd = FOREIGN_WEEKDAYS[said] ?? WEEKDAYS.indexOf(said);
    const monday = addDays(t, (8 - weekdayOf(t)) % 7 || 7);
    out.push(fromDay(addDays(monday, (wd + 6) % 7), m.index, m[0]));
    named.push([m.index, m.index + m[0].length]);
  }

  // "next week" means its Monday, as in most to-do apps (chrono says "in 7 days").
  const nextWeek = /\b(?:(?:the\s+)?(start|beginning|end)\s+of\s+)?next\s+week\b/gi;
  for (const m of text.matchAll(nextWeek)) {
    if (named.some(([a, b]) => m.index >= a && m.index < b)) continue;
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

  // "in a fortnight", "a fortnight from today": two weeks on (chrono has no "fortnight").
  const fortnight = /\b(?:in\s+(?:a|one)\s+fortnight(?:'s\s+time)?|a\s+fortnight\s+(?:from\s+)?(?:now|today))\b/gi;
  for (const m of text.matchAll(fortnight)) out.push(fromDay(addDays(t, 14), m.index, m[0]));

  // "this time next week" / "this time tomorrow": the same clock time then.
  const sameTime = /\b(?:this|same)\s+time\s+(next\s+week|tomorrow)\b/gi;
  for (const m of text.matchAll(sameTime)) {
    const now = wallOf(ctx.now, ctx.timeZone);
    const day = addDays(t, /week/i.test(m[1]) ? 7 : 1);
    const wall = { ...day, hour: now.hour, minute: now.minute };
    out.push({ ...fromDay(day, m.index, m[0]), value: isoDateTime(wall, ctx.timeZone), hasTime: true, wall });
  }

  return out;
}
