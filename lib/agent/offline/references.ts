// Turning what the user calls a task ("task 3", "the report", "it", "all work tasks")
// into task numbers from the snapshot, or into the reason it could not be done.
import type { HistoryTurn, TaskSnapshot } from "./types";
import {
  byNumber,
  cleanRefPhrase,
  isPronounRef,
  matchTitle,
  ORDINAL_REF,
  parseTaskNumber,
  titleMentions,
  type RefOutcome,
} from "@/lib/tasks/match";
import { contentStems, ORDINAL_WORDS, stem, stemsMatch, words } from "./text";
import { inDueBucket } from "@/lib/tasks/filter";
import type { DateContext } from "./dates";
import { dialogueState } from "./dialogue";

// Title matching itself (stemming, scoring, "task 3", pronoun and ordinal patterns) is the task
// service's (lib/tasks/match.ts); this file adds what needs the conversation: "it", "the other one",
// "the first one" against the list we showed, groups.
export { cleanRefPhrase, parseTaskNumber, type RefOutcome } from "@/lib/tasks/match";

export type RefOptions = {
  /** Which status wins a tie: completing prefers pending tasks, reopening completed ones. */
  prefer?: "pending" | "completed";
  history?: HistoryTurn[];
  /** A task the user already picked in answer to a clarifying question. */
  override?: TaskSnapshot;
};

const COUNTED = `(?:two|three|four|five|six|[2-9])`;
/**
 * The tasks just talked about, several: "them", "both", "all of those", "these three", "them both",
 * "each of them" — the last list shown or the tasks the last change touched, never every task.
 */
export const PLURAL_PRONOUN = new RegExp(
  String.raw`^(?:(?:(?:all|both|each|every\s+one)(?:\s+${COUNTED})?\s+(?:of\s+)?)?(?:them|those|these|they)(?:\s+(?:${COUNTED}|ones|tasks|items))?(?:\s+(?:both|all))?|(?:the|all)\s+(?:two|three|four|five|six)(?:\s+of\s+them|\s+new\s+(?:ones|tasks|items))?|both|each)$`,
  "i",
);

const OTHERS = new RegExp(
  String.raw`^(?:other\s+(?:${COUNTED}|ones|tasks|items)|others|rest(?:\s+of\s+them)?|remaining(?:\s+(?:ones|tasks|items))?)$`,
  "i",
);

/** Whether a phrase (as said, or cleaned of "the") is a plural reference of PLURAL_PRONOUN. */
export function isPluralRef(phrase: string): boolean {
  return PLURAL_PRONOUN.test(phrase.trim()) || PLURAL_PRONOUN.test(cleanRefPhrase(phrase));
}
const COUNT_WORDS: Record<string, number> = { both: 2, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** How many tasks a plural reference says ("both", "these three" → 2, 3), or null when it says no number. */
export function pluralCount(phrase: string): number | null {
  const m = /\b(both|two|three|four|five|six|[2-9])\b/i.exec(phrase);
  if (!m) return null;
  return COUNT_WORDS[m[1]!.toLowerCase()] ?? +m[1]!;
}

/** Task numbers a turn touched or listed, and the ambiguity candidates it reported. */
function turnReferents(turn: HistoryTurn): { numbers: number[]; candidates: number[] } {
  const numbers: number[] = [];
  const candidates: number[] = [];
  // After "no, the other one" (undo + the change again), "it" is the task changed, not the one put back.
  const corrected =
    (turn.calls ?? []).some((c) => c.tool === "undo_operation") &&
    (turn.calls ?? []).some((c) => c.tool !== "undo_operation");
  for (const [k, r] of (turn.results ?? []).entries()) {
    if (!r || typeof r !== "object") continue;
    if (corrected && turn.calls?.[k]?.tool === "undo_operation") continue;
    const res = r as Record<string, unknown>;
    const task = res.task as { number?: unknown } | null | undefined;
    if (res.ok === true && task && typeof task.number === "number") numbers.push(task.number);
    // A listed turn's tasks, and a whole turn undone ("undo that" → "tag them pottery instead"): every task of it.
    if (res.ok === true && (res.kind === "listed" || res.kind === "undone") && Array.isArray(res.tasks)) {
      for (const t of res.tasks as Array<{ number?: unknown }>)
        if (typeof t.number === "number") numbers.push(t.number);
    }
    if (res.ok === false && Array.isArray(res.candidates)) {
      for (const t of res.candidates as Array<{ number?: unknown }>)
        if (typeof t.number === "number") candidates.push(t.number);
    }
  }
  if (numbers.length === 0 && !turn.results?.length) {
    for (const c of turn.calls ?? []) if (typeof c.input.task === "number") numbers.push(c.input.task);
  }
  return { numbers: [...new Set(numbers)], candidates: [...new Set(candidates)] };
}

/** Task numbers the latest tool-using turn touched, and ambiguity candidates it reported. */
export function historyReferents(history: HistoryTurn[] | undefined): { numbers: number[]; candidates: number[] } {
  for (let i = (history?.length ?? 0) - 1; i >= 0; i--) {
    const found = turnReferents(history![i]!);
    if (found.numbers.length || found.candidates.length) return found;
  }
  return { numbers: [], candidates: [] };
}

/**
 * "mark them both done" after two turns about one task each ("push the vet to monday" … "and
 * the piano lesson too"): the distinct tasks of the latest turns, exactly as many as said, or null.
 */
function recentReferents(history: HistoryTurn[] | undefined, count: number): number[] | null {
  const out: number[] = [];
  for (let i = (history?.length ?? 0) - 1; i >= 0 && out.length < count; i--) {
    for (const n of turnReferents(history![i]!).numbers) if (!out.includes(n)) out.push(n);
  }
  return out.length === count ? out : null;
}

/** Tasks named in the last assistant message ("#3 … or #6 …"), in the order shown. */
export function numbersInLastAssistantText(history: HistoryTurn[] | undefined): number[] {
  const last = [...(history ?? [])].reverse().find((t) => t.role === "assistant");
  if (!last) return [];
  const fromResults = historyReferents([last]);
  if (fromResults.numbers.length > 1) return fromResults.numbers;
  const seen: number[] = [];
  for (const m of last.text.matchAll(/#(\d+)/g)) if (!seen.includes(+m[1])) seen.push(+m[1]);
  return seen.length ? seen : fromResults.numbers.concat(fromResults.candidates);
}

function lastListWasEmpty(history: RefOptions["history"]): boolean {
  for (let i = (history?.length ?? 0) - 1; i >= 0; i--) {
    const turn = history![i]!;
    const listed = (turn.results ?? []).find((r) => (r as { kind?: string } | null)?.kind === "listed") as
      | { tasks?: unknown[] }
      | undefined;
    if (listed) return !listed.tasks?.length;
  }
  return false;
}

/**
 * The list a place in it ("the second one", "the last one") counts in: what we last showed. The options
 * of a question of ours that a later turn answered are no list any more ("the headshots" … "and rename
 * the last one": the list shown before the question).
 */
function countedList(history: RefOptions["history"]): number[] {
  const state = dialogueState(history);
  return state.shownAnswered && state.listed ? state.listed : state.shown;
}

/** Resolves a phrase that should name exactly one task. */
export function resolveOne(phrase: string, tasks: TaskSnapshot[], opts: RefOptions = {}): RefOutcome {
  const cleaned = cleanRefPhrase(phrase);
  // "the last one" after a list is its last item, not the task we last touched.
  // After several were added ("three things for saturday: …"), their last.
  if (/^last(?:\s+(?:one|task|item))?$/i.test(cleaned)) {
    const listed = countedList(opts.history);
    const shown = listed.length ? listed : numbersInLastAssistantText(opts.history);
    if (shown.length > 1) return byNumber(shown[shown.length - 1]!, tasks);
  }
  // "the one you just added": the task the latest add made, even after a list was shown.
  if (/\bjust\s+(?:added|created|made)$/i.test(cleaned) && !opts.override) {
    const change = dialogueState(opts.history).lastChange;
    if (change?.calls.some((c) => c.tool === "add_task") && change.touched.length === 1)
      return byNumber(change.touched[0]!, tasks);
  }
  if (!cleaned || isPronounRef(cleaned, phrase)) {
    if (opts.override) return { kind: "one", task: opts.override, via: "override" };
    const h = historyReferents(opts.history);
    const known = h.numbers.map((n) => tasks.find((t) => t.number === n) ?? stub(n));
    if (known.length === 1) return { kind: "one", task: known[0], via: "history" };
    if (known.length > 1) return { kind: "many", candidates: known, phrase: cleaned || "it" };
    return { kind: "none", phrase: cleaned || phrase.trim() || "it", reason: cleaned ? "no_referent" : "empty" };
  }

  const n = parseTaskNumber(cleaned);
  if (n !== null) return byNumber(n, tasks);

  if (/^other(?:\s+(?:one|task|item))?$/i.test(cleaned)) {
    // "the other one": of what we last showed, the one the last change did not touch.
    const state = dialogueState(opts.history);
    const touched = state.lastChange?.touched ?? [];
    // With no list shown: of the two tasks talked about last, the one the last change did not touch
    // ("add school photos …", "and a meeting …", "remind me about the photos …", "and for the other one …").
    const among = state.shown.length ? state.shown : (recentReferents(opts.history, 2) ?? []);
    const rest = among.filter((n) => !touched.includes(n));
    if (rest.length === 1) return byNumber(rest[0]!, tasks);
    if (rest.length > 1)
      return {
        kind: "many",
        candidates: rest.map((n) => tasks.find((t) => t.number === n) ?? stub(n)),
        phrase: cleaned,
      };
  }
  // "the other call", "the other bill": the one task those words name that the last change did not touch.
  const otherNamed = /^other\s+(?!(?:one|task|item)s?$)(.+)$/i.exec(cleaned);
  if (otherNamed) {
    const touched = dialogueState(opts.history).lastChange?.touched ?? [];
    const out = matchTitle(
      otherNamed[1]!,
      tasks.filter((t) => !touched.includes(t.number)),
      opts,
    );
    if (touched.length && out.kind === "one") return out;
  }
  const ord = ORDINAL_REF.exec(cleaned);
  if (ord) {
    const listed = countedList(opts.history);
    const shown = listed.length ? listed : numbersInLastAssistantText(opts.history);
    const idx = ORDINAL_WORDS[ord[1].toLowerCase()];
    const pick = idx === -1 ? shown[shown.length - 1] : shown[idx - 1];
    if (pick !== undefined) return byNumber(pick, tasks);
    // "the first one" with no list to count in (none shown, or the last one was empty):
    // the task the user named when we asked, or a question.
    if (!shown.length && opts.override) return { kind: "one", task: opts.override, via: "override" };
    if (!shown.length && !titleMentions(ord[1], tasks)) {
      return { kind: "none", phrase: cleaned, reason: "no_list", emptyList: lastListWasEmpty(opts.history) };
    }
  }

  return matchTitle(cleaned, tasks, opts);
}

/** A task known only by its number (a draft, or a number the list no longer has). */
export function stub(number: number): TaskSnapshot {
  return { number, title: `#${number}`, status: "pending", priority: "medium", dueDate: null, tags: [] };
}

/**
 * A phrase naming one or more tasks: "5 and 7", "tasks 2, 3 and 4", "the report and
 * groceries". A whole-phrase match wins over splitting, since titles contain "and" too.
 */
export function resolveSeveral(phrase: string, tasks: TaskSnapshot[], opts: RefOptions = {}): RefOutcome[] {
  const cleaned = cleanRefPhrase(phrase);
  if (isPluralRef(phrase)) {
    const h = historyReferents(opts.history);
    const count = pluralCount(phrase);
    const numbers =
      count !== null && h.numbers.length < count ? (recentReferents(opts.history, count) ?? h.numbers) : h.numbers;
    if (numbers.length) return numbers.map((n) => byNumber(n, tasks));
    return [{ kind: "none", phrase: cleaned, reason: "no_referent" }];
  }
  // "the first two", "the last 3 ones": a slice of the list we showed.
  const slice = /^(first|top|last|bottom)\s+(two|three|four|five|six|\d+)(?:\s+(?:ones|tasks|items|of\s+them))?$/i.exec(
    cleaned,
  );
  if (slice) {
    const shown = countedList(opts.history);
    const n = /^\d+$/.test(slice[2]!)
      ? +slice[2]!
      : ({ two: 2, three: 3, four: 4, five: 5, six: 6 } as Record<string, number>)[slice[2]!.toLowerCase()]!;
    if (shown.length >= n) {
      const picked = /^(?:last|bottom)$/i.test(slice[1]!) ? shown.slice(-n) : shown.slice(0, n);
      return picked.map((k) => byNumber(k, tasks));
    }
  }
  // "the other two", "the rest": what we last showed, less what the last change touched.
  if (OTHERS.test(cleaned)) {
    const state = dialogueState(opts.history);
    const touched = state.lastChange?.touched ?? [];
    const rest = state.shown.filter((n) => !touched.includes(n));
    const count = pluralCount(cleaned);
    if (rest.length && (count === null || count === rest.length)) return rest.map((n) => byNumber(n, tasks));
  }
  const numberList =
    /^(?:(?:tasks?|items?|numbers?|#)\s*)?#?\d+(?:\s*(?:,|and|&|\+|plus)\s*(?:(?:tasks?|items?|numbers?)\s*)?#?\d+)+$/i;
  if (numberList.test(cleaned)) return [...cleaned.matchAll(/\d+/g)].map((m) => byNumber(+m[0], tasks));

  // "Thabo's follow-up and the gym (are) both (done)": the count only confirms the list.
  if (/\s(?:and|&)\s.+\s+(?:both|all)$/i.test(cleaned))
    return resolveSeveral(cleaned.replace(/\s+(?:both|all)$/i, ""), tasks, opts);
  const whole = resolveOne(cleaned, tasks, opts);
  if (whole.kind === "one" && !whole.partial) return [whole];
  // "and" as the tables leave it in other languages ("lo del taller y los útiles").
  if (/\s(?:and|&|y|et|und)\s|,/i.test(cleaned)) {
    const parts = cleaned
      .split(/\s*,\s*(?:and\s+|y\s+|et\s+|und\s+)?|\s+(?:and|&|y|et|und)\s+/i)
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.length > 1) {
      let outs = parts.map((p) => resolveOne(p, tasks, opts));
      // "the rossi and dubois invoices": the noun said once, after the last, is every part's.
      const noun = /\s(\p{L}{3,})$/u.exec(parts.at(-1)!)?.[1];
      if (
        !outs.every((o) => o.kind === "one") &&
        noun &&
        parts.slice(0, -1).every((p) => !/\s/.test(p.replace(/^(?:the|my)\s+/i, "")))
      )
        outs = parts.map((p, i) => resolveOne(i < parts.length - 1 ? `${p} ${noun}` : p, tasks, opts));
      if (outs.every((o) => o.kind === "one")) {
        const seen = new Set<number>();
        return outs.filter((o) => o.kind === "one" && !seen.has(o.task.number) && seen.add(o.task.number));
      }
    }
  }
  return [whole];
}

export type TaskFilter = {
  tag?: string;
  priority?: "low" | "medium" | "high";
  status?: "pending" | "completed";
  due?: "overdue" | "today" | "tomorrow" | "this_week";
  words: string[];
};

/** Whether a phrase asks for a group ("all work tasks", "everything due today", "both call tasks"). */
export function isGroupPhrase(phrase: string): boolean {
  const p = cleanRefPhrase(phrase).toLowerCase();
  // "X and Y both" lists its tasks; "the errands, all" is a group.
  return /^(?:all|every|everything|each|both|any)\b/.test(p) || (/\b(?:all|both)$/.test(p) && !/\s(?:and|&)\s/.test(p));
}

/** The filter a group phrase expresses, reading tag words against the user's tags. */
export function parseGroupFilter(phrase: string, tasks: TaskSnapshot[]): TaskFilter {
  let p = ` ${cleanRefPhrase(phrase).toLowerCase()} `;
  const f: TaskFilter = { words: [] };
  const take = (re: RegExp) => {
    const m = re.exec(p);
    if (m) p = p.replace(m[0], " ");
    return m;
  };
  let m = take(/\s(high|low|medium|normal)[- ]priority\s/);
  if (m) f.priority = m[1] === "normal" ? "medium" : (m[1] as TaskFilter["priority"]);
  else if (take(/\s(?:urgent|important)\s/)) f.priority = "high";
  if (take(/\s(?:completed|finished|done|closed|checked off)\s/)) f.status = "completed";
  else if (take(/\s(?:pending|open|incomplete|unfinished|remaining|outstanding|active)\s/)) f.status = "pending";
  if (take(/\s(?:overdue|late|past due)\s/)) f.due = "overdue";
  else if (take(/\s(?:due\s+|from\s+)?today(?:'s)?\s/)) f.due = "today";
  else if (take(/\s(?:due\s+|from\s+)?tomorrow(?:'s)?\s/)) f.due = "tomorrow";
  else if (take(/\s(?:due\s+)?this\s+week(?:'s)?\s/)) f.due = "this_week";
  m = take(/\s(?:tagged(?:\s+(?:as|with))?|with\s+(?:the\s+)?tag)\s+#?([\w-]+)\s/) ?? take(/\s#([\w-]+)\s/);
  if (m) f.tag = m[1];
  const knownTags = new Set(tasks.flatMap((t) => t.tags.map((x) => x.toLowerCase().replace(/^#/, ""))));
  const rest = words(p).filter(
    (w) =>
      !/^(?:all|every|everything|each|both|any|of|them|my|the|tasks?|items?|todos?|ones?|things?|stuff|due|that|are|is|with|which|i|have|in|list|i've|we've|i'm|we|already|just|so|far|now|still|currently|been|got|ve)$/.test(
        w,
      ),
  );
  for (const w of rest) {
    const bare = w.replace(/^#/, "");
    if (!f.tag && knownTags.has(bare)) f.tag = bare;
    else f.words.push(bare);
  }
  return f;
}

export function applyFilter(f: TaskFilter, tasks: TaskSnapshot[], ctx: DateContext): TaskSnapshot[] {
  const stems = f.words.map((w) => stem(w));
  return tasks.filter((task) => {
    if (f.tag && !task.tags.some((x) => x.toLowerCase().replace(/^#/, "") === f.tag)) return false;
    if (f.priority && task.priority !== f.priority) return false;
    if (f.status && task.status !== f.status) return false;
    // The service's own definition of each period (lib/tasks/filter.ts), so the two never disagree.
    if (f.due && !inDueBucket(task, f.due, ctx.now, ctx.timeZone)) return false;
    if (stems.length) {
      const title = contentStems(task.title);
      if (!stems.every((q) => title.some((t) => stemsMatch(q, t)))) return false;
    }
    return true;
  });
}
