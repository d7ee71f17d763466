// The database dropping every connection during a chat turn, on PostgreSQL: what a server
// restart or failover looks like to the app. pg_terminate_backend ends all connections to this
// test file's scratch database (never the shared server itself) at three moments: while the
// turn waits on the model, between the tool step and the reply, and inside the tool's
// transaction. Afterwards: the user's message is kept, any executed operation has its log row,
// nothing ran twice, nothing is left pending, and the route answered (no crash, no stack trace).
import { Client } from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { startFaultModel, type FaultModel } from "./fault-model";
import { chatRequestOf, readChunks, userMessage, type Chunk } from "@/test/support/chat";
import { handleChat } from "./turn";

let handle: DbHandle;
let model: FaultModel;
let admin: Client;
let database: string;
let users = 0;
const saved = { ...process.env };

/** Ends every connection the app holds to the scratch database; returns how many. */
async function dropConnections(): Promise<number> {
  const { rows } = await admin.query(
    "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t",
    [database],
  );
  return rows[0].n as number;
}

async function newUser(): Promise<SessionUser> {
  const row = await handle.db.user.create({
    data: { email: `pgfault${++users}@example.com`, name: "Fault", passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** Reads with a retry: right after a drop, the first query on a dead pooled connection may fail. */
async function settled<T>(read: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await read();
    } catch (error) {
      if (i > 20) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function expectConsistent(userId: string, message: { id: string; text: string }) {
  const db = handle.db;
  await settled(async () => {
    expect(await db.message.findUnique({ where: { id: message.id } })).toMatchObject({
      role: "user",
      content: message.text,
    });
    const tasks = await db.task.findMany({ where: { userId } });
    const adds = await db.taskOperationLog.findMany({ where: { userId, operation: "add", status: "success" } });
    expect(adds.map((l) => l.taskId).sort()).toEqual(tasks.map((t) => t.id).sort());
    expect(tasks.length).toBeLessThanOrEqual(1);
    expect(await db.taskOperationLog.count({ where: { userId, status: "pending" } })).toBe(0);
    for (const c of await db.conversation.findMany({ where: { userId } }))
      expect(c.messageCount).toBe(await db.message.count({ where: { conversationId: c.id } }));
  });
}

const reported = (chunks: Chunk[]) => JSON.stringify(chunks);

beforeAll(async () => {
  handle = await createTestDatabase();
  const [{ db }] = await handle.db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
  database = db;
  admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  model = await startFaultModel();
});
beforeEach(() => {
  model.reset();
  Object.assign(process.env, { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: model.url, AI_MODEL: "fault-model" });
});
afterEach(async () => {
  for (const key of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "AI_MODEL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await settled(() =>
    handle.exec("DROP TRIGGER IF EXISTS slow_tasks ON tasks; DROP FUNCTION IF EXISTS slow_insert();"),
  );
});
afterAll(async () => {
  await model?.close();
  await admin?.end();
  await handle?.close();
});

describe("PostgreSQL dropping every connection mid-turn", () => {
  it("while the turn waits on the model: the tool still runs once with its log row, the reply is saved", async () => {
    const user = await newUser();
    let dropped = 0;
    model.push(
      {
        before: async () => {
          dropped = await dropConnections();
        },
        tools: [{ name: "add_task", args: { title: "Survive a restart" } }],
      },
      { text: "Added it." },
    );
    const message = userMessage("add survive a restart");
    const response = await handleChat(handle.db, user, chatRequestOf({ message }));
    expect(response.status).toBe(200);
    const chunks = await readChunks(response);
    expect(dropped).toBeGreaterThan(0);
    expect(reported(chunks)).not.toMatch(/\n\s+at |terminat|Prisma/i);
    await expectConsistent(user.id, { id: message.id, text: "add survive a restart" });
    const output = chunks.find((c) => c.type === "tool-output-available")?.output as { ok: boolean; message?: string };
    // Either the tool ran (on a fresh connection) or it says plainly that nothing changed.
    if (output.ok) expect(await settled(() => handle.db.task.count({ where: { userId: user.id } }))).toBe(1);
    else expect(output.message).toMatch(/nothing was changed/);
  });

  it("between the tool step and the reply: the operation and its log row stay, the reply is saved or the failure reported", async () => {
    const user = await newUser();
    model.push(
      { tools: [{ name: "add_task", args: { title: "Between steps" } }] },
      { before: async () => void (await dropConnections()), text: "Added Between steps." },
    );
    const message = userMessage("add between steps");
    const response = await handleChat(handle.db, user, chatRequestOf({ message }));
    expect(response.status).toBe(200);
    const chunks = await readChunks(response);
    expect(reported(chunks)).not.toMatch(/\n\s+at |terminat|Prisma/i);
    expect(chunks.find((c) => c.type === "tool-output-available")?.output).toMatchObject({ ok: true });
    await expectConsistent(user.id, { id: message.id, text: "add between steps" });
    expect(await settled(() => handle.db.task.count({ where: { userId: user.id } }))).toBe(1);
  });

  it("inside the tool's transaction: the change rolls back with its log row, no pending row is left, the user is told", async () => {
    const user = await newUser();
    // Holds the insert open long enough for the drop to land inside the transaction.
    await handle.exec(`CREATE OR REPLACE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$;
      CREATE TRIGGER slow_tasks BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION slow_insert();`);
    let drop: Promise<number> | undefined;
    model.push(
      {
        before: async () => {
          drop = new Promise((r) => setTimeout(() => r(dropConnections()), 700));
        },
        tools: [{ name: "add_task", args: { title: "Mid transaction" } }],
      },
      { text: "Sorry, that did not work." },
    );
    const message = userMessage("add mid transaction");
    const response = await handleChat(handle.db, user, chatRequestOf({ message }));
    expect(response.status).toBe(200);
    const chunks = await readChunks(response);
    expect(await drop).toBeGreaterThan(0);
    expect(reported(chunks)).not.toMatch(/\n\s+at |terminat|Prisma/i);
    const output = chunks.find((c) => c.type === "tool-output-available")?.output as { ok: boolean; message?: string };
    expect(output).toMatchObject({
      ok: false,
      code: "internal",
      message: expect.stringMatching(/nothing was changed/),
    });
    await expectConsistent(user.id, { id: message.id, text: "add mid transaction" });
    expect(await settled(() => handle.db.task.count({ where: { userId: user.id } }))).toBe(0);
  });
});
