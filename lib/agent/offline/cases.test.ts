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
    const out = interpret({ text: c.text, now: new Date(c.now), timeZone: c.timeZone, tasks: c.tasks, history: c.history });
    return { c, out, verdict: judge(c, out.calls, out.reply) };
  });
}

function failures(results: ReturnType<typeof run>): string[] {
  return results
    .filter((r) => !r.verdict.pass)
    .map((r) => `${r.c.id}: ${JSON.stringify(r.c.text)} expected ${JSON.stringify(r.c.expect)} got ${JSON.stringify(r.out.calls)} ${r.out.reply ?? ""}`);
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

describe("shared dev cases of contract v2", () => {
  it("passes every case of the copy of dev-v2.jsonl", () => {
    const cases = load(path.resolve(here, "cases/dev-v2.jsonl"));
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const failed = failures(run(cases));
    expect(failed, failed.join("\n")).toEqual([]);
  });
});

describe("contract v2 cases in our own wording", () => {
  it("passes every case of cases/v2-extra.jsonl (repeat, remindAt, completion filters, text-speak, es/fr)", () => {
    const cases = load(path.resolve(here, "cases/v2-extra.jsonl"));
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const failed = failures(run(cases));
    expect(failed, failed.join("\n")).toEqual([]);
  });
});

describe("changes to existing tasks in our own wording", () => {
  it("passes every case of cases/v2-changes.jsonl (reminders and repeats on a task, update phrasings, es/fr/de)", () => {
    const cases = load(path.resolve(here, "cases/v2-changes.jsonl"));
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const failed = failures(run(cases));
    expect(failed, failed.join("\n")).toEqual([]);
  });
});

describe("list queries, questions and small talk in our own wording", () => {
  it("passes every case of cases/v2-lists.jsonl (periods, completion times, yes/no and when questions, small talk, es/fr/de)", () => {
    const cases = load(path.resolve(here, "cases/v2-lists.jsonl"));
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const failed = failures(run(cases));
    expect(failed, failed.join("\n")).toEqual([]);
  });
});
