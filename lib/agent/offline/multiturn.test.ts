// Our own conversations (cases/multiturn-extra.jsonl, cases/v2-conversation.jsonl) through the
// multi-turn eval runner: the real chat turn (route code, stored history, tools, task service,
// approvals) on a scratch in-memory database. Every turn must pass the shared judge, and no reply
// may show an id.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunner, type MultiTurnCase, type Runner } from "@/scripts/eval/multiturn";
import { judge } from "./judge";

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (file: string): MultiTurnCase[] =>
  readFileSync(path.resolve(here, "cases", file), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as MultiTurnCase);

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

describe.each([
  { file: "multiturn-extra.jsonl", min: 5, holds: "references across turns, corrections, ellipsis, approvals" },
  {
    file: "v2-conversation.jsonl",
    min: 15,
    holds: "reopening, plural references, answers in es/fr/de, reply wording, two thoughts in one message",
  },
])("multi-turn conversations in our own wording: cases/$file ($holds)", ({ file, min }) => {
  const cases = load(file);
  let runner: Runner;
  beforeAll(async () => {
    runner = await createRunner();
  });
  afterAll(async () => {
    await runner?.close();
  });

  it("has conversations with several turns each", () => {
    expect(cases.length).toBeGreaterThanOrEqual(min);
    expect(cases.every((c) => c.turns.length >= 2)).toBe(true);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s: every turn passes", async (_id, c) => {
    const outcomes = await runner.run(c);
    const failures: string[] = [];
    c.turns.forEach((turn, i) => {
      const o = outcomes[i]!;
      const v = judge({ expect: turn.expect, timeZone: c.timeZone, tasks: o.tasks }, o.calls, o.reply);
      if (!v.pass || o.error) {
        failures.push(
          `turn ${i + 1} ${JSON.stringify(turn.user)}: ${o.error ?? v.reason}\n  expected ${JSON.stringify(turn.expect)}\n  actual   ${JSON.stringify(o.calls)} ${JSON.stringify(o.reply)}`,
        );
      }
      if (UUID.test(o.reply)) failures.push(`turn ${i + 1}: the reply shows an id: ${o.reply}`);
      if (turn.replyIncludes) {
        for (const s of turn.replyIncludes)
          if (!o.reply.includes(s))
            failures.push(`turn ${i + 1}: the reply ${JSON.stringify(o.reply)} lacks ${JSON.stringify(s)}`);
      }
    });
    expect(failures, failures.join("\n")).toEqual([]);
  });
});
