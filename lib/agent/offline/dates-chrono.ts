// chrono-node's readings, kept to those meant as dates in a to-do and resolved in the user's zone (see dates.ts).
import * as chrono from "chrono-node";
import type { Foreign } from "./lexicon";
import { addDays, compareDay, instantOf, isoDate, isoDateTime, wallOf, type Wall } from "@/lib/time/zone";
import { type DateContext, type Day, type FoundDate, MONTH_RE, MONTHS, today } from "./dates-calendar";

const WEEKDAY_ABBR = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i;
// "the Year 4 trip", "grade 9 report": a class at school, not a year or a day.
const SCHOOL_YEAR = /\b(?:year|grade|class|form)\s+\d{1,2}\b/gi;
// "brocas del 8": a size, not eight o'clock (chrono's Spanish reads "del 8" as a time; a day says "el 8 de …").
const SIZE_OF = /\bdel\s+\d{1,2}\b(?!\s*(?:[:h.]\d|de\s|al\s|a\s+las?\s|hrs?\b|horas?\b))/gi;
const THE_SECOND =
  /\b(?:the|a)\s+second\b(?!\s+(?:of|week|half|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)/gi;
// "quiz night", "parents evening": a night or evening named after what happens is a thing, not a time.
const NAMED_NIGHT =
  /(?<=(?<![\p{L}])(?!(?:at|by|on|for|in|the|last|this|tomorrow|every|each|one|all|early|late|\p{L}+day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|mañana|manana|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|\p{L}+tag|morgen)\s)\p{L}+\s+)(?:night|evening)(?![\p{L}'])/giu;
// "night shift", "evening class", "morning meds": the part of the day names the kind of thing.
const DAYPART_THING =
  /\b(?:morning|afternoon|evening|night|day|late|early)(?=\s+(?:shifts?|class(?:es)?|course|lectures?|service|meds|medication|pills|routine|nurse|duty|rota|prayers?|market|yoga|run|walk|jog|swim|stretch(?:es|ing)?|workout|pages)\b)/gi;
// "boiler service at 22 Marsh Lane": a house number before a street's name is no clock time.
// "recoger a don Julio", "call aunt April": a month's name after a title of address (or Spanish's
// personal "a") is a person's.
const PERSON_NAMED = new RegExp(
  String.raw`(?<=\b(?:don|doña|señor|señora|sr\.?|sra\.?|mr\.?|mrs\.?|ms\.?|dr\.?|tía|tío|aunt|uncle)\s+|(?<![\p{L}])a\s+)(?:${[
    ...MONTHS,
    ...["es", "fr", "de"].flatMap((lang) => {
      const name = new Intl.DateTimeFormat(lang, { month: "long", timeZone: "UTC" });
      return MONTHS.map((_, i) => name.format(Date.UTC(2020, i, 15)).toLowerCase());
    }),
  ].join("|")})(?![\p{L}])`,
  "giu",
);
const STREET_NUMBER =
  /\b\d{1,4}[a-z]?(?=\s+(?:\p{Lu}\p{L}+\s+)+(?:Lane|Ln|Road|Rd|Street|St|Avenue|Ave|Close|Drive|Dr|Way|Court|Ct|Crescent|Place|Pl|Terrace|Gardens|Square|Sq|Boulevard|Blvd|Row|Hill|Grove|Mews|Park)\b)/gu;
const CONNECTOR_BEFORE = /\b(?:on|by|due|until|till|before|after|for|next|this|from|to|at|in)\s+$/i;

/** chrono readings that are almost never meant as dates inside a to-do sentence. */
function isFalsePositive(r: chrono.ParsedResult, text: string): boolean {
  const s = r.text.trim().replace(/[,.]$/, "");
  const before = text.slice(0, r.index);
  // chrono's word edges are ASCII: "the d" of "the déclaration" is no date.
  if (midWord(r, text)) return true;
  // "every morning", "every Monday": a recurrence belongs to the title, not a due date.
  if (/\bevery\s+(?:other\s+)?$/i.test(before)) return true;
  if (/^(?:now|right now|a sec(?:ond)?|one sec(?:ond)?|a moment|a minute|the second|second)$/i.test(s)) return true;
  // "buy new controller sat lol": a day's short name ending the thing said is its day; "i sat down" is a verb.
  const endsHere = /^\s*(?:[,.!?;]|lol\b|lmao\b|pls\b|please\b|$)/i.test(text.slice(r.index + r.text.length));
  if (
    WEEKDAY_ABBR.test(s) &&
    !CONNECTOR_BEFORE.test(before) &&
    (!endsHere || /\b(?:i|we|he|she|they|it|you)\s+$/i.test(before))
  )
    return true;
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

const TASK_NUMBER = /((?:task|item|todo|#|number|no\.?)\s*)(\d+)/gi;

export function chronoDates(text: string, ctx: DateContext): FoundDate[] {
  const w = wallOf(ctx.now, ctx.timeZone);
  const ref = new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const t = today(ctx);
  const out: FoundDate[] = [];
  let results: chrono.ParsedResult[];
  // "move task 6 to 5pm": a task's number is hidden from chrono, which would read "6 to 5pm" as a
  // range and lose the time (same length, so every index still points into `text`).
  // "move the second to tomorrow": "the second" is a position in a list (chrono reads "the second to
  // tomorrow" as one moment and loses "tomorrow").
  const parsed = text
    .replace(TASK_NUMBER, (_all, label: string, digits: string) => label + "n".repeat(digits.length))
    .replace(THE_SECOND, (all) => all.replace(/\S/g, "x"))
    .replace(SCHOOL_YEAR, (all) => "x".repeat(all.length))
    .replace(SIZE_OF, (all) => "x".repeat(all.length))
    .replace(NAMED_NIGHT, (all) => "x".repeat(all.length))
    .replace(DAYPART_THING, (all) => "x".repeat(all.length))
    .replace(STREET_NUMBER, (all) => "n".repeat(all.length))
    .replace(PERSON_NAMED, (all) => (/^\p{Lu}/u.test(all) ? "x".repeat(all.length) : all));
  try {
    results = chrono.casual.parse(parsed, ref, { forwardDate: true });
    // Date words of the message's language that no table translated ("el 5 de marzo", "vendredi
    // à 17h", "am 5. März um 17 Uhr"): chrono's own locale, where English found nothing.
    if (ctx.language && ctx.language !== "en") {
      for (const r of LOCALE_PARSERS[ctx.language].parse(parsed, ref, { forwardDate: true })) {
        // chrono.de reads "Do"/"Mi"/"So" as weekdays: in a sentence they are words ("what do I have").
        if (midWord(r, text) || /^\p{L}{1,2}\.?$/u.test(r.text.trim())) continue;
        const end = r.index + r.text.length;
        const overlapping = results.filter((e) => e.index < end && r.index < e.index + e.text.length);
        // The longer reading wins ("vendredi à 17h" over English's "17h"); a locale reading that
        // goes on after an English one extends it ("tomorrow 15" + "15 Uhr").
        // (Starting at the same place, the locale's longer reading replaces it: English reads the
        // "3 d" of "3 décembre" as three days.)
        const head = overlapping.find((e) => e.index < r.index && e.index + e.text.length < end);
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
      // "at 5" in a to-do means 5 PM far more often than 5 AM; "um 7 Uhr", "à 7h" are a 24-hour clock,
      // and "tomorrow morning at 7:30" says which half of the day.
      if (
        s.isCertain("hour") &&
        !s.isCertain("meridiem") &&
        hour >= 1 &&
        hour <= 7 &&
        !/\buhr\b|\d\s*h\b|\bmorning\b/i.test(rawText)
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
export function dayOfWall(wall: Wall, timeZone: string): Day {
  const w = wallOf(instantOf(wall, timeZone), timeZone);
  return { year: w.year, month: w.month, day: w.day };
}
