// Questions about a period: the days it spans, "is friday busy?", and "and over the weekend?" (the last list again).
import { result, type Ctx } from "../context";
import { findDates, today } from "../dates";
import { addDays, daysInMonth, isoDate, weekdayOf } from "@/lib/time/zone";
import type { Interpretation } from "../types";
import { completionPeriod, isPeriod } from "./list-periods";
import { buildList } from "./list-filter";
import { cleanTerm, searchable } from "./list-search";
import { resolveOne } from "../references";
import { COMMAND_START } from "./add";

/** The inclusive days a period names ("this week", "tomorrow", "on friday"), or null. */
export function periodOf(text: string, ctx: Ctx): { after: string; before: string; phrase: string } | null {
  const t = today(ctx.date);
  const L = text.toLowerCase().trim();
  const monday = addDays(t, -((weekdayOf(t) + 6) % 7));
  const span = (a: ReturnType<typeof today>, b: ReturnType<typeof today>) => ({
    after: isoDate(a),
    before: isoDate(b),
    phrase: L,
  });
  if (/^(?:this|the)\s+(?:coming\s+)?week$/.test(L)) return span(monday, addDays(monday, 6));
  if (/^next\s+week$/.test(L)) return span(addDays(monday, 7), addDays(monday, 13));
  if (/^(?:this|the)\s+weekend$/.test(L)) return span(addDays(monday, 5), addDays(monday, 6));
  if (/^next\s+weekend$/.test(L)) return span(addDays(monday, 12), addDays(monday, 13));
  if (/^(?:this|the)\s+month$/.test(L)) return span({ ...t, day: 1 }, { ...t, day: daysInMonth(t.year, t.month) });
  if (/^(?:today|tonight)$/.test(L)) return span(t, t);
  const d = findDates(L, ctx.date).dates[0];
  if (!d) return null;
  if (/^(?:before|by|until)\b/.test(L))
    return { after: "0000-01-01", before: isoDate(/^before\b/.test(L) ? addDays(d.day, -1) : d.day), phrase: L };
  return span(d.day, d.day);
}

// "does thursday look hectic?", "how packed is next week?", "am I free on friday?", "what does saturday look like?".
const BUSY = String.raw`(?:busy|free|full|packed|hectic|quiet|clear|light|heavy|manic|crazy|mad|rammed|swamped|slammed|stacked|booked\s+up|chock-?a-?block|empty|open)`;
const PERIOD_ASKED = String.raw`((?:the\s+rest\s+of\s+)?(?:(?:this|next|the|my|on|for)\s+)*[\w'-]+(?:\s+(?!look|seem|going\b)[\w'-]+)?)`;
export const BUSY_QUESTIONS = [
  new RegExp(
    String.raw`^(?:is|does|will|was)\s+${PERIOD_ASKED}\s+(?:look(?:ing)?\s+|seem(?:ing)?\s+|going\s+to\s+be\s+)?(?:(?:very|too|pretty|quite|really|a\s+bit|so)\s+)?${BUSY}$`,
    "i",
  ),
  new RegExp(
    String.raw`^how\s+${BUSY}\s+(?:is|am\s+i|are\s+we|does|will)\s+${PERIOD_ASKED}(?:\s+(?:look(?:ing)?|be|seem))?$`,
    "i",
  ),
  new RegExp(
    String.raw`^(?:am\s+i|are\s+we)\s+(?:(?:very|too|pretty|quite|really)\s+)?${BUSY}\s+${PERIOD_ASKED}$`,
    "i",
  ),
  new RegExp(
    String.raw`^(?:what\s+does|how\s+does|how'?s|how\s+is|what'?s|what\s+is)\s+${PERIOD_ASKED}\s+look(?:ing)?(?:\s+like)?$`,
    "i",
  ),
];

/** The due filters a period names ("tomorrow", "this weekend", "on friday", "in may"), or null. */
export function dueOf(said: string, ctx: Ctx): Record<string, unknown> | null {
  // "my week", "the weekend", "my day": the current one.
  const phrase = said
    .replace(/^(?:my|the)\s+(week|weekend|month)$/i, "this $1")
    .replace(/^(?:my|the)\s+day$/i, "today");
  if (!isPeriod(phrase, ctx)) return null;
  const input = buildList(phrase, ctx, 0.7).calls[0]!.input;
  const due = Object.fromEntries(
    Object.entries(input).filter(([k]) => k === "due" || k === "dueAfter" || k === "dueBefore"),
  );
  return Object.keys(due).length ? due : null;
}

// "and over the weekend?", "what about tomorrow?", "how about friday then": the previous list again, for another period.
const ELLIPSIS =
  /^(?:(?:and|so|ok(?:ay)?|y|et|und)\s+)?(?:(?:what|how)\s+about\s+|same\s+for\s+)?(.+?)(?:\s+(?:then|too|instead|as\s+well))?$/i;
const TIME_KEYS = ["due", "dueAfter", "dueBefore", "completedAfter", "completedBefore"];

/** The list filter of our last answer, when it was a list. */
function lastListFilter(ctx: Ctx): Record<string, unknown> | null {
  const last = [...(ctx.history ?? [])].reverse().find((h) => h.role === "assistant");
  const call = last?.calls?.find((c) => c.tool === "list_tasks");
  return call ? { ...call.input } : null;
}

/** "did I already send the invoice?" … "and the dentist?": the same question, about another task. */
function otherTask(phrase: string, ctx: Ctx): Interpretation | null {
  if (!/^(?:\S+[.!,]\s+)?(?:(?:and|y|et|und)\s+|(?:what|how)\s+about\s+)/i.test(ctx.raw)) return null;
  // "good. and mark the teaching one done": a command of its own, not the question again.
  if (COMMAND_START.test(phrase)) return null;
  const prev = lastListFilter(ctx);
  if (typeof prev?.search !== "string" || resolveOne(phrase, ctx.tasks).kind === "none") return null;
  const search = searchable(cleanTerm(phrase), ctx.tasks);
  if (!search || search === prev.search) return null;
  const input = { ...prev, search };
  return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, ellipsis: true }, 0.7);
}

export function ellipsis(ctx: Ctx): Interpretation | null {
  const m = ELLIPSIS.exec(ctx.text);
  // "puh, montag halt 🙄": a sigh over a day is no question about it.
  if (!m || /^(?:ugh+|meh|sigh)\b/i.test(ctx.raw)) return null;
  if (!isPeriod(m[1]!, ctx)) return otherTask(m[1]!, ctx);
  const asked = /^(?:(?:and|so|ok(?:ay)?|y|et|und)\s+)?(?:what|how)\s+about\b/i.test(ctx.text);
  const prev = lastListFilter(ctx);
  if (!prev && !asked) return null;
  const base = Object.fromEntries(Object.entries(prev ?? {}).filter(([k]) => !TIME_KEYS.includes(k)));
  const wasCompletion =
    !!prev && (prev.completedAfter !== undefined || prev.completedBefore !== undefined || prev.status === "completed");
  if (wasCompletion) {
    const done = completionPeriod(` ${m[1]!.toLowerCase()} `, ctx);
    if (!done) return null;
    delete base.status;
    const input = { ...base, ...done };
    return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, ellipsis: true }, 0.75);
  }
  if (typeof base.search === "string") {
    // "is the dentist this week?" … "and next week?": the same yes/no question for another period.
    const period = periodOf(m[1]!.replace(/^(?:due|in)\s+/i, ""), ctx);
    if (!period) return null;
    const input = { search: base.search };
    return result(
      "list_tasks",
      [{ tool: "list_tasks", input }],
      { filter: input, question: "within", period, ellipsis: true },
      0.7,
    );
  }
  const due = dueOf(m[1]!, ctx);
  if (!due) return null;
  const input = { ...base, ...due };
  return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, ellipsis: true }, 0.75);
}
