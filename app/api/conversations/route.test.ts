// GET /api/conversations as Next calls it: the real route handler and conversation list, with
// only the session and the process's database swapped for test ones. Signed out is a 401; a
// user pages through their own conversations and never sees another user's.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { PAGE_SIZE } from "@/lib/conversations/schemas";
import type { ConversationPage } from "@/lib/conversations/types";

const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string; role: "user" | "admin" },
  version: 0,
  db: null as unknown,
}));
// next-auth's wrapper as withApiSession uses it: the handler finds the session on request.auth.
vi.mock("@/lib/auth/index", () => ({
  auth: (handler: (request: NextRequest & { auth: unknown }) => Promise<Response>) => async (request: NextRequest) =>
    handler(
      Object.assign(request, { auth: session.user ? { user: session.user, sessionVersion: session.version } : null }),
    ),
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));

const { GET } = await import("./route");

type User = { id: string; email: string; name: string; role: "user" };
let handle: DbHandle;
let ann: User;
let bob: User;

async function makeUser(name: string): Promise<User> {
  const row = await handle.db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x" } });
  return { id: row.id, email: row.email, name: row.name, role: "user" };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  ann = await makeUser("ann");
  bob = await makeUser("bob");
  const start = Date.UTC(2026, 2, 1);
  // One more than a page, a minute apart, so the order (latest first) is known.
  for (let i = 0; i <= PAGE_SIZE; i++) {
    const at = new Date(start + i * 60_000);
    await handle.db.conversation.create({
      data: { userId: ann.id, title: `Ann plan ${i}`, createdAt: at, updatedAt: at },
    });
  }
  await handle.db.conversation.create({ data: { userId: ann.id, title: "Ann old trip", status: "archived" } });
  await handle.db.conversation.create({ data: { userId: bob.id, title: "Bob plan" } });
});
afterAll(() => handle?.close());

const get = async (query: string) => GET(new NextRequest(`http://localhost/api/conversations?${query}`));
const page = async (query: string) => {
  const response = await get(query);
  expect(response.status).toBe(200);
  return (await response.json()) as ConversationPage;
};

describe("GET /api/conversations", () => {
  it("answers 401 without a session, and for a session signed out elsewhere", async () => {
    session.user = null;
    const response = await get("view=active");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
    session.user = ann;
    session.version = 1; // the account is at version 0: this token's session is not the current one
    expect((await get("view=active")).status).toBe(401);
    session.version = 0;
  });

  it("pages through the user's own list, latest first", async () => {
    session.user = ann;
    const first = await page("view=active&q=");
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.items[0]!.title).toBe(`Ann plan ${PAGE_SIZE}`);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await page(`view=active&q=&cursor=${first.nextCursor}`);
    expect(second.items.map((c) => c.title)).toEqual(["Ann plan 0"]);
    expect(second.nextCursor).toBeNull();
    expect((await page("view=archived")).items.map((c) => c.title)).toEqual(["Ann old trip"]);
  });

  it("never shows another user's conversations, listed or searched", async () => {
    session.user = bob;
    expect((await page("view=active")).items.map((c) => c.title)).toEqual(["Bob plan"]);
    expect((await page("view=active&q=Ann")).items).toEqual([]);
    expect((await page("view=archived")).items).toEqual([]);
    session.user = ann;
    expect((await page("view=active&q=Bob")).items).toEqual([]);
  });

  it("gives the pinned chats with the first page only, apart from the pages of the rest", async () => {
    session.user = ann;
    const pinned = await handle.db.conversation.findFirstOrThrow({ where: { userId: ann.id, title: "Ann plan 3" } });
    await handle.db.conversation.update({ where: { id: pinned.id }, data: { pinnedAt: new Date() } });
    const first = await page("view=active&q=");
    expect(first.pinned!.map((c) => c.title)).toEqual(["Ann plan 3"]);
    expect(first.items.map((c) => c.title)).not.toContain("Ann plan 3");
    // The other 20 fill the page exactly: there is no next one.
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.nextCursor).toBeNull();
    await handle.db.conversation.update({ where: { id: pinned.id }, data: { pinnedAt: null } });
    const unpinned = await page("view=active&q=");
    expect(unpinned.pinned).toEqual([]);
    const second = await page(`view=active&q=&cursor=${unpinned.nextCursor}`);
    expect(second.pinned).toBeUndefined();
    expect(second.items.map((c) => c.title)).toEqual(["Ann plan 0"]);
  });

  it("refuses a bad view or an over-long search with a clear 400", async () => {
    session.user = ann;
    const view = await get("view=deleted");
    expect(view.status).toBe(400);
    const search = await get(`view=active&q=${"x".repeat(201)}`);
    expect(search.status).toBe(400);
    expect((await search.json()).error.message).toBe("Search for at most 200 characters.");
  });
});
