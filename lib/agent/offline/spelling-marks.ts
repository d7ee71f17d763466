// People type Spanish, French and German without their marks ("apuntame", "que tengo",
// "naechste woche"), or with a space for a hyphen ("rappelle moi"). Before the tables are applied,
// such a word gets its marks back when the language's own vocabulary (the table keys and hint
// words) has exactly one marked word that is spelt that way, so every row and date pattern reads
// it as the marked word; a word that is itself in the vocabulary ("termine", "schon") is kept.
import { DE_LEADS, DE_REORDER, FOREIGN, type Foreign, LANGUAGE_HINTS } from "./lexicon";

/** Lower case, marks removed ("Mañana" → "manana"). */
export const unmarked = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
/** German umlauts typed as two letters ("nächste" → "naechste"). */
const umlautsSpelt = (s: string) => s.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");

const WORD = /[\p{L}'’-]+/gu;

function vocabulary(lang: Foreign): { words: string[]; phrases: string[] } {
  const phrases = [
    ...FOREIGN[lang].map(([from]) => from.toLowerCase()),
    ...LANGUAGE_HINTS[lang],
    ...(lang === "de" ? [...DE_REORDER.flatMap(([head, tail]) => [head, tail] as string[]), ...DE_LEADS] : []),
  ];
  const words = [...new Set(phrases.flatMap((p) => p.split(/[^\p{L}'’-]+/u)).filter(Boolean))];
  return { words, phrases: [...new Set(phrases.filter((p) => /[\s-]/.test(p)))] };
}

type Restorer = { words: Map<string, string>; phrases: RegExp | null; phrased: Map<string, string> };

const spellingsOf = (word: string, lang: Foreign) => [unmarked(word), ...(lang === "de" ? [umlautsSpelt(word)] : [])];

function restorer(lang: Foreign): Restorer {
  const known = vocabulary(lang);
  const own = new Set(known.words);
  const candidates = new Map<string, Set<string>>();
  for (const word of known.words) {
    for (const s of spellingsOf(word, lang)) {
      // Two letters or fewer ("si" for "sí", "a" for "à") are other words too often.
      if (s === word || own.has(s) || s.replace(/['’-]/g, "").length <= 2) continue;
      candidates.set(s, (candidates.get(s) ?? new Set()).add(word));
    }
  }
  const words = new Map(
    [...candidates].filter(([, forms]) => forms.size === 1).map(([s, forms]) => [s, [...forms][0]!]),
  );
  // "que tengo", "rappelle moi", "qu'est ce que": a phrase of the vocabulary typed without its marks
  // or with a space for its hyphen (a word of it alone may be another word: "que" is one).
  const phrased = new Map<string, string>();
  const ownPhrases = new Set(known.phrases);
  // "mets le tag" is an article, not "mets-le": a verb with a joined object pronoun is never rebuilt.
  for (const phrase of known.phrases.filter((p) => !/-(?:la|le|les|lui)$/.test(p)))
    for (const s of spellingsOf(phrase, lang).map((p) => p.replace(/-/g, " ")))
      if (s !== phrase && !ownPhrases.has(s) && !phrased.has(s)) phrased.set(s, phrase);
  const alternatives = [...phrased.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s/g, String.raw`\s+`));
  const phrases = alternatives.length
    ? new RegExp(String.raw`(?<![\p{L}'’-])(?:${alternatives.join("|")})(?![\p{L}'’-])`, "giu")
    : null;
  return { words, phrases, phrased };
}

const RESTORERS = Object.fromEntries(
  (Object.keys(FOREIGN) as Foreign[]).map((lang) => [lang, restorer(lang)]),
) as Record<Foreign, Restorer>;

/** The text with the language's marks and hyphens put back where its vocabulary knows the word. */
export function restoreMarks(text: string, lang: Foreign): string {
  const { words, phrases, phrased } = RESTORERS[lang];
  const joined = phrases
    ? text.replace(phrases, (phrase) => phrased.get(phrase.toLowerCase().replace(/\s+/g, " ")) ?? phrase)
    : text;
  return joined.replace(WORD, (word) => {
    const found = words.get(word.toLowerCase());
    if (!found) return word;
    return /^\p{Lu}/u.test(word) ? found[0]!.toUpperCase() + found.slice(1) : found;
  });
}

/** Every spelling of a vocabulary word `restoreMarks` reads as it (for language detection). */
export function markedSpellings(lang: Foreign): Map<string, string> {
  return RESTORERS[lang].words;
}
