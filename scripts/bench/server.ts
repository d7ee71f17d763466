// A production Doable server for the HTTP benchmarks: `node scripts/start.mjs` (migrate, build
// into .next-bench when sources changed, `next start`) of an app folder (this checkout or a
// baseline's), by a given Node binary, on a port of our own; and sign-in through next-auth's
// credentials endpoint as the browser does.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { ROOT } from "./report";

export type BenchServer = {
  url: string;
  /** Milliseconds from starting `npm start`'s script to the first HTTP 200. */
  startMs: number;
  stop: () => Promise<void>;
  /** CPU time (user + system, ms) used so far by the server's processes. */
  cpuMs: () => number;
  /** The server's last output (why it stopped, when it did). */
  log: () => string;
};

/** Where and how a bench server runs: the app folder, the Node binary, extra settings. */
export type ServerOptions = { root?: string; node?: string; env?: Record<string, string> };

/** The environment a bench server (and the migration before it) runs with. */
export function serverEnv(databaseUrl: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: ".next-bench",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "doable-bench-secret-not-for-production-use-0123456789",
    // The benchmark sends far more than a person would; the limits are tested elsewhere.
    CHAT_RATE_LIMIT: "1000000",
    LOGIN_RATE_LIMIT: "1000000",
    ...extra,
  };
  delete env.OPENAI_API_KEY; // the offline interpreter: deterministic, no network
  return env;
}

/** Applies the migrations (so users can be created before the server opens the database). */
export function migrate(databaseUrl: string, { root = ROOT, node = process.execPath, env }: ServerOptions = {}): void {
  const result = spawnSync(node, ["scripts/prestart.mjs"], {
    cwd: root,
    env: serverEnv(databaseUrl, 0, env),
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("migration failed");
}

export async function startServer(
  databaseUrl: string,
  port: number,
  { root = ROOT, node = process.execPath, env }: ServerOptions = {},
): Promise<BenchServer> {
  const started = performance.now();
  const child: ChildProcess = spawn(node, ["scripts/start.mjs"], {
    cwd: root,
    env: serverEnv(databaseUrl, port, env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Keep the tail only: a long run logs a lot.
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  // A build on a busy 2-core machine takes minutes.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok)
        return {
          url,
          startMs: performance.now() - started,
          stop,
          cpuMs: () => treeCpuMs(child.pid!),
          log: () =>
            `${output.slice(-4000)}${child.exitCode !== null || child.signalCode ? `\n(server exited: code ${child.exitCode}, signal ${child.signalCode})` : ""}`,
        };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await stop();
  throw new Error(`the server did not start in time:\n${output.slice(-3000)}`);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU time of a process and its descendants from /proc (Linux). The CPU a turn costs, unlike
 * its latency, hardly depends on what else the machine is doing, so it shows what 2 quiet
 * cores could do.
 */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const c of children ? children.split(" ") : []) visit(Number(c));
      }
    } catch {
      // the process has exited
    }
  };
  visit(pid);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU time of every PostgreSQL server process (the whole server: other databases' work counts too). */
export function postgresCpuMs(): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through next-auth's credentials callback; returns the Cookie header to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}: HTTP ${response.status}`);
  return session;
}
