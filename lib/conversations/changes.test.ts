import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { AppError } from "@/lib/errors";
import { deleteConversation, renameConversation, setConversationArchived } from "./changes";
import { listConversations } from "./list";

let handle: DbHandle;
let alice: string;
let bob: string;
let conversation: string;
const UPDATED = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  [alice, bob] = await Promise.all(
    ["alice", "bob"].map(
      async (name) =>
        (await handle.db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x" } })).id,
    ),
  );
});
afterAll(() => handle?.close());
beforeEach(async () => {
  conversation = (
    await handle.db.conversation.create({ data: { userId: alice, title: "Groceries", updatedAt: UPDATED } })
  ).id;
});

const row = () => handle.db.conversation.findUnique({ where: { id: conversation } });

async function expectNotFound(attempt: Promise<unknown>) {
  await expect(attempt).rejects.toBeInstanceOf(AppError);
  await expect(attempt).rejects.toMatchObject({ code: "not_found", message: "Conversation not found." });
}

describe("renameConversation", () => {
  it("trims the title and keeps the conversation's place in the list", async () => {
    expect(await renameConversation(handle.db, alice, { id: conversation, title: "  Weekly shop  " })).toEqual({
      id: conversation,
      title: "Weekly shop",
    });
    expect(await row()).toMatchObject({ title: "Weekly shop", updatedAt: UPDATED });
  });

  it("refuses blank and over-long titles and changes nothing", async () => {
    await expect(renameConversation(handle.db, alice, { id: conversation, title: "   " })).rejects.toMatchObject({
      code: "bad_request",
      message: "Enter a title.",
    });
    await expect(
      renameConversation(handle.db, alice, { id: conversation, title: "x".repeat(201) }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: "Keep the title to at most 200 characters.",
    });
    expect(await renameConversation(handle.db, alice, { id: conversation, title: "x".repeat(200) })).toMatchObject({
      title: "x".repeat(200),
    });
    await handle.db.conversation.update({ where: { id: conversation }, data: { title: "Groceries" } });
    expect((await row())?.title).toBe("Groceries");
  });

  it("treats another user's or a malformed id as not found", async () => {
    await expectNotFound(renameConversation(handle.db, bob, { id: conversation, title: "Mine now" }));
    await expectNotFound(renameConversation(handle.db, alice, { id: "nope", title: "Whatever" }));
    await expectNotFound(renameConversation(handle.db, alice, { id: crypto.randomUUID(), title: "Whatever" }));
    expect((await row())?.title).toBe("Groceries");
  });
});

describe("archiving", () => {
  it("moves a conversation to the archived view and back", async () => {
    await setConversationArchived(handle.db, alice, conversation, true);
    expect((await listConversations(handle.db, alice)).items.map((item) => item.id)).not.toContain(conversation);
    expect((await listConversations(handle.db, alice, { view: "archived" })).items.map((item) => item.id)).toContain(
      conversation,
    );
    expect(await row()).toMatchObject({ status: "archived", updatedAt: UPDATED });

    await setConversationArchived(handle.db, alice, conversation, false);
    expect((await listConversations(handle.db, alice)).items.map((item) => item.id)).toContain(conversation);
    expect(
      (await listConversations(handle.db, alice, { view: "archived" })).items.map((item) => item.id),
    ).not.toContain(conversation);
  });

  it("cannot touch another user's conversation", async () => {
    await expectNotFound(setConversationArchived(handle.db, bob, conversation, true));
    await expectNotFound(setConversationArchived(handle.db, alice, "../etc", true));
    expect((await row())?.status).toBe("active");
  });
});

describe("deleteConversation", () => {
  it("removes the conversation and its messages but keeps the operation log", async () => {
    const message = await handle.db.message.create({
      data: { conversationId: conversation, userId: alice, role: "user", content: "add milk" },
    });
    const log = await handle.db.taskOperationLog.create({
      data: { userId: alice, conversationId: conversation, messageId: message.id, operation: "add", status: "success" },
    });
    await deleteConversation(handle.db, alice, conversation);
    expect(await row()).toBeNull();
    expect(await handle.db.message.count({ where: { conversationId: conversation } })).toBe(0);
    expect(await handle.db.taskOperationLog.findUnique({ where: { id: log.id } })).toMatchObject({
      conversationId: null,
      messageId: null,
    });
    await expectNotFound(deleteConversation(handle.db, alice, conversation));
  });

  it("cannot delete another user's conversation", async () => {
    await expectNotFound(deleteConversation(handle.db, bob, conversation));
    expect(await row()).not.toBeNull();
  });
});
