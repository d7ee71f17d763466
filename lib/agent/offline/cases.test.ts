// The shared dev cases and our own extra cases, run through the interpreter and judge.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { interpret } from "./interpret";
import { judge, type EvalCase } from "./judge";

const here = path.dirname(fileURLToPath(import.meta.url));
// Copies of shared/agent-eval/dev*.jsonl, so a clone tests on its own. The time per message
// is a benchmark figure (npm run eval:agent prints it), not an assertion.
const devPath = path.resolve(here, "cases/dev.jsonl");
const extraPath = path.resolve(here, "cases/extra.jsonl");

function load(file: string): EvalCase[] {
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase);
}

function run(cases: EvalCase[]) {
  return cases.map((c) => {
    const out = interpret({
      text: c.text,
      now: new Date(c.now),
      timeZone: c.timeZone,
      tasks: c.tasks,
      history: c.history,
    });
    return { c, out, verdict: judge(c, out.calls, out.reply) };
  });
}

function failures(results: ReturnType<typeof run>): string[] {
  return results
    .filter((r) => !r.verdict.pass)
    .map(
      (r) =>
        `${r.c.id}: ${JSON.stringify(r.c.text)} expected ${JSON.stringify(r.c.expect)} got ${JSON.stringify(r.out.calls)} ${r.out.reply ?? ""}`,
    );
}

describe("shared dev cases", () => {
  it("the dev case file is present", () => {
    expect(existsSync(devPath), `missing ${devPath}`).toBe(true);
  });

  it("passes at least 51 of the dev cases", () => {
    const cases = load(devPath);
    expect(cases.length).toBeGreaterThanOrEqual(52);
    const results = run(cases);
    const failed = failures(results);
    expect(results.length - failed.length, failed.join("\n")).toBeGreaterThanOrEqual(51);
  });
});

describe("extra cases", () => {
  it("has 40+ varied cases and passes them all", () => {
    const cases = load(extraPath);
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.timeZone)).size).toBeGreaterThanOrEqual(3);
    const failed = failures(run(cases));
    expect(failed, failed.join("\n")).toEqual([]);
  });
});

// One-turn case files beside dev.jsonl: each must pass whole, and keep at least this many cases.
describe.each([
  { file: "dev-v2.jsonl", min: 40, holds: "the copy of the shared contract v2 dev set" },
  { file: "v2-extra.jsonl", min: 20, holds: "repeat, remindAt, completion filters, text-speak, es/fr" },
  { file: "v2-changes.jsonl", min: 40, holds: "reminders and repeats on a task, update phrasings, es/fr/de" },
  {
    file: "v2-lists.jsonl",
    min: 60,
    holds: "periods, completion times, yes/no and when questions, small talk, es/fr/de",
  },
  {
    file: "v2-remarks.jsonl",
    min: 100,
    holds: "remarks about a named task, clock times in words, dates taken back mid-message",
  },
  {
    file: "v2-asides.jsonl",
    min: 50,
    holds: "requests with a remark or a story around them, favours, list labels, fortnights, es/fr/de everyday verbs",
  },
  {
    file: "v2-intl-typing.jsonl",
    min: 30,
    holds: "es/fr/de as typed: no accents, a space for a hyphen, ae for ä, voseo, usted/vous/Sie, everyday words",
  },
  {
    file: "v2-chat-typing.jsonl",
    min: 50,
    holds: "chat spellings (q, jai, dem1, was is), moods and praise, reports without 'I', someone else's move",
  },
])("cases/$file ($holds)", ({ file, min }) => {
  it("passes every case", () => {
    const cases = load(path.resolve(here, "cases", file));
    expect(cases.length).toBeGreaterThanOrEqual(min);
    const failed = failures(run(cases));
    expect(failed, failed.join("\n")).toEqual([]);
  });
});
