// `npm run bench:scale`: the queries behind the pages at production scale, on the PostgreSQL
// database `npm run seed:scale` fills (seeded first if it is missing), written into
// docs/benchmarks.md. Each query is the shipped function (listConversations, messagePage,
// listLogPage, logFigures, loadContext) called for many random users/conversations; its SQL is
// captured from Prisma's query log and run again under EXPLAIN (ANALYZE, BUFFERS) into
// docs/bench/explain-*.txt. The admin figures read per-day rollups, which a running server keeps
// up to date in the background: the bench brings them up to date the same way first
// (catchUpRollups) and reports how long that took.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { logFigures, TEXT_LIMIT } from "@/lib/admin/figures";
import { catchUpRollups } from "@/lib/admin/rollup";
import { schemaFingerprint } from "../seed-scale";
import type { LogFilters } from "@/lib/admin/filters";
import { listLogPage } from "@/lib/admin/list";
import { messagePage } from "@/lib/chat/history";
import { loadContext } from "@/lib/chat/store";
import { listConversations } from "@/lib/conversations/list";
import { calibration, machine, markdownTable, ms, percentile, ROOT, timeEach, writeSection } from "./report";

const DATABASE = process.env.SCALE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/doable_scale";
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const FIGURE_SAMPLES = Number(process.env.BENCH_FIGURE_SAMPLES ?? 100);
const FIGURES_TIMEOUT_MS = Number(process.env.BENCH_FIGURES_TIMEOUT_MS ?? 15_000);
const EXPLAIN_DIR = path.join(ROOT, "docs/bench");

type Captured = { query: string; params: unknown[] };
type Result = { name: string; samples: number[]; target: number; note?: string };

const pick = <T>(items: T[], i: number) => items[(i * 7919) % items.length]!; // spread, repeatable

async function ensureSeeded() {
  const client = new Client({ connectionString: DATABASE });
  try {
    await client.connect();
    // Seeded for the current schema (a later migration means seeding again), and complete.
    const { rows: comment } = await client.query(
      "SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = current_database()",
    );
    const { rows } = await client.query("SELECT count(*)::int AS n FROM task_operation_logs");
    if (comment[0]?.note === schemaFingerprint() && rows[0].n >= 2_000_000) return;
  } catch {
    // missing database or tables: seed below
  } finally {
    await client.end().catch(() => {});
  }
  console.log("The scale database is missing or incomplete; seeding it (a few minutes)…");
  const seeded = spawnSync(
    process.execPath,
    // As `npm run seed:scale` runs it: server modules (import "server-only") load only under this condition.
    ["--conditions=react-server", "--import", "tsx", "scripts/seed-scale.ts", "--database", DATABASE, "--force"],
    { stdio: "inherit", cwd: ROOT },
  );
  if (seeded.status !== 0) throw new Error("seeding failed");
}

export async function runScaleBench(): Promise<Result[]> {
  await ensureSeeded();
  const header = `${machine()} · ${await calibration(DATABASE)}`;
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: DATABASE, max: 4 }),
    log: [{ emit: "event", level: "query" }],
  });
  const figuresDb = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: DATABASE,
      max: 1,
      options: `-c statement_timeout=${FIGURES_TIMEOUT_MS}`,
    }),
    log: [{ emit: "event", level: "query" }],
  });
  let capture: Captured[] | null = null;
  for (const client of [db, figuresDb])
    client.$on("query", (e) => capture?.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  const pg = new Client({ connectionString: DATABASE });
  await pg.connect();
  try {
    // Random samples, activity-weighted where people are: a user is the owner of a random
    // conversation (heavy users come up more often, as their requests do), a conversation
    // is a random one with messages.
    const { rows: convs } = await pg.query<{ id: string; user_id: string }>(
      `SELECT id, user_id FROM conversations WHERE message_count > 0 ORDER BY random() LIMIT ${SAMPLES}`,
    );
    const { rows: heaviest } = await pg.query<{ user_id: string; conv: string; email: string }>(
      `SELECT c.user_id, c.id AS conv, u.email FROM conversations c JOIN users u ON u.id = c.user_id ORDER BY c.message_count DESC LIMIT 1`,
    );
    const { rows: heavyUser } = await pg.query<{ user_id: string }>(
      `SELECT user_id FROM conversations GROUP BY user_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const { rows: logUsers } = await pg.query<{ user_id: string; email: string }>(
      `SELECT l.user_id, u.email FROM task_operation_logs l TABLESAMPLE SYSTEM (0.1) JOIN users u ON u.id = l.user_id LIMIT ${SAMPLES}`,
    );
    const userIds = convs.map((c) => c.user_id);
    const convIds = convs.map((c) => c.id);
    const biggest = heaviest[0]!;

    const results: Result[] = [];
    const explains: string[] = [];
    const measure = async (
      name: string,
      target: number,
      n: number,
      fn: (i: number) => Promise<unknown>,
      options: { warmup?: number; analyze?: boolean } = {},
    ) => {
      try {
        await timeEach(options.warmup ?? Math.min(20, n), fn); // warm the pool, plan cache and buffers
      } catch (error) {
        // Only the figures can run past the statement timeout; one such run says enough.
        results.push({ name, samples: [], target, note: `timed out (over ${FIGURES_TIMEOUT_MS / 1000} s)` });
        console.log(`${name}: ${String(error).split("\n")[0]}`);
      }
      if (!results.some((r) => r.name === name)) {
        try {
          const samples = await timeEach(n, fn);
          results.push({ name, samples, target });
          console.log(`${name}: p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}`);
        } catch {
          results.push({
            name,
            samples: [],
            target,
            note: `some runs timed out (over ${FIGURES_TIMEOUT_MS / 1000} s)`,
          });
        }
      }
      // The SQL of one more call, explained with the same parameters. A query that timed out
      // is explained without ANALYZE (the plan, not a run).
      capture = [];
      await fn(0).catch(() => {});
      const statements = capture as Captured[];
      capture = null;
      const analyze = options.analyze !== false && results.at(-1)!.samples.length > 0;
      const plans: string[] = [];
      // In one transaction, rolled back: a SET LOCAL the function sent (the figures turn JIT off)
      // applies to the plans after it, as it did to the statements.
      await pg.query("BEGIN");
      for (const s of statements) {
        if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.query.trim())) continue;
        if (/^SET /i.test(s.query.trim())) {
          await pg.query(s.query, s.params);
          plans.push(`-- ${s.query}`);
          continue;
        }
        const { rows } = await pg.query<{ "QUERY PLAN": string }>(
          `EXPLAIN ${analyze ? "(ANALYZE, BUFFERS) " : ""}${s.query}`,
          s.params,
        );
        plans.push(
          `-- ${s.query.replace(/\s+/g, " ")}\n-- params: ${JSON.stringify(s.params)}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`,
        );
      }
      await pg.query("ROLLBACK");
      const file = `explain-${name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")}.txt`;
      fs.writeFileSync(
        path.join(EXPLAIN_DIR, file),
        `${name}${analyze ? "" : " (EXPLAIN without ANALYZE: the query runs past the timeout)"}\n\n${plans.join("\n\n")}\n`,
      );
      explains.push(file);
    };
    fs.mkdirSync(EXPLAIN_DIR, { recursive: true });
    for (const old of fs.readdirSync(EXPLAIN_DIR))
      if (old.startsWith("explain-")) fs.rmSync(path.join(EXPLAIN_DIR, old));

    await measure("Sidebar page", 10, SAMPLES, (i) => listConversations(db, pick(userIds, i)));
    await measure("Sidebar page, heaviest user", 10, 50, () => listConversations(db, heavyUser[0]!.user_id));
    await measure("Open conversation (latest 20)", 10, SAMPLES, (i) =>
      messagePage(db, userIds[(i * 7919) % convs.length]!, pick(convIds, i)),
    );
    await measure("Open conversation, largest", 10, 50, () => messagePage(db, biggest.user_id, biggest.conv));
    await measure("Agent context (last 50)", 10, SAMPLES, (i) => loadContext(db, pick(convIds, i)));
    await measure("Agent context, largest conversation", 10, 50, () => loadContext(db, biggest.conv));

    const operations = ["add", "list", "complete", "update", "delete", "reopen", "restore", "undo"] as const;
    const statuses = ["success", "failed", "pending"] as const;
    const words = ["milk", "plumber", "dentist", "priority", "invoice", "passport"];
    const week = (i: number) => {
      const from = new Date(Date.now() - ((i * 37) % 720) * 86_400_000);
      const to = new Date(from.getTime() + 6 * 86_400_000);
      return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
    };
    const filters: [string, (i: number) => LogFilters][] = [
      ["no filter", () => ({})],
      ["user id", (i) => ({ user: pick(logUsers, i).user_id })],
      ["user email text", (i) => ({ user: pick(logUsers, i).email.replace("@example.com", "@") })],
      ["operation", (i) => ({ operation: operations[i % operations.length] })],
      ["status", (i) => ({ status: statuses[i % statuses.length] })],
      ["source", (i) => ({ source: i % 2 ? "ui" : "chat" })],
      ["date range (7 days)", (i) => week(i)],
      ["text search", (i) => ({ q: words[i % words.length] })],
      ["failed deletes in a week", (i) => ({ status: "failed", operation: "delete", ...week(i) })],
    ];
    for (const [label, f] of filters)
      await measure(`Admin log page, ${label}`, 50, Math.min(SAMPLES, 100), (i) => listLogPage(db, { filters: f(i) }));
    // The worst case of a contains-search: a word no row has, so no early LIMIT stop.
    await measure(
      "Admin log page, text search with no match",
      50,
      5,
      () => listLogPage(db, { filters: { q: "zebra" } }),
      { warmup: 1 },
    );
    // The figures panel (counts, percentiles, per-day chart, rated replies) reads the per-day
    // rollups, and the log rows after them. A server's notification worker keeps the rollups up
    // to date in the background; here the same step rolls up every day from scratch (as after
    // an upgrade), timed, before measuring.
    await pg.query("TRUNCATE operation_log_days, operation_log_daily, operation_log_user_daily");
    const rollupStarted = performance.now();
    const rollups = await catchUpRollups(db);
    const rollupSeconds = (performance.now() - rollupStarted) / 1000;
    console.log(`Rollups: ${rollups.rolled} days rolled up in ${rollupSeconds.toFixed(1)} s`);
    const rollupSizes = await pg.query<{ daily: number; users: number }>(
      "SELECT (SELECT count(*) FROM operation_log_daily)::int AS daily, (SELECT count(*) FROM operation_log_user_daily)::int AS users",
    );
    // Measured on a client whose statements stop after FIGURES_TIMEOUT_MS.
    for (const [label, f] of filters) {
      await measure(`Admin figures, ${label}`, 50, FIGURE_SAMPLES, (i) => logFigures(figuresDb, f(i)), { warmup: 1 });
    }

    const rows = results.map((r) => [
      r.name,
      r.samples.length,
      r.note ?? ms(percentile(r.samples, 50)),
      r.note ? "–" : ms(percentile(r.samples, 95)),
      r.note ? "–" : ms(Math.max(...r.samples)),
      `< ${r.target} ms`,
      r.samples.length && percentile(r.samples, 95) < r.target ? "met" : "**missed**",
    ]);
    const counts = await pg.query(
      "SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM conversations)::int AS conversations, (SELECT count(*) FROM messages)::int AS messages, (SELECT count(*) FROM task_operation_logs)::int AS logs, (SELECT count(*) FROM tasks)::int AS tasks",
    );
    const c = counts.rows[0];
    writeSection(
      "scale",
      `Run: ${header}

Data: ${c.users.toLocaleString("en-US")} users, ${c.conversations.toLocaleString("en-US")} conversations, ${c.messages.toLocaleString("en-US")} messages, ${c.logs.toLocaleString("en-US")} operation-log rows, ${c.tasks.toLocaleString("en-US")} tasks (\`npm run seed:scale\`). Each query is the shipped function, called one at a time from this process over a Prisma pool to local PostgreSQL; "largest"/"heaviest" rows repeat the worst case (the user with most conversations, the conversation with most messages).

${markdownTable(["Query", "Samples", "p50", "p95", "max", "Target (p95)", ""], rows)}

Admin figures: past days, and today up to the last full hour, come from per-day rollups (\`lib/admin/rollup.ts\`; ${rollupSizes.rows[0]?.daily.toLocaleString("en-US")} rows for everyone, ${rollupSizes.rows[0]?.users.toLocaleString("en-US")} per user), the minutes since from the log rows; a text search counts its latest ${TEXT_LIMIT.toLocaleString("en-US")} matches. Durations p50/p95 are read from histograms (within one bucket, about ±10 %). Rolling up the whole log from scratch (what a server's background step does once after the upgrade, a second at a time; afterwards a day a day and today once an hour) took ${rollupSeconds.toFixed(1)} s for ${rollups.rolled} days.

Query plans (EXPLAIN (ANALYZE, BUFFERS) of the SQL each function sent, same parameters): ${explains.map((f) => `[${f.replace(/^explain-|\.txt$/g, "")}](bench/${f})`).join(", ")}.`,
    );
    return results;
  } finally {
    await pg.end();
    await db.$disconnect();
    await figuresDb.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runScaleBench();
