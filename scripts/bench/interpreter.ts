// `npm run bench:interpreter`: the offline interpreter alone (no database, no HTTP), per user
// message: every user message of every case file in lib/agent/offline/cases/ (a conversation's
// messages with its starting tasks), each interpreted many times after a warm-up, and the same
// messages for a user with 300 tasks. Reports percentiles over all samples; the target is p95
// under 5 ms per message. `--write` puts the figures in docs/benchmarks.md.
import fs from "node:fs";
import path from "node:path";
import { interpret, warmUp } from "@/lib/agent/offline/interpret";
import type { TaskSnapshot } from "@/lib/agent/offline/types";
import { machine, markdownTable, ms, percentile, ROOT, writeSection } from "./report";

const CASES = path.join(ROOT, "lib/agent/offline/cases");
const REPEATS = Number(process.env.BENCH_REPEATS ?? 20);

type Message = { text: string; now: Date; timeZone: string; tasks: TaskSnapshot[] };
type Line = { text?: string; now: string; timeZone: string; tasks?: TaskSnapshot[]; turns?: { user: string }[] };

function messages(): Message[] {
  const out: Message[] = [];
  for (const file of fs
    .readdirSync(CASES)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    for (const raw of fs.readFileSync(path.join(CASES, file), "utf8").split("\n")) {
      if (!raw.trim()) continue;
      const c = JSON.parse(raw) as Line;
      const base = { now: new Date(c.now), timeZone: c.timeZone, tasks: c.tasks ?? [] };
      if (c.text !== undefined) out.push({ ...base, text: c.text });
      for (const t of c.turns ?? []) out.push({ ...base, text: t.user });
    }
  }
  return out;
}

/** A long list of plausible tasks, so matching cost with a full list shows. */
function manyTasks(n: number): TaskSnapshot[] {
  const words = [
    "report",
    "dentist",
    "groceries",
    "invoice",
    "passport",
    "plants",
    "car",
    "mom",
    "rent",
    "gym",
    "slides",
    "taxes",
    "parcel",
    "tickets",
  ];
  const verbs = ["call", "book", "pay", "renew", "water", "wash", "send", "buy", "finish", "check"];
  return Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    title: `${verbs[i % verbs.length]} ${words[(i * 7) % words.length]} ${i}`,
    status: i % 5 === 0 ? "completed" : "pending",
    priority: "medium",
    dueDate: i % 3 === 0 ? `2026-03-${String((i % 27) + 1).padStart(2, "0")}` : null,
    tags: i % 4 === 0 ? ["work"] : [],
  }));
}

function measure(list: Message[], tasks?: TaskSnapshot[]): number[] {
  const samples: number[] = [];
  for (const m of list) interpret({ ...m, tasks: tasks ?? m.tasks, history: [] }); // warm-up pass
  for (let r = 0; r < REPEATS; r++) {
    for (const m of list) {
      const t0 = performance.now();
      interpret({ ...m, tasks: tasks ?? m.tasks, history: [] });
      samples.push(performance.now() - t0);
    }
  }
  return samples;
}

export function runInterpreterBench(write: boolean): void {
  const w0 = performance.now();
  warmUp();
  const coldMs = performance.now() - w0;
  const list = messages();
  const rows = [
    ["the cases' own tasks", measure(list)],
    ["300 tasks", measure(list, manyTasks(300))],
  ] as const;
  const table = markdownTable(
    ["Tasks", "Messages", "Samples", "p50", "p95", "p99", "max", "Target p95 < 5 ms"],
    rows.map(([label, s]) => [
      label,
      list.length,
      s.length,
      ms(percentile([...s], 50)),
      ms(percentile([...s], 95)),
      ms(percentile([...s], 99)),
      // Not Math.max(...s): with every case file's messages the samples outgrow the call stack.
      ms(s.reduce((a, b) => Math.max(a, b), 0)),
      percentile([...s], 95) < 5 ? "met" : "**missed**",
    ]),
  );
  const text = `Run: ${machine()}

Every user message of the case files in \`lib/agent/offline/cases/\` (${list.length} messages; a conversation's messages without their history), interpreted ${REPEATS} times each after one warm-up pass, in one process. Start-up (chrono's patterns, Intl data, compromise's lexicon), paid once when the server loads the interpreter: ${ms(coldMs)}.

${table}`;
  console.log(text);
  if (write) writeSection("interpreter", text);
}

if (import.meta.url === `file://${process.argv[1]}`) runInterpreterBench(process.argv.includes("--write"));
