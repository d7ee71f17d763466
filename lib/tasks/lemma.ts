// Word forms for title matching, from kept libraries rather than our own tables:
// compromise's lexicon (24k words, tagged) knows the irregular past tenses and participles
// ("bought" → "buy", "written" → "write"), and its verb transform undoes the regular ones;
// the Snowball (Porter 2) stemmer of NLP.js then folds what is left the same way on both sides
// of a comparison ("flights"/"flight", "groceries"/"grocery"), which matters more than
// linguistics here. Results are cached: a user's titles are matched over and over.
import "server-only";
import nlp from "compromise/two";
import { StemmerEn } from "@nlpjs/lang-en-min";
import { StemmerEs } from "@nlpjs/lang-es";
import { StemmerFr } from "@nlpjs/lang-fr";
import { StemmerDe } from "@nlpjs/lang-de";

type VerbTransform = (word: string, model: object, tense: string) => string;
const model = nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } };
const toInfinitive = (nlp.methods() as { two: { transform: { verb: { toInfinitive: VerbTransform } } } }).two.transform
  .verb.toInfinitive;
const snowball = new StemmerEn();
const foreign = [new StemmerEs(), new StemmerFr(), new StemmerDe()];

const PAST_TAGS = new Set(["PastTense", "Participle"]);
const CACHE_LIMIT = 20_000;
const stems = new Map<string, string>();
const pasts = new Map<string, string | null>();

/** Stores a value in a per-process cache keyed by user text, bounded by starting over. */
export function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  // User text is unbounded: start over rather than grow without limit.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const verbFirst = new Map<string, boolean>();
/**
 * Whether a title starts with a verb ("Call the dentist"), read by compromise's tagger as a request
 * ("please call the dentist"): alone, a capitalised "Call" is read as a name or a noun.
 */
export function startsWithVerb(title: string): boolean {
  return verbFirst.get(title) ?? remember(verbFirst, title, nlp(`please ${title.toLowerCase()}`).has("^please #Verb"));
}

function lexiconTags(word: string): string[] {
  const tag = model.one.lexicon[word];
  return tag === undefined ? [] : Array.isArray(tag) ? tag : [tag];
}

/**
 * The base verb of a past-tense word ("called" → "call", "bought" → "buy", "tidied" → "tidy"),
 * or null when the word is not a past tense ("need", "bed", "speed").
 */
export function baseOfPastVerb(word: string): string | null {
  const w = word.toLowerCase();
  const hit = pasts.get(w);
  if (hit !== undefined) return hit;
  const tags = lexiconTags(w);
  const past = tags.find((t) => PAST_TAGS.has(t));
  let base: string | null = null;
  if (past) base = toInfinitive(w, model, past);
  // Unknown words and the ones the lexicon lists as adjectives ("washed", "finished") are
  // regular past tenses when they end in -ed; the lexicon's verbs and nouns ("need", "bed") are not.
  else if (/[a-z]{2,}ed$/.test(w) && tags.every((t) => t === "Adjective")) base = toInfinitive(w, model, "PastTense");
  if (base === w || !base) base = null;
  return remember(pasts, w, base);
}

const conjugate = (
  nlp.methods() as { two: { transform: { verb: { conjugate: (w: string, m: object) => { PastTense?: string } } } } }
).two.transform.verb.conjugate;
const sameAsBase = new Map<string, boolean>();

/** Whether a verb's past tense is spelled as its base ("read", "put", "cut"): past only by what surrounds it. */
export function pastLikeBase(word: string): boolean {
  const w = word.toLowerCase();
  const hit = sameAsBase.get(w);
  if (hit !== undefined) return hit;
  const verb = lexiconTags(w).some((t) => t === "Infinitive" || t === "Singular");
  return remember(sameAsBase, w, verb && conjugate(w, model).PastTense === w);
}

/** The base verb of an -ing form ("putting" → "put", "moving" → "move"), or null for other words. */
export function baseOfGerund(word: string): string | null {
  const w = word.toLowerCase();
  if (!/^[a-z]{2,}ing$/.test(w)) return null;
  const base = toInfinitive(w, model, "Gerund");
  return base && base !== w ? base : null;
}

/** One form for every inflection of a word, used on both sides of a comparison. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/'s$/, "").replace(/'/g, "");
  const hit = stems.get(w);
  if (hit !== undefined) return hit;
  const base = baseOfPastVerb(w) ?? w;
  return remember(stems, w, snowball.stemWord(base));
}

const foreignStems = new Map<string, string[]>();

/**
 * Whether two words share a Spanish, French or German Snowball stem ("llamada"/"llamar",
 * "réservation"/"réserver", "Vorbereitung"/"vorbereiten": the noun and the verb of one deed). Only
 * words no English lexicon knows are compared so, and only stems of four letters or more.
 */
export function foreignStemsMatch(a: string, b: string): boolean {
  // A stem is the start of its word: words that differ in their first four letters share none.
  if (a.slice(0, 4) !== b.slice(0, 4)) return false;
  const of = (w: string) =>
    foreignStems.get(w) ?? remember(foreignStems, w, isKnownWord(w) ? [] : foreign.map((s) => s.stemWord(w)));
  const x = of(a);
  const y = x.length ? of(b) : [];
  return y.length > 0 && x.some((s, i) => s.length >= 4 && s === y[i]);
}

/** Whether the word is an English word the lexicon knows, in any inflection it lists. */
export function isKnownWord(word: string): boolean {
  const w = word.toLowerCase();
  if (lexiconTags(w).length > 0) return true;
  // Regular inflections of a listed word: "booked", "boxes", "calling", "tidied"; a doer or tool
  // named after its verb: "cleaner", "charger".
  const bases = [
    w.replace(/(?:es|s|ed|d|ing)$/, ""),
    w.replace(/(?:ing|ed)$/, "e"),
    w.replace(/ied$|ies$/, "y"),
    ...(/er$/.test(w) ? [w.slice(0, -2), w.slice(0, -1)] : []),
  ];
  return bases.some((b) => b !== w && lexiconTags(b).length > 0);
}
