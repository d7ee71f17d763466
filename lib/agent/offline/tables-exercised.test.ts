// Issue 11, item 7: every row of the phrasing tables (lexicon.ts) is exercised by at least one
// case. A row nobody types in a case is either untested knowledge or dead weight: add a case in
// your own words (cases/extra.jsonl, v2-extra.jsonl, multiturn-extra.jsonl) or remove the row.
//
// "Exercised" is decided with the normaliser's own machinery: a TEXT_SPEAK / FOREIGN / DE_REORDER
// row counts only when `normalizeWords` actually applied it to some user text of a case (so its
// `when` condition held, its language was detected and no longer row won); a language hint counts
// when it is one of the words `detectLanguage` compares; every other table entry counts when it
// occurs as whole words (`hasPhrase`, the normaliser's word edges) in the text the parsers read —
// for language-specific lists, in a text of that language.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ARTICLES,
  CLOSINGS,
  COMMAND_LEADS,
  CREATIVE_VERBS,
  DATE_CONNECTORS,
  DE_LEADS,
  DE_REORDER,
  ASSISTANT_ACTIONS,
  SERVICES,
  EITHER_VERBS,
  ENTERTAIN_PHRASES,
  CHAT_SPELLING,
  FOREIGN,
  GREETING_TAILS,
  INTERJECTIONS,
  LANGUAGE_HINTS,
  LIST_OBJECTS,
  LIST_VERBS,
  OUT_OF_SCOPE,
  PAST_TENSE,
  FR_SUBJUNCTIVE,
  TEXT_SPEAK,
  WORLD_TOPICS,
  CLOCK_WORDS,
  REMARK_DONE,
  NOT_DONE_PASTS,
  REMARK_LEADS,
  REMARK_LINKS,
  REMARK_NO_REPEAT,
  SELF_CORRECTIONS,
  FIXED_PAIRS,
  type Foreign,
  type Language,
} from "./lexicon";
import { hasPhrase, hintWords, normalizeWords } from "./normalize";
import { normalizeText } from "./text";

const here = import.meta.dirname;
const LANGS: Foreign[] = ["es", "fr", "de"];

type Turn = { role?: string; text?: string };
type Case = { text?: string; turns?: { user: string; history?: Turn[] }[]; history?: Turn[] };

/** Every user text of every case file: one-turn `text`, `turns[].user`, and user turns of `history`. */
function userTexts(): string[] {
  const files = readdirSync(path.join(here, "cases")).filter((f) => f.endsWith(".jsonl"));
  const cases = files.flatMap((f) =>
    readFileSync(path.join(here, "cases", f), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Case),
  );
  const fromHistory = (h?: Turn[]) => (h ?? []).filter((t) => t.role === "user" && t.text).map((t) => t.text!);
  return cases.flatMap((c) => [
    ...(c.text !== undefined ? [c.text] : []),
    ...fromHistory(c.history),
    ...(c.turns ?? []).flatMap((t) => [t.user, ...fromHistory(t.history)]),
  ]);
}

type Seen = { typed: string; read: string; language: Language };

const applied = new Set<unknown>();
const seen: Seen[] = userTexts().map((text) => {
  const typed = normalizeText(text);
  const n = normalizeWords(typed, (row) => applied.add(row));
  return { typed, read: n.text, language: n.language };
});
const inLanguage = (lang: Language) => seen.filter((s) => s.language === lang);

/**
 * Alternative spellings of an exercised entry, kept without a case of their own. Each needs a
 * reason; keep this list short.
 */
const ALLOWED: Record<string, string> = {};

/**
 * BACKLOG (issue 11 item 7, not finished): entries that had no case when this test was written
 * and have none yet. The list may only shrink: an entry missing from it fails the test, and so
 * does one that a case now exercises (delete its line). Empty it by adding cases or removing rows.
 */
const backlogFile = path.join(here, "tables-backlog.json");
const BACKLOG: string[] = existsSync(backlogFile) ? (JSON.parse(readFileSync(backlogFile, "utf8")) as string[]) : [];

/** The top-level alternatives of a `\b(?:a|b|c)\b` / `^(?:a|b)\s+` table regex. */
function alternatives(re: RegExp): string[] {
  const body = /\(\?:(.*)\)/.exec(re.source)![1]!;
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of body) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "|" && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  return [...out, cur];
}

type Check = { table: string; entries: string[]; exercised: (entry: string, i: number) => boolean };

const rowLabel = (r: readonly unknown[]) =>
  JSON.stringify(r.slice(0, 2)) + (r[2] && typeof r[2] === "object" ? " (when …)" : "");
const words =
  (texts: () => Seen[], field: "typed" | "read" = "read") =>
  (e: string) =>
    texts().some((s) => hasPhrase(s[field], e));

/** The verbs said after "faut que je" in French cases. */
function subjunctives(): string[] {
  return inLanguage("fr").flatMap((s) =>
    [...s.typed.matchAll(/\b(?:faut|faudrait|faudra)\s+(?:que\s+|qu['’]\s*)(?:je\s+|j['’]\s*)(\p{L}+)/giu)].map((m) =>
      m[1]!.toLowerCase(),
    ),
  );
}

function pastTense(lang: Foreign) {
  const spec = PAST_TENSE[lang];
  const reports = inLanguage(lang)
    .map((s) => spec.re.exec(s.read.replace(/[.!?…\s]+$/g, "")))
    .filter((m): m is RegExpExecArray => !!m?.groups)
    .map((m) => ({
      verb: (m.groups!.verb ?? m.groups!.verb2)!.toLowerCase(),
      object: (m.groups!.object ?? m.groups!.object2)!
        .toLowerCase()
        .split(/\s+/)
        .map((w) => w.replace(/^l'/, "")),
    }));
  return { spec, reports };
}

const checks: Check[] = [
  { table: "TEXT_SPEAK", entries: TEXT_SPEAK.map(rowLabel), exercised: (_, i) => applied.has(TEXT_SPEAK[i]) },
  ...(["es", "fr", "de"] as const).map((lang) => ({
    table: `CHAT_SPELLING.${lang}`,
    entries: CHAT_SPELLING[lang].map(rowLabel),
    exercised: (_: string, i: number) => applied.has(CHAT_SPELLING[lang][i]),
  })),
  ...LANGS.map((lang) => ({
    table: `FOREIGN.${lang}`,
    entries: FOREIGN[lang].map(rowLabel),
    exercised: (_: string, i: number) => applied.has(FOREIGN[lang][i]),
  })),
  {
    table: "DE_REORDER",
    entries: DE_REORDER.map((r) => JSON.stringify(r)),
    exercised: (_, i) => applied.has(DE_REORDER[i]),
  },
  { table: "DE_LEADS", entries: DE_LEADS, exercised: words(() => inLanguage("de"), "typed") },
  {
    table: "FR_SUBJUNCTIVE.irregular",
    entries: Object.keys(FR_SUBJUNCTIVE.irregular),
    exercised: (e: string) => subjunctives().includes(e),
  },
  {
    table: "FR_SUBJUNCTIVE.endings",
    entries: FR_SUBJUNCTIVE.endings.map((e) => JSON.stringify(e)),
    // The first ending that fits a verb no irregular form spells is the one applied.
    exercised: (_: string, i: number) =>
      subjunctives().some(
        (v) =>
          !FR_SUBJUNCTIVE.irregular[v] &&
          FR_SUBJUNCTIVE.endings.findIndex(([from]) => v.endsWith(from) && v.length > from.length) === i,
      ),
  },
  ...LANGS.map((lang) => ({
    table: `LANGUAGE_HINTS.${lang}`,
    entries: LANGUAGE_HINTS[lang],
    exercised: (e: string) => seen.some((s) => hintWords(s.typed).includes(e)),
  })),
  ...LANGS.flatMap((lang) => {
    const { spec, reports } = pastTense(lang);
    return [
      {
        table: `PAST_TENSE.${lang}.endings`,
        entries: spec.endings.map((e) => JSON.stringify(e)),
        exercised: (_: string, i: number) => reports.some((r) => r.verb.endsWith(spec.endings[i]![0])),
      },
      {
        table: `PAST_TENSE.${lang}.irregular`,
        entries: Object.keys(spec.irregular),
        exercised: (e: string) => reports.some((r) => r.verb === e),
      },
      {
        table: `PAST_TENSE.${lang}.stop`,
        entries: spec.stop,
        exercised: (e: string) => reports.some((r) => r.object.includes(e)),
      },
    ];
  }),
  ...LANGS.map((lang) => ({
    table: `ARTICLES.${lang}`,
    entries: alternatives(ARTICLES[lang]),
    exercised: (e: string) =>
      inLanguage(lang).some((s) => new RegExp(`(?<![\\p{L}'])${e}(?![\\p{L}])`, "iu").test(s.read)),
  })),
  ...LANGS.map((lang) => ({
    table: `DATE_CONNECTORS.${lang}`,
    entries: DATE_CONNECTORS[lang],
    exercised: words(() => inLanguage(lang)),
  })),
  { table: "INTERJECTIONS", entries: INTERJECTIONS, exercised: words(() => seen) },
  { table: "COMMAND_LEADS", entries: COMMAND_LEADS, exercised: words(() => seen) },
  ...OUT_OF_SCOPE.flatMap((row, i) => [
    { table: `OUT_OF_SCOPE[${i}].verbs`, entries: row.verbs, exercised: words(() => seen) },
    ...(row.objects === "any"
      ? []
      : [{ table: `OUT_OF_SCOPE[${i}].objects`, entries: row.objects, exercised: words(() => seen) }]),
  ]),
  { table: "CREATIVE_VERBS", entries: CREATIVE_VERBS, exercised: words(() => seen) },
  { table: "ENTERTAIN_PHRASES", entries: ENTERTAIN_PHRASES, exercised: words(() => seen) },
  { table: "LIST_VERBS", entries: LIST_VERBS, exercised: words(() => seen) },
  { table: "EITHER_VERBS", entries: EITHER_VERBS, exercised: words(() => seen) },
  { table: "ASSISTANT_ACTIONS", entries: ASSISTANT_ACTIONS, exercised: words(() => seen) },
  { table: "WORLD_TOPICS", entries: WORLD_TOPICS, exercised: words(() => seen) },
  { table: "SERVICES", entries: SERVICES, exercised: words(() => seen) },
  {
    table: "LIST_OBJECTS",
    entries: alternatives(LIST_OBJECTS),
    exercised: (e) => seen.some((s) => new RegExp(`\\b(?:${e})\\b`, "i").test(s.read)),
  },
  { table: "GREETING_TAILS", entries: GREETING_TAILS, exercised: words(() => seen) },
  { table: "CLOSINGS", entries: CLOSINGS, exercised: words(() => seen) },
  { table: "REMARK_LINKS", entries: REMARK_LINKS, exercised: words(() => seen) },
  { table: "REMARK_LEADS", entries: REMARK_LEADS, exercised: words(() => seen) },
  { table: "REMARK_DONE", entries: REMARK_DONE, exercised: words(() => seen) },
  { table: "NOT_DONE_PASTS", entries: NOT_DONE_PASTS, exercised: words(() => seen) },
  { table: "REMARK_NO_REPEAT", entries: REMARK_NO_REPEAT, exercised: words(() => seen) },
  { table: "SELF_CORRECTIONS", entries: SELF_CORRECTIONS, exercised: words(() => seen) },
  { table: "FIXED_PAIRS", entries: FIXED_PAIRS, exercised: words(() => seen) },
  // A clock phrase counts when a case says it with some hour: its words around a number, as typed.
  ...(["en", "es", "fr", "de"] as const).map((lang) => ({
    table: `CLOCK_WORDS.${lang}`,
    entries: CLOCK_WORDS[lang].map((r) => r[0]),
    exercised: (e: string) =>
      seen.some((s) =>
        new RegExp(
          `(?<![\\p{L}])${e.replace(/\s+/g, "\\s+").replace("H", "(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)").replace("\\s+h\\s+", "\\s*h\\s+")}(?![\\p{L}])`,
          "iu",
        ).test(s.typed),
      ),
  })),
];

describe("the phrasing tables of lexicon.ts", () => {
  it("are read from the case files", () => {
    if (process.env.LIST_MISSING)
      console.log(`${checks.reduce((n, c) => n + c.entries.length, 0)} entries in ${checks.length} tables`);
    expect(seen.length).toBeGreaterThan(500);
    expect(applied.size).toBeGreaterThan(100);
  });

  it("have every entry exercised by some case", () => {
    const missing = checks.flatMap((c) =>
      c.entries.flatMap((e, i) => (c.exercised(e, i) || ALLOWED[`${c.table}: ${e}`] ? [] : [`${c.table}: ${e}`])),
    );
    if (process.env.LIST_MISSING) console.log(missing.join("\n"));
    const backlog = new Set(BACKLOG);
    const unlisted = missing.filter((m) => !backlog.has(m));
    expect(unlisted, `${unlisted.length} table entries no case exercises:\n${unlisted.join("\n")}`).toEqual([]);
  });

  it("keep the backlog of unexercised entries shrinking", () => {
    const missing = new Set(
      checks.flatMap((c) => c.entries.flatMap((e, i) => (c.exercised(e, i) ? [] : [`${c.table}: ${e}`]))),
    );
    const stale = BACKLOG.filter((b) => !missing.has(b));
    expect(stale, `exercised now or gone: delete from tables-backlog.json:\n${stale.join("\n")}`).toEqual([]);
  });

  it("allow-list only entries that exist and are otherwise unexercised", () => {
    const labels = new Set(
      checks.flatMap((c) => c.entries.map((e, i) => (c.exercised(e, i) ? "" : `${c.table}: ${e}`))),
    );
    expect(Object.keys(ALLOWED).filter((k) => !labels.has(k))).toEqual([]);
  });
});
