// The isolation matrix at the library level: user A tries user B's conversation, message, task
// and operation ids through every server action (the real action functions, with only the
// session and the process's database swapped for test ones), every agent tool, the task service
// and the chat turn. Each attempt must come back not found / unauthorised and leave the
// database exactly as it was (apart from the failed log rows that record refusals). Signed-out
// callers and non-admins are covered for the actions; e2e/isolation.spec.ts does routes and pages.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import type { SessionUser } from "@/lib/auth/users";
import { chatRequestOf, readChunks, userMessage } from "@/test/support/chat";
import { handleChat } from "@/lib/chat/turn";
import { buildTools, type ToolName } from "@/lib/agent/tools";
import * as service from "@/lib/tasks/service";
import { dbState } from "./db-state";

// The session and the database the actions see: swapped per test, everything else is real.
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string; role: "user" | "admin" },
  db: null as unknown,
}));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.user ? { user: session.user } : null) }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const chatActions = await import("@/app/(app)/(chat)/actions/chat");
const conversationActions = await import("@/app/(app)/(chat)/actions/conversations");
const taskActions = await import("@/app/(app)/(chat)/actions/tasks");
const adminActions = await import("@/app/(app)/admin/logs/actions");

let handle: DbHandle;
let a: SessionUser;
let b: SessionUser;
let admin: SessionUser;
/** B's ids that A must not reach. */
let bIds: { conversation: string; userMessage: string; assistantMessage: string; operation: string; taskId: string };
let aConversation: string;

const NOW = new Date("2026-03-10T14:00:00Z");

async function makeUser(email: string, role: "user" | "admin" = "user"): Promise<SessionUser> {
  const row = await handle.db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: "x", role } });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** A real chat turn, so B's data is shaped exactly as production stores it. */
async function say(user: SessionUser, text: string, id?: string): Promise<string> {
  const response = await handleChat(handle.db, user, chatRequestOf({ id, message: userMessage(text) }), NOW);
  expect(response.status).toBe(200);
  await readChunks(response);
  return response.headers.get("x-conversation-id")!;
}

function signInAs(user: SessionUser | null) {
  session.user = user && { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Runs `attempt` and proves that nothing but failed log rows was written. */
async function unchanged<T>(attempt: () => Promise<T>): Promise<T> {
  const before = await dbState(handle.db);
  const result = await attempt();
  expect(await dbState(handle.db)).toEqual(before);
  return result;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  a = await makeUser("alice@example.com");
  b = await makeUser("bob@example.com");
  admin = await makeUser("ada@example.com", "admin");
  // B: three tasks with distinctive titles, a conversation with messages and a logged operation.
  const bConversation = await say(b, "add bob's secret payroll");
  for (const title of ["Bob's tax return", "Bob's medical file"])
    await service.addTask(handle.db, { userId: b.id, source: "ui" }, { title });
  const messages = await handle.db.message.findMany({
    where: { conversationId: bConversation },
    orderBy: { createdAt: "asc" },
  });
  const op = await handle.db.taskOperationLog.findFirstOrThrow({ where: { userId: b.id, status: "success" } });
  const task = await handle.db.task.findFirstOrThrow({ where: { userId: b.id, number: 2 } });
  bIds = {
    conversation: bConversation,
    userMessage: messages[0]!.id,
    assistantMessage: messages[1]!.id,
    operation: op.id,
    taskId: task.id,
  };
  expect(await handle.db.task.count({ where: { userId: b.id } })).toBe(3);
  // A: one task of their own (#1, the same number as B's first), in their own conversation.
  aConversation = await say(a, "add water the plants");
});
afterAll(() => handle?.close());
beforeEach(() => signInAs(null));

describe("server actions, signed in as A with B's ids", () => {
  beforeEach(() => signInAs(a));

  it("chat actions: older messages and feedback on B's conversation and messages are not found", async () => {
    const results = await unchanged(async () => [
      await chatActions.loadOlderMessagesAction(bIds.conversation, bIds.assistantMessage),
      await chatActions.loadOlderMessagesAction(aConversation, bIds.assistantMessage),
      await chatActions.setFeedbackAction(bIds.assistantMessage, "down"),
      await chatActions.setFeedbackAction(bIds.userMessage, "up"),
    ]);
    for (const r of results) expect(r).toEqual({ ok: false, message: expect.stringMatching(/does not exist/) });
  });

  it("conversation actions: B's conversation cannot be renamed, archived or deleted, and never lists", async () => {
    const results = await unchanged(async () => [
      await conversationActions.renameConversationAction(bIds.conversation, "pwned"),
      await conversationActions.archiveConversationAction(bIds.conversation, true),
      await conversationActions.deleteConversationAction(bIds.conversation),
    ]);
    for (const r of results) expect(r).toEqual({ ok: false, message: "Conversation not found." });
    for (const query of ["", "bob", "payroll"]) {
      for (const view of ["active", "archived"] as const) {
        const listed = await conversationActions.listConversationsAction({ query, view });
        if (!listed.ok) throw new Error(listed.message);
        expect(listed.items.every((c) => c.id === aConversation)).toBe(true);
        expect(JSON.stringify(listed)).not.toMatch(/bob|payroll/i);
      }
    }
  });

  it("task actions: B's task numbers, titles, row ids and operation ids are not found; lists hold only A's tasks", async () => {
    const refs = [2, 3, "bob's secret payroll", "payroll", bIds.taskId, "#3"];
    const results = await unchanged(async () => {
      const out = [];
      for (const task of refs) {
        out.push(await taskActions.completeTaskAction({ task }, "UTC"));
        out.push(await taskActions.completeTaskAction({ task, completed: false }, "UTC"));
        out.push(await taskActions.updateTaskAction({ task, title: "pwned", priority: "low" }, "UTC"));
      }
      for (const n of [2, 3]) out.push(await taskActions.deleteTaskAction(n, "UTC"));
      out.push(await taskActions.undoTaskOperationAction(bIds.operation, "UTC"));
      return out;
    });
    for (const r of results) expect(r.ok).toBe(false);
    for (const status of ["all", "pending", "completed"] as const) {
      const listed = await taskActions.listTasksAction(status, "UTC");
      if (!listed.ok) throw new Error(listed.message);
      expect(listed.tasks.every((t) => t.title === "Water the plants")).toBe(true);
    }
  });

  it("admin undo: a non-admin is told it does not exist, B's operation stays", async () => {
    const form = new FormData();
    form.set("operationId", bIds.operation);
    const result = await unchanged(() => adminActions.undoOperationAction(null, form));
    expect(result).toEqual({ ok: false, message: "Not found." });
  });
});

describe("server actions, signed out", () => {
  it("every action answers 'Sign in to continue.' and changes nothing", async () => {
    const form = new FormData();
    form.set("operationId", bIds.operation);
    const results = await unchanged(async () => [
      await chatActions.loadOlderMessagesAction(bIds.conversation, bIds.assistantMessage),
      await chatActions.setFeedbackAction(bIds.assistantMessage, "up"),
      await conversationActions.listConversationsAction({}),
      await conversationActions.renameConversationAction(bIds.conversation, "x"),
      await conversationActions.archiveConversationAction(bIds.conversation, true),
      await conversationActions.deleteConversationAction(bIds.conversation),
      await taskActions.listTasksAction("all", "UTC"),
      await taskActions.completeTaskAction({ task: 1 }, "UTC"),
      await taskActions.updateTaskAction({ task: 1, title: "x" }, "UTC"),
      await taskActions.deleteTaskAction(1, "UTC"),
      await taskActions.undoTaskOperationAction(bIds.operation, "UTC"),
      await adminActions.undoOperationAction(null, form),
    ]);
    for (const r of results) expect(r).toEqual({ ok: false, message: "Sign in to continue." });
    // Refusals before the service runs leave no log rows at all.
    expect(
      await handle.db.taskOperationLog.count({ where: { status: "failed", userId: { notIn: [a.id, b.id] } } }),
    ).toBe(0);
  });

  it("the admin's undo works for the admin (the guard is what stops the others)", async () => {
    signInAs(admin);
    const c = await makeUser("carol@example.com");
    await say(c, "add carol's errand");
    const op = await handle.db.taskOperationLog.findFirstOrThrow({
      where: { userId: c.id, operation: "add", status: "success" },
    });
    const form = new FormData();
    form.set("operationId", op.id);
    expect(await adminActions.undoOperationAction(null, form)).toMatchObject({ ok: true });
  });
});

describe("agent tools, acting for A", () => {
  it("B's task numbers, titles and operation ids are not found; list_tasks shows only A's tasks; no tool takes a user id", async () => {
    const tools = buildTools({
      db: handle.db,
      ctx: { userId: a.id, source: "chat", conversationId: aConversation, timeZone: "UTC" },
    });
    let call = 0;
    const run = (name: ToolName, input: object) =>
      (
        tools[name].execute as unknown as (
          i: object,
          o: { toolCallId: string; messages: never[] },
        ) => Promise<{ ok: boolean; code?: string; tasks?: { title: string }[] }>
      )(input, {
        toolCallId: `iso-${++call}-${Math.random()}`,
        messages: [],
      });
    const refused = await unchanged(async () => [
      await run("complete_task", { task: 2 }),
      await run("complete_task", { task: "bob's tax return" }),
      await run("update_task", { task: 3, title: "pwned" }),
      await run("update_task", { task: "payroll", priority: "low" }),
      await run("delete_task", { task: 2 }),
      await run("delete_task", { task: "medical" }),
      await run("undo_operation", { operationId: bIds.operation }),
      // A model naming a user, or another user's conversation, gets nowhere: the schema refuses
      // unknown fields, and the user comes only from the session.
      await run("add_task", { title: "x", userId: b.id }),
      await run("list_tasks", { userId: b.id }),
      await run("complete_task", { task: 1, userId: b.id }),
    ]);
    for (const r of refused) expect(r.ok).toBe(false);
    const listed = await run("list_tasks", { status: "all" });
    expect(listed.tasks?.map((t) => t.title)).toEqual(["Water the plants"]);
    const searched = await run("list_tasks", { search: "bob" });
    expect(searched.tasks).toEqual([]);
  });

  it("undo without an id, run in B's conversation for A, finds nothing of B's", async () => {
    const result = await unchanged(() =>
      service.undoOperation(handle.db, { userId: a.id, source: "chat", conversationId: bIds.conversation }, {}),
    );
    expect(result).toMatchObject({ ok: false, code: "nothing_to_undo" });
  });

  it("the service's restore does not reach B's deleted task", async () => {
    await service.deleteTask(handle.db, { userId: b.id, source: "ui" }, { task: 3 });
    const result = await unchanged(() => service.restoreTask(handle.db, { userId: a.id, source: "ui" }, { task: 3 }));
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await handle.db.task.findFirst({ where: { userId: b.id, number: 3 } })).toMatchObject({
      deletedAt: expect.any(Date),
    });
  });
});

describe("the chat turn, as A", () => {
  const send = (body: object) => handleChat(handle.db, a, chatRequestOf(body), NOW);

  it("B's conversation is not found for a new message or an approval answer", async () => {
    const responses = await unchanged(async () => [
      await send({ id: bIds.conversation, message: userMessage("delete task 1") }),
      await send({ id: bIds.conversation, message: { id: bIds.assistantMessage, role: "assistant", parts: [] } }),
    ]);
    for (const r of responses) {
      expect(r.status).toBe(404);
      expect((await r.json()).error.code).toBe("not_found");
    }
  });

  it("B's assistant message cannot be answered as an approval in A's own conversation", async () => {
    const response = await unchanged(() =>
      send({
        id: aConversation,
        message: {
          id: bIds.assistantMessage,
          role: "assistant",
          parts: [
            {
              type: "tool-complete_task",
              toolCallId: "x",
              state: "approval-responded",
              approval: { id: "x", approved: true },
            },
          ],
        },
      }),
    );
    expect(response.status).toBe(404);
  });

  it("a user message that reuses B's message id is stored as A's own, and B's message is untouched", async () => {
    const bState = await dbState(handle.db, { userIds: [b.id] });
    const response = await send({ id: aConversation, message: userMessage("show my tasks", bIds.userMessage) });
    expect(response.status).toBe(200);
    await readChunks(response);
    expect(await dbState(handle.db, { userIds: [b.id] })).toEqual(bState);
    const stored = await handle.db.message.findFirst({
      where: { conversationId: aConversation, content: "show my tasks" },
    });
    expect(stored).toMatchObject({ userId: a.id });
    expect(stored!.id).not.toBe(bIds.userMessage);
  });

  it("a message asking about B's tasks by number and title changes only A's data", async () => {
    const bState = await dbState(handle.db, { userIds: [b.id] });
    for (const text of [
      "complete task 2",
      "delete task 3",
      "rename task 2 to pwned",
      "mark the tax return done",
      "undo",
    ]) {
      const response = await send({ id: aConversation, message: userMessage(text) });
      expect(response.status).toBe(200);
      // B's titles never reach A (A's own words may be echoed back, so match the stored titles).
      expect(JSON.stringify(await readChunks(response))).not.toMatch(
        /Bob's secret payroll|Bob's tax return|Bob's medical file|payroll|medical/i,
      );
    }
    expect(await dbState(handle.db, { userIds: [b.id] })).toEqual(bState);
  });
});
