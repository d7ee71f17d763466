import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { encodeCursor } from "@/lib/cursor";
import { listConversations } from "./list";

let handle: DbHandle;
let alice: string;
let bob: string;
const BASE = Date.parse("2026-11-20T12:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  [alice, bob] = await Promise.all(
    ["alice", "bob"].map(
      async (name) => (await db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x" } })).id,
    ),
  );
  // 45 conversations for Alice, one a minute apart, plus three sharing one timestamp so the
  // id tie-breaker is exercised at a page boundary.
  for (let i = 0; i < 45; i++) {
    const updatedAt = new Date(i >= 18 && i <= 20 ? BASE - 18 * 60_000 : BASE - i * 60_000);
    await db.conversation.create({ data: { userId: alice, title: `Chat ${i}`, updatedAt } });
  }
  await db.conversation.create({ data: { userId: bob, title: "Bob's groceries", updatedAt: new Date(BASE + 60_000) } });
});
afterAll(() => handle?.close());

async function everyPage(userId: string, input: { view?: "active" | "archived"; query?: string } = {}) {
  const pages = [];
  let cursor: string | null = null;
  do {
    const page = await listConversations(handle.db, userId, { ...input, cursor });
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe("listConversations", () => {
  it("pages 20 at a time, latest activity first, each conversation exactly once", async () => {
    const pages = await everyPage(alice);
    expect(pages.map((page) => page.length)).toEqual([20, 20, 5]);
    const all = pages.flat();
    expect(new Set(all.map((item) => item.id)).size).toBe(45);
    for (let i = 1; i < all.length; i++) {
      const [prev, next] = [all[i - 1]!, all[i]!];
      expect(prev.updatedAt > next.updatedAt || (prev.updatedAt === next.updatedAt && prev.id > next.id)).toBe(true);
    }
    expect(all[0]).toMatchObject({ title: "Chat 0", status: "active", updatedAt: new Date(BASE).toISOString() });
  });

  it("shows only the user's own conversations", async () => {
    const bobs = await listConversations(handle.db, bob);
    expect(bobs.items.map((item) => item.title)).toEqual(["Bob's groceries"]);
    expect(bobs.nextCursor).toBeNull();
    const found = await listConversations(handle.db, alice, { query: "groceries" });
    expect(found.items).toEqual([]);
  });

  it("a conversation with new activity moves to the top without repeating within the next page", async () => {
    const first = await listConversations(handle.db, alice);
    const moved = first.items[5]!;
    await handle.db.conversation.update({ where: { id: moved.id }, data: { updatedAt: new Date(BASE + 3_600_000) } });
    const second = await listConversations(handle.db, alice, { cursor: first.nextCursor });
    expect(second.items.map((item) => item.id)).not.toContain(moved.id);
    expect((await listConversations(handle.db, alice)).items[0]!.id).toBe(moved.id);
  });

  it("restarts at the top when the cursor is garbage", async () => {
    const page = await listConversations(handle.db, alice, { cursor: "not-a-cursor" });
    expect(page.items).toHaveLength(20);
    const forged = await listConversations(handle.db, alice, { cursor: Buffer.from('{"u":1}').toString("base64url") });
    expect(forged.items).toHaveLength(20);
  });

  it("continues after a cursor made from any row", async () => {
    const page = await listConversations(handle.db, alice, {
      cursor: encodeCursor({ at: new Date(BASE + 120_000), id: "ffffffff-ffff-4fff-bfff-ffffffffffff" }),
    });
    expect(page.items).toHaveLength(20);
  });
});

describe("searching", () => {
  let planning: string;
  beforeAll(async () => {
    const db = handle.db;
    const conversation = await db.conversation.create({
      data: { userId: alice, title: "Weekend", updatedAt: new Date(BASE - 3_600_000) },
    });
    planning = conversation.id;
    await db.message.create({
      data: {
        conversationId: planning,
        userId: alice,
        role: "user",
        content: "Remind me to book the DENTIST appointment for Tuesday morning please",
      },
    });
    await db.message.create({
      data: { conversationId: planning, userId: alice, role: "assistant", content: "Done: 100% sure." },
    });
  });

  it("matches titles, case-insensitively", async () => {
    const page = await listConversations(handle.db, alice, { query: "  chat 4 " });
    expect(page.items.map((item) => item.title).sort()).toEqual([
      "Chat 4",
      "Chat 40",
      "Chat 41",
      "Chat 42",
      "Chat 43",
      "Chat 44",
    ]);
    expect(page.items.every((item) => item.snippet === undefined)).toBe(true);
  });

  it("matches message text and shows where", async () => {
    const page = await listConversations(handle.db, alice, { query: "dentist" });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: planning, title: "Weekend" });
    expect(page.items[0]!.snippet).toContain("DENTIST appointment");
  });

  it("treats % and _ as plain characters", async () => {
    expect((await listConversations(handle.db, alice, { query: "100%" })).items.map((item) => item.id)).toEqual([
      planning,
    ]);
    expect((await listConversations(handle.db, alice, { query: "%" })).items.map((item) => item.id)).toEqual([
      planning,
    ]);
    expect((await listConversations(handle.db, alice, { query: "_" })).items).toEqual([]);
  });

  it("pages search results with the same cursor", async () => {
    const pages = await everyPage(alice, { query: "chat" });
    expect(pages.map((page) => page.length)).toEqual([20, 20, 5]);
  });

  it("refuses an over-long search", async () => {
    await expect(listConversations(handle.db, alice, { query: "x".repeat(201) })).rejects.toMatchObject({
      code: "bad_request",
      message: "Search for at most 200 characters.",
    });
  });
});

describe("searching from the active list", () => {
  it("finds archived conversations too, each saying which it is; the archived list stays archived only", async () => {
    const carol = (
      await handle.db.user.create({ data: { email: "carol@example.com", name: "Carol", passwordHash: "x" } })
    ).id;
    await handle.db.conversation.create({ data: { userId: carol, title: "Passport renewal", status: "archived" } });
    await handle.db.conversation.create({ data: { userId: carol, title: "Passport photos" } });
    const found = await listConversations(handle.db, carol, { query: "passport" });
    expect(found.items.map((i) => [i.title, i.status]).sort()).toEqual([
      ["Passport photos", "active"],
      ["Passport renewal", "archived"],
    ]);
    expect((await listConversations(handle.db, carol)).items.map((i) => i.title)).toEqual(["Passport photos"]);
    expect(
      (await listConversations(handle.db, carol, { view: "archived", query: "passport" })).items.map((i) => i.title),
    ).toEqual(["Passport renewal"]);
  });
});
