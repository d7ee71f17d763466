// Listing tasks with only the filters the user actually expressed.
import { result, type Ctx } from "../context";
import type { Interpretation } from "../types";
import { baseOfPastVerb } from "../text";
import { ARTICLES } from "../lexicon";
import { smalltalkLead } from "./smalltalk";
import { isPeriod, PERIOD_WORDS } from "./list-periods";
import { cleanTerm, SEARCH_LEAD, searchable } from "./list-search";
import { buildList } from "./list-filter";
import { BUSY_QUESTIONS, dueOf, ellipsis, periodOf } from "./list-period-questions";

const TRIGGER =
  /^(?:show|list|display|view|see|give\s+me|get\s+me|get\s+(?:me\s+)?(?:my|all|the)\s+(?:tasks|list|todos)|print|what|what'?s|whats|which|any|anything|do\s+i\s+(?:have|need|got)|have\s+i\s+got|have\s+i|how\s+(?:many|much)|tell\s+me|fetch|find|search|look\s+up|look\s+for|pull\s+up|bring\s+up|is\s+there|are\s+there|where|let\s+me\s+see|lemme\s+see|i\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+(?:see|know|view)|remind\s+me\s+what|my\s+(?:tasks|todos|to-dos|list|agenda)|tasks|todos|to-dos|agenda|overdue|upcoming|remaining|open\s+tasks|pending\s+tasks|completed\s+tasks|am\s+i\s+(?:behind|late)|anything\s+(?:due|overdue)|(?:is|has)\s+(?:there\s+)?(?:anything|something|everything)|(?:are|have)\s+(?:there\s+)?any|(?:have\s+i\s+|i\s+)?got\s+(?:anything|any)|did\s+(?:i|we|anything|something)|check\s+(?:my|the)\s+(?:tasks|list|todos)|(?:everything|all\s+(?:the\s+)?(?:stuff|things|tasks))\s+(?:that\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+)?(?:finished|done|completed|(?:checked|ticked|crossed)\s+off|got\s+done))\b/i;

// Questions that start like a list request but are about something else ("my list is such a mess, …" is
// a remark).
const NOT_A_LIST =
  /^(?:my\s+(?:list|tasks|todos|to-?do\s+list)\s+(?:is|are|'s|'re)\s+(?:such\s+|so\s+|a\s+|an\s+|getting\s+|way\s+too\s+)*(?:mess|messy|chaos|chaotic|disaster|nightmare|long|huge|overwhelming|out\s+of\s+(?:control|hand))\b|give\s+me\s+(?:till|until|til)\b|what\s+(?:can|do)\s+you|what'?s\s+up|what\s+is\s+(?:this|doable)(?=\s*[?!.]*$)|what\s+time|what'?s\s+the\s+(?:time|date|weather)|(?:tasks?|items?|numbers?)\s+#?\d+(?:\s*(?:,|and|&)\s*#?\d+)*\s+(?:are|is)\s+(?:all\s+)?(?:done|finished|complete|completed)$)/i;

// Open questions ("what …", "any …") are about the list only when they say something list-like.
const WEAK_TRIGGER =
  /^(?:what'?s|whats|what|which|anything|any|is\s+there|are\s+there|(?:is|has)\s+(?:anything|something|everything)|(?:are|have)\s+any|(?:have\s+i\s+|i\s+)?got\s+(?:anything|any)|did\s+(?:i|we|anything|something)|where|how\s+(?:many|much)|tell\s+me|do\s+i\s+(?:have|need|got)|have\s+i(?:\s+got)?)\b/i;
const LIST_SIGNAL =
  /\b(?:tasks?|todos?|to-?dos?|list|due|overdue|late|behind\s+on|missed|slipped|deadlines?|plate|agenda|schedule|left|remaining|pending|outstanding|unfinished|incomplete|undone|open|finished|completed|done|(?:tick|check|cross|knock)(?:ed)?\s+off|knock(?:ed)?\s+out|wrap(?:ped)?\s+up|today|tonight|tomorrow|yesterday|week|weekend|month|priority|urgent|important|tagged|tag|about|on\s+for|need\s+to|have\s+to|got\s+to|should\s+i|coming\s+up|upcoming|next|complete|finish|accomplish(?:ed)?|work\s+on|focus\s+on|do\s+i\s+have|did\s+(?:i|we)\s+(?:do|get|achieve|manage))\b|#\w/i;

export function looksLikeList(ctx: Ctx): boolean {
  if (!TRIGGER.test(ctx.text) || NOT_A_LIST.test(ctx.text)) return false;
  // "anything with 'send' in it?": words to search for are what the question is about.
  if (WEAK_TRIGGER.test(ctx.text) && !LIST_SIGNAL.test(ctx.text) && !SEARCH_LEAD.test(ctx.text)) {
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

const STATUS_QUESTION =
  /^(?:did\s+(?:the\s+|my\s+)?(?!i\b|we\b|you\b)(.+?)\s+(?:ever\s+|actually\s+)?get\s+(?:done|finished|sorted|handled)|(?:is|are|was|were)\s+(.+?)(?:\s+(?:already|yet|still|really))?\s+(?:done|finished|completed|complete|open|pending)(?:\s+(?:yet|already|now))?|(?:did\s+i\s+(?:already\s+|ever\s+)?(?:finish|complete|do|get\s+done)|have\s+i\s+(?:already\s+)?(?:finished|completed|done))\s+(?!anything|everything|today|yesterday|this|last)(.+?)(?:\s+(?:already|yet))?|did\s+i\s+(?:already\s+|ever\s+|actually\s+)?(?!have\b|get\b|say\b|tell\b|ask\b|already\b|ever\b|actually\b|miss\b)[a-z]+\s+(?:the\s+|my\s+)?(?!anything|everything|any\b|today|yesterday|this|last)(.+?)(?:\s+(?:already|yet))?)$/i;

const PERIOD = String.raw`(?:(?:this|next|the)\s+(?:coming\s+)?(?:week|weekend|month)|today|tonight|tomorrow|(?:on|for)\s+.+|(?:before|by|until)\s+.+|(?:this|next)\s+[a-z]+day|[a-z]+day|in\s+[a-z]+)`;
const TIMING_QUESTION = new RegExp(
  String.raw`^(?:is|are|was|were)\s+(?:my\s+|the\s+)?(.+?)\s+(?:still\s+|really\s+)?(?:due\s+|scheduled\s+|happening\s+|planned\s+)?(${PERIOD})$`,
  "i",
);

// "have I paid the water bill?", "has the rent been paid?": a past participle asks whether it is done.
const HAVE_I_DONE =
  /^(?:have\s+(?:i|we)\s+(?:already\s+|ever\s+|actually\s+)?(?!got\b|gotten\b|been\b|had\b|to\b)([a-z]+)\s+(?!any|anything|everything|nothing|today|yesterday|this|last)(.+?)|(?:has|have)\s+(.+?)\s+been\s+(?:already\s+)?([a-z]+))(?:\s+(?:already|yet))?$/i;
const GOT_IT_DONE =
  /^(?:did|have)\s+(?:i|we)\s+(?:already\s+)?(?:get|got|gotten)\s+(.+?)\s+(?:done|finished|sorted)(?:\s+(?:already|yet))?$/i;
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

const PURPOSE_TAIL =
  /\s+(?:so|so\s+that)\s+(?:i|we)(?:'ve|\s+have|'ll|\s+will|\s+can)?\s+(?:got\s+|have\s+)?(?:something|stuff|a\s+list|an\s+overview)\s+to\s+\w+.*$/i;

export function list(ctx: Ctx): Interpretation | null {
  // "show report done, sent to the producers": the list verb is the first word of a task's title.
  const named =
    /^(show|list)\s+(?!(?:me|my|the|all|every|everything|what|any|tasks?|today|tomorrow|overdue)\b)([\p{L}\p{N}]+)(?![\p{L}\p{N}])/iu.exec(
      ctx.text,
    );
  if (named && ctx.tasks.some((t) => new RegExp(`(?:^|\\s)${named[0]}(?:\\s|$)`, "i").test(t.title))) return null;
  // "…, which is how the last client nearly lost a month of invoices": a clause about what was said, no question.
  if (/^which\s+(?:is|was|'s|means|meant|makes|made|explains|would|will)\b/i.test(ctx.text)) return null;
  // "lovely, what's still open?", "thanks! anything overdue?": the small talk in front says nothing.
  const lead = smalltalkLead(ctx.text);
  if (lead) {
    const text = ctx.text.slice(lead);
    return list({ ...ctx, text, lower: text.toLowerCase() });
  }
  // "… since the 1st so I've got something to show her": why the list is wanted says nothing of what is in it.
  const purpose = PURPOSE_TAIL.exec(ctx.text);
  if (purpose && purpose.index > 0) {
    const text = ctx.text.slice(0, purpose.index);
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
  // "did I get the ethics one done already?": whether that one is done, not what was done.
  const gotDone = asks(ctx) ? GOT_IT_DONE.exec(ctx.text) : null;
  if (gotDone && !NOT_A_SUBJECT.test(gotDone[1]!) && !/^(?:anything|everything|much|a\s+lot)\b/i.test(gotDone[1]!)) {
    const term = subjectOf(gotDone[1]!, ctx);
    const input = { search: searchable(term, ctx.tasks), status: "all" };
    if (term) return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, question: "done" }, 0.6);
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
  const subject = sq ? (sq[1] ?? sq[2] ?? sq[3] ?? sq[4]) : undefined;
  if (subject && !/^(?:there|anything)\b/i.test(subject)) {
    const term = subjectOf(subject, ctx);
    // "is the tax return finished?", "is the passport thing still open?": look among open and done tasks
    // alike (the answer may be "no, you finished it on …").
    const input: Record<string, unknown> = { search: searchable(term, ctx.tasks) };
    if (sq && sq !== whenDue) input.status = "all";
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
    ? (/^(?:when(?:'s|\s+is|\s+are|\s+was|\s+do\s+i\s+have)|what\s+(?:time|day|date)\s+(?:is|are|was)|what\s+(?:time|day|date)'s)[,\s]+(?:my\s+|the\s+)?(.+?)(?:\s+due|\s+scheduled|\s+happening|\s+on|\s+booked(?:\s+for|\s+in)?|\s+set\s+for|\s+planned(?:\s+for)?)?(?:\s+again)?(?:\s+at)?$/i.exec(
        ctx.text,
      ) ??
      // "when do I need the shoes by?", "when did I say I'd finish piranesi?": when it is due.
      /^when\s+(?:do|did|should|must)\s+(?:i|we)\s+(?:(?:say|said)\s+(?:i|we)(?:'d|\s+would|'ll|\s+will)\s+\w+|need|have\s+to\s+(?:have|get)|need\s+to\s+(?:have|get))\s+(?:my\s+|the\s+)?(.+?)(?:\s+(?:by|done|finished|for))?(?:\s+again)?$/i.exec(
        ctx.text,
      ) ??
      // "what time does the marathon start?": when it starts is when it is.
      /^(?:when|what\s+(?:time|day|date))\s+(?:does|do|will)\s+(?:my\s+|the\s+)?(.+?)\s+(?:start|begin|kick\s+off|take\s+place|happen)(?:\s+again)?$/i.exec(
        ctx.text,
      ) ??
      /^(?:my\s+|the\s+)?(.+?),?\s+when\s+(?:is|are)\s*(?:it|that|this)?$/i.exec(ctx.text))
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
