// Faults during a chat turn, through the real route handler, agent, tools, task service and
// database: the model failing mid-stream (connection dropped, error event), the client leaving
// mid-stream, the database refusing a write inside a tool, and two tabs sending to one
// conversation at once. Afterwards: the user's message is kept, every executed operation has
// its log row, nothing ran twice, and the failure is reported in words, not a stack trace.
// The PostgreSQL connection-loss case is in faults.postgres.test.ts.
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { startFaultModel, type FaultModel } from "./fault-model";
import {
  chatRequestOf,
  readChunks,
  restoreModelEnvAfterEach,
  type Chunk,
  pointAtModelServer,
  userMessage,
  waitFor,
} from "@/test/support/chat";
import { handleChat } from "./turn";

let handle: DbHandle;
let model: FaultModel;
let users = 0;

const NOW = new Date("2026-03-10T14:00:00Z");
const MODEL_FAILED = /could not answer just now.*message is saved/;

async function newUser(): Promise<SessionUser> {
  const row = await handle.db.user.create({
    data: { email: `fault${++users}@example.com`, name: "Fault", passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

const send = (user: SessionUser, body: object, signal?: AbortSignal) =>
  handleChat(handle.db, user, chatRequestOf(body, { signal }), NOW);
const pointAtModel = () => pointAtModelServer(model.url, "fault-model");
const text = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta)
    .join("");

/**
 * The bookkeeping every fault must leave intact: each stored task has exactly one successful
 * add in the log (no change without its log row, nothing ran twice), every successful log row
 * points at an existing task, and the conversation's message count matches its messages.
 */
async function expectConsistent(db: DbHandle["db"], userId: string) {
  const tasks = await db.task.findMany({ where: { userId } });
  const adds = await db.taskOperationLog.findMany({ where: { userId, operation: "add", status: "success" } });
  expect(adds.map((l) => l.taskId).sort()).toEqual(tasks.map((t) => t.id).sort());
  const successes = await db.taskOperationLog.findMany({ where: { userId, status: "success" } });
  for (const log of successes) expect(log.taskId === null || tasks.some((t) => t.id === log.taskId)).toBe(true);
  expect(await db.taskOperationLog.count({ where: { userId, status: "pending" } })).toBe(0);
  const toolCalls = successes.map((l) => l.toolCallId).filter(Boolean);
  expect(new Set(toolCalls).size).toBe(toolCalls.length);
  for (const c of await db.conversation.findMany({ where: { userId } })) {
    expect(c.messageCount).toBe(await db.message.count({ where: { conversationId: c.id } }));
  }
}

/** A full garbage collection, as a busy server's heap gets at any moment. */
function collectGarbage() {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  for (let i = 0; i < 3; i++) gc();
}

beforeAll(async () => {
  handle = await createTestDatabase();
  model = await startFaultModel();
});
beforeEach(() => model.reset());
restoreModelEnvAfterEach();
afterAll(async () => {
  await model?.close();
  await handle?.close();
});

describe("the model failing mid-stream", () => {
  it.each([
    ["drops the connection", { dropAfter: 3 }],
    ["sends an error event", { errorAfter: 3 }],
  ])(
    "after a tool ran and some text streamed, it %s: message kept, operation logged once, failure reported",
    async (_name, fault) => {
      pointAtModel();
      const user = await newUser();
      // The SDK retries a failed model call twice, so the fault repeats three times.
      const failing = { text: "Added Book flights for you, anything else?", ...fault };
      model.push({ tools: [{ name: "add_task", args: { title: "Book flights" } }] }, failing, failing, failing);
      const message = userMessage("add book flights");
      const response = await send(user, { message });
      expect(response.status).toBe(200);
      const chunks = await readChunks(response);
      expect(chunks.find((c) => c.type === "tool-output-available")?.output).toMatchObject({ ok: true, kind: "added" });
      const error = chunks.find((c) => c.type === "error");
      expect(error?.errorText).toMatch(MODEL_FAILED);
      expect(JSON.stringify(chunks)).not.toMatch(/fault model broke|ECONNRESET|socket|\n\s+at /i);

      expect(await handle.db.message.findUnique({ where: { id: message.id } })).toMatchObject({
        role: "user",
        content: "add book flights",
        userId: user.id,
      });
      const assistant = await handle.db.message.findFirstOrThrow({ where: { userId: user.id, role: "assistant" } });
      expect(assistant.metadata).toMatchObject({ error: expect.stringMatching(MODEL_FAILED) });
      expect(assistant.toolResults).toMatchObject([{ state: "output-available" }]);
      expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(1);
      await expectConsistent(handle.db, user.id);
    },
  );

  it("fails before any text: the message is kept, nothing ran, the error says so", async () => {
    pointAtModel();
    const user = await newUser();
    model.push({ text: "never", dropAfter: 0 }, { text: "never", dropAfter: 0 }, { text: "never", dropAfter: 0 });
    const chunks = await readChunks(await send(user, { message: userMessage("add call the bank") }));
    expect(chunks.find((c) => c.type === "error")?.errorText).toMatch(MODEL_FAILED);
    expect(await handle.db.message.count({ where: { userId: user.id, role: "user" } })).toBe(1);
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(0);
    await expectConsistent(handle.db, user.id);
  });
});

describe("retrying after a failure", () => {
  it("a retry of a message that ran nothing replaces the failed reply; a retry after a tool ran is refused, so nothing runs twice", async () => {
    pointAtModel();
    const user = await newUser();
    // Attempt 1: the model fails before doing anything; the retry then works.
    const plain = userMessage("add call the bank");
    model.push({ text: "x", dropAfter: 0 }, { text: "x", dropAfter: 0 }, { text: "x", dropAfter: 0 });
    const first = await send(user, { message: plain });
    const id = first.headers.get("x-conversation-id")!;
    await readChunks(first);
    model.push({ tools: [{ name: "add_task", args: { title: "Call the bank" } }] }, { text: "Added it." });
    const retried = await send(user, { id, message: plain, trigger: "regenerate-message" });
    expect(retried.status).toBe(200);
    expect(text(await readChunks(retried))).toBe("Added it.");
    expect(await handle.db.message.count({ where: { conversationId: id } })).toBe(2);

    // Attempt 2: a tool ran, then the model failed; retrying would add the task again.
    const ran = userMessage("add buy stamps");
    model.push({ tools: [{ name: "add_task", args: { title: "Buy stamps" } }] }, { text: "x", errorAfter: 0 });
    await readChunks(await send(user, { id, message: ran }));
    const refused = await send(user, { id, message: ran, trigger: "regenerate-message" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/already made/);
    expect((await handle.db.task.findMany({ where: { userId: user.id } })).map((t) => t.title).sort()).toEqual([
      "Buy stamps",
      "Call the bank",
    ]);
    await expectConsistent(handle.db, user.id);
  });
});

describe("the client aborting mid-stream", () => {
  it("keeps the message, the executed operation with its log row, and the partial reply marked aborted", async () => {
    pointAtModel();
    const user = await newUser();
    model.push(
      { tools: [{ name: "add_task", args: { title: "Renew passport" } }] },
      { text: `Added it. ${"more ".repeat(300)}`, delayMs: 10 },
    );
    const controller = new AbortController();
    const response = await send(user, { message: userMessage("add renew passport") }, controller.signal);
    const reader = response.body!.getReader();
    let seen = "";
    while (!seen.includes("text-delta")) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before any text: ${seen}`);
      seen += new TextDecoder().decode(value);
    }
    // Garbage collection before the abort: under memory pressure it happens anyway, and an abort
    // that reaches the turn only through collectable objects is then lost (seen in CI).
    collectGarbage();
    controller.abort();
    await reader.cancel().catch(() => undefined);
    const assistant = await waitFor(
      () => handle.db.message.findFirst({ where: { userId: user.id, role: "assistant" } }),
      (m) => Boolean((m?.metadata as { aborted?: boolean } | null)?.aborted),
    );
    expect(assistant?.metadata).toMatchObject({ aborted: true });
    expect(await handle.db.message.count({ where: { userId: user.id, role: "user" } })).toBe(1);
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(1);
    await expectConsistent(handle.db, user.id);
  });

  it("with the offline assistant too: aborting right after sending loses nothing", async () => {
    const user = await newUser();
    const controller = new AbortController();
    const response = await send(user, { message: userMessage("add water the plants") }, controller.signal);
    controller.abort();
    await response.body?.cancel().catch(() => undefined);
    await waitFor(
      () => handle.db.message.count({ where: { userId: user.id, role: "assistant" } }),
      (n) => n === 1,
    );
    expect(await handle.db.message.count({ where: { userId: user.id, role: "user" } })).toBe(1);
    await expectConsistent(handle.db, user.id);
  });
});

describe("a tool failing because the database refuses a write", () => {
  afterEach(async () => {
    await handle.exec(
      "DROP TRIGGER IF EXISTS refuse_tasks ON tasks; DROP TRIGGER IF EXISTS refuse_log_success ON task_operation_logs; DROP FUNCTION IF EXISTS refuse_write();",
    );
  });
  const refuse = `CREATE OR REPLACE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$;`;

  it("refusing the task insert: no task, one failed log row, the user told in words, message kept", async () => {
    const user = await newUser();
    await handle.exec(
      `${refuse} CREATE TRIGGER refuse_tasks BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION refuse_write();`,
    );
    const response = await send(user, { message: userMessage("add buy bread") });
    expect(response.status).toBe(200);
    const chunks = await readChunks(response);
    expect(chunks.find((c) => c.type === "tool-output-available")?.output).toMatchObject({
      ok: false,
      code: "internal",
      message: expect.stringMatching(/nothing was changed/),
    });
    expect(text(chunks)).toMatch(/went wrong|try again|couldn|could not/i);
    expect(JSON.stringify(chunks)).not.toMatch(/disk full|\n\s+at |Prisma/);
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(0);
    expect(await handle.db.taskOperationLog.findMany({ where: { userId: user.id } })).toMatchObject([
      { operation: "add", status: "failed" },
    ]);
    expect(await handle.db.message.count({ where: { userId: user.id, role: "user" } })).toBe(1);
    await expectConsistent(handle.db, user.id);
  });

  it("refusing the log row's success: the task insert rolls back with it (no change without its log row)", async () => {
    const user = await newUser();
    await handle.exec(
      // Written as success at once (lib/tasks/add.ts) or updated to it (runLogged): refuse either.
      `${refuse} CREATE TRIGGER refuse_log_success BEFORE INSERT OR UPDATE ON task_operation_logs FOR EACH ROW WHEN (NEW.status = 'success') EXECUTE FUNCTION refuse_write();`,
    );
    const chunks = await readChunks(await send(user, { message: userMessage("add pay the rent") }));
    expect(chunks.find((c) => c.type === "tool-output-available")?.output).toMatchObject({
      ok: false,
      code: "internal",
    });
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(0);
    expect(await handle.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lastTaskNumber: 0 });
    expect(await handle.db.taskOperationLog.findMany({ where: { userId: user.id } })).toMatchObject([
      { status: "failed" },
    ]);
    await expectConsistent(handle.db, user.id);
  });
});

describe("two tabs sending to the same conversation at once", () => {
  it("both messages are kept, each command runs once, counts stay right", async () => {
    const user = await newUser();
    const first = await send(user, { message: userMessage("hello") });
    const id = first.headers.get("x-conversation-id")!;
    await readChunks(first);
    const texts = ["add buy milk", "add call mom", "add pay rent", "add book dentist"];
    const responses = await Promise.all(texts.map((t) => send(user, { id, message: userMessage(t) })));
    for (const r of responses) expect(r.status).toBe(200);
    await Promise.all(responses.map(readChunks));
    const stored = await handle.db.message.findMany({ where: { conversationId: id, role: "user" } });
    expect(stored.map((m) => m.content).sort()).toEqual(["hello", ...texts].sort());
    expect((await handle.db.task.findMany({ where: { userId: user.id } })).map((t) => t.title).sort()).toEqual([
      "Book dentist",
      "Buy milk",
      "Call mom",
      "Pay rent",
    ]);
    expect(await handle.db.message.count({ where: { conversationId: id, role: "assistant" } })).toBe(5);
    await expectConsistent(handle.db, user.id);
  });

  it("the same message sent twice at once (a double submit) is stored once and its command runs once", async () => {
    const user = await newUser();
    const first = await send(user, { message: userMessage("hello") });
    const id = first.headers.get("x-conversation-id")!;
    await readChunks(first);
    const message = userMessage("add renew the car insurance");
    const responses = await Promise.all([send(user, { id, message }), send(user, { id, message })]);
    // One is answered; the other is told, in words, that the message is already being answered.
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = responses.find((r) => r.status === 409)!;
    expect((await refused.json()).error.message).toMatch(/already (been answered|made)|being answered/);
    await readChunks(responses.find((r) => r.status === 200)!);
    expect(await handle.db.message.count({ where: { conversationId: id, role: "user" } })).toBe(2);
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(1);
    await expectConsistent(handle.db, user.id);
  });
});
