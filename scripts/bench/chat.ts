// `npm run bench:chat`: a chat turn that adds a task, end to end over HTTP against `next start`
// (session cookie, rate limit, context, offline interpreter, tool, persistence, SSE stream). One
// script over 300 lines on purpose: a benchmark run is one file to read, from build to report.
//
//   npm run bench:chat                              # this checkout, PostgreSQL and PGlite
//   npm run bench:chat -- --baseline a434a7b        # and an earlier commit, built beside it
//   npm run bench:chat -- --node24 --web-concurrency 2 --rounds 5 --write
//
// Every variant (app × Node × database × processes) is measured in each of several rounds, in
// a rotating order, one variant under load at a time; the report gives each figure's median
// over the rounds, so a busy moment of the machine lands in one round of every variant rather
// than in all rounds of one. A round restarts each server: its time to the first 200 is the
// cold-start figure. Afterwards this checkout's databases are audited: every turn's message,
// reply, task and log row exactly once.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { hashPassword } from "@/lib/auth/password";
import { accountTurns, type AccountingReport, type SentTurn } from "@/lib/chat/accounting";
import { openDatabase } from "@/lib/db/client";
import { baselineApp, currentApp, machineNode, node24, type App, type NodeBinary } from "./apps";
import { calibration, machine, markdownTable, ms, percentile, ROOT, writeSection } from "./report";
import { migrate, postgresCpuMs, signIn, startServer, type BenchServer, type ServerOptions } from "./server";

const PG_SERVER = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "bench-password-1";
const TURNS_PER_CONVERSATION = 20;
const USERS = 20;
const TURNS_ALONE = Number(process.env.BENCH_TURNS_ALONE ?? 60);
const TURNS_EACH = Number(process.env.BENCH_TURNS_EACH ?? 15);

type Variant = {
  label: string;
  app: App;
  node: NodeBinary;
  database: "PostgreSQL" | "PGlite";
  processes: number;
  port: number;
  databaseUrl?: string;
  users?: BenchUser[];
  sent: SentTurn[];
  rounds: Round[];
};
type BenchUser = { id: string; email: string; cookie?: string; conversationId?: string; turns: number; n: number };
type TurnResult = { ok: boolean; ttfbMs: number; totalMs: number; error?: string };
type Phase = { results: TurnResult[]; wallMs: number; serverCpuMs: number; postgresCpuMs: number };
type Round = { startMs: number; alone: Phase; many: Phase };

/** One "add a task" turn over HTTP; records the sent turn for the audit. */
async function turn(baseUrl: string, user: BenchUser, sent: SentTurn[]): Promise<TurnResult> {
  if (user.turns % TURNS_PER_CONVERSATION === 0) user.conversationId = undefined;
  user.turns += 1;
  const text = `add check parcel u${user.n} t${user.turns}`;
  const message = { id: randomUUID(), role: "user", parts: [{ type: "text", text }] };
  const started = performance.now();
  let ttfb = NaN;
  try {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: user.cookie ?? "" },
      body: JSON.stringify({ id: user.conversationId, message, timeZone: "Europe/Berlin" }),
    });
    if (!response.body) throw new Error(`HTTP ${response.status} with no body`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let body = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(ttfb)) ttfb = performance.now() - started;
      body += decoder.decode(value, { stream: true });
    }
    const totalMs = performance.now() - started;
    if (response.status !== 200)
      return { ok: false, ttfbMs: ttfb, totalMs, error: `HTTP ${response.status}: ${body.slice(0, 200)}` };
    const conversationId = response.headers.get("x-conversation-id") ?? undefined;
    user.conversationId = conversationId;
    const chunks = body
      .split("\n")
      .filter((l) => l.startsWith("data: ") && l !== "data: [DONE]")
      .map((l) => JSON.parse(l.slice(6)) as { type: string; messageId?: string; output?: { kind?: string } });
    const added = chunks.some((c) => c.type === "tool-output-available" && c.output?.kind === "added");
    const replyId = chunks.find((c) => c.type === "start")?.messageId;
    if (!added || !replyId || !conversationId || chunks.some((c) => c.type === "error")) {
      return { ok: false, ttfbMs: ttfb, totalMs, error: `no task added: ${body.slice(0, 300)}` };
    }
    sent.push({
      userId: user.id,
      conversationId,
      messageId: message.id,
      text,
      title: `Check parcel u${user.n} t${user.turns}`,
      replyId,
    });
    return { ok: true, ttfbMs: ttfb, totalMs };
  } catch (error) {
    return { ok: false, ttfbMs: ttfb, totalMs: performance.now() - started, error: String(error) };
  }
}

/** `perUser` turns for each user, all users at once; each user's turns one after another. */
async function load(server: BenchServer, users: BenchUser[], perUser: number, sent: SentTurn[]): Promise<Phase> {
  const results: TurnResult[] = [];
  const cpu = { server: server.cpuMs(), postgres: postgresCpuMs() };
  const started = performance.now();
  await Promise.all(
    users.map(async (user) => {
      for (let i = 0; i < perUser; i++) results.push(await turn(server.url, user, sent));
    }),
  );
  return {
    results,
    wallMs: performance.now() - started,
    serverCpuMs: server.cpuMs() - cpu.server,
    postgresCpuMs: postgresCpuMs() - cpu.postgres,
  };
}

async function freshPostgres(name: string): Promise<string> {
  const admin = new Client({ connectionString: PG_SERVER });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

function options(v: Variant): ServerOptions {
  return { root: v.app.root, node: v.node.path, env: { WEB_CONCURRENCY: String(v.processes) } };
}

/**
 * A fresh database migrated by the variant's own app, its users (plain SQL, so a baseline's
 * older schema takes them too), a first start that builds if needed, and sign-ins.
 */
async function prepare(v: Variant, index: number): Promise<void> {
  const name = `doable_bench_chat_${index}`;
  if (v.database === "PostgreSQL") v.databaseUrl = await freshPostgres(name);
  else {
    const dir = path.join(ROOT, ".data", `bench-chat-${index}`);
    fs.rmSync(dir, { recursive: true, force: true });
    v.databaseUrl = `file:${dir}`;
  }
  migrate(v.databaseUrl, options(v));
  const passwordHash = await hashPassword(PASSWORD);
  const users: BenchUser[] = [];
  const handle = await openDatabase(v.databaseUrl);
  try {
    for (let n = 1; n <= USERS + 1; n++) {
      const email = `bench${n}@example.com`;
      const [row] = await handle.db.$queryRaw<{ id: string }[]>`
        INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), ${email}, ${`Bench User ${n}`}, ${passwordHash}, now()) RETURNING id::text`;
      users.push({ id: row!.id, email, n, turns: 0 });
    }
  } finally {
    await handle.close();
  }
  console.log(`${v.label}: starting once (builds ${path.relative(ROOT, v.app.root) || "."} when its sources changed)…`);
  const server = await startServer(v.databaseUrl, v.port, options(v));
  try {
    for (const user of users) user.cookie = await signIn(server.url, user.email, PASSWORD);
    await load(server, users.slice(0, 2), 10, v.sent); // warm the build's caches once
  } finally {
    await server.stop();
  }
  v.users = users;
}

async function round(v: Variant): Promise<Round> {
  const server = await startServer(v.databaseUrl!, v.port, options(v));
  try {
    const [alone, ...rest] = v.users!;
    await load(server, [alone!], 10, v.sent); // JIT, pools, plan caches
    const one = await load(server, [alone!], TURNS_ALONE, v.sent);
    await load(server, rest, 2, v.sent);
    const many = await load(server, rest, TURNS_EACH, v.sent);
    const errors = [...one.results, ...many.results].filter((r) => !r.ok);
    if (errors.length) console.log(`  ${errors.length} errors, first: ${errors[0]!.error}\n${server.log()}`);
    return { startMs: server.startMs, alone: one, many };
  } finally {
    await server.stop();
  }
}

const median = (xs: number[]) => percentile(xs, 50);
const rate = (p: Phase) => (p.results.length / p.wallMs) * 1000;
const p50 = (p: Phase) =>
  percentile(
    p.results.filter((r) => r.ok).map((r) => r.totalMs),
    50,
  );

type Figures = {
  p50: number;
  turnsPerSecond: number;
  serverCpu: number;
  postgresCpu: number;
  startMs: number;
  errors: number;
};

function figures(v: Variant): Figures {
  return {
    p50: median(v.rounds.map((r) => p50(r.alone))),
    turnsPerSecond: median(v.rounds.map((r) => rate(r.many))),
    serverCpu: median(v.rounds.map((r) => r.many.serverCpuMs / r.many.results.length)),
    postgresCpu: median(v.rounds.map((r) => r.many.postgresCpuMs / r.many.results.length)),
    startMs: median(v.rounds.map((r) => r.startMs)),
    errors: v.rounds.reduce((n, r) => n + [...r.alone.results, ...r.many.results].filter((x) => !x.ok).length, 0),
  };
}

export type ChatBenchOptions = {
  baseline?: string;
  rounds: number;
  node24: boolean;
  webConcurrency: number;
  pglite: boolean;
  write: boolean;
};

export async function runChatBench(opts: ChatBenchOptions): Promise<void> {
  const header = `${machine()} · ${await calibration(PG_SERVER)}`;
  const current = currentApp();
  const base = opts.baseline ? baselineApp(opts.baseline) : null;
  const n20 = machineNode();
  const n24 = opts.node24 ? node24() : null;
  const specs: Omit<Variant, "port" | "sent" | "rounds">[] = [];
  if (base)
    specs.push({
      label: `${base.name}, ${n20.name}, PostgreSQL`,
      app: base,
      node: n20,
      database: "PostgreSQL",
      processes: 1,
    });
  specs.push({
    label: `${current.name}, ${n20.name}, PostgreSQL`,
    app: current,
    node: n20,
    database: "PostgreSQL",
    processes: 1,
  });
  if (opts.webConcurrency > 1) {
    specs.push({
      label: `${current.name}, ${n20.name}, PostgreSQL, ${opts.webConcurrency} processes`,
      app: current,
      node: n20,
      database: "PostgreSQL",
      processes: opts.webConcurrency,
    });
  }
  if (n24)
    specs.push({
      label: `${current.name}, ${n24.name}, PostgreSQL`,
      app: current,
      node: n24,
      database: "PostgreSQL",
      processes: 1,
    });
  if (opts.pglite) {
    if (base)
      specs.push({
        label: `${base.name}, ${n20.name}, PGlite`,
        app: base,
        node: n20,
        database: "PGlite",
        processes: 1,
      });
    specs.push({
      label: `${current.name}, ${n20.name}, PGlite`,
      app: current,
      node: n20,
      database: "PGlite",
      processes: 1,
    });
  }
  const variants: Variant[] = specs.map((s, i) => ({ ...s, port: 3411 + i, sent: [], rounds: [] }));

  for (const [i, v] of variants.entries()) await prepare(v, i);
  for (let r = 0; r < opts.rounds; r++) {
    // Rotate the order, so no variant always runs first (or right after the heaviest).
    const order = variants.map((_, i) => variants[(i + r) % variants.length]!);
    for (const v of order) {
      const result = await round(v);
      v.rounds.push(result);
      console.log(
        `round ${r + 1}/${opts.rounds} · ${v.label}: start ${ms(result.startMs)}, 1 user p50 ${ms(p50(result.alone))}, ` +
          `${USERS} users ${rate(result.many).toFixed(1)} turns/s, CPU per turn: server ${(result.many.serverCpuMs / result.many.results.length).toFixed(1)} ms, ` +
          `PostgreSQL ${(result.many.postgresCpuMs / result.many.results.length).toFixed(1)} ms`,
      );
    }
  }

  const audits: { label: string; report: AccountingReport }[] = [];
  for (const v of variants.filter((x) => x.app === current)) {
    const handle = await openDatabase(v.databaseUrl!);
    try {
      audits.push({ label: v.label, report: await accountTurns(handle.db, v.sent) });
    } finally {
      await handle.close();
    }
  }

  const reference = variants[0]!;
  const ref = figures(reference);
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "–");
  const rows = variants.map((v) => {
    const f = figures(v);
    return [
      v.label,
      ms(f.p50),
      f.turnsPerSecond.toFixed(1),
      f.serverCpu.toFixed(1),
      v.database === "PostgreSQL" ? f.postgresCpu.toFixed(1) : "–",
      ms(f.startMs),
      f.errors,
      base && v !== reference
        ? `${ratio(f.p50, ref.p50)} / ${ratio(f.turnsPerSecond, ref.turnsPerSecond)} / ${ratio(f.serverCpu, ref.serverCpu)}`
        : "",
    ];
  });
  const table = markdownTable(
    [
      "Variant",
      "1 user p50",
      `${USERS} users turns/s`,
      "Server CPU ms/turn",
      "PostgreSQL CPU ms/turn",
      "Start to first 200",
      "Errors",
      base ? `vs ${reference.label.split(",")[0]}: p50 / turns/s / CPU` : "",
    ],
    rows,
  );
  const auditText = audits
    .map(
      ({ label, report: a }) =>
        `${label}: ${a.turns} turns, ${a.userMessages} user messages, ${a.assistantMessages} replies, ${a.tasks} tasks, ${a.logRows} log rows — ${a.problems.length ? `**${a.problems.length} problems**: ${a.problems.slice(0, 3).join("; ")}` : "each exactly once"}`,
    )
    .join("; ");
  const text = `Run: ${header}

Each variant was measured in ${opts.rounds} rounds, in rotating order, one variant under load at a time; figures are medians over the rounds. A round starts the server with \`npm start\`'s script (built, migrated: *start to first 200*), sends ${TURNS_ALONE} turns from 1 user (*p50*), then ${TURNS_EACH} turns from each of ${USERS} users at once (*turns/s*, and the CPU the server's process tree and all PostgreSQL processes used per turn, read from /proc). A turn is "add check parcel uN tK" to \`POST /api/chat\` over loopback with a session cookie, answered by the offline interpreter, its stream read to the end. The client runs on the same cores.

${table}

Audit (\`lib/chat/accounting.ts\`): ${auditText}.`;
  console.log(`\n${text}`);
  if (opts.write) writeSection("chat", text);
}

export function chatOptionsFromArgs(args: string[]): ChatBenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      baseline: { type: "string" },
      rounds: { type: "string", default: "5" },
      node24: { type: "boolean", default: false },
      "web-concurrency": { type: "string", default: "1" },
      "no-pglite": { type: "boolean", default: false },
      write: { type: "boolean", default: false },
    },
  });
  return {
    baseline: values.baseline,
    rounds: Number(values.rounds),
    node24: values.node24,
    webConcurrency: Number(values["web-concurrency"]),
    pglite: !values["no-pglite"],
    write: values.write,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runChatBench(chatOptionsFromArgs(process.argv.slice(2)));
