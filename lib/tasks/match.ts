// Title matching: which of the user's tasks a phrase names ("task 3", "the report", "dentist").
// The task service uses it to resolve a text reference; the offline interpreter builds its
// conversational references (the offline interpreter's references.ts) on top of it. Words are
// compared by stem (lemma.ts), so "called"/"call" and "flights"/"flight" meet; one-letter typos
// (Levenshtein distance, fastest-levenshtein) are allowed in longer words. Over 300 lines on
// purpose: the scoring steps share their normalising helpers and read best in order.
import "server-only";
import { distance } from "fastest-levenshtein";
import { remember, foreignStemsMatch, startsWithVerb, stem } from "./lemma";
import type { TaskSnapshot } from "./types";

export { stem };

export type RefOutcome =
  | {
      kind: "one";
      task: TaskSnapshot;
      via: "number" | "title" | "tag" | "history" | "override";
      partial?: boolean;
      loose?: boolean;
    }
  | { kind: "many"; candidates: TaskSnapshot[]; phrase: string }
  | {
      kind: "none";
      phrase: string;
      reason: "no_match" | "no_referent" | "unknown_number" | "empty" | "no_list";
      /** For "no_list": whether a list was shown and came back empty. */
      emptyList?: boolean;
      number?: number;
    };

export type MatchOptions = {
  /** Which status wins a tie: completing prefers pending tasks, reopening completed ones. */
  prefer?: "pending" | "completed";
  /** A task the user already picked in answer to a clarifying question. */
  override?: TaskSnapshot;
};

export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
  an: 1,
  couple: 2,
  pair: 2,
};

/** Words that never identify a task on their own. */
export const REF_STOPWORDS = new Set([
  "the",
  "a",
  "an",
  "my",
  "our",
  "your",
  "their",
  "his",
  "her",
  "this",
  "that",
  "these",
  "those",
  "task",
  "tasks",
  "todo",
  "todos",
  "to-do",
  "to-dos",
  "item",
  "items",
  "one",
  "ones",
  "thing",
  "things",
  "entry",
  "reminder",
  "about",
  "for",
  "to",
  "of",
  "on",
  "in",
  "with",
  "please",
  "list",
  "from",
  "number",
  "no",
  "is",
  "it",
  "which",
  "called",
  "named",
  "titled",
  "i",
  "me",
  "up",
  "at",
  "by",
  "and",
  "or",
  "&",
  "just",
  "also",
  "some",
  "stuff",
  "whole",
  // The same small words in Spanish, French and German ("lo del hotel", "la tâche du train").
  "el",
  "la",
  "los",
  "las",
  "lo",
  "un",
  "una",
  "del",
  "al",
  "de",
  "le",
  "les",
  "du",
  "des",
  "une",
  "y",
  "et",
  "der",
  "die",
  "das",
  "den",
  "dem",
  "ein",
  "eine",
  "einen",
  "mit",
  "und",
  "fur",
  "furs",
  "von",
  "vom",
  "zum",
  "zur",
  "beim",
  "para",
  "pour",
  "avec",
]);

export function words(s: string): string[] {
  return (
    s
      .toLowerCase()
      // "hôtel" and "hotel", "Müller" and "muller" are one word to a person typing fast.
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/ß/g, "ss")
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/[’]/g, "'")
      // "1:1", "1.31": numbers joined by a colon or a point are one word ("the 1:1" is not "1.31").
      .replace(/(\d)[:.](?=\d)/g, "$1-")
      .replace(/[^a-z0-9#'\s-]/g, " ")
      .split(/\s+/)
      // French elision: "l'hôtel" is "hôtel".
      .map((w) => w.replace(/^(?:l|d|j|qu|s|c|n|m)'(?=\p{L})/u, "").replace(/^['-]+|['-]+$/g, ""))
      .filter(Boolean)
  );
}

/**
 * Short forms people type for a word of a title, compared as the whole word ("le rdv du véto" names
 * "Rendez-vous chez le vétérinaire"). A title keeps the words it was given; only the comparison
 * reads them alike. Written without accents, as `words` leaves them.
 */
export const CLIPPINGS: ReadonlyMap<string, string> = new Map([
  ["rdv", "rendez-vous"],
  ["veto", "veterinaire"],
  ["ophtalmo", "ophtalmologue"],
  ["kine", "kinesitherapeute"],
  ["appt", "appointment"],
  ["ch", "chapter"],
]);

/** Content words of a reference phrase, as typed (clippings spelt out). */
function contentWords(s: string, extraStop?: Set<string>): string[] {
  return (
    words(s)
      .filter((w) => !REF_STOPWORDS.has(w) && !extraStop?.has(w))
      .map((w) => (CLIPPINGS.get(w) ?? w).replace(/^#/, ""))
      // "Investor-Update" is named by "the update", "Croix-Rousse" by "croix rousse": a compound's parts name it too.
      .flatMap((w) =>
        /\p{L}{3}-\p{L}{3}/u.test(w)
          ? [w, ...w.split("-").filter((p) => p.length >= 3 && !REF_STOPWORDS.has(p) && !extraStop?.has(p))]
          : [w],
      )
      .filter((w) => stem(w))
  );
}

/** Content words of a reference phrase, stemmed. */
export function contentStems(s: string, extraStop?: Set<string>): string[] {
  return contentWords(s, extraStop).map(stem);
}

/**
 * A long word typed one letter off ("irigation"): its stem may lose what the stems compare ("irig" /
 * "irrig"), so the words themselves are compared.
 */
const typoOf = (q: string, t: string) => q.length >= 7 && t.length >= 7 && oneOff(q, t);

/** One letter added, dropped, changed, or two neighbours swapped. */
const oneOff = (q: string, t: string) => Math.abs(q.length - t.length) <= 1 && (distance(q, t) <= 1 || swapped(q, t));

/** Whether two words differ only by two neighbouring letters typed the other way round ("dentsit"). */
export function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  // Called for every word pair a message and a title do not share: no allocation, and out at the third difference.
  let first = -1;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++count > 2) return false;
    if (first < 0) first = i;
  }
  return count === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
}

/** Whether a title word is only the first letters of the word typed ("card" in "cardiologist"). */
const clipOf = (t: string, q: string) => q.length > t.length && q.startsWith(t);

/** Whether a query stem names a title stem: equal, a clear prefix, or a one-letter typo or swap. */
export function stemsMatch(q: string, t: string): boolean {
  if (q === t) return true;
  if (q.length >= 4 && t.length >= 4 && (t.startsWith(q) || q.startsWith(t))) return true;
  // German typed without umlauts: "muell" is "Müll" (read "mull").
  if (q.length >= 4 && /[aou]e/.test(q) && q.replace(/([aou])e/g, "$1") === t) return true;
  // A German compound names its last part: "Geschenk" is the "Geburtstagsgeschenk".
  if (q.length >= 6 && t.length > q.length && t.endsWith(q)) return true;
  // Short forms people type for long words: "docs" for documents, "pres" for presentation.
  if (q.length === 3 && t.length >= 6 && t.startsWith(q)) return true;
  // A clipped word with a pet "-i" ("Präsi" for Präsentation): the clip names the long word.
  if (q.length >= 5 && q.endsWith("i") && t.length >= q.length + 2 && t.startsWith(q.slice(0, -1))) return true;
  if (q.length >= 5 && t.length >= 5 && oneOff(q, t)) return true;
  // "la llamada" is the task "Llamar al banco": a Spanish, French or German noun and verb of one deed.
  if (q.length >= 5 && t.length >= 5 && foreignStemsMatch(q, t)) return true;
  return false;
}

const PRONOUN =
  /^(?:it|that|task|one|item|this|that one|this one|that task|this task|the task|same one|the same one|the same task|the last one|last one|(?:the )?one i just (?:added|created|made|mentioned|did)|the new one|the latest one|(?:the )?one you just (?:added|created|made|changed))$/i;

/** Strips the filler around a reference: articles, "task", "from my list", quotes. */
export function cleanRefPhrase(phrase: string): string {
  let p = phrase
    .trim()
    .replace(/^["']|["']$/g, "")
    .trim();
  let prev = "";
  while (p !== prev) {
    prev = p;
    p = p
      .replace(/[?!.,;:]+$/g, "")
      .replace(/\s+(?:from|off|on|in)\s+(?:my|the)\s+(?:to-?do\s+|task\s+)?(?:list|tasks|todos)$/i, "")
      // "the race itself": the thing, not another one near it.
      .replace(/\s+(?:for me|please|now|already|too|as well|again|instead|then|after all|itself)$/i, "")
      .replace(/^(?:the|my|a|an|our)\s+/i, "")
      // "same for the 3rd": a position written in digits.
      .replace(/^(\d{1,2})(?:st|nd|rd|th)(?=(?:\s+(?:one|task|item))?$)/i, (all, d: string) => POSITIONS[+d - 1] ?? all)
      // "I did it online", "paid that in person": how it was done, said of the pronoun.
      .replace(
        /^(it|that|this|them)\s+(?:online|myself|ourselves|earlier|in\s+person|by\s+phone|over\s+the\s+phone)$/i,
        "$1",
      )
      .trim();
  }
  return p;
}

/** Whether the phrase (cleaned, or as given) is a bare "it", "that one", "the last one"… */
export function isPronounRef(cleaned: string, phrase: string): boolean {
  return PRONOUN.test(cleaned) || PRONOUN.test(phrase.trim());
}

const POSITIONS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** "the first one", "third task", "last item": a position in a list rather than a title. */
export const ORDINAL_REF =
  /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?:\s+(?:one|task|item))?$/i;

/** Whether some task's title has the word (so "first" may be a title word, not a position). */
export function titleMentions(word: string, tasks: TaskSnapshot[]): boolean {
  return tasks.some((t) => new RegExp(`\\b${word}\\b`, "i").test(t.title));
}

export function byNumber(n: number, tasks: TaskSnapshot[]): RefOutcome {
  const t = tasks.find((x) => x.number === n);
  if (t) return { kind: "one", task: t, via: "number" };
  return { kind: "none", phrase: `#${n}`, reason: "unknown_number", number: n };
}

/**
 * "3", "#3", "task 3", "task number 3", "number three"; "(la) nº 3", "(el) núm. 3", "(die) Nr. 3",
 * "le numéro 3" as French, Spanish and German write it.
 */
export function parseTaskNumber(phrase: string): number | null {
  const p = cleanRefPhrase(phrase).toLowerCase();
  const m =
    /^(?:(?:task|item|todo|to-do|entry)\s*|(?:la|le|el|die|der|das)\s+(?=n|#))?(?:(?:number|no\.?|num\.?|núm\.?|nr\.?|n[º°]|numéro|número|nummer|#)\s*)?#?(\d{1,6})(?:\s*(?:task|item))?$/.exec(
      p,
    );
  if (m) return +m[1];
  const w = /^(?:(?:task|item)\s+)?(?:number\s+)?([a-z]+)$/.exec(p);
  if (w && /^(?:task|item|number)/.test(p) && Object.hasOwn(NUMBER_WORDS, w[1]) && w[1] !== "a" && w[1] !== "an")
    return NUMBER_WORDS[w[1]];
  return null;
}

type Scored = { task: TaskSnapshot; title: number; all: number; exact: boolean; same: number };

// A title is read (words, stems) once, not once per reference: with a few hundred tasks a message
// that is tried several ways (interpret.ts) compares every title many times.
const KIND_WORDS = new Set([
  "appointment",
  "appointments",
  "errand",
  "errands",
  "thing",
  "things",
  "stuff",
  "job",
  "run",
  "truc",
]);

type ReadTitle = { stems: string[]; typed: string[]; normal: string };
const readTitles = new Map<string, ReadTitle>();
function readTitle(title: string): ReadTitle {
  const known = readTitles.get(title);
  if (known) return known;
  const typed = contentWords(title);
  return remember(readTitles, title, { stems: typed.map(stem), typed, normal: words(title).join(" ") });
}

function score(query: string[], typed: string[], tasks: TaskSnapshot[], rawPhrase: string): Scored[] {
  const normPhrase = words(rawPhrase).join(" ");
  return tasks.map((task) => {
    const { stems: titleStems, typed: titleWords, normal } = readTitle(task.title);
    const tagStems = task.tags.map((t) => stem(t.replace(/^#/, "")));
    let title = 0;
    let all = 0;
    let same = 0;
    for (const [i, q] of query.entries()) {
      let named = false;
      let whole = false;
      for (const t of titleStems) {
        if (!stemsMatch(q, t)) continue;
        named = true;
        if (!clipOf(t, q)) whole = true;
        if (whole) break;
      }
      const inTitle =
        named ||
        titleWords.some((t) => typoOf(typed[i] ?? q, t)) ||
        compoundOf(typed[i] ?? q, titleWords) ||
        acronymOf(
          typed[i] ?? q,
          titleWords,
          rawPhrase,
          query.some((o, j) => j !== i && titleStems.some((t) => stemsMatch(o, t))),
        );
      const inTags = tagStems.some((t) => t === q);
      if (inTitle) title++;
      if (inTitle || inTags) all++;
      if (whole) same++;
    }
    return { task, title, all, exact: normal === normPhrase, same };
  });
}

/**
 * Of tasks that all have every word, those that have the most of them whole: "cardiologist" names
 * "Cardiologist appointment", not "Send birthday card" (a title word that is only its first letters).
 */
function closest(full: Scored[]): TaskSnapshot[] {
  if (full.length < 2) return full.map((s) => s.task);
  let most = 0;
  for (const s of full) most = Math.max(most, s.same);
  return full.filter((s) => s.same === most).map((s) => s.task);
}

/**
 * A German compound typed for two words of a title: "Arzttermin" names "Termin beim Augenarzt" (each
 * part a title word, or the end of one: "Augenarzt" is an "Arzt"), with or without the joining "s".
 */
function compoundOf(word: string, titleWords: string[]): boolean {
  if (word.length < 8) return false;
  const has = (part: string) => titleWords.some((t) => t === part || (part.length >= 4 && t.endsWith(part)));
  for (let k = 4; k <= word.length - 4; k++) {
    const head = word.slice(0, k);
    const tail = word.slice(k);
    if ((has(head) || (head.endsWith("s") && has(head.slice(0, -1)))) && has(tail)) return true;
  }
  return false;
}

/**
 * "the SPA proofread" for "Proofread the share purchase agreement": capitals typed for title words in a
 * row. Typed small, only a word with no vowel ("the cc bill" for "Pay credit card bill"), which no
 * English word is, and only beside another word of that same title: alone, "the tv" or "dl" ("del"
 * typed fast) would name any title whose words start so.
 */
function acronymOf(word: string, titleWords: string[], rawPhrase: string, withOthers: boolean): boolean {
  if (word.length < 2 || word.length > 5 || !/^\p{L}+$/u.test(word)) return false;
  const initials = titleWords.map((t) => t[0]).join("");
  if (word.length >= 3 && new RegExp(`\\b${word.toUpperCase()}\\b`).test(rawPhrase))
    return initials.includes(word.toLowerCase());
  return withOthers && /^[^aeiouy]+$/.test(word) && initials.includes(word);
}

function preferStatus(list: TaskSnapshot[], prefer?: "pending" | "completed"): TaskSnapshot[] {
  if (!prefer || list.length < 2) return list;
  const preferred = list.filter((t) => t.status === prefer);
  return preferred.length ? preferred : list;
}

// One message names the same thing to several readers (each intent, each clause): with a few hundred
// tasks the scoring is the costly part, so a phrase is matched once per task list.
const matched = new WeakMap<TaskSnapshot[], Map<string, RefOutcome>>();

/** Matches a cleaned phrase against the titles (and tags) of the tasks. */
export function matchTitle(cleaned: string, tasks: TaskSnapshot[], opts: MatchOptions = {}): RefOutcome {
  let byPhrase = matched.get(tasks);
  if (!byPhrase) {
    byPhrase = new Map();
    matched.set(tasks, byPhrase);
  }
  const key = `${opts.prefer ?? ""}|${opts.override?.number ?? ""}|${cleaned}`;
  const known = byPhrase.get(key);
  if (known) return known;
  return remember(byPhrase, key, scoreMatch(cleaned, tasks, opts));
}

function scoreMatch(cleaned: string, tasks: TaskSnapshot[], opts: MatchOptions): RefOutcome {
  const typed = contentWords(cleaned);
  const query = typed.map(stem);
  if (query.length === 0) {
    if (opts.override) return { kind: "one", task: opts.override, via: "override" };
    return { kind: "none", phrase: cleaned, reason: "no_match" };
  }
  const scored = score(query, typed, tasks, cleaned);

  const exact = scored.filter((s) => s.exact).map((s) => s.task);
  if (exact.length === 1) return { kind: "one", task: exact[0], via: "title" };

  const titleFull = closest(scored.filter((s) => s.title === query.length));
  const anyFull = closest(scored.filter((s) => s.all === query.length));
  const pool = titleFull.length ? titleFull : anyFull;
  const via = titleFull.length ? "title" : "tag";
  if (pool.length) return settle(preferStatus(pool, opts.prefer), cleaned, via, opts, false);

  // "the vet appointment" for "Take Rua to the vet": a word that only says what kind of thing it is
  // may be missing from the title, when the other words name one task whole.
  const named = typed.filter((w) => !KIND_WORDS.has(w));
  if (named.length && named.length < typed.length) {
    const inner = matchTitle(named.join(" "), tasks, opts);
    if (inner.kind === "one" && !inner.partial) return inner;
  }
  // No task has every word: accept the clearly best one if it has most of them.
  const best = Math.max(0, ...scored.map((s) => s.all));
  if (best > 0 && best / query.length >= 0.5) {
    const top = scored.filter((s) => s.all === best).map((s) => s.task);
    const out = settle(preferStatus(top, opts.prefer), cleaned, "title", opts, true);
    if (out.kind === "one" && query.length === 2 && sharesOnlyVerb(out.task, query)) return { ...out, loose: true };
    return out;
  }
  return { kind: "none", phrase: cleaned, reason: "no_match" };
}

/**
 * Whether the phrase shares only the title's leading verb: "my call with the bank" is not "Call the
 * dentist", though half its words are in it. Such a match is put to the user rather than acted on.
 */
function sharesOnlyVerb(task: TaskSnapshot, query: string[]): boolean {
  const [first, ...rest] = readTitle(task.title).stems;
  const named = (t: string) => query.some((q) => stemsMatch(q, t));
  return !!first && rest.length > 0 && named(first) && !rest.some(named) && startsWithVerb(task.title);
}

function settle(
  list: TaskSnapshot[],
  phrase: string,
  via: "title" | "tag",
  opts: MatchOptions,
  partial: boolean,
): RefOutcome {
  if (list.length === 1) return { kind: "one", task: list[0], via, partial };
  const { override } = opts;
  if (override && list.some((t) => t.number === override.number)) {
    return { kind: "one", task: override, via: "override" };
  }
  return { kind: "many", candidates: list, phrase };
}

/**
 * Resolves a phrase that should name exactly one task, with no conversation to refer back to
 * (what the task service gets): a task number, or a title. A bare "it", or "the first one"
 * with no list to count in, names nothing.
 */
export function resolveTitle(
  phrase: string,
  tasks: TaskSnapshot[],
  opts: Pick<MatchOptions, "prefer"> = {},
): RefOutcome {
  const cleaned = cleanRefPhrase(phrase);
  if (!cleaned || isPronounRef(cleaned, phrase)) {
    return { kind: "none", phrase: cleaned || phrase.trim() || "it", reason: cleaned ? "no_referent" : "empty" };
  }
  const n = parseTaskNumber(cleaned);
  if (n !== null) return byNumber(n, tasks);
  const ord = ORDINAL_REF.exec(cleaned);
  if (ord && !titleMentions(ord[1], tasks))
    return { kind: "none", phrase: cleaned, reason: "no_list", emptyList: false };
  return matchTitle(cleaned, tasks, opts);
}
