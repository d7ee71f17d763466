// Repeating tasks (contract v2): an RFC 5545 recurrence rule, stored without "RRULE:" and
// without DTSTART (the task's due date is its next occurrence). Parsed, checked and put in
// words by rrule, the kept implementation of RFC 5545, rather than by hand.
import "server-only";
import rrule from "rrule";

const { RRule } = rrule;
type Options = ReturnType<typeof RRule.parseString>;

/** Parts a stored rule may not carry: the start comes from the due date, the zone from the user. */
const REFUSED = /(?:^|;)\s*(?:DTSTART|TZID|UNTIL=\d{8}T\d{6}(?!Z))/i;

function options(rule: string): Options | null {
  const text = rule
    .trim()
    .replace(/^RRULE:/i, "")
    .toUpperCase();
  if (!text || REFUSED.test(text) || text.includes("\n")) return null;
  try {
    const parsed = RRule.parseString(text);
    if (parsed.freq === undefined || parsed.freq === null) return null;
    if (parsed.freq > RRule.DAILY) return null; // hourly and finer make no sense for a to-do
    new RRule(parsed).toString();
    return parsed;
  } catch {
    return null;
  }
}

/** The rule in its canonical form ("FREQ=WEEKLY;BYDAY=MO"), or null when it is not one Doable can use. */
export function normalizeRepeat(rule: string): string | null {
  const parsed = options(rule);
  return parsed ? new RRule(parsed).toString().replace(/^RRULE:/, "") : null;
}

/** "every week on Monday", for cards and the task panel. */
export function repeatInWords(rule: string): string {
  const parsed = options(rule);
  return parsed ? new RRule(parsed).toText() : rule;
}
