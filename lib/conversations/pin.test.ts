// Pinned conversations: a section of their own on top of the active list's first page, newest
// pin first, while the keyset pages under it go through every other chat exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { setConversationArchived, setConversationPinned } from "./changes";
import { listConversations } from "./list";
import { PIN_MAX } from "./schemas";
import type { ConversationPage } from "./types";

let handle: DbHandle;
let alice: string;
let bob: string;
const chats: string[] = []; // Alice's, newest activity first
const BASE = Date.parse("2026-11-20T12:00:00Z");
const at = (minutes: number) => new Date(BASE + minutes * 60_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  [alice, bob] = await Promise.all(
    ["alice", "bob"].map(
      async (name) =>
        (await handle.db.user.create({ data: { email: `pin-${name}@example.com`, name, passwordHash: "x" } })).id,
    ),
  );
  for (let i = 0; i < 45; i++) {
    chats.push(
      (await handle.db.conversation.create({ data: { userId: alice, title: `Chat ${i}`, updatedAt: at(-i) } })).id,
    );
  }
});
afterAll(() => handle?.close());

async function everyPage(userId: string): Promise<ConversationPage[]> {
  const pages: ConversationPage[] = [];
  let cursor: string | null = null;
  do {
    const page = await listConversations(handle.db, userId, { cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe("pinning", () => {
  it("shows pinned chats on top, newest pin first, and pages through the rest exactly once", async () => {
    // Pinned in this order: Chat 30, Chat 2, then Chat 19 (which sits on a page boundary).
    await setConversationPinned(handle.db, alice, chats[30]!, true, at(1));
    await setConversationPinned(handle.db, alice, chats[2]!, true, at(2));
    await setConversationPinned(handle.db, alice, chats[19]!, true, at(3));
    const pages = await everyPage(alice);
    expect(pages[0]!.pinned!.map((c) => c.title)).toEqual(["Chat 19", "Chat 2", "Chat 30"]);
    expect(pages[0]!.pinned![0]!.pinnedAt).toBe(at(3).toISOString());
    expect(pages.slice(1).every((page) => page.pinned === undefined)).toBe(true);
    const rest = pages.flatMap((page) => page.items);
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 2]);
    expect(rest.map((c) => c.title)).toEqual(
      chats.map((_, i) => `Chat ${i}`).filter((t) => !["Chat 2", "Chat 19", "Chat 30"].includes(t)),
    );
    expect(rest.every((c) => c.pinnedAt === null)).toBe(true);
  });

  it("pinning again keeps the pin's place; unpinning puts the chat back by its activity", async () => {
    expect(await setConversationPinned(handle.db, alice, chats[30]!, true, at(9))).toEqual({
      pinnedAt: at(1).toISOString(),
    });
    expect((await listConversations(handle.db, alice)).pinned!.map((c) => c.title)).toEqual([
      "Chat 19",
      "Chat 2",
      "Chat 30",
    ]);
    await setConversationPinned(handle.db, alice, chats[2]!, false);
    const first = await listConversations(handle.db, alice);
    expect(first.pinned!.map((c) => c.title)).toEqual(["Chat 19", "Chat 30"]);
    expect(first.items.slice(0, 3).map((c) => c.title)).toEqual(["Chat 0", "Chat 1", "Chat 2"]);
    // Unpinning what is not pinned is no error.
    await setConversationPinned(handle.db, alice, chats[2]!, false);
  });

  it("a search lists pinned chats among the others, each saying it is pinned", async () => {
    const page = await listConversations(handle.db, alice, { query: "chat 19" });
    expect(page.pinned).toBeUndefined();
    expect(page.items).toEqual([expect.objectContaining({ title: "Chat 19", pinnedAt: at(3).toISOString() })]);
  });

  it("archiving unpins; an archived chat cannot be pinned until restored", async () => {
    await setConversationArchived(handle.db, alice, chats[19]!, true);
    expect((await listConversations(handle.db, alice)).pinned!.map((c) => c.title)).toEqual(["Chat 30"]);
    await expect(setConversationPinned(handle.db, alice, chats[19]!, true)).rejects.toMatchObject({
      code: "conflict",
      message: "Restore the conversation before pinning it.",
    });
    await setConversationArchived(handle.db, alice, chats[19]!, false);
    const restored = await listConversations(handle.db, alice);
    expect(restored.pinned!.map((c) => c.title)).toEqual(["Chat 30"]);
    expect(restored.items.find((c) => c.id === chats[19])?.pinnedAt).toBeNull();
  });

  it("another user's chat, or an id that is not one, is not found; nothing changes", async () => {
    await expect(setConversationPinned(handle.db, bob, chats[5]!, true)).rejects.toMatchObject({
      code: "not_found",
      message: "Conversation not found.",
    });
    await expect(setConversationPinned(handle.db, bob, chats[30]!, false)).rejects.toMatchObject({ code: "not_found" });
    await expect(setConversationPinned(handle.db, alice, "not-an-id", true)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listConversations(handle.db, bob)).pinned).toEqual([]);
    expect((await listConversations(handle.db, alice)).pinned!.map((c) => c.title)).toEqual(["Chat 30"]);
  });

  it(`keeps at most ${PIN_MAX} pinned`, async () => {
    for (let i = 0; i < PIN_MAX - 1; i++) await setConversationPinned(handle.db, alice, chats[i]!, true, at(10 + i));
    await expect(setConversationPinned(handle.db, alice, chats[40]!, true)).rejects.toMatchObject({
      code: "limit",
      message: `At most ${PIN_MAX} conversations can be pinned. Unpin one first.`,
    });
    const pages = await everyPage(alice);
    expect(pages[0]!.pinned).toHaveLength(PIN_MAX);
    expect(new Set([...pages[0]!.pinned!, ...pages.flatMap((p) => p.items)].map((c) => c.id)).size).toBe(45);
  });
});
