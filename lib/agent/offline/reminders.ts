// Explicit reminder moments (contract v2 `remindAt`): "remind me at 8", "an hour before",
// "30 minutes before", "the day before". A task due at a time is reminded then anyway, so a
// reminder is only set when the user names one.
import { findDates, type DateContext, type FoundDate } from "./dates";
import { NUMBER_WORDS } from "./text";
import { addDays, dayInZone, isoDate, isoDateTime, wallOf } from "@/lib/time/zone";

const UNIT_MINUTES: Record<string, number> = { minute: 1, min: 1, hour: 60, day: 1440, week: 10080 };
const COUNT = String.raw`an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty[- ]five|ninety|\d+|half\s+an?|(?:a\s+)?couple(?:\s+of)?|a\s+few`;
// The day before, said as a part of it: "the night before" is the evening of the day before.
const PART_OF_DAY: Record<string, { hour: number; minute: number }> = {
  night: { hour: 20, minute: 0 },
  evening: { hour: 18, minute: 0 },
  afternoon: { hour: 15, minute: 0 },
  morning: { hour: 9, minute: 0 },
};
// The due day itself, or a part of it: "that morning", "the morning of", "on the day".
const SAME_DAY = String.raw`(?:(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)|the\s+(?:day|morning|afternoon|evening|night)\s+of(?:\s+it)?|on\s+the\s+day)(?!\s+(?:before|beforehand|earlier|ahead|prior)\b)`;
const SAME_DAY_PARTS = /^(?:that|the\s+same|the)\s+(day|morning|afternoon|evening|night)\b|^on\s+the\s+day$/i;
const OFFSET_PARTS = new RegExp(
  String.raw`^(?:(${COUNT})\s+(minute|min|hour|day|week)s?|(an?\s+|one\s+)?(hour|day|week)\s+and\s+a\s+half|the\s+(day|night|evening|morning|week)|a\s+(day))\s+(?:before|beforehand|earlier|ahead|prior)(?:\s+(?:it|that))?$`,
  "i",
);
/** A length of time before the due moment ("an hour before", "the night before"); embeddable. */
export const LEAD = String.raw`(?:(?:(?:${COUNT})\s+(?:minute|min|hour|day|week)s?|(?:an?\s+|one\s+)?(?:hour|day|week)\s+and\s+a\s+half|the\s+(?:day|night|evening|morning|week)|a\s+day)\s+(?:before|beforehand|earlier|ahead|prior))`;
/** When before the due moment: a lead, or the due day itself ("that morning"); no capturing groups, so it can be embedded. */
export const OFFSET = `(?:${LEAD}|${SAME_DAY})`;
/** The due day itself ("at noon that day", "on the day"), as said. */
export const SAME_DAY_SAID = new RegExp(SAME_DAY, "i");
const WORD_NUMBERS: Record<string, number> = {
  ...NUMBER_WORDS,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  "forty-five": 45,
  "forty five": 45,
  ninety: 90,
};

type Offset = { minutes: number; standIn?: { hour: number; minute: number } };

function parseOffset(phrase: string): Offset | null {
  if (new RegExp(`^(?:${SAME_DAY})$`, "i").test(phrase.trim())) {
    const part = SAME_DAY_PARTS.exec(phrase.trim())?.[1]?.toLowerCase();
    return { minutes: 0, standIn: part ? PART_OF_DAY[part] : undefined };
  }
  const m = OFFSET_PARTS.exec(phrase.trim());
  if (!m) return null;
  if (m[5] || m[6]) {
    const word = (m[5] ?? m[6])!.toLowerCase();
    return word === "week" ? { minutes: 10080 } : { minutes: 1440, standIn: PART_OF_DAY[word] };
  }
  if (m[4]) return { minutes: UNIT_MINUTES[m[4].toLowerCase()]! * 1.5 };
  const unit = UNIT_MINUTES[m[2]!.toLowerCase()]!;
  const w = m[1]!.toLowerCase().replace(/\s+/g, " ").trim();
  const n = /^half/.test(w)
    ? 0.5
    : /couple/.test(w)
      ? 2
      : /few/.test(w)
        ? 3
        : /^\d+$/.test(w)
          ? +w
          : (WORD_NUMBERS[w] ?? 1);
  return { minutes: n * unit };
}

/** Minutes before the due moment an offset phrase names ("an hour before" → 60), or null. */
export function offsetMinutes(phrase: string): number | null {
  return parseOffset(phrase)?.minutes ?? null;
}

/** The reminder `minutes` before a due value: a bare due stays a bare date (whole days only). */
export function before(due: string, minutes: number, timeZone: string): string | null {
  if (/T/.test(due)) {
    const at = new Date(Date.parse(due) - minutes * 60_000);
    return isoDateTime(wallOf(at, timeZone), timeZone);
  }
  if (minutes % 1440 !== 0) return null;
  const day = dayInZone(due, timeZone);
  return day ? isoDate(addDays(day, -minutes / 1440)) : null;
}

/**
 * The reminder an offset phrase gives for a task due at `due`, with the clock time said with it
 * ("the day before at 8pm", "2 days before at 9") or the stand-in hour of a part of the day ("the
 * night before" → 20:00 the day before). Null when it names no moment (2 hours before a bare day).
 */
export function remindBefore(
  due: string,
  offset: string,
  time: { hour: number; minute: number } | null,
  timeZone: string,
): string | null {
  const off = parseOffset(offset);
  if (!off) return null;
  // "the night before at 8", "that afternoon at 2": after noon; "that morning at 8": before it.
  const later = off.standIn && off.standIn.hour >= 12 && time && time.hour >= 1 && time.hour < 12;
  const earlier = off.standIn && off.standIn.hour < 12 && time && time.hour > 12;
  const clock = later
    ? { hour: time.hour + 12, minute: time.minute }
    : earlier
      ? { hour: time.hour - 12, minute: time.minute }
      : (time ?? off.standIn ?? null);
  if (clock && off.minutes % 1440 === 0) {
    const day = dayInZone(due, timeZone);
    return day ? isoDateTime({ ...addDays(day, -off.minutes / 1440), ...clock }, timeZone) : null;
  }
  return before(due, off.minutes, timeZone);
}

/** The clock time of a phrase that says only a time ("at 8pm", "à 20h", "um 8 Uhr"), or null. */
export function clockOf(phrase: string, ctx: DateContext): { hour: number; minute: number } | null {
  const text = phrase.trim();
  if (!text) return null;
  const d = findDates(text, ctx).dates[0];
  if (!d?.hasTime || !d.wall || !onlyTime(d.text)) return null;
  if (
    text
      .slice(0, d.index)
      .replace(/\b(?:at|around|by|a\s+las?|à|vers|um|gegen)\s*$/i, "")
      .trim() ||
    text.slice(d.end).trim()
  )
    return null;
  return { hour: d.wall.hour, minute: d.wall.minute };
}

// A clock time with no day in it: such a reminder lands on the task's due day.
const TIME_ONLY =
  /^(?:(?:at|around|by|a\s+las?|à|vers|um|gegen)\s+)?(?:\d{1,2}(?:[:.h]\d{2})?\s*(?:h|uhr|o'?clock|am|pm|a\.m\.|p\.m\.)?|noon|midday|midnight|mediodía|midi|mittag)(?:\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|de\s+la\s+(?:mañana|tarde|noche)|du\s+(?:matin|soir)|de\s+l'après-midi|morgens|abends|nachmittags))?$/i;
/** Whether a found date's text says only a clock time (no day). */
export const isTimeOnly = (text: string) => TIME_ONLY.test(text.trim());
const onlyTime = isTimeOnly;

/** A found reminder moment: a time with no day lands on the due day when there is one. */
export function reminderFromDate(d: FoundDate, due: string | null, ctx: DateContext): string {
  if (!d.hasTime || !d.wall) return d.value;
  if (due && onlyTime(d.text)) {
    const day = dayInZone(due, ctx.timeZone);
    let hour = d.wall.hour;
    // "at 8" before a due time that is later in the day: the morning, not the evening.
    const dueWall = /T/.test(due) ? wallOf(new Date(due), ctx.timeZone) : null;
    if (dueWall && hour >= 12 && hour > dueWall.hour && !/pm|p\.m\./i.test(d.text)) hour -= 12;
    if (day) return isoDateTime({ ...day, hour, minute: d.wall.minute }, ctx.timeZone);
  }
  return d.value;
}

/** "at 8", "8am", "tomorrow at 9am": a reminder moment; a bare time lands on the due day when there is one. */
export function reminderAt(phrase: string, due: string | null, ctx: DateContext): string | null {
  const d = findDates(phrase, ctx).dates[0];
  return d ? reminderFromDate(d, due, ctx) : null;
}

const REMARK_AFTER_REMINDER =
  /\s*[,;]\s*(?:i|i'?ll|i'?m|i'?d|we|we'?ll|she|he|they|because|cos|coz|since|otherwise|or\s+else)\b.*$/i;

/** A reminder clause inside an add ("…, remind me 30 minutes before", "… and remind me at 8"). */
export function extractReminderClause(text: string): { rest: string; spec: string } | null {
  // "…, with a reminder the day before at 8pm" says the same as "…, remind me the day before at 8pm".
  const m =
    /(?:[,;]\s*|\s+)(?:and\s+)?(?:please\s+)?(?:remind\s+me|(?:with|and)\s+(?:a\s+)?reminder)\s+(?!to\b|about\b)(.+)$/i.exec(
      text,
    );
  if (!m || m.index === 0) return null;
  // "…, remind me 1 hr before, tag it urgent", "… remind me the day before. give it #salud": the
  // reminder ends where another change to the task starts; that change stays with the task.
  // "…, ping me 30 min before, I'll be dead asleep otherwise": a remark after it says why, nothing more.
  const spec = m[1]!.trim().replace(REMARK_AFTER_REMINDER, "");
  const end = /(?:[.!?;]\s+|,\s*(?=(?:and\s+)?(?:tag|give\s+it|put\s+it|make\s+it|set\s+it|high|low|urgent|#)))/i.exec(
    spec,
  );
  if (!end) return { rest: text.slice(0, m.index).trim(), spec };
  return {
    rest: `${text.slice(0, m.index).trim()}, ${spec.slice(end.index + end[0].length)}`,
    spec: spec.slice(0, end.index).trim(),
  };
}

/** "the day before at 8pm": the offset and the clock time said after it. */
function splitOffsetTime(
  spec: string,
  ctx: DateContext,
): { offset: string; time: { hour: number; minute: number } | null } | null {
  const s = spec.trim().replace(/\s+(?:it|that)$/i, "");
  if (parseOffset(s)) return { offset: s, time: null };
  const m =
    new RegExp(`^(${OFFSET})\\s*,?\\s+(.+)$`, "i").exec(s) ?? new RegExp(`^(.+?)\\s*,?\\s+(${OFFSET})$`, "i").exec(s);
  if (!m) return null;
  const [offset, other] = parseOffset(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const time = clockOf(other, ctx);
  return time ? { offset, time } : null;
}

/**
 * "2 hours before" a task due on a day with no time (or with no due date at all) names no
 * moment: we ask for the time rather than guess one. Whole days ("the day before") work on a
 * bare date.
 */
export function reminderNeedsTime(spec: string, due: string | null, ctx?: DateContext): boolean {
  const split = ctx ? splitOffsetTime(spec, ctx) : null;
  const off = split ? parseOffset(split.offset) : parseOffset(spec.replace(/\s+(?:it|that)$/i, ""));
  if (!off) return false;
  return !due || (!/T/.test(due) && off.minutes % 1440 !== 0);
}

/** The remindAt a spec gives for a task due at `due`. */
export function remindFromSpec(spec: string, due: string | null, ctx: DateContext): string | null {
  const split = splitOffsetTime(spec, ctx);
  if (split) return due ? remindBefore(due, split.offset, split.time, ctx.timeZone) : null;
  return reminderAt(spec, due, ctx);
}
