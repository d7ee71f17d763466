// Serves the build: one `next start` process, or with WEB_CONCURRENCY=N (or auto: one per core)
// on PostgreSQL, N of them on one port through Node's cluster module. The primary (this
// process) forks the workers, each a plain `next start`; their listen() on the same port goes
// through the primary, which hands incoming connections to them in turn. Everything the app
// keeps between requests (sessions, rate limits, approvals, conversations) is in the database,
// so any worker can answer any request. A worker that dies is replaced; SIGINT/SIGTERM stop
// them all. The embedded PGlite allows one process only, so there it stays one.
//
// Also runnable alone on an existing build: `node scripts/cluster.mjs [next start options]`.
import cluster from "node:cluster";
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { dotEnv, isEmbedded, isMain, NEXT_CLI } from "./lib.mjs";

/** WEB_CONCURRENCY as a number of processes: unset/empty → 1, "auto" → the cores available. */
export function webConcurrency(value = process.env.WEB_CONCURRENCY) {
  const text = value?.trim() ?? "";
  if (text === "") return 1;
  if (text.toLowerCase() === "auto") return os.availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`WEB_CONCURRENCY must be a whole number of processes (1 or more) or "auto"; got "${value}"`);
  return n;
}

/** Serves until stopped: this process exits with the server(s). */
export function serve(args = []) {
  const env = { ...dotEnv(), ...process.env }; // both settings may be in .env
  let count;
  try {
    count = webConcurrency(env.WEB_CONCURRENCY);
  } catch (error) {
    console.error(`Doable will not start: ${error.message}`);
    process.exit(1);
  }
  if (count > 1 && isEmbedded(env.DATABASE_URL)) {
    console.log(
      `WEB_CONCURRENCY=${env.WEB_CONCURRENCY}: the embedded PGlite database allows one process, so Doable runs one (set DATABASE_URL=postgresql://… for more).`,
    );
    count = 1;
  }
  if (count === 1) serveOne(args);
  else serveMany(count, env.WEB_CONCURRENCY, args);
}

function serveOne(args) {
  // The child is the server itself (not npx), so signals reach it and stopping this stops it.
  const server = spawn(process.execPath, [NEXT_CLI, "start", ...args], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const RESTARTS_ALLOWED = 10; // worker deaths per minute before the primary gives up
const STOP_TIMEOUT_MS = 15_000; // then workers still running are killed

function serveMany(count, setting, args) {
  console.log(`Serving with ${count} processes on one port (WEB_CONCURRENCY=${setting}).`);
  cluster.setupPrimary({
    exec: path.resolve(NEXT_CLI),
    args: ["start", ...args],
    // Each worker marks its answers with x-doable-worker (scripts/cluster-worker.mjs).
    execArgv: [...process.execArgv, "--import", pathToFileURL(path.resolve("scripts/cluster-worker.mjs")).href],
  });
  let served = false; // some worker has listened: the settings and the port are good
  const fork = () => cluster.fork().once("listening", () => (served = true));

  let stopping = null;
  let exitCode = 0;
  const running = () => Object.values(cluster.workers ?? {}).filter((worker) => !worker.isDead());
  const stop = (signal, code) => {
    if (stopping) return;
    stopping = signal;
    exitCode = code ?? (signal === "SIGINT" ? 130 : 143); // as `next start` itself exits
    if (running().length === 0) process.exit(exitCode);
    for (const worker of running()) worker.process.kill(signal);
    setTimeout(() => {
      for (const worker of running()) worker.process.kill("SIGKILL");
    }, STOP_TIMEOUT_MS).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));

  const deaths = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (running().length === 0) process.exit(exitCode);
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    // Before any worker has served, a death is a failed start (a bad setting, the port taken):
    // the others would fail the same way, over and over. Stop, as a single server would.
    if (!served) {
      console.error(`A server process failed to start (${how}); stopping.`);
      return stop("SIGTERM", code || 1);
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths[0] < now - 60_000) deaths.shift();
    if (deaths.length > RESTARTS_ALLOWED) {
      console.error(`Server processes died ${deaths.length} times in a minute (the last with ${how}); stopping.`);
      return stop("SIGTERM", 1);
    }
    // Ctrl-C reaches every process of the terminal at once, so a worker may end before the
    // primary has seen the signal: replace it only if no stop follows.
    setTimeout(() => {
      if (stopping) return;
      console.error(`A server process (pid ${worker.process.pid}) ended with ${how}; starting another.`);
      fork();
    }, 200);
  });

  for (let i = 0; i < count; i++) fork();
}

if (isMain(import.meta.url)) {
  process.env.NODE_ENV ??= "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  serve(process.argv.slice(2));
}
