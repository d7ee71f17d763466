// Runs a case file through the offline interpreter and judges it.
//   npm run eval:agent -- <cases.jsonl>          failing cases, then "N passed, M failed"
//   npm run eval:agent -- <cases.jsonl> --json   one {"id","calls","reply"} line per case
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { interpret, warmUp } from "../lib/agent/offline/interpret";
import { judge, type EvalCase } from "../lib/agent/offline/judge";

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

const cases: EvalCase[] = [];
text.split(/\r?\n/).forEach((line, i) => {
  if (!line.trim()) return;
  try {
    cases.push(JSON.parse(line) as EvalCase);
  } catch (e) {
    console.error(`${file}:${i + 1}: invalid JSON (${(e as Error).message})`);
    process.exit(2);
  }
});

// Start-up costs (chrono's pattern compilation, Intl zone data) are paid once per
// process, as the server does at boot; timed separately so the per-message figure is
// the steady state a user sees.
const w0 = performance.now();
warmUp();
const coldMs = performance.now() - w0;

let passed = 0;
let failed = 0;
let totalMs = 0;
for (const c of cases) {
  const t0 = performance.now();
  const out = interpret({ text: c.text, now: new Date(c.now), timeZone: c.timeZone, tasks: c.tasks ?? [], history: c.history });
  totalMs += performance.now() - t0;
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
  console.log(`  actual:   ${JSON.stringify(calls)}${out.reply ? `  reply: ${JSON.stringify(out.reply)}` : ""}`);
}

const mean = cases.length ? totalMs / cases.length : 0;
const timing = `mean ${mean.toFixed(3)} ms per case over ${cases.length} cases (one-off warm-up: ${coldMs.toFixed(1)} ms)`;
if (json) {
  console.error(timing);
} else {
  console.log(timing);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
