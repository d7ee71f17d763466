// "Teach the skill, never the sentence": the interpreter is measured on case files nobody here
// has seen, so no sentence of the dev sets (copied into cases/dev*.jsonl so a clone tests on its
// own) may appear in its code, comments, tests or our own cases — there it would fit the sample
// instead of the language.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const here = import.meta.dirname;
const root = path.resolve(here, "../../..");

type Case = { text?: string; turns?: { user: string }[] };

function devSentences(): string[] {
  const files = readdirSync(path.join(here, "cases")).filter((f) => /^dev.*\.jsonl$/.test(f));
  const lines = files.flatMap((f) =>
    readFileSync(path.join(here, "cases", f), "utf8")
      .split("\n")
      .filter((l) => l.trim()),
  );
  const cases = lines.map((l) => JSON.parse(l) as Case);
  return [
    ...new Set(
      cases
        .flatMap((c) => [c.text ?? "", ...(c.turns ?? []).map((t) => t.user)])
        .map(normal)
        .filter((s) => s.length > 10),
    ),
  ];
}

/** Lower case, one kind of quote, single spaces, no escapes: how a sentence may be written in code. */
function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/\\(.)/g, "$1")
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    if (/^dev.*\.jsonl$/.test(name)) return [];
    return /\.(ts|jsonl|md)$/.test(name) ? [full] : [];
  });
}

describe("the offline interpreter's sources", () => {
  it("hold no sentence of the dev case sets", () => {
    const sentences = devSentences();
    expect(sentences.length).toBeGreaterThan(200);
    const files = [
      ...sources(here),
      path.join(root, "scripts/eval-agent.ts"),
      ...sources(path.join(root, "scripts/eval")),
    ];
    const hits = files.flatMap((file) => {
      const text = normal(readFileSync(file, "utf8").replace(/\s*\n\s*(\/\/|\*)?\s*/g, " "));
      return sentences.filter((s) => text.includes(s)).map((s) => `${path.relative(root, file)}: "${s}"`);
    });
    expect(hits).toEqual([]);
  });
});
