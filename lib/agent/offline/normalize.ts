// Stage 1 of the pipeline: what the user typed → the text every later stage reads. Applies
// the word tables of lexicon.ts once (text-speak, abbreviations, Spanish/French command and
// date words) and tells which language the message was in.
import { FOREIGN, LANGUAGE_HINTS, TEXT_SPEAK, type Row } from "./lexicon";

const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}'’/-])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}'’/-])`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/\s+/g, String.raw`\s+`);

function compile(rows: Row[]) {
  const byWord = new Map<string, Row[]>();
  for (const r of rows) {
    const key = r[0].toLowerCase();
    byWord.set(key, [...(byWord.get(key) ?? []), r]);
  }
  const alternatives = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`${EDGE_BEFORE}(${alternatives.join("|")})${EDGE_AFTER}`, "giu");
  return (text: string) =>
    text.replace(re, (word: string, _g: string, offset: number) => {
      const rows = byWord.get(word.toLowerCase().replace(/\s+/g, " ")) ?? [];
      const before = text.slice(0, offset);
      const after = text.slice(offset + word.length);
      const row = rows.find(([, , when]) => (!when?.before || when.before.test(before)) && (!when?.after || when.after.test(after)));
      return row ? row[1] : word;
    });
}

const applyTextSpeak = compile(TEXT_SPEAK);
const applyForeign = compile(FOREIGN);

export type Language = "en" | "es" | "fr";

export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().split(/[^\p{L}'’-]+/u);
  for (const lang of ["es", "fr"] as const) if (words.some((w) => LANGUAGE_HINTS[lang].includes(w))) return lang;
  if (/[¿¡ñ]/.test(text)) return "es";
  return "en";
}

/** Inverted punctuation and the tables applied; the result is what the parsers read. */
export function normalizeWords(text: string): { text: string; language: Language } {
  const language = detectLanguage(text);
  let t = text.replace(/[¿¡]/g, "");
  if (language !== "en") t = applyForeign(t);
  t = applyTextSpeak(t);
  return { text: t.replace(/\s+/g, " ").trim(), language };
}
