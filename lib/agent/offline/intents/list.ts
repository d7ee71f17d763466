// Listing tasks with only the filters the user actually expressed.
import { result, type Ctx } from "../context";
import { findDates, today } from "../dates";
import { compareDay } from "@/lib/time/zone";
import { addDays, isoDate, daysInMonth, weekdayOf } from "@/lib/time/zone";
import type { Interpretation } from "../types";
import { baseOfPastVerb, stem } from "../text";
import { ARTICLES } from "../lexicon";
import { smalltalkLead } from "./smalltalk";

const TRIGGER =
  /^(?:show|list|display|view|see|give\s+me|get\s+me|get\s+(?:me\s+)?(?:my|all|the)\s+(?:tasks|list|todos)|print|what|what'?s|whats|which|any|anything|do\s+i\s+(?:have|need|got)|have\s+i\s+got|have\s+i|how\s+many|tell\s+me|fetch|find|search|look\s+up|look\s+for|pull\s+up|bring\s+up|is\s+there|are\s+there|where|let\s+me\s+see|lemme\s+see|i\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+(?:see|know|view)|remind\s+me\s+what|my\s+(?:tasks|todos|to-dos|list|agenda)|tasks|todos|to-dos|agenda|overdue|upcoming|remaining|open\s+tasks|pending\s+tasks|completed\s+tasks|am\s+i\s+(?:behind|late)|anything\s+(?:due|overdue)|(?:is|has)\s+(?:there\s+)?(?:anything|something|everything)|(?:are|have)\s+(?:there\s+)?any|(?:have\s+i\s+|i\s+)?got\s+(?:anything|any)|did\s+(?:i|we|anything|something)|check\s+(?:my|the)\s+(?:tasks|list|todos))\b/i;

// Questions that start like a list request but are about something else.
const NOT_A_LIST =
  /^(?:what\s+(?:can|do)\s+you|what'?s\s+up|what\s+is\s+(?:this|doable)|what\s+time|what'?s\s+the\s+(?:time|date|weather))/i;

// Open questions ("what …", "any …") are about the list only when they say something list-like.
const WEAK_TRIGGER =
  /^(?:what'?s|whats|what|which|anything|any|is\s+there|are\s+there|(?:is|has)\s+(?:anything|something|everything)|(?:are|have)\s+any|(?:have\s+i\s+|i\s+)?got\s+(?:anything|any)|did\s+(?:i|we|anything|something)|where|how\s+many|tell\s+me|do\s+i\s+(?:have|need|got)|have\s+i(?:\s+got)?)\b/i;
const LIST_SIGNAL =
  /\b(?:tasks?|todos?|to-?dos?|list|due|overdue|late|missed|slipped|deadlines?|plate|agenda|schedule|left|remaining|pending|outstanding|unfinished|incomplete|undone|open|finished|completed|done|(?:tick|check|cross|knock)(?:ed)?\s+off|wrap(?:ped)?\s+up|today|tonight|tomorrow|yesterday|week|weekend|month|priority|urgent|important|tagged|tag|about|on\s+for|need\s+to|have\s+to|got\s+to|should\s+i|coming\s+up|upcoming|next|complete|finish|accomplish(?:ed)?|work\s+on|focus\s+on|do\s+i\s+have|did\s+(?:i|we)\s+(?:do|get|achieve|manage))\b|#\w/i;

export function looksLikeList(ctx: Ctx): boolean {
  if (!TRIGGER.test(ctx.text) || NOT_A_LIST.test(ctx.text)) return false;
  if (WEAK_TRIGGER.test(ctx.text) && !LIST_SIGNAL.test(ctx.text)) {
    const tags = new Set(ctx.tasks.flatMap((t) => t.tags.map((x) => x.toLowerCase())));
    if (
      ctx.text
        .toLowerCase()
        .split(/\W+/)
        .some((w) => tags.has(w))
    )
      return true;
    // "anything on friday?", "what have I got saturday": an open question about a period alone.
    const rest = ctx.text.replace(WEAK_TRIGGER, "").trim().replace(ASK_FILLER, "").trim();
    return !!rest && isPeriod(rest, ctx);
  }
  return true;
}

// Small words between an open question's start and the period it asks about.
const ASK_FILLER =
  /^(?:(?:on|for|is|are|there|do|does|i|we|have|has|got|due|planned|plans?|happening|coming\s+up|in\s+store|scheduled|booked|lined\s+up|else|then|the|my|me|going\s+on|on\s+the\s+(?:calendar|cards|agenda)|in\s+the\s+diary)\b\s*)+/i;

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
const MONTH_WORD = MONTHS.join("|");
const PERIOD_WORDS = new RegExp(
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

const SEARCH_LEAD =
  /\b(?:about|regarding|related\s+to|relating\s+to|concerning|mentioning|that\s+mentions?|containing|that\s+contains?|which\s+contains?|with\s+the\s+words?|with\s+the\s+text|involving|matching|that\s+match(?:es)?|called|named|titled|that\s+say|that\s+says|with\s+(?=["']))\s+(.+)$/i;
const SEARCH_VERB =
  /^(?:find|search(?:\s+for)?|look\s+(?:up|for)|where(?:'s|\s+is|\s+are)?|search\s+my\s+tasks\s+for)\s+(.+)$/i;

function cleanTerm(s: string): string {
  let t = s.trim();
  let prev = "";
  while (t !== prev) {
    prev = t;
    t = t
      .replace(/[?!.,;:]+$/g, "")
      .replace(/\s+(?:in|on|from)\s+(?:my|the)\s+(?:to-?do\s+)?(?:list|tasks|todos)$/i, "")
      .replace(/\s+(?:tasks?|todos?|to-dos?|items?|ones?|stuff|things?)$/i, "")
      .replace(/^(?:the|my|a|an|any|all|some|tasks?|todos?|items?)\s+/i, "")
      .replace(/^(?:tasks?|todos?)\s+(?:about|with|for)\s+/i, "")
      .replace(/^["']|["']$/g, "")
      .trim();
  }
  return t;
}

/**
 * The search text the service can find: its list search is a substring match on title and
 * description, so "bills" never finds "Pay the water bill". A plural that no task contains
 * is sent in its singular (or stem) form when that form is in some task.
 */
export function searchable(term: string, tasks: Ctx["tasks"]): string {
  const has = (t: string) =>
    tasks.some((x) =>
      `${x.title}\n${(x as { description?: string | null }).description ?? ""}`.toLowerCase().includes(t.toLowerCase()),
    );
  if (!term || has(term)) return term;
  const m = /^(.*?)([a-z]+)$/i.exec(term);
  if (!m) return term;
  const [, head, last] = m as unknown as [string, string, string];
  const forms: string[] = [];
  if (/ies$/i.test(last)) forms.push(`${last.slice(0, -3)}y`, last.slice(0, -3));
  if (/(?:ches|shes|sses|xes|zes|oes)$/i.test(last)) forms.push(last.slice(0, -2));
  if (/[^su]s$/i.test(last)) forms.push(last.slice(0, -1));
  const st = stem(last);
  if (st.length >= 3) forms.push(st);
  for (const f of forms) if (has(head + f)) return head + f;
  return term;
}

const STATUS_QUESTION =
  /^(?:(?:is|are|was|were)\s+(.+?)(?:\s+(?:already|yet|still|really))?\s+(?:done|finished|completed|complete|open|pending)(?:\s+(?:yet|already|now))?|(?:did\s+i\s+(?:already\s+|ever\s+)?(?:finish|complete|do|get\s+done)|have\s+i\s+(?:already\s+)?(?:finished|completed|done))\s+(?!anything|everything|today|yesterday|this|last)(.+?)(?:\s+(?:already|yet))?|did\s+i\s+(?:already\s+|ever\s+)?(?!have\b|get\b|say\b|tell\b|ask\b)[a-z]+\s+(?:the\s+|my\s+)?(?!anything|everything|today|yesterday|this|last)(.+?)(?:\s+(?:already|yet))?)$/i;

const PERIOD = String.raw`(?:(?:this|next|the)\s+(?:coming\s+)?(?:week|weekend|month)|today|tonight|tomorrow|(?:on|for)\s+.+|(?:before|by|until)\s+.+|(?:this|next)\s+[a-z]+day|[a-z]+day|in\s+[a-z]+)`;
const TIMING_QUESTION = new RegExp(
  String.raw`^(?:is|are|was|were)\s+(?:my\s+|the\s+)?(.+?)\s+(?:still\s+|really\s+)?(?:due\s+|scheduled\s+|happening\s+|planned\s+)?(${PERIOD})$`,
  "i",
);

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

// "have I paid the water bill?", "has the rent been paid?": a past participle asks whether it is done.
const HAVE_I_DONE =
  /^(?:have\s+(?:i|we)\s+(?:already\s+|ever\s+|actually\s+)?(?!got\b|gotten\b|been\b|had\b|to\b)([a-z]+)\s+(?!any|anything|everything|nothing|today|yesterday|this|last)(.+?)|(?:has|have)\s+(.+?)\s+been\s+(?:already\s+)?([a-z]+))(?:\s+(?:already|yet))?$/i;
// "is the tax return due soon?", "is the dentist coming up?": the reply says when.
const DUE_SOON =
  /^(?:is|are)\s+(.+?)\s+(?:(?:due|happening|coming\s+up)\s+(?:soon|any\s*time\s+soon|shortly|anytime\s+soon)|soon\s+due|coming\s+up)$/i;
// Word orders other languages bring ("¿está hecha la compra?" → "is done …", "le loyer est terminé ?" → "… is done?").
const STATUS_FIRST = /^(?:is|are)\s+(?:already\s+)?(done|finished|completed|still\s+open|open|pending)\s+(.+)$/i;
const STATUS_LAST =
  /^(?!(?:is|are|was|were|did|have|has|what|which|when|how|any|anything|everything|there|it|that|this)\b)(.+?)\s+(?:is|are)\s+(?:already\s+|still\s+|really\s+)?(done|finished|completed|open|pending)$/i;

/** A task's words without the period said after them ("my haircut tomorrow" → "my haircut"). */
function withoutPeriod(s: string, ctx: Ctx): string {
  const words = s.trim().split(/\s+/);
  for (let k = Math.min(3, words.length - 1); k >= 1; k--)
    if (isPeriod(words.slice(-k).join(" "), ctx)) return words.slice(0, -k).join(" ");
  return s;
}

/** The task's words in a question, without a foreign article ("der Zahnarzt" → "Zahnarzt"). */
function subjectOf(s: string, ctx: Ctx): string {
  const t = cleanTerm(s);
  return ctx.language === "en" ? t : cleanTerm(t.replace(ARTICLES[ctx.language], ""));
}

// A question in the asking word order asks even without "?" ("when's the book fair", "is the boiler serviced yet").
const ASKING_ORDER = /^(?:is|are|was|were|did|has|have|when(?:'s)?|what\s+(?:time|day|date))\b/i;
export const asks = (ctx: Ctx) => ctx.question || ASKING_ORDER.test(ctx.text);

// "is the boiler serviced yet?", "are the invitations sent?": a past participle asks whether it is done.
const IS_PARTICIPLE =
  /^(?:is|are|was|were)\s+(.+?)\s+(?:already\s+|all\s+|now\s+|actually\s+)?([a-z]+)(?:\s+(?:yet|already|now|then|at\s+all))?$/i;
// Participles that say how a task is kept rather than whether it was done ("is the dentist scheduled?").
const NOT_A_DEED =
  /^(?:scheduled|planned|supposed|meant|needed|required|expected|tagged|labell?ed|marked|named|called|titled|listed|added|saved|stored|set|moved|postponed|delayed|repeated|linked|related|included|involved|attached|assigned|reminded|due|overdue)$/i;
const NOT_A_SUBJECT = /^(?:there|anything|something|everything|nothing|it|that|this|i|you|we|they|he|she)\b/i;

// "does thursday look hectic?", "how packed is next week?", "am I free on friday?", "what does saturday look like?".
const BUSY = String.raw`(?:busy|free|full|packed|hectic|quiet|clear|light|heavy|manic|crazy|mad|rammed|swamped|slammed|stacked|booked\s+up|chock-?a-?block|empty|open)`;
const PERIOD_ASKED = String.raw`((?:the\s+rest\s+of\s+)?(?:(?:this|next|the|my|on|for)\s+)*[\w'-]+(?:\s+(?!look|seem|going\b)[\w'-]+)?)`;
const BUSY_QUESTIONS = [
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
function dueOf(said: string, ctx: Ctx): Record<string, unknown> | null {
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

function ellipsis(ctx: Ctx): Interpretation | null {
  const m = ELLIPSIS.exec(ctx.text);
  if (!m || !isPeriod(m[1]!, ctx)) return null;
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

export function list(ctx: Ctx): Interpretation | null {
  // "lovely, what's still open?", "thanks! anything overdue?": the small talk in front says nothing.
  const lead = smalltalkLead(ctx.text);
  if (lead) {
    const text = ctx.text.slice(lead);
    return list({ ...ctx, text, lower: text.toLowerCase() });
  }
  const again = ellipsis(ctx);
  if (again) return again;
  // "this week, what do I have?", "tomorrow — anything due?": the period said first.
  const words = ctx.text.split(/\s+/);
  for (let n = Math.min(4, words.length - 2); n >= 1; n--) {
    const lead = words
      .slice(0, n)
      .join(" ")
      .replace(/[,:;-]+$/, "");
    if (!PERIOD_WORDS.test(lead)) continue;
    const text = `${words
      .slice(n)
      .join(" ")
      .replace(/^[,:;-]+\s*/, "")} ${lead}`;
    const sub = { ...ctx, text, lower: text.toLowerCase() };
    if (looksLikeList(sub)) return list(sub);
  }
  for (const re of BUSY_QUESTIONS) {
    const b = re.exec(ctx.text);
    const due = b ? dueOf(b[1]!, ctx) : null;
    if (due) return result("list_tasks", [{ tool: "list_tasks", input: due }], { filter: due }, 0.75);
  }
  const have = asks(ctx) ? HAVE_I_DONE.exec(ctx.text) : null;
  if (have && baseOfPastVerb(have[1] ?? have[4]!)) {
    const term = subjectOf(have[2] ?? have[3]!, ctx);
    const input = { search: searchable(term, ctx.tasks), status: "all" };
    if (term) return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, question: "done" }, 0.6);
  }
  const flipped = ctx.question ? STATUS_FIRST.exec(ctx.text) : null;
  const trailing = ctx.question && !flipped ? STATUS_LAST.exec(ctx.text) : null;
  const st = flipped
    ? { state: flipped[1]!, subject: flipped[2]! }
    : trailing
      ? { state: trailing[2]!, subject: trailing[1]! }
      : null;
  if (st) {
    const term = subjectOf(st.subject, ctx);
    const open = /open|pending/i.test(st.state);
    const input: Record<string, unknown> = open
      ? { search: searchable(term, ctx.tasks) }
      : { search: searchable(term, ctx.tasks), status: "all" };
    if (term)
      return result(
        "list_tasks",
        [{ tool: "list_tasks", input }],
        { filter: input, question: open ? "open" : "done" },
        0.6,
      );
  }
  const soon = asks(ctx) ? DUE_SOON.exec(ctx.text) : null;
  if (soon && !/^(?:there|anything|it|that|this|everything)\b/i.test(soon[1]!)) {
    const term = searchable(subjectOf(soon[1]!, ctx), ctx.tasks);
    if (term)
      return result(
        "list_tasks",
        [{ tool: "list_tasks", input: { search: term } }],
        { filter: { search: term }, question: "when" },
        0.7,
      );
  }
  // "is the dentist this week?", "is my haircut on friday?": find it; the reply says yes or no.
  const timing = asks(ctx) ? TIMING_QUESTION.exec(ctx.text) : null;
  if (
    timing &&
    !/^(?:there|anything|it|that|this|everything)\b/i.test(timing[1]!) &&
    !/\b(?:done|finished|completed|open|pending)$/i.test(timing[1]!)
  ) {
    const period = periodOf(timing[2]!, ctx);
    const term = period ? searchable(subjectOf(timing[1]!, ctx), ctx.tasks) : "";
    if (period && term)
      return result(
        "list_tasks",
        [{ tool: "list_tasks", input: { search: term } }],
        { filter: { search: term }, question: "within", period },
        0.7,
      );
  }
  const whenDue = asks(ctx) ? /^when\s+(?:is|are|was|were)\s+(.+?)\s+due$/i.exec(ctx.text) : null;
  const sq = asks(ctx) ? (STATUS_QUESTION.exec(ctx.text) ?? whenDue) : null;
  const subject = sq ? (sq[1] ?? sq[2] ?? sq[3]) : undefined;
  if (subject && !/^(?:there|anything)\b/i.test(subject)) {
    const term = subjectOf(subject, ctx);
    // "is the tax return finished?", "did I complete the tax return?": look among open and done tasks alike.
    const input: Record<string, unknown> = { search: searchable(term, ctx.tasks) };
    if (sq && sq !== whenDue && !/\b(?:open|pending)(?:\s+(?:yet|already|now))?$/i.test(sq[0])) input.status = "all";
    const question =
      sq === whenDue ? "when" : /\b(?:open|pending)(?:\s+(?:yet|already|now))?$/i.test(sq![0]) ? "open" : "done";
    if (term) return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, question }, 0.6);
  }
  // "when did I last pay the rent?": whether (and when) it was done; the reply says when it was completed.
  const whenDid = asks(ctx)
    ? /^when\s+did\s+(?:i|we)\s+(?:last\s+|actually\s+)?([a-z]+)\s+(.+?)(?:\s+(?:last|again))?$/i.exec(ctx.text)
    : null;
  if (
    whenDid &&
    !NOT_A_SUBJECT.test(whenDid[2]!) &&
    !/^(?:add|put|set|schedule|move|create|make)$/i.test(whenDid[1]!)
  ) {
    const term = subjectOf(whenDid[2]!, ctx);
    const input = { search: searchable(term, ctx.tasks), status: "all" };
    if (term) return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, question: "done" }, 0.6);
  }
  // "is the boiler serviced yet?": the participle of a deed asks whether it is done.
  const part = asks(ctx) ? IS_PARTICIPLE.exec(ctx.text) : null;
  if (
    part &&
    !NOT_A_SUBJECT.test(part[1]!) &&
    !NOT_A_DEED.test(part[2]!) &&
    baseOfPastVerb(part[2]!) &&
    !isPeriod(part[1]!, ctx)
  ) {
    const term = subjectOf(part[1]!, ctx);
    const input = { search: searchable(term, ctx.tasks), status: "all" };
    if (term) return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, question: "done" }, 0.6);
  }
  // "when is the vet?", "when's the book club?", "c'est quand, le dentiste ?" ("when is, le dentiste"): find it; the reply says when.
  const when = asks(ctx)
    ? (/^(?:when(?:'s|\s+is|\s+are|\s+was|\s+do\s+i\s+have)|what\s+(?:time|day|date)\s+(?:is|are|was)|what\s+(?:time|day|date)'s)[,\s]+(?:my\s+|the\s+)?(.+?)(?:\s+due|\s+again|\s+scheduled|\s+happening|\s+on|\s+booked(?:\s+for|\s+in)?|\s+set\s+for|\s+planned(?:\s+for)?)?$/i.exec(
        ctx.text,
      ) ?? /^(?:my\s+|the\s+)?(.+?),?\s+when\s+(?:is|are)\s*(?:it|that|this)?$/i.exec(ctx.text))
    : null;
  if (when && !/^(?:it|that|this|there)\b/i.test(when[1]!)) {
    const term = searchable(subjectOf(withoutPeriod(when[1]!, ctx), ctx), ctx.tasks);
    if (term)
      return result(
        "list_tasks",
        [{ tool: "list_tasks", input: { search: term } }],
        { filter: { search: term }, question: "when" },
        0.7,
      );
  }
  if (!looksLikeList(ctx)) return null;
  return buildList(ctx.text, ctx, 0.85);
}

export function buildList(text: string, ctx: Ctx, confidence: number): Interpretation {
  const input: Record<string, unknown> = {};
  let body = text;

  // The search phrase goes first so its words are not read as filters ("about overdue invoices").
  let search: string | undefined;
  // "show me the report": a task's name rather than a kind of task.
  const named =
    /^(?:show|list|display|pull\s+up|bring\s+up|open|find)\s+(?:me\s+)?(?:the|my)\s+(.+?)(?:\s+(?:task|todo|item))?$/i.exec(
      body,
    );
  const LISTY =
    /\b(?:tasks|todos|to-dos|items|list|everything|all|due|overdue|priority|urgent|important|tagged|completed|finished|done|pending|open|remaining|today|tomorrow|week|month|agenda|stuff|things|ones)\b|#/i;
  const knownTag = (w: string) => ctx.tasks.some((t) => t.tags.some((g) => g.toLowerCase() === w.toLowerCase()));
  if (named && !LISTY.test(named[1]) && !knownTag(named[1])) {
    search = named[1];
    body = "";
  }
  // "which invoices do I have?", "what receipts have I got?": a kind of task, searched for.
  const kind =
    search === undefined
      ? /^(?:which|what)\s+(?:of\s+(?:my|the)\s+)?([a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+(?:do|have)\s+i\s+(?:still\s+)?(?:have|got|need\s+to\s+[a-z]+)(?:\s+(?:left|open|pending|on\s+my\s+list))?$/i.exec(
          body,
        )
      : null;
  if (
    kind &&
    !LISTY.test(kind[1]!) &&
    !knownTag(kind[1]!) &&
    !/^(?:else|other|more|others|ones?|kinds?|sorts?|types?)\b/i.test(kind[1]!)
  ) {
    search = kind[1];
    body = "";
  }
  const sv = search === undefined ? SEARCH_VERB.exec(body) : null;
  const sl = search === undefined ? SEARCH_LEAD.exec(body) : null;
  if (sl) {
    search = sl[1];
    body = body.slice(0, sl.index);
  } else if (sv) {
    search = sv[1];
    body = "";
  }
  if (search !== undefined) {
    // Filters said after the search words still count ("about flights due this week").
    const tail =
      /\s+(?:(?:that\s+(?:are|is)\s+)?(?:due|overdue|tagged|with\s+(?:high|low)|(?:high|low|medium)[-\s]priority|completed|finished|done|pending|open)\b.*)$/i.exec(
        search,
      );
    if (tail) {
      body = `${body} ${tail[0]}`;
      search = search.slice(0, tail.index);
    }
    const tagged = /^#([\w-]+)$/.exec(search.trim());
    if (tagged) {
      body += ` ${search}`;
      search = undefined;
    }
  }

  const L = ` ${body.toLowerCase().replace(/[?!.]+/g, " ")} `;

  // Status
  const all =
    /\b(?:including|incl\.?|plus|with|as\s+well\s+as|even|also)\s+(?:the\s+)?(?:ones?\s+)?(?:completed|finished|done|closed|old|checked)\b/.test(
      L,
    ) ||
    /\b(?:completed|finished|done)\s+(?:and|or|&|\+)\s+(?:pending|open|not|un|incomplete|unfinished)/.test(L) ||
    /\b(?:pending|open|incomplete|unfinished)\s+(?:and|or|&|\+)\s+(?:completed|finished|done)\b/.test(L) ||
    /\b(?:both\s+(?:done|completed|finished|open|pending)|regardless\s+of\s+status|any\s+status|every\s+single\s+task|all\s+statuses)\b/.test(
      L,
    );
  const notDone =
    /\bnot\s+(?:yet\s+)?(?:done|completed|finished)\b|\bundone\b|\bincomplete\b|\bunfinished\b|\buncompleted\b/.test(L);
  const doneWords =
    /\b(?:did\s+(?:i|we)\s+(?:(?:already|actually|manage\s+to)\s+)?(?:complete|finish|do|get(?:\s+\w+)?\s+done|(?:tick|check|cross|knock)\s+off|wrap\s+up|achieve|accomplish)|have\s+i\s+(?:completed|finished|done))\b/.test(
      L,
    ) ||
    /\b(?:completed|finished|done|closed|(?:checked|ticked|crossed|knocked)[- ]off|wrapped\s+up|accomplished|achieved)\b/.test(
      L,
    );
  const doneIdiom = /\b(?:to\s+(?:get\s+)?(?:be\s+)?done|get\s+done|getting\s+done|be\s+done|needs?\s+doing)\b/.test(
    L.replace(/\b(?:did|have)\s+i\s+(?:\w+\s+)?(?:get|got|gotten)\s+done\b/, " finished "),
  );
  const pendingWords = /\b(?:pending|open|outstanding|remaining|left|active|to-?do|todo)\b/.test(
    L.replace(/\bleft\s+(?:over\s+)?from\b/, ""),
  );
  // "what did I complete last monday?", "list what I got done last month": when tasks were
  // completed (completedAfter/completedBefore, inclusive days), not when they were due.
  const completion =
    doneWords && !doneIdiom && !all && !notDone && !/\bdue\b/.test(L) ? completionPeriod(L, ctx) : null;
  if (completion) Object.assign(input, completion);
  else if (all) input.status = "all";
  else if (notDone || pendingWords) input.status = "pending";
  else if (doneWords && !doneIdiom && !completion) input.status = "completed";

  // Priority
  if (
    /\b(?:high|top|highest)[-\s]*pri(?:ority)?\b|\burgent\b|\bimportant\b|\bpriority\s*:?\s*high\b|\bcritical\b/.test(L)
  )
    input.priority = "high";
  else if (/\b(?:low|lowest)[-\s]*pri(?:ority)?\b|\bpriority\s*:?\s*low\b|\bunimportant\b/.test(L))
    input.priority = "low";
  else if (/\b(?:medium|normal|mid)[-\s]*pri(?:ority)?\b|\bpriority\s*:?\s*(?:medium|normal)\b/.test(L))
    input.priority = "medium";

  // Due
  let dueWords = L;
  if (completion) {
    // the period was the completion time
  } else if (/\bnext\s+month\b/.test(L)) {
    const t = today(ctx.date);
    const first = addDays({ year: t.year, month: t.month, day: 1 }, daysInMonth(t.year, t.month));
    input.dueAfter = isoDate(first);
    input.dueBefore = isoDate({ ...first, day: daysInMonth(first.year, first.month) });
  } else if (OVERDUE.test(L)) input.due = "overdue";
  else if (new RegExp(String.raw`\b(?:next|coming)\s+(?:(${COUNT_WORD})\s+)?(days?|weeks)\b`).test(L)) {
    // "in the next few days", "over the coming 2 weeks": from today on.
    const m = new RegExp(String.raw`\b(?:next|coming)\s+(?:(${COUNT_WORD})\s+)?(days?|weeks)\b`).exec(L)!;
    const t = today(ctx.date);
    input.dueAfter = isoDate(t);
    input.dueBefore = isoDate(
      addDays(t, countOf(m[1] ?? (/s$/.test(m[2]!) ? "few" : "1")) * (/^week/.test(m[2]!) ? 7 : 1)),
    );
  } else if (/\bweekend\b/.test(L)) {
    // "this weekend", "on the weekend", "next weekend": its Saturday and Sunday.
    const t = today(ctx.date);
    const saturday = addDays(
      t,
      -((weekdayOf(t) + 6) % 7) + 5 + (/\bnext\s+weekend\b/.test(L) ? 7 : /\blast\s+weekend\b/.test(L) ? -7 : 0),
    );
    input.dueAfter = isoDate(saturday);
    input.dueBefore = isoDate(addDays(saturday, 1));
  } else if (monthOf(L, ctx, "ahead")) Object.assign(input, rangeOf(monthOf(L, ctx, "ahead")!, "due"));
  else if (/\b(?:last|past|previous)\s+week\b/.test(L)) {
    const t = today(ctx.date);
    const monday = addDays(t, -((weekdayOf(t) + 6) % 7));
    input.dueAfter = isoDate(addDays(monday, -7));
    input.dueBefore = isoDate(addDays(monday, -1));
  } else if (/\bnext\s+week\b/.test(L)) input.due = "next_week";
  else if (
    /\b(?:this|the|rest\s+of\s+(?:the|this))\s+week\b|\bthis\s+coming\s+week\b|\bweek'?s\b/.test(L) &&
    !/\bweekend\b/.test(L)
  )
    input.due = "this_week";
  else if (/\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b/.test(L)) input.due = "today";
  else if (/\btomorrow\b/.test(L) && !/\bday\s+after\s+tomorrow\b/.test(L)) input.due = "tomorrow";
  else if (/\bthis\s+month\b/.test(L)) {
    const t = today(ctx.date);
    input.dueAfter = isoDate({ year: t.year, month: t.month, day: 1 });
    input.dueBefore = isoDate({ year: t.year, month: t.month, day: daysInMonth(t.year, t.month) });
  } else {
    const scan = findDates(body, ctx.date);
    const d = scan.dates[0];
    if (d) {
      const before = body.slice(0, d.index).toLowerCase();
      const value = d.hasTime ? d.value : isoDate(d.day);
      if (/\b(?:before|by|until|till|no\s+later\s+than|up\s+to)\s+(?:the\s+)?$/.test(before)) input.dueBefore = value;
      else if (/\b(?:after|from|since|starting|beyond)\s+(?:the\s+)?$/.test(before)) input.dueAfter = value;
      else {
        input.dueAfter = isoDate(d.day);
        input.dueBefore = isoDate(d.day);
      }
      dueWords = dueWords.replace(d.text.toLowerCase(), " ");
    }
  }

  // Tag
  const knownTags = new Map<string, string>();
  for (const t of ctx.tasks)
    for (const tag of t.tags) knownTags.set(tag.toLowerCase().replace(/^#/, ""), tag.replace(/^#/, ""));
  const tagRe =
    /(?:^|\s)#([\w-]+)|\b(?:tagged|labell?ed|with\s+(?:the\s+)?(?:tag|label)|under(?:\s+the)?(?:\s+tag)?|in\s+(?:the\s+)?(?:tag|category|project))\s*:?\s*(?:as\s+|with\s+)?#?([\w-]+)|\b(?:in|from|under)\s+(?:the\s+|my\s+)?#?([\w-]+)\s+(?:tag|category|project|label|list)\b/i;
  const tm = tagRe.exec(body);
  let tag: string | undefined;
  if (tm) tag = (tm[1] ?? tm[2] ?? tm[3]).toLowerCase();
  else {
    for (const w of dueWords.replace(/\b(?:work|focus)\s+on\b/g, " ").split(/[^a-z0-9#_-]+/)) {
      const bare = w.replace(/^#/, "");
      if (
        bare &&
        knownTags.has(bare) &&
        !/^(?:high|low|medium|today|tomorrow|overdue|completed|done|pending|all|tasks?)$/.test(bare)
      ) {
        tag = bare;
        break;
      }
    }
  }
  if (tag) input.tag = knownTags.get(tag) ?? tag;

  if (search !== undefined) {
    const term = searchable(cleanTerm(search), ctx.tasks);
    if (term && !(input.tag && term.toLowerCase() === String(input.tag).toLowerCase() && !sl)) input.search = term;
  }

  const entities: Record<string, unknown> = { filter: { ...input } };
  return result("list_tasks", [{ tool: "list_tasks", input }], entities, confidence);
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

// A small count of days or weeks ("the next 3 days", "the past couple of weeks").
const COUNT_WORD = String.raw`\d+|a\s+few|few|a\s+couple\s+of|couple\s+of|a\s+couple|two|three|four|five|six|seven|ten|fourteen`;
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
function countOf(w: string): number {
  const k = w
    .replace(/^a\s+/, "")
    .replace(/\s+of$/, "")
    .trim();
  return /^\d+$/.test(k) ? +k : (COUNT_VALUES[k] ?? 1);
}

// Overdue, however it is said: "overdue", "late", "past (its) due date", "slipped past the deadline", "behind on".
const OVERDUE =
  /\b(?:overdue|past\s+due|late|missed|behind(?:\s+on|\s+schedule)?|past\s+(?:its|their|the|my|a)\s+(?:due\s+date|deadline)s?|(?:slip|slips|slipped|slipping|go|goes|gone|gotten|got|run|ran|went)\s+(?:past|over)\s+(?:its|their|the|my|a)?\s*(?:due\s+date|deadline|date)s?|missed\s+(?:its|their|the|my|a)\s+(?:due\s+date|deadline)s?)\b/;

// A month by its name after a word that makes it a period ("due in may", "during june", "for march 2027").
const MONTH_PERIOD = new RegExp(
  String.raw`\b(?:in|during|for|over|throughout|through|of|due|from|since|after)\s+(?:the\s+month\s+of\s+)?(${MONTH_WORD})(?:\s+(\d{4}))?\b(?!\s*\d)`,
);

/** The month a list question names, in the coming year ("ahead") or the past one ("behind") when no year is said. */
function monthOf(L: string, ctx: Ctx, side: "ahead" | "behind"): { year: number; month: number; from: boolean } | null {
  const m = MONTH_PERIOD.exec(L);
  if (!m) return null;
  const t = today(ctx.date);
  const month = MONTHS.indexOf(m[1]!) + 1;
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

function rangeOf(m: { year: number; month: number; from: boolean }, kind: "due" | "completed"): Record<string, string> {
  const first = isoDate({ year: m.year, month: m.month, day: 1 });
  const last = isoDate({ year: m.year, month: m.month, day: daysInMonth(m.year, m.month) });
  if (kind === "completed")
    return m.from ? { completedAfter: first } : { completedAfter: first, completedBefore: last };
  return m.from ? { dueAfter: first } : { dueAfter: first, dueBefore: last };
}

/** The completion-time bounds a period names, or null when it names none. */
function completionPeriod(L: string, ctx: Ctx): Record<string, string> | null {
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
  const month = monthOf(L, ctx, "behind");
  if (month) return rangeOf(month, "completed");
  // "so far" with no other period: today.
  if (/\bso\s+far\b/.test(L)) return { completedAfter: isoDate(t) };
  // "on monday", "tuesday": in a question about what was done, the latest such day (today
  // included), never the coming one ("last monday" and "next monday" are read by dates.ts).
  const wd =
    /\b(?<!(?:next|this\s+coming|coming)\s)(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b(?!\s+(?:after|before))/.exec(
      L,
    );
  // "since monday", "from the 3rd on": from that day, with no end.
  const since = (at: number) => /\b(?:since|from|after)\s+(?:the\s+)?$/.test(L.slice(0, at));
  if (wd && !/\b(?:last|past|previous)\s+$/.test(L.slice(0, wd.index))) {
    const day = isoDate(addDays(t, -((weekdayOf(t) - WEEKDAYS.indexOf(wd[1]!) + 7) % 7)));
    return since(wd.index) ? { completedAfter: day } : { completedAfter: day, completedBefore: day };
  }
  const scan = findDates(L, ctx.date);
  const d = scan.dates[0];
  if (d && compareDay(d.day, t) <= 0)
    return since(d.index)
      ? { completedAfter: isoDate(d.day) }
      : { completedAfter: isoDate(d.day), completedBefore: isoDate(d.day) };
  return null;
}
