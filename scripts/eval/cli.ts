// Runs a case file through the offline assistant and judges it.
//   npm run eval:agent -- <cases.jsonl>          failing cases, then "N passed, M failed"
//   npm run eval:agent -- <cases.jsonl> --json   one {"id","calls","reply"} line per case
// One-turn cases go straight to the interpreter (no database). Multi-turn cases (`turns`) run
// through the real chat turn on a scratch database (scripts/eval/multiturn.ts); their JSON line
// is {"id","turns":[{"tasks","calls","reply"}]}. One file may mix both kinds.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { interpret, warmUp } from "../../lib/agent/offline/interpret";
import { judge, type EvalCase } from "../../lib/agent/offline/judge";
import type { MultiTurnCase, Runner } from "./multiturn";

function usage(): never {
  console.error("usage: npm run eval:agent -- <cases.jsonl> [--json]");
  process.exit(2);
}

const args = process.argv.slice(2);
const json = args.includes("--json");
const file = args.find((a) => !a.startsWith("--"));
if (!file) usage();

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (e) {
  console.error(`cannot read ${file}: ${(e as Error).message}`);
  process.exit(2);
}

type AnyCase = EvalCase | MultiTurnCase;
const cases: AnyCase[] = [];
text.split(/\r?\n/).forEach((line, i) => {
  if (!line.trim()) return;
  try {
    cases.push(JSON.parse(line) as AnyCase);
  } catch (e) {
    console.error(`${file}:${i + 1}: invalid JSON (${(e as Error).message})`);
    process.exit(2);
  }
});
const isMulti = (c: AnyCase): c is MultiTurnCase => Array.isArray((c as MultiTurnCase).turns);

// Start-up costs (chrono's pattern compilation, Intl zone data) are paid once per
// process, as the server does at boot; timed separately so the per-message figure is
// the steady state a user sees.
const w0 = performance.now();
warmUp();
const coldMs = performance.now() - w0;

// The scratch database is opened only when the file has a conversation.
let runner: Runner | null = null;
if (cases.some(isMulti)) {
  const { createRunner } = await import("./multiturn");
  runner = await createRunner();
}

const show = (calls: unknown, reply: string) =>
  `${JSON.stringify(calls)}${reply ? `  reply: ${JSON.stringify(reply)}` : ""}`;

let passed = 0;
let failed = 0;
let turnsPassed = 0;
let turnsTotal = 0;
let oneTurnMs = 0;
let oneTurnCases = 0;
for (const c of cases) {
  if (isMulti(c)) {
    let outcomes: Awaited<ReturnType<Runner["run"]>>;
    try {
      outcomes = await runner!.run(c);
    } catch (e) {
      failed++;
      turnsTotal += c.turns.length;
      if (json) console.log(JSON.stringify({ id: c.id, error: (e as Error).message, turns: [] }));
      else console.log(`FAIL ${c.id}: the conversation did not run (${(e as Error).stack ?? e})`);
      continue;
    }
    if (json) {
      console.log(
        JSON.stringify({ id: c.id, turns: outcomes.map((o) => ({ tasks: o.tasks, calls: o.calls, reply: o.reply })) }),
      );
      continue;
    }
    let ok = true;
    const lines: string[] = [];
    for (const [i, turn] of c.turns.entries()) {
      const o = outcomes[i]!;
      turnsTotal++;
      let v = judge({ expect: turn.expect, timeZone: c.timeZone, tasks: o.tasks }, o.calls, o.reply);
      // Our own cases may also say what the reply must contain (not part of the shared format).
      const missing = (turn.replyIncludes ?? []).filter((s) => !o.reply.includes(s));
      if (v.pass && missing.length) v = { pass: false, reason: `the reply lacks ${JSON.stringify(missing)}` };
      if (v.pass && !o.error) {
        turnsPassed++;
        continue;
      }
      ok = false;
      lines.push(`  turn ${i + 1}: ${JSON.stringify(turn.user)} (${o.error ?? v.reason})`);
      lines.push(`    expected: ${JSON.stringify(turn.expect)}`);
      lines.push(`    actual:   ${show(o.calls, o.reply)}`);
    }
    if (ok) passed++;
    else {
      failed++;
      console.log(`FAIL ${c.id}:`);
      for (const l of lines) console.log(l);
    }
    continue;
  }
  const t0 = performance.now();
  const out = interpret({
    text: c.text,
    now: new Date(c.now),
    timeZone: c.timeZone,
    tasks: c.tasks ?? [],
    history: c.history,
  });
  oneTurnMs += performance.now() - t0;
  oneTurnCases++;
  const calls = out.calls.map((x) => ({ tool: x.tool, input: x.input }));
  if (json) {
    console.log(JSON.stringify({ id: c.id, calls, reply: out.reply ?? "" }));
    continue;
  }
  const v = judge(c, calls, out.reply);
  if (v.pass) {
    passed++;
    continue;
  }
  failed++;
  console.log(`FAIL ${c.id}: ${JSON.stringify(c.text)} (${v.reason})`);
  console.log(`  expected: ${JSON.stringify(c.expect)}`);
  console.log(`  actual:   ${show(calls, out.reply ?? "")}`);
}
await runner?.close();

const mean = oneTurnCases ? oneTurnMs / oneTurnCases : 0;
const timing = `mean ${mean.toFixed(3)} ms per one-turn case over ${oneTurnCases} cases (one-off warm-up: ${coldMs.toFixed(1)} ms)`;
if (json) {
  console.error(timing);
} else {
  console.log(timing);
  if (turnsTotal)
    console.log(`turns: ${turnsPassed} of ${turnsTotal} passed (${((100 * turnsPassed) / turnsTotal).toFixed(1)}%)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
