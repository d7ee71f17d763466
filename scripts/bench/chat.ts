// `npm run bench:chat`: a chat turn that adds a task, end to end over HTTP against `next start`
// (session cookie, rate limit, context, offline interpreter, tool, persistence, SSE stream),
// on local PostgreSQL and on PGlite. Loopback only; every run is a bounded number of turns.
//
// Each simulated user sends one turn after another (a person waits for the reply) and starts
// a new conversation every 20 turns. Reported: latency to the end of the stream, the time to
// the first streamed byte (all the server does before the agent runs: auth, rate limit, the
// conversation, saving the message, loading context), and turns per second over the run.
// Afterwards the database is audited: every turn's message, reply, task and log row exactly once.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { registerUser } from "@/lib/auth/users";
import { accountTurns, type SentTurn } from "@/lib/chat/accounting";
import { openDatabase } from "@/lib/db/client";
import { calibration, machine, markdownTable, ms, percentile, ROOT, writeSection } from "./report";
import { migrate, postgresCpuMs, signIn, startServer, type BenchServer } from "./server";

const PG_SERVER = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "bench-password-1";
const TURNS_PER_CONVERSATION = 20;
const TURNS_ALONE = Number(process.env.BENCH_TURNS_ALONE ?? 200);
const TURNS_EACH_OF_20 = Number(process.env.BENCH_TURNS_EACH ?? 50);

type BenchUser = { id: string; email: string; name: string; cookie?: string; conversationId?: string; turns: number; n: number };
type TurnResult = { ok: boolean; ttfbMs: number; totalMs: number; error?: string };
type Phase = { database: string; label: string; concurrency: number; results: TurnResult[]; wallMs: number; serverCpuMs: number; postgresCpuMs: number; clientCpuMs: number };

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
      headers: { "content-type": "application/json", cookie: user.cookie! },
      body: JSON.stringify({ id: user.conversationId, message, timeZone: "Europe/Berlin" }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let body = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(ttfb)) ttfb = performance.now() - started;
      body += decoder.decode(value, { stream: true });
    }
    const totalMs = performance.now() - started;
    if (response.status !== 200) return { ok: false, ttfbMs: ttfb, totalMs, error: `HTTP ${response.status}: ${body.slice(0, 200)}` };
    user.conversationId = response.headers.get("x-conversation-id") ?? undefined;
    const chunks = body
      .split("\n")
      .filter((l) => l.startsWith("data: ") && l !== "data: [DONE]")
      .map((l) => JSON.parse(l.slice(6)) as { type: string; messageId?: string; output?: { kind?: string } });
    const added = chunks.some((c) => c.type === "tool-output-available" && c.output?.kind === "added");
    const replyId = chunks.find((c) => c.type === "start")?.messageId;
    if (!added || !replyId || chunks.some((c) => c.type === "error")) return { ok: false, ttfbMs: ttfb, totalMs, error: `no task added: ${body.slice(0, 300)}` };
    sent.push({ userId: user.id, conversationId: user.conversationId!, messageId: message.id, text, title: `Check parcel u${user.n} t${user.turns}`, replyId });
    return { ok: true, ttfbMs: ttfb, totalMs };
  } catch (error) {
    return { ok: false, ttfbMs: ttfb, totalMs: performance.now() - started, error: String(error) };
  }
}

/** `perUser` turns for each user, all users at once; each user's turns one after another. */
async function load(baseUrl: string, users: BenchUser[], perUser: number, sent: SentTurn[], server?: BenchServer) {
  const results: TurnResult[] = [];
  const cpu = { server: server?.cpuMs() ?? 0, postgres: postgresCpuMs(), client: process.cpuUsage() };
  const started = performance.now();
  await Promise.all(
    users.map(async (user) => {
      for (let i = 0; i < perUser; i++) results.push(await turn(baseUrl, user, sent));
    }),
  );
  const client = process.cpuUsage(cpu.client);
  return {
    results,
    wallMs: performance.now() - started,
    serverCpuMs: (server?.cpuMs() ?? 0) - cpu.server,
    postgresCpuMs: postgresCpuMs() - cpu.postgres,
    clientCpuMs: (client.user + client.system) / 1000,
  };
}

async function benchDatabase(label: string, databaseUrl: string, port: number): Promise<{ phases: Phase[]; audit: Awaited<ReturnType<typeof accountTurns>> }> {
  console.log(`\n== ${label} ==`);
  migrate(databaseUrl);
  // Accounts are made directly (argon2 and all, as registration does) before the server
  // opens the database: PGlite allows one process per directory.
  const users: BenchUser[] = [];
  {
    const handle = await openDatabase(databaseUrl);
    try {
      for (let n = 1; n <= 71; n++) {
        const u = await registerUser(handle.db, { email: `bench${n}@example.com`, name: `Bench User ${n}`, password: PASSWORD });
        users.push({ ...u, n, turns: 0 });
      }
    } finally {
      await handle.close();
    }
  }
  const server = await startServer(databaseUrl, port);
  const sent: SentTurn[] = [];
  const phases: Phase[] = [];
  try {
    for (const user of users) user.cookie = await signIn(server.url, user.email, PASSWORD);
    const [alone, ...rest] = users;
    const twenty = rest.slice(0, 20);
    const fifty = rest.slice(20, 70);

    await load(server.url, [alone!], 20, sent); // warm-up: JIT, pools, plan caches
    const one = await load(server.url, [alone!], TURNS_ALONE, sent, server);
    phases.push({ database: label, label: "1 user", concurrency: 1, ...one });
    report(phases.at(-1)!);

    await load(server.url, twenty, 3, sent);
    const many = await load(server.url, twenty, TURNS_EACH_OF_20, sent, server);
    phases.push({ database: label, label: "20 users", concurrency: 20, ...many });
    report(phases.at(-1)!);

    const accounting = await load(server.url, fifty, 20, sent, server);
    phases.push({ database: label, label: "50 users × 20 turns", concurrency: 50, ...accounting });
    report(phases.at(-1)!);
    if (phases.some((p) => p.results.some((r) => !r.ok))) console.log(`server output:\n${server.log()}`);
  } finally {
    await server.stop();
  }
  const handle = await openDatabase(databaseUrl);
  try {
    const audit = await accountTurns(handle.db, sent);
    console.log(`audit: ${audit.turns} turns, ${audit.problems.length ? audit.problems.join("; ") : "every message, reply, task and log row present exactly once"}`);
    return { phases, audit };
  } finally {
    await handle.close();
  }
}

function report(p: Phase) {
  const ok = p.results.filter((r) => r.ok);
  const errors = p.results.length - ok.length;
  console.log(
    `${p.database}, ${p.label}: ${p.results.length} turns, p50 ${ms(percentile(ok.map((r) => r.totalMs), 50))}, p95 ${ms(percentile(ok.map((r) => r.totalMs), 95))}, ` +
      `first byte p50 ${ms(percentile(ok.map((r) => r.ttfbMs), 50))}, ${((p.results.length / p.wallMs) * 1000).toFixed(1)} turns/s, ${errors} errors, CPU per turn: server ${(p.serverCpuMs / p.results.length).toFixed(1)} ms, PostgreSQL ${(p.postgresCpuMs / p.results.length).toFixed(1)} ms, client ${(p.clientCpuMs / p.results.length).toFixed(1)} ms`,
  );
  if (errors) console.log(`  first error: ${p.results.find((r) => !r.ok)?.error}`);
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

async function freshPglite(): Promise<string> {
  const dir = path.join(ROOT, ".data/bench-chat-pglite");
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

export async function runChatBench() {
  const header = `${machine()} · ${await calibration(PG_SERVER)}`;
  // BENCH_CHAT_ONLY=pglite (or postgres) runs one database to look into it; docs are left alone.
  const only = process.env.BENCH_CHAT_ONLY;
  if (only === "pglite" || only === "postgres") {
    if (only === "postgres") await benchDatabase("PostgreSQL 15", await freshPostgres("doable_bench_chat"), 3411);
    else await benchDatabase("PGlite", `file:${await freshPglite()}`, 3412);
    return;
  }
  const runs = [await benchDatabase("PostgreSQL 15", await freshPostgres("doable_bench_chat"), 3411), await benchDatabase("PGlite", `file:${await freshPglite()}`, 3412)];
  const phases = runs.flatMap((r) => r.phases);
  const rows = phases.map((p) => {
    const ok = p.results.filter((r) => r.ok);
    return [
      p.database,
      p.label,
      p.results.length,
      ms(percentile(ok.map((r) => r.totalMs), 50)),
      ms(percentile(ok.map((r) => r.totalMs), 95)),
      ms(percentile(ok.map((r) => r.ttfbMs), 50)),
      ms(percentile(ok.map((r) => r.ttfbMs), 95)),
      ((p.results.length / p.wallMs) * 1000).toFixed(1),
      p.results.length - ok.length,
      `${(p.serverCpuMs / p.results.length).toFixed(1)} / ${p.database.startsWith("PostgreSQL") ? (p.postgresCpuMs / p.results.length).toFixed(1) : "–"}`,
    ];
  });
  const pgOne = phases.find((p) => p.database.startsWith("PostgreSQL") && p.concurrency === 1)!;
  const pgTwenty = phases.find((p) => p.database.startsWith("PostgreSQL") && p.concurrency === 20)!;
  const p50 = percentile(pgOne.results.map((r) => r.totalMs), 50);
  const rate = (pgTwenty.results.length / pgTwenty.wallMs) * 1000;
  const errors = phases.reduce((n, p) => n + p.results.filter((r) => !r.ok).length, 0);
  const cpuPerTurn = (pgTwenty.serverCpuMs + pgTwenty.postgresCpuMs + pgTwenty.clientCpuMs) / pgTwenty.results.length;
  const quietRate = (2 * 1000) / cpuPerTurn;
  writeSection(
    "chat",
    `Run: ${header}

Turns are "add check parcel uN tK" sent to \`POST /api/chat\` of \`next start\` (production build in \`.next-bench\`) over loopback with a real session cookie, the offline interpreter, and the stream read to its end. *First byte* is the time until the first streamed byte: authentication, rate limit, finding or creating the conversation, saving the user's message and loading context; the rest of a turn is the agent, the tool (task, log row), saving the reply and streaming it. The client runs on the same 2 cores as the server and the database. *CPU ms per turn* is the CPU time the \`next start\` process tree (and all PostgreSQL processes, including other databases' work during the run) used per turn, read from /proc: unlike latency it hardly depends on how busy the machine is, so 2 × 1000 / (server + PostgreSQL + client CPU ms) estimates the turns/s 2 quiet cores could do.

${markdownTable(["Database", "Load", "Turns", "p50", "p95", "First byte p50", "First byte p95", "Turns/s", "Errors", "CPU ms per turn: server / PostgreSQL"], rows)}

Targets on PostgreSQL: p50 under 30 ms at 1 user — **${p50 < 30 ? "met" : "missed"}** (${ms(p50)}); at least 100 turns/s — **${rate >= 100 ? "met" : "missed"}** (${rate.toFixed(1)} turns/s at 20 users measured; about ${quietRate.toFixed(0)} turns/s estimated for 2 quiet cores from the ${cpuPerTurn.toFixed(1)} ms of CPU a turn costs server, PostgreSQL and client together); zero errors — **${errors === 0 ? "met" : "missed"}** (${errors}).

Audit after each database's run (\`lib/chat/accounting.ts\`): ${runs
      .map((r, i) => `${["PostgreSQL", "PGlite"][i]}: ${r.audit.turns} turns, ${r.audit.userMessages} user messages, ${r.audit.assistantMessages} replies, ${r.audit.tasks} tasks, ${r.audit.logRows} log rows — ${r.audit.problems.length ? `**${r.audit.problems.length} problems**: ${r.audit.problems.slice(0, 3).join("; ")}` : "each exactly once"}`)
      .join("; ")}.`,
  );
  // The scratch databases are left for inspection until the next run replaces them.
}

if (import.meta.url === `file://${process.argv[1]}`) await runChatBench();
