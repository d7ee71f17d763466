// What a chat turn asks of the database, counted at the driver (lib/db/round-trips.ts), and
// that the one-statement steps of the hot path keep the rules the longer paths kept: the
// session first, then the rate limit (shared with `consume`), then the conversation; nothing
// saved for a refused turn; the task, its log row and the reply exactly once. Runs on PGlite,
// and on PostgreSQL under TEST_DATABASE_URL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import type { DbHandle } from "@/lib/db/client";
import { countQueries, type QueryCounter } from "@/lib/db/round-trips";
import { createTestDatabase } from "@/test/support/db";
import { allowedHits, consume } from "@/lib/rate-limit";
import { chatRequestOf, readChunks, userMessage } from "@/test/support/chat";
import { handleChat, type TurnOptions } from "./turn";

let handle: DbHandle;
let queries: QueryCounter;
let users = 0;

async function newUser(): Promise<SessionUser> {
  const n = ++users;
  const row = await handle.db.user.create({
    data: { email: `trips${n}@example.com`, name: `Trips ${n}`, passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

const NOW = new Date("2026-03-10T14:00:00Z");
const send = (user: SessionUser, body: object, opts?: TurnOptions) =>
  handleChat(handle.db, user, chatRequestOf(body), NOW, opts);

/** A whole turn: the response read to its end (the reply is saved before the stream closes). */
async function turn(user: SessionUser, body: object, opts?: TurnOptions) {
  const response = await send(user, body, opts);
  const chunks = response.status === 200 ? await readChunks(response) : [];
  return { response, chunks, conversationId: response.headers.get("x-conversation-id") };
}

const kinds = () => [...queries.byKind.keys()];

beforeAll(async () => {
  handle = await createTestDatabase();
  queries = countQueries();
});
afterEach(() => queries.reset());
afterAll(async () => {
  queries?.stop();
  await handle?.close();
});

describe("an add-task turn", () => {
  it("takes three round trips: start, task with its log row, the reply with the analysis", async () => {
    const user = await newUser();
    queries.reset();
    const first = await turn(user, { message: userMessage("add check parcel") });
    expect(first.response.status).toBe(200);
    // A new conversation is created by the first statement too.
    expect(kinds()).toHaveLength(3);
    expect(queries.roundTrips).toBe(3);
    queries.reset();

    const message = userMessage("add buy stamps");
    const second = await turn(user, { id: first.conversationId, message });
    expect(queries.roundTrips).toBe(3);
    expect(queries.statements).toBe(3);
    expect(kinds().some((k) => /^WITH hit AS \( INSERT INTO rate_limits/.test(k))).toBe(true);
    expect(kinds().some((k) => /^WITH numbered AS \( UPDATE users/.test(k))).toBe(true);
    // The offline reply is written right after the tools' step, so the reply is saved once, at the end.
    expect(queries.byKind.get(kinds().find((k) => k.startsWith("WITH saved AS ( INSERT INTO messages"))!)).toBe(1);

    const output = second.chunks.find((c) => c.type === "tool-output-available")?.output as {
      kind: string;
      task: { number: number };
      operationId: string;
    };
    expect(output).toMatchObject({ kind: "added", task: { number: 2, title: "Buy stamps" } });
    const [log] = await handle.db.taskOperationLog.findMany({ where: { messageId: message.id } });
    const task = await handle.db.task.findFirstOrThrow({ where: { userId: user.id, number: 2 } });
    expect(log).toMatchObject({
      id: output.operationId,
      operation: "add",
      status: "success",
      taskId: task.id,
      before: null,
      error: null,
      conversationId: first.conversationId,
    });
    expect(log!.result).toEqual({ ...output, version: task.updatedAt.toISOString() });
    expect(log!.finishedAt).not.toBeNull();
    expect(await handle.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lastTaskNumber: 2 });
    const stored = await handle.db.message.findMany({
      where: { conversationId: first.conversationId! },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(stored.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(stored[2]).toMatchObject({ id: message.id, intent: "add_task" });
    expect(stored[3]!.replyToId).toBe(message.id);
    expect(await handle.db.conversation.findUniqueOrThrow({ where: { id: first.conversationId! } })).toMatchObject({
      messageCount: 4,
    });
  });

  it("gives the offline assistant the tasks and context read by the first statement (a reference to an earlier task works)", async () => {
    const user = await newUser();
    const first = await turn(user, { message: userMessage("add call the plumber") });
    queries.reset();
    const done = await turn(user, { id: first.conversationId, message: userMessage("mark it as done") });
    expect(done.chunks.find((c) => c.type === "tool-output-available")?.output).toMatchObject({
      kind: "completed",
      task: { number: 1, title: "Call the plumber" },
    });
    // No read of the task list or the context between the first statement and the tool's transaction.
    expect(queries.sequence[0]).toMatch(/^WITH hit AS/);
    expect(queries.sequence[1]).toBe("BEGIN");
  });

  it("with tags: the tags are made once per user and linked, still in one statement", async () => {
    const user = await newUser();
    const { addTask } = await import("@/lib/tasks/service");
    const ctx = { userId: user.id, source: "chat" as const };
    await addTask(handle.db, ctx, { title: "First", tags: ["home", "errands"] });
    queries.reset();
    const added = await addTask(handle.db, ctx, { title: "Second", tags: ["#Home", "garden", "home"] });
    expect(queries.roundTrips).toBe(1);
    expect(added).toMatchObject({ ok: true, task: { number: 2, tags: ["garden", "home"] } });
    const tags = await handle.db.tag.findMany({ where: { userId: user.id }, orderBy: { name: "asc" } });
    expect(tags.map((t) => t.name)).toEqual(["errands", "garden", "home"]);
    const second = await handle.db.task.findFirstOrThrow({
      where: { userId: user.id, number: 2 },
      include: { tags: { include: { tag: true } } },
    });
    expect(second.tags.map((t) => t.tag.name).sort()).toEqual(["garden", "home"]);
  });
});

describe("the first statement's refusals", () => {
  it("a signed-out session: 401, nothing counted or saved; the current one goes through", async () => {
    const user = await newUser();
    await handle.db.user.update({ where: { id: user.id }, data: { sessionVersion: 3 } });
    const message = userMessage("add something");
    const refused = await turn(user, { message }, { sessionVersion: 2 });
    expect(refused.response.status).toBe(401);
    expect(await handle.db.rateLimit.count({ where: { key: `chat:${user.id}` } })).toBe(0);
    expect(await handle.db.message.count({ where: { userId: user.id } })).toBe(0);
    expect(await handle.db.conversation.count({ where: { userId: user.id } })).toBe(0);
    // Bad input from a signed-out session is still told to sign in first.
    expect((await send(user, { message: { id: "x", role: "user", parts: [] } }, { sessionVersion: 2 })).status).toBe(
      401,
    );
    expect((await turn(user, { message }, { sessionVersion: 3 })).response.status).toBe(200);
  });

  it("the rate limit: shared with consume(), counted before anything is saved, a new window once it expires", async () => {
    const user = await newUser();
    for (let i = 0; i < allowedHits("chat"); i++) await consume("chat", user.id, handle.db);
    const limited = await send(user, { message: userMessage("add over the limit") });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect(await handle.db.conversation.count({ where: { userId: user.id } })).toBe(0);
    expect(await handle.db.message.count({ where: { userId: user.id } })).toBe(0);
    // consume() sees the turn's hit too.
    await expect(consume("chat", user.id, handle.db)).rejects.toMatchObject({ code: "rate_limited" });
    await handle.db.rateLimit.update({
      where: { key: `chat:${user.id}` },
      data: { expire: new Date(Date.now() - 1000) },
    });
    expect((await turn(user, { message: userMessage("add in a new window") })).response.status).toBe(200);
    expect(await handle.db.rateLimit.findUniqueOrThrow({ where: { key: `chat:${user.id}` } })).toMatchObject({
      points: 1,
    });
  });

  it("another user's conversation is not found, and nothing is saved in it", async () => {
    const owner = await newUser();
    const other = await newUser();
    const { conversationId } = await turn(owner, { message: userMessage("hello") });
    const response = await send(other, { id: conversationId, message: userMessage("add sneak in") });
    expect(response.status).toBe(404);
    expect(await handle.db.message.count({ where: { conversationId: conversationId! } })).toBe(2);
    expect(await handle.db.message.count({ where: { userId: other.id } })).toBe(0);
  });

  it("a message id already taken elsewhere: stored under a new id by the locked path, the hit counted once", async () => {
    const user = await newUser();
    const message = userMessage("hello there");
    const { conversationId } = await turn(user, { message });
    const before = (await handle.db.rateLimit.findUniqueOrThrow({ where: { key: `chat:${user.id}` } })).points;
    // The same id in a new conversation: not a retry of it, so it gets an id of its own.
    const again = await turn(user, { message: userMessage("add reuse the id", message.id) });
    expect(again.response.status).toBe(200);
    expect(again.conversationId).not.toBe(conversationId);
    expect(await handle.db.message.count({ where: { conversationId: again.conversationId!, role: "user" } })).toBe(1);
    expect(await handle.db.conversation.findUniqueOrThrow({ where: { id: again.conversationId! } })).toMatchObject({
      messageCount: 2,
    });
    expect((await handle.db.rateLimit.findUniqueOrThrow({ where: { key: `chat:${user.id}` } })).points).toBe(
      before + 1,
    );
  });
});
