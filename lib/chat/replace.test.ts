// Edit & resend and Regenerate through the real chat route: the replaced turns' task changes are
// undone through the operation log, their messages stay stored but out of the chat and the
// agent's context, and another user's ids are not found (nothing changes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { startFakeOpenAI, type FakeOpenAI } from "@/lib/agent/fake-openai";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { dbState } from "@/lib/security/db-state";
import { messagePage } from "./history";
import {
  chatRequestOf,
  readChunks,
  restoreModelEnvAfterEach,
  pointAtModelServer,
  userMessage,
  type Chunk,
} from "@/test/support/chat";
import { handleChat } from "./turn";

let handle: DbHandle;
let fake: FakeOpenAI;
let users = 0;
const NOW = new Date("2026-03-10T14:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake?.close();
  await handle?.close();
});
restoreModelEnvAfterEach();

async function newUser(): Promise<SessionUser> {
  const row = await handle.db.user.create({
    data: { email: `replace${++users}@example.com`, name: "Rita Replace", passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

const send = (user: SessionUser, body: object) => handleChat(handle.db, user, chatRequestOf(body), NOW);
const start = (chunks: Chunk[]) =>
  chunks.find((c) => c.type === "start") as { messageId: string; messageMetadata: Record<string, unknown> } | undefined;

/** Sends `text` and reads the reply to the end: the conversation id and the reply's id. */
async function say(user: SessionUser, text: string, id?: string) {
  const message = userMessage(text);
  const response = await send(user, { id, message });
  expect(response.status).toBe(200);
  const chunks = await readChunks(response);
  return {
    conversationId: response.headers.get("x-conversation-id")!,
    messageId: message.id,
    replyId: start(chunks)!.messageId,
  };
}

const liveTitles = async (userId: string) =>
  (await handle.db.task.findMany({ where: { userId, deletedAt: null }, orderBy: { number: "asc" } })).map(
    (t) => t.title,
  );

async function expectCountsMatch(conversationId: string) {
  const conversation = await handle.db.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    include: { _count: { select: { messages: true } } },
  });
  expect(conversation.messageCount).toBe(conversation._count.messages);
}

describe("regenerate", () => {
  it("undoes the replaced reply's task changes, keeps it marked replaced, and answers the question again", async () => {
    const user = await newUser();
    const first = await say(user, "add buy eggs");
    expect(await liveTitles(user.id)).toEqual(["Buy eggs"]);
    const added = await handle.db.taskOperationLog.findFirstOrThrow({ where: { userId: user.id, operation: "add" } });

    // useChat's regenerate sends the question again; its text is the server's to take.
    const again = userMessage("something else entirely");
    const response = await send(user, {
      id: first.conversationId,
      message: again,
      trigger: "regenerate-message",
      messageId: first.replyId,
    });
    expect(response.status).toBe(200);
    const chunks = await readChunks(response);
    expect(start(chunks)?.messageMetadata).toMatchObject({ replaced: { kind: "regenerate", turns: 1, undone: 1 } });

    // One Buy eggs: the first was undone (deleted), the new reply added it again.
    expect(await liveTitles(user.id)).toEqual(["Buy eggs"]);
    const undo = await handle.db.taskOperationLog.findFirstOrThrow({ where: { userId: user.id, operation: "undo" } });
    expect(undo).toMatchObject({
      status: "success",
      undoOfId: added.id,
      messageId: first.messageId,
      source: "chat",
      originalCommand: "Regenerate: add buy eggs",
    });
    expect(undo.input).toMatchObject({ replace: { kind: "regenerate", messages: [first.messageId], by: again.id } });
    const readded = await handle.db.taskOperationLog.findFirstOrThrow({
      where: { userId: user.id, operation: "add", id: { not: added.id } },
    });
    expect(readded).toMatchObject({ status: "success", messageId: again.id, originalCommand: "add buy eggs" });

    // The replaced turn is kept and marked; the chat shows the new one only.
    const stored = await handle.db.message.findMany({
      where: { conversationId: first.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(stored.map((m) => [m.role, m.content.slice(0, 12), m.replacedById])).toEqual([
      ["user", "add buy eggs", again.id],
      ["assistant", expect.any(String), again.id],
      ["user", "add buy eggs", null],
      ["assistant", expect.any(String), null],
    ]);
    expect(stored[0]!.replacedAt).not.toBeNull();
    expect(stored[3]!.replyToId).toBe(again.id);
    const page = await messagePage(handle.db, user.id, first.conversationId);
    expect(page.messages.map((m) => m.id)).toEqual([again.id, stored[3]!.id]);
    expect(page.messages[1]!.metadata).toMatchObject({ replaced: { kind: "regenerate", undone: 1 } });
    await expectCountsMatch(first.conversationId);

    // The replaced reply can be neither regenerated again nor retried.
    const twice = await send(user, {
      id: first.conversationId,
      message: userMessage("add buy eggs"),
      trigger: "regenerate-message",
      messageId: first.replyId,
    });
    expect(twice.status).toBe(404);
    const retry = await send(user, { id: first.conversationId, message: userMessage("add buy eggs", first.messageId) });
    expect(retry.status).toBe(409);
    expect(await liveTitles(user.id)).toEqual(["Buy eggs"]);
  });

  it("runs the new reply's calls even when the model numbers them as before (call_0): nothing replays the replaced reply", async () => {
    pointAtModelServer(fake.url, "fake-model");
    const user = await newUser();
    fake.push(
      { kind: "tools", calls: [{ name: "add_task", args: { title: "Water plants" }, id: "call_0" }] },
      { kind: "text", text: "Added Water plants." },
    );
    const first = await say(user, "add water plants");
    fake.push(
      { kind: "tools", calls: [{ name: "add_task", args: { title: "Water the plants" }, id: "call_0" }] },
      { kind: "text", text: "Added Water the plants." },
    );
    const response = await send(user, {
      id: first.conversationId,
      message: userMessage("add water plants"),
      trigger: "regenerate-message",
      messageId: first.replyId,
    });
    expect(response.status).toBe(200);
    await readChunks(response);
    expect(await liveTitles(user.id)).toEqual(["Water the plants"]);
  });

  it("only regenerates the latest reply, and refuses what cannot be undone without changing anything", async () => {
    const user = await newUser();
    const first = await say(user, "add buy eggs");
    const second = await say(user, "add call mom", first.conversationId);
    let before = await dbState(handle.db, { userIds: [user.id] });
    const older = await send(user, {
      id: first.conversationId,
      message: userMessage("add buy eggs"),
      trigger: "regenerate-message",
      messageId: first.replyId,
    });
    expect(older.status).toBe(409);
    expect((await older.json()).error.message).toMatch(/latest reply/);
    const userMessageId = await send(user, {
      id: first.conversationId,
      message: userMessage("x"),
      trigger: "regenerate-message",
      messageId: second.messageId,
    });
    expect(userMessageId.status).toBe(400);
    expect(await dbState(handle.db, { userIds: [user.id] })).toEqual(before);

    // The task the reply added was renamed in the task panel since: undoing would overwrite that.
    const task = await handle.db.task.findFirstOrThrow({ where: { userId: user.id, title: "Call mom" } });
    await handle.db.task.update({
      where: { id: task.id },
      data: { title: "Call mum", updatedAt: new Date(Date.now() + 1000) },
    });
    before = await dbState(handle.db, { userIds: [user.id] });
    const changed = await send(user, {
      id: first.conversationId,
      message: userMessage("add call mom"),
      trigger: "regenerate-message",
      messageId: second.replyId,
    });
    expect(changed.status).toBe(409);
    expect((await changed.json()).error.message).toMatch(/has changed since then.*Nothing was replaced\./);
    expect(await dbState(handle.db, { userIds: [user.id] })).toEqual(before);
  });
});

describe("edit & resend", () => {
  it("of an older message replaces it and every turn after it, undoing all their changes", async () => {
    const user = await newUser();
    const first = await say(user, "add buy eggs");
    const id = first.conversationId;
    await say(user, "add call mom", id);
    await say(user, "I called mom", id);
    expect(
      (await handle.db.task.findMany({ where: { userId: user.id, deletedAt: null }, orderBy: { number: "asc" } })).map(
        (t) => [t.title, t.status],
      ),
    ).toEqual([
      ["Buy eggs", "pending"],
      ["Call mom", "completed"],
    ]);
    const kept = await handle.db.taskOperationLog.count({ where: { userId: user.id } });

    // Sent as useChat's sendMessage({ text, messageId }) does: with the edited message's own id.
    const edited = userMessage("add buy milk", first.messageId);
    const response = await send(user, { id, message: edited, trigger: "submit-message", messageId: first.messageId });
    expect(response.status).toBe(200);
    const chunks = await readChunks(response);
    expect(start(chunks)?.messageMetadata).toMatchObject({ replaced: { kind: "edit", turns: 3, undone: 3 } });
    expect(await liveTitles(user.id)).toEqual(["Buy milk"]);

    // Every earlier row stays; three undo rows put the three changes back.
    const logs = await handle.db.taskOperationLog.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "asc" },
    });
    expect(logs).toHaveLength(kept + 3 + 1);
    expect(logs.filter((l) => l.operation === "undo").map((l) => [l.status, l.originalCommand])).toEqual([
      ["success", "Edit & resend: add buy milk"],
      ["success", "Edit & resend: add buy milk"],
      ["success", "Edit & resend: add buy milk"],
    ]);
    const page = await messagePage(handle.db, user.id, id);
    expect(page.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(page.messages[0]!.parts).toEqual([{ type: "text", text: "add buy milk" }]);
    // The new message got its own id: the old one stays as the record of the replaced turn.
    expect(page.messages[0]!.id).not.toBe(first.messageId);
    expect(await handle.db.message.count({ where: { conversationId: id, replacedAt: { not: null } } })).toBe(6);
    await expectCountsMatch(id);
  });

  it("of the latest message keeps the turns before it", async () => {
    const user = await newUser();
    const first = await say(user, "add buy eggs");
    const second = await say(user, "add call mom", first.conversationId);
    const response = await send(user, {
      id: first.conversationId,
      message: userMessage("add call dad"),
      trigger: "submit-message",
      messageId: second.messageId,
    });
    expect(response.status).toBe(200);
    expect(start(await readChunks(response))?.messageMetadata).toMatchObject({
      replaced: { kind: "edit", turns: 1, undone: 1 },
    });
    expect(await liveTitles(user.id)).toEqual(["Buy eggs", "Call dad"]);
    const page = await messagePage(handle.db, user.id, first.conversationId);
    expect(page.messages.filter((m) => m.role === "user").map((m) => (m.parts[0] as { text: string }).text)).toEqual([
      "add buy eggs",
      "add call dad",
    ]);
  });

  it("refuses an edit of a turn that undid an earlier change (an undo cannot be taken back)", async () => {
    const user = await newUser();
    const first = await say(user, "add buy eggs");
    const undo = await say(user, "undo", first.conversationId);
    expect(await liveTitles(user.id)).toEqual([]);
    const before = await dbState(handle.db, { userIds: [user.id] });
    const response = await send(user, {
      id: first.conversationId,
      message: userMessage("add buy milk"),
      trigger: "submit-message",
      messageId: undo.messageId,
    });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/undo cannot be taken back/);
    expect(await dbState(handle.db, { userIds: [user.id] })).toEqual(before);

    // Editing the first message replaces both turns: the add and its undo cancel out.
    const whole = await send(user, {
      id: first.conversationId,
      message: userMessage("add buy milk"),
      trigger: "submit-message",
      messageId: first.messageId,
    });
    expect(whole.status).toBe(200);
    expect(start(await readChunks(whole))?.messageMetadata).toMatchObject({
      replaced: { kind: "edit", turns: 2, undone: 0 },
    });
    expect(await liveTitles(user.id)).toEqual(["Buy milk"]);
  });
});

describe("isolation and bad input", () => {
  it("another user's message id is not found and changes nothing, in either conversation", async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const theirs = await say(owner, "add buy eggs");
    const mine = await say(intruder, "add walk the dog");
    const before = await dbState(handle.db, { userIds: [owner.id, intruder.id] });
    const attempts = [
      {
        id: mine.conversationId,
        message: userMessage("add steal"),
        trigger: "regenerate-message",
        messageId: theirs.replyId,
      },
      {
        id: mine.conversationId,
        message: userMessage("add steal"),
        trigger: "submit-message",
        messageId: theirs.messageId,
      },
      {
        id: theirs.conversationId,
        message: userMessage("add steal"),
        trigger: "regenerate-message",
        messageId: theirs.replyId,
      },
      {
        id: theirs.conversationId,
        message: userMessage("add steal"),
        trigger: "submit-message",
        messageId: theirs.messageId,
      },
      { id: mine.conversationId, message: userMessage("add steal"), trigger: "submit-message", messageId: "not-an-id" },
    ];
    for (const body of attempts) {
      const response = await send(intruder, body);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
    expect(await dbState(handle.db, { userIds: [owner.id, intruder.id] })).toEqual(before);
  });

  it("an edit without its conversation id is refused as bad input", async () => {
    const user = await newUser();
    const first = await say(user, "add buy eggs");
    const response = await send(user, {
      message: userMessage("add buy milk"),
      trigger: "submit-message",
      messageId: first.messageId,
    });
    expect(response.status).toBe(400);
    expect(await liveTitles(user.id)).toEqual(["Buy eggs"]);
  });
});

describe("the agent's context", () => {
  it("holds no replaced turn", async () => {
    pointAtModelServer(fake.url, "fake-model");
    const user = await newUser();
    fake.push({ kind: "text", text: "Noted the eggs." });
    const first = await say(user, "remember the eggs");
    fake.push({ kind: "text", text: "Noted the milk." });
    await readChunks(
      await send(user, {
        id: first.conversationId,
        message: userMessage("remember the milk"),
        trigger: "submit-message",
        messageId: first.messageId,
      }),
    );
    fake.push({ kind: "text", text: "The milk." });
    const before = fake.requests.length;
    await say(user, "what did I ask you to remember?", first.conversationId);
    const history = JSON.stringify(fake.requests[before]!.messages.filter((m) => m.role !== "system"));
    expect(history).toContain("remember the milk");
    expect(history).toContain("Noted the milk.");
    expect(history).not.toContain("eggs");
  });
});
