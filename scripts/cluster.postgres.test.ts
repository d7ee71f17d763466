// `WEB_CONCURRENCY=2 npm start` on PostgreSQL: two server processes on one port, and what one
// of them does holds on the other: a session cookie issued by one is good on the other (and
// its revocation ends it on both), the sign-in limit counts attempts made through both
// together, and an approval asked by one process is answered, once, through the other.
//
// Runs the real start script (scripts/start.mjs: migration check, a build when the sources
// changed, then the cluster) on a scratch database of the TEST_DATABASE_URL server. Each request
// goes through a keep-alive connection pinned to one process: every response names the process
// that answered (x-doable-worker, sent only when clustered), and the test checks it is the one
// it meant. With state kept per process, each of the three tests fails.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser, revokeSessions } from "@/lib/auth/users";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { waitFor } from "@/test/support/chat";
import { pendingOnPostgres } from "./migrations-pending.mjs";

const PASSWORD = "correct horse battery";
const LOGIN_LIMIT = 3;

let server: ChildProcess | undefined;
let output = "";
let base = "";
let handle: DbHandle | undefined;
let admin: Client | undefined;
let database = "";
let databaseUrl = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

beforeAll(async () => {
  admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  database = `doable_cluster_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    AUTH_SECRET: randomBytes(32).toString("base64"),
    WEB_CONCURRENCY: "2",
    PORT: String(port),
    LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    LOGIN_EMAIL_RATE_LIMIT: "100",
  };
  delete (env as Record<string, string | undefined>).TEST_DATABASE_URL;
  // Long keep-alive: a pinned connection must not be closed (and reopened elsewhere) mid-test.
  server = spawn(process.execPath, ["scripts/start.mjs", "--hostname", "127.0.0.1", "--keepAliveTimeout", "300000"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  // Up when both processes answer (a build first, if the sources changed since the last one).
  const seen = new Set<string>();
  for (let i = 0; seen.size < 2; i++) {
    const reply = await request(new http.Agent(), "GET", "/api/health").catch(() => null);
    if (reply?.status === 200 && reply.worker) seen.add(reply.worker);
    if (server.exitCode !== null || i > 3000) throw new Error(`the clustered server did not start:\n${output}`);
    if (seen.size < 2) await new Promise((r) => setTimeout(r, 250));
  }
  expect(output).toContain("Serving with 2 processes on one port (WEB_CONCURRENCY=2).");
  handle = await openDatabase(url.toString());
}, 900_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  await handle?.close();
  if (admin) {
    if (database) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}, 60_000);

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; worker: string | undefined };

function request(
  agent: http.Agent,
  method: string,
  path: string,
  { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            worker: res.headers["x-doable-worker"] as string | undefined,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** One browser: its cookies, sent through whichever process's connection. */
class Browser {
  cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  take(reply: Reply) {
    for (const line of reply.headers["set-cookie"] ?? []) {
      const [pair, ...attributes] = line.split(";");
      const [name, value] = [pair!.slice(0, pair!.indexOf("=")).trim(), pair!.slice(pair!.indexOf("=") + 1).trim()];
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** A keep-alive connection to one server process; every answer must come from that process. */
class Pinned {
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  worker: string | undefined;
  constructor(readonly browser: Browser) {}
  async send(
    method: string,
    path: string,
    options: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const reply = await request(this.agent, method, path, {
      ...options,
      headers: { ...options.headers, cookie: this.browser.header() },
    });
    expect(reply.worker, `${method} ${path} was answered by the pinned process`).toBe(this.worker ?? reply.worker);
    this.worker ??= reply.worker;
    this.browser.take(reply);
    return reply;
  }
  close() {
    this.agent.destroy();
  }
}

/** Two connections of one browser, each held by a different server process. */
async function twoProcesses(browser = new Browser()): Promise<[Pinned, Pinned]> {
  const a = new Pinned(browser);
  await a.send("GET", "/api/health");
  for (let i = 0; i < 20; i++) {
    const b = new Pinned(browser);
    await b.send("GET", "/api/health");
    if (b.worker !== a.worker) return [a, b];
    b.close();
  }
  throw new Error("every connection went to the same process");
}

async function signIn(through: Pinned, email: string, password: string): Promise<Reply> {
  const { csrfToken } = JSON.parse((await through.send("GET", "/api/auth/csrf")).body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }).toString();
  return through.send("POST", "/api/auth/callback/credentials", {
    body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

const sessionEmail = async (through: Pinned) =>
  (JSON.parse((await through.send("GET", "/api/auth/session")).body) as { user?: { email?: string } } | null)?.user
    ?.email ?? null;

async function newUser(prefix: string) {
  const email = `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
  return registerUser(handle!.db, { name: prefix, email, password: PASSWORD });
}

type Chunk = { type: string; [key: string]: unknown };
const chunks = (reply: Reply): Chunk[] =>
  reply.body
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Chunk);

function chat(through: Pinned, body: unknown): Promise<Reply> {
  return through.send("POST", "/api/chat", {
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
}

describe("WEB_CONCURRENCY=2 on PostgreSQL: two processes, one state", () => {
  it("the start applied the migrations to the new database; afterwards the check finds none pending", async () => {
    expect(output).toContain("Applying database migrations (PostgreSQL; no migrations table yet)");
    // What the next start sees, read from the table the real engine wrote: it skips the engine.
    expect(await pendingOnPostgres(databaseUrl)).toEqual({ pending: false, reason: "up to date" });
  });

  it("a session cookie from one process is good on the other, and a revocation ends it on both", async () => {
    const user = await newUser("session");
    const [a, b] = await twoProcesses();
    expect(await sessionEmail(b)).toBeNull();
    const signedIn = await signIn(a, user.email, PASSWORD);
    expect(signedIn.status).toBe(302);
    expect(a.browser.cookies.has("authjs.session-token")).toBe(true);
    expect(await sessionEmail(b)).toBe(user.email);
    expect(await sessionEmail(a)).toBe(user.email);
    // Signed out everywhere (what the sign-out action does): neither process keeps it alive.
    await revokeSessions(handle!.db, user.id);
    expect(await sessionEmail(b)).toBeNull();
    expect(await sessionEmail(a)).toBeNull();
  });

  it(`the sign-in limit (${LOGIN_LIMIT} attempts) counts the attempts made through both processes together`, async () => {
    const user = await newUser("limited");
    const [a, b] = await twoProcesses();
    // Two wrong passwords through one process, one through the other: neither has used its
    // allowance alone, so only a shared count refuses what follows.
    for (const through of [a, b, a]) {
      const wrong = await signIn(through, user.email, "wrong password 123");
      expect(wrong.status).toBe(302);
      expect(wrong.headers.location).toContain("error=CredentialsSignin");
    }
    for (const through of [b, a]) {
      const refused = await signIn(through, user.email, PASSWORD);
      expect(refused.status, `the right password through process ${through.worker}`).toBe(429);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "rate_limited" } });
    }
    expect(b.browser.cookies.has("authjs.session-token")).toBe(false);
  });

  it("an approval asked through one process is answered through the other, and a replayed answer runs nothing twice", async () => {
    const user = await newUser("approval");
    const [a, b] = await twoProcesses();
    expect((await signIn(a, user.email, PASSWORD)).status).toBe(302);

    const added = await chat(a, {
      message: {
        id: randomUUID(),
        role: "user",
        parts: [{ type: "text", text: "add buy milk, call mom and pay rent" }],
      },
    });
    expect(added.status).toBe(200);
    const id = added.headers["x-conversation-id"] as string;
    const asked = await chat(a, {
      id,
      message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: "complete all my tasks" }] },
    });
    expect(chunks(asked).filter((c) => c.type === "tool-approval-request")).toHaveLength(3);
    const stored = await waitFor(
      () =>
        handle!.db.message.findFirst({
          where: { conversationId: id, role: "assistant" },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        }),
      (m) => (m?.parts as { state?: string }[] | undefined)?.some((p) => p.state === "approval-requested") ?? false,
    );
    expect(await handle!.db.task.count({ where: { userId: user.id, status: "completed" } })).toBe(0);

    // The answer, as useChat sends it back, goes to the process that did not ask.
    const parts = (stored!.parts as { state?: string; approval?: { id: string } }[]).map((p) =>
      p.state === "approval-requested"
        ? { ...p, state: "approval-responded", approval: { id: p.approval!.id, approved: true } }
        : p,
    );
    const answer = { id, message: { id: stored!.id, role: "assistant", parts } };
    const done = await chat(b, answer);
    expect(done.status).toBe(200);
    expect(chunks(done).filter((c) => c.type === "tool-output-available")).toHaveLength(3);
    expect(await handle!.db.task.count({ where: { userId: user.id, status: "completed" } })).toBe(3);

    // The same answer again, through the process that asked: nothing runs a second time.
    await chat(a, answer);
    expect(await handle!.db.taskOperationLog.count({ where: { userId: user.id, operation: "complete" } })).toBe(3);
  });

  it("logged no internal error", () => {
    expect(output).not.toMatch(/⨯|Error:|digest/);
  });
});
