// Dates that look intended but do not exist ("February 30", "the 35th", "13/45").
import { daysInMonth } from "@/lib/time/zone";
import {
  type DateContext,
  type InvalidDate,
  MONTH_RE,
  monthIndex,
  monthName,
  ordinal,
  today,
  yearFor,
} from "./dates-calendar";
// Words after an ordinal that show it is not a day of the month ("the 50th anniversary").
export const AFTER_ORDINAL_OK =
  /^(?:\s*$|[\s]*[,.;!?#)]|\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|\s+(?:at|a\s+las?|um|by|in|and|to|thru|through|till|until|or|with|due|high|low|medium|urgent|priority|tagged|please|for|,|of\s+(?:this|next|the)\s+month|next\s+month|this\s+month)\b)/i;

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
