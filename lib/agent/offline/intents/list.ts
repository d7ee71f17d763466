// Listing tasks with only the filters the user actually expressed.
import { result, type Ctx } from "../context";
import { findDates, today } from "../dates";
import { compareDay } from "@/lib/time/zone";
import { addDays, isoDate, daysInMonth, weekdayOf } from "@/lib/time/zone";
import type { Interpretation } from "../types";
import { baseOfPastVerb, stem } from "../text";
import { ARTICLES } from "../lexicon";

const TRIGGER =
  /^(?:show|list|display|view|see|give\s+me|get\s+me|get\s+(?:me\s+)?(?:my|all|the)\s+(?:tasks|list|todos)|print|what|what'?s|whats|which|any|anything|do\s+i\s+(?:have|need|got)|have\s+i\s+got|have\s+i|how\s+many|tell\s+me|fetch|find|search|look\s+up|look\s+for|pull\s+up|bring\s+up|is\s+there|are\s+there|where|let\s+me\s+see|lemme\s+see|i\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+(?:see|know|view)|remind\s+me\s+what|my\s+(?:tasks|todos|to-dos|list|agenda)|tasks|todos|to-dos|agenda|overdue|upcoming|remaining|open\s+tasks|pending\s+tasks|completed\s+tasks|am\s+i\s+(?:behind|late)|anything\s+(?:due|overdue)|check\s+(?:my|the)\s+(?:tasks|list|todos))\b/i;

// Questions that start like a list request but are about something else.
const NOT_A_LIST = /^(?:what\s+(?:can|do)\s+you|what'?s\s+up|what\s+is\s+(?:this|doable)|what\s+time|what'?s\s+the\s+(?:time|date|weather))/i;

// Open questions ("what …", "any …") are about the list only when they say something list-like.
const WEAK_TRIGGER = /^(?:what|what'?s|whats|which|any|anything|is\s+there|are\s+there|where|how\s+many|tell\s+me|do\s+i\s+(?:have|need|got)|have\s+i(?:\s+got)?)\b/i;
const LIST_SIGNAL =
  /\b(?:tasks?|todos?|to-?dos?|list|due|overdue|late|plate|agenda|schedule|left|remaining|pending|outstanding|unfinished|incomplete|undone|open|finished|completed|done|today|tonight|tomorrow|week|month|priority|urgent|important|tagged|tag|about|on\s+for|need\s+to|have\s+to|got\s+to|should\s+i|coming\s+up|upcoming|next|complete|finish|accomplish(?:ed)?|work\s+on|focus\s+on|do\s+i\s+have)\b|#\w/i;

export function looksLikeList(ctx: Ctx): boolean {
  if (!TRIGGER.test(ctx.text) || NOT_A_LIST.test(ctx.text)) return false;
  if (WEAK_TRIGGER.test(ctx.text) && !LIST_SIGNAL.test(ctx.text)) {
    const tags = new Set(ctx.tasks.flatMap((t) => t.tags.map((x) => x.toLowerCase())));
    return ctx.text.toLowerCase().split(/\W+/).some((w) => tags.has(w));
  }
  return true;
}

const SEARCH_LEAD =
  /\b(?:about|regarding|related\s+to|relating\s+to|concerning|mentioning|that\s+mentions?|containing|that\s+contains?|which\s+contains?|with\s+the\s+words?|with\s+the\s+text|involving|matching|that\s+match(?:es)?|called|named|titled|that\s+say|that\s+says|with\s+(?=["']))\s+(.+)$/i;
const SEARCH_VERB = /^(?:find|search(?:\s+for)?|look\s+(?:up|for)|where(?:'s|\s+is|\s+are)?|search\s+my\s+tasks\s+for)\s+(.+)$/i;

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
  const has = (t: string) => tasks.some((x) => `${x.title}\n${(x as { description?: string | null }).description ?? ""}`.toLowerCase().includes(t.toLowerCase()));
  if (!term || has(term)) return term;
  const m = /^(.*?)([a-z]+)$/i.exec(term);
  if (!m) return term;
  const [, head, last] = m as unknown as [string, string, string];
  const forms: string[] = [];
  if (/ies$/i.test(last)) forms.push(last.slice(0, -3) + "y", last.slice(0, -3));
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
const TIMING_QUESTION = new RegExp(String.raw`^(?:is|are|was|were)\s+(?:my\s+|the\s+)?(.+?)\s+(?:still\s+|really\s+)?(?:due\s+|scheduled\s+|happening\s+|planned\s+)?(${PERIOD})$`, "i");

/** The inclusive days a period names ("this week", "tomorrow", "on friday"), or null. */
export function periodOf(text: string, ctx: Ctx): { after: string; before: string; phrase: string } | null {
  const t = today(ctx.date);
  const L = text.toLowerCase().trim();
  const monday = addDays(t, -((weekdayOf(t) + 6) % 7));
  const span = (a: ReturnType<typeof today>, b: ReturnType<typeof today>) => ({ after: isoDate(a), before: isoDate(b), phrase: L });
  if (/^(?:this|the)\s+(?:coming\s+)?week$/.test(L)) return span(monday, addDays(monday, 6));
  if (/^next\s+week$/.test(L)) return span(addDays(monday, 7), addDays(monday, 13));
  if (/^(?:this|the)\s+weekend$/.test(L)) return span(addDays(monday, 5), addDays(monday, 6));
  if (/^next\s+weekend$/.test(L)) return span(addDays(monday, 12), addDays(monday, 13));
  if (/^(?:this|the)\s+month$/.test(L)) return span({ ...t, day: 1 }, { ...t, day: daysInMonth(t.year, t.month) });
  if (/^(?:today|tonight)$/.test(L)) return span(t, t);
  const d = findDates(L, ctx.date).dates[0];
  if (!d) return null;
  if (/^(?:before|by|until)\b/.test(L)) return { after: "0000-01-01", before: isoDate(/^before\b/.test(L) ? addDays(d.day, -1) : d.day), phrase: L };
  return span(d.day, d.day);
}

// "have I paid the water bill?", "has the rent been paid?": a past participle asks whether it is done.
const HAVE_I_DONE = /^(?:have\s+(?:i|we)\s+(?:already\s+|ever\s+|actually\s+)?(?!got\b|gotten\b|been\b|had\b|to\b)([a-z]+)\s+(?!any|anything|everything|nothing|today|yesterday|this|last)(.+?)|(?:has|have)\s+(.+?)\s+been\s+(?:already\s+)?([a-z]+))(?:\s+(?:already|yet))?$/i;
// "is the tax return due soon?", "is the dentist coming up?": the reply says when.
const DUE_SOON = /^(?:is|are)\s+(.+?)\s+(?:(?:due|happening|coming\s+up)\s+(?:soon|any\s*time\s+soon|shortly|anytime\s+soon)|soon\s+due|coming\s+up)$/i;
// Word orders other languages bring ("¿está hecha la compra?" → "is done …", "le loyer est terminé ?" → "… is done?").
const STATUS_FIRST = /^(?:is|are)\s+(?:already\s+)?(done|finished|completed|still\s+open|open|pending)\s+(.+)$/i;
const STATUS_LAST = /^(?!(?:is|are|was|were|did|have|has|what|which|when|how|any|anything|everything|there|it|that|this)\b)(.+?)\s+(?:is|are)\s+(?:already\s+|still\s+|really\s+)?(done|finished|completed|open|pending)$/i;

/** The task's words in a question, without a foreign article ("der Zahnarzt" → "Zahnarzt"). */
function subjectOf(s: string, ctx: Ctx): string {
  const t = cleanTerm(s);
  return ctx.language === "en" ? t : cleanTerm(t.replace(ARTICLES[ctx.language], ""));
}

export function list(ctx: Ctx): Interpretation | null {
  const have = ctx.question ? HAVE_I_DONE.exec(ctx.text) : null;
  if (have && baseOfPastVerb(have[1] ?? have[4]!)) {
    const term = subjectOf(have[2] ?? have[3]!, ctx);
    const input = { search: searchable(term, ctx.tasks), status: "all" };
    if (term) return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, question: "done" }, 0.6);
  }
  const flipped = ctx.question ? STATUS_FIRST.exec(ctx.text) : null;
  const trailing = ctx.question && !flipped ? STATUS_LAST.exec(ctx.text) : null;
  const st = flipped ? { state: flipped[1]!, subject: flipped[2]! } : trailing ? { state: trailing[2]!, subject: trailing[1]! } : null;
  if (st) {
    const term = subjectOf(st.subject, ctx);
    const open = /open|pending/i.test(st.state);
    const input: Record<string, unknown> = open ? { search: searchable(term, ctx.tasks) } : { search: searchable(term, ctx.tasks), status: "all" };
    if (term) return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, question: open ? "open" : "done" }, 0.6);
  }
  const soon = ctx.question ? DUE_SOON.exec(ctx.text) : null;
  if (soon && !/^(?:there|anything|it|that|this|everything)\b/i.test(soon[1]!)) {
    const term = searchable(subjectOf(soon[1]!, ctx), ctx.tasks);
    if (term) return result("list_tasks", [{ tool: "list_tasks", input: { search: term } }], { filter: { search: term }, question: "when" }, 0.7);
  }
  // "is the dentist this week?", "is my haircut on friday?": find it; the reply says yes or no.
  const timing = ctx.question ? TIMING_QUESTION.exec(ctx.text) : null;
  if (timing && !/^(?:there|anything|it|that|this|everything)\b/i.test(timing[1]!) && !/\b(?:done|finished|completed|open|pending)$/i.test(timing[1]!)) {
    const period = periodOf(timing[2]!, ctx);
    const term = period ? searchable(subjectOf(timing[1]!, ctx), ctx.tasks) : "";
    if (period && term) return result("list_tasks", [{ tool: "list_tasks", input: { search: term } }], { filter: { search: term }, question: "within", period }, 0.7);
  }
  const whenDue = ctx.question ? /^when\s+(?:is|are|was|were)\s+(.+?)\s+due$/i.exec(ctx.text) : null;
  const sq = ctx.question ? (STATUS_QUESTION.exec(ctx.text) ?? whenDue) : null;
  const subject = sq ? (sq[1] ?? sq[2] ?? sq[3]) : undefined;
  if (subject && !/^(?:there|anything)\b/i.test(subject)) {
    const term = subjectOf(subject, ctx);
    // "is the tax return finished?", "did I complete the tax return?": look among open and done tasks alike.
    const input: Record<string, unknown> = { search: searchable(term, ctx.tasks) };
    if (sq && sq !== whenDue && !/\b(?:open|pending)(?:\s+(?:yet|already|now))?$/i.test(sq[0])) input.status = "all";
    const question = sq === whenDue ? "when" : /\b(?:open|pending)(?:\s+(?:yet|already|now))?$/i.test(sq![0]) ? "open" : "done";
    if (term) return result("list_tasks", [{ tool: "list_tasks", input }], { filter: input, question }, 0.6);
  }
  // "when is the vet?", "when's the book club?": find it; the reply says when.
  const when = ctx.question ? /^(?:when(?:'s|\s+is|\s+are|\s+was|\s+do\s+i\s+have)|what\s+(?:time|day|date)\s+(?:is|are|was)|what\s+(?:time|day|date)'s)\s+(?:my\s+|the\s+)?(.+?)(?:\s+due|\s+again|\s+scheduled|\s+happening)?$/i.exec(ctx.text) : null;
  if (when && !/^(?:it|that|this|there)\b/i.test(when[1]!)) {
    const term = searchable(subjectOf(when[1]!, ctx), ctx.tasks);
    if (term) return result("list_tasks", [{ tool: "list_tasks", input: { search: term } }], { filter: { search: term }, question: "when" }, 0.7);
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
  const named = /^(?:show|list|display|pull\s+up|bring\s+up|open|find)\s+(?:me\s+)?(?:the|my)\s+(.+?)(?:\s+(?:task|todo|item))?$/i.exec(body);
  const LISTY = /\b(?:tasks|todos|to-dos|items|list|everything|all|due|overdue|priority|urgent|important|tagged|completed|finished|done|pending|open|remaining|today|tomorrow|week|month|agenda|stuff|things|ones)\b|#/i;
  const knownTag = (w: string) => ctx.tasks.some((t) => t.tags.some((g) => g.toLowerCase() === w.toLowerCase()));
  if (named && !LISTY.test(named[1]) && !knownTag(named[1])) {
    search = named[1];
    body = "";
  }
  // "which invoices do I have?", "what receipts have I got?": a kind of task, searched for.
  const kind = search === undefined ? /^(?:which|what)\s+(?:of\s+(?:my|the)\s+)?([a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+(?:do|have)\s+i\s+(?:still\s+)?(?:have|got|need\s+to\s+[a-z]+)(?:\s+(?:left|open|pending|on\s+my\s+list))?$/i.exec(body) : null;
  if (kind && !LISTY.test(kind[1]!) && !knownTag(kind[1]!) && !/^(?:else|other|more|others|ones?|kinds?|sorts?|types?)\b/i.test(kind[1]!)) {
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
    const tail = /\s+(?:(?:that\s+(?:are|is)\s+)?(?:due|overdue|tagged|with\s+(?:high|low)|(?:high|low|medium)[-\s]priority|completed|finished|done|pending|open)\b.*)$/i.exec(search);
    if (tail) {
      body = body + " " + tail[0];
      search = search.slice(0, tail.index);
    }
    const tagged = /^#([\w-]+)$/.exec(search.trim());
    if (tagged) {
      body += " " + search;
      search = undefined;
    }
  }

  const L = " " + body.toLowerCase().replace(/[?!.]+/g, " ") + " ";

  // Status
  const all =
    /\b(?:including|incl\.?|plus|with|as\s+well\s+as|even|also)\s+(?:the\s+)?(?:ones?\s+)?(?:completed|finished|done|closed|old|checked)\b/.test(L) ||
    /\b(?:completed|finished|done)\s+(?:and|or|&|\+)\s+(?:pending|open|not|un|incomplete|unfinished)/.test(L) ||
    /\b(?:pending|open|incomplete|unfinished)\s+(?:and|or|&|\+)\s+(?:completed|finished|done)\b/.test(L) ||
    /\b(?:both\s+(?:done|completed|finished|open|pending)|regardless\s+of\s+status|any\s+status|every\s+single\s+task|all\s+statuses)\b/.test(L);
  const notDone = /\bnot\s+(?:yet\s+)?(?:done|completed|finished)\b|\bundone\b|\bincomplete\b|\bunfinished\b|\buncompleted\b/.test(L);
  const doneWords = /\b(?:did\s+i\s+(?:complete|finish|do|get(?:\s+\w+)?\s+done)|have\s+i\s+(?:completed|finished|done))\b/.test(L) || /\b(?:completed|finished|done|closed|checked[- ]off|ticked\s+off|crossed\s+off|accomplished)\b/.test(L);
  const doneIdiom = /\b(?:to\s+(?:get\s+)?(?:be\s+)?done|get\s+done|getting\s+done|be\s+done|needs?\s+doing)\b/.test(L.replace(/\b(?:did|have)\s+i\s+(?:\w+\s+)?(?:get|got|gotten)\s+done\b/, " finished "));
  const pendingWords = /\b(?:pending|open|outstanding|remaining|left|active|to-?do|todo)\b/.test(L.replace(/\bleft\s+(?:over\s+)?from\b/, ""));
  // "what did I complete last monday?", "list what I got done last month": when tasks were
  // completed (completedAfter/completedBefore, inclusive days), not when they were due.
  const completion = doneWords && !doneIdiom && !all && !notDone && !/\bdue\b/.test(L) ? completionPeriod(L, ctx) : null;
  if (completion) Object.assign(input, completion);
  else if (all) input.status = "all";
  else if (notDone || pendingWords) input.status = "pending";
  else if (doneWords && !doneIdiom && !completion) input.status = "completed";

  // Priority
  if (/\b(?:high|top|highest)[-\s]*pri(?:ority)?\b|\burgent\b|\bimportant\b|\bpriority\s*:?\s*high\b|\bcritical\b/.test(L)) input.priority = "high";
  else if (/\b(?:low|lowest)[-\s]*pri(?:ority)?\b|\bpriority\s*:?\s*low\b|\bunimportant\b/.test(L)) input.priority = "low";
  else if (/\b(?:medium|normal|mid)[-\s]*pri(?:ority)?\b|\bpriority\s*:?\s*(?:medium|normal)\b/.test(L)) input.priority = "medium";

  // Due
  let dueWords = L;
  if (completion) {
    // the period was the completion time
  } else if (/\bnext\s+month\b/.test(L)) {
    const t = today(ctx.date);
    const first = addDays({ year: t.year, month: t.month, day: 1 }, daysInMonth(t.year, t.month));
    input.dueAfter = isoDate(first);
    input.dueBefore = isoDate({ ...first, day: daysInMonth(first.year, first.month) });
  } else if (/\b(?:overdue|past\s+due|late|missed|behind(?:\s+on)?)\b/.test(L)) input.due = "overdue";
  else if (/\bnext\s+week\b/.test(L)) input.due = "next_week";
  else if (/\b(?:this|the|rest\s+of\s+(?:the|this))\s+week\b|\bthis\s+coming\s+week\b|\bweek'?s\b/.test(L) && !/\bweekend\b/.test(L)) input.due = "this_week";
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
  for (const t of ctx.tasks) for (const tag of t.tags) knownTags.set(tag.toLowerCase().replace(/^#/, ""), tag.replace(/^#/, ""));
  const tagRe =
    /(?:^|\s)#([\w-]+)|\b(?:tagged|labell?ed|with\s+(?:the\s+)?(?:tag|label)|under(?:\s+the)?(?:\s+tag)?|in\s+(?:the\s+)?(?:tag|category|project))\s*:?\s*(?:as\s+|with\s+)?#?([\w-]+)|\b(?:in|from|under)\s+(?:the\s+|my\s+)?#?([\w-]+)\s+(?:tag|category|project|label|list)\b/i;
  const tm = tagRe.exec(body);
  let tag: string | undefined;
  if (tm) tag = (tm[1] ?? tm[2] ?? tm[3]).toLowerCase();
  else {
    for (const w of dueWords.replace(/\b(?:work|focus)\s+on\b/g, " ").split(/[^a-z0-9#_-]+/)) {
      const bare = w.replace(/^#/, "");
      if (bare && knownTags.has(bare) && !/^(?:high|low|medium|today|tomorrow|overdue|completed|done|pending|all|tasks?)$/.test(bare)) {
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

/** The completion-time bounds a period names, or null when it names none. */
function completionPeriod(L: string, ctx: Ctx): Record<string, string> | null {
  const t = today(ctx.date);
  const monday = addDays(t, -((weekdayOf(t) + 6) % 7));
  if (/\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b|\bso\s+far\b/.test(L)) return { completedAfter: isoDate(t) };
  if (/\byesterday\b/.test(L)) {
    const y = isoDate(addDays(t, -1));
    return { completedAfter: y, completedBefore: y };
  }
  if (/\blast\s+week\b/.test(L)) return { completedAfter: isoDate(addDays(monday, -7)), completedBefore: isoDate(addDays(monday, -1)) };
  if (/\bthis\s+week\b/.test(L)) return { completedAfter: isoDate(monday) };
  if (/\blast\s+month\b/.test(L)) {
    const first = addDays({ year: t.year, month: t.month, day: 1 }, -1);
    return { completedAfter: isoDate({ ...first, day: 1 }), completedBefore: isoDate(first) };
  }
  if (/\bthis\s+month\b/.test(L)) return { completedAfter: isoDate({ year: t.year, month: t.month, day: 1 }) };
  // "on monday", "tuesday": in a question about what was done, the latest such day (today
  // included), never the coming one ("last monday" and "next monday" are read by dates.ts).
  const wd = /\b(?<!(?:next|this\s+coming|coming)\s)(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b(?!\s+(?:after|before))/.exec(L);
  if (wd && !/\b(?:last|past|previous)\s+$/.test(L.slice(0, wd.index))) {
    const day = isoDate(addDays(t, -((weekdayOf(t) - WEEKDAYS.indexOf(wd[1]!) + 7) % 7)));
    return { completedAfter: day, completedBefore: day };
  }
  const scan = findDates(L, ctx.date);
  const d = scan.dates[0];
  if (d && compareDay(d.day, t) <= 0) return { completedAfter: isoDate(d.day), completedBefore: isoDate(d.day) };
  return null;
}
