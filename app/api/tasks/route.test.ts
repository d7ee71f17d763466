// GET /api/tasks as Next calls it: the real route handler and task service, with only the
// session and the process's database swapped for test ones. Signed out (or signed out
// elsewhere) is a 401; a user sees their own tasks and never another user's.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import * as service from "@/lib/tasks/service";

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

let handle: DbHandle;
const users: Record<"ann" | "bob", { id: string; email: string; name: string; role: "user" }> = {} as never;

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  for (const name of ["ann", "bob"] as const) {
    const row = await handle.db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x" } });
    users[name] = { id: row.id, email: row.email, name: row.name, role: "user" };
  }
  await service.addTask(handle.db, { userId: users.ann.id, source: "ui" }, { title: "Ann's secret errand" });
  const done = await service.addTask(
    handle.db,
    { userId: users.ann.id, source: "ui" },
    { title: "Ann's finished errand" },
  );
  if (!done.ok || !("task" in done) || !done.task) throw new Error("seed failed");
  await service.completeTask(handle.db, { userId: users.ann.id, source: "ui" }, { task: done.task.number });
  await service.addTask(handle.db, { userId: users.bob.id, source: "ui" }, { title: "Bob's chore" });
});
afterAll(() => handle?.close());

const get = (query = "") => GET(new NextRequest(`http://localhost/api/tasks${query}`));

describe("GET /api/tasks", () => {
  it("answers 401 without a session, and for a session signed out elsewhere", async () => {
    session.user = null;
    const response = await get("?status=pending");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });

    session.user = users.ann;
    session.version = 1; // the account is at version 0: this token's session is not the current one
    expect((await get()).status).toBe(401);
    session.version = 0;
  });

  it("lists only the signed-in user's tasks, by status", async () => {
    session.user = users.ann;
    const pending = await get("?status=pending&tz=Europe/Berlin");
    expect(pending.status).toBe(200);
    expect(pending.headers.get("cache-control")).toBe("no-store");
    const body = (await pending.json()) as { tasks: { title: string }[]; total: number };
    expect(body.tasks.map((t) => t.title)).toEqual(["Ann's secret errand"]);
    expect(body.total).toBe(1);
    const all = (await (await get("?status=all")).json()) as { tasks: { title: string }[] };
    expect(all.tasks.map((t) => t.title).sort()).toEqual(["Ann's finished errand", "Ann's secret errand"]);

    session.user = users.bob;
    const bobs = (await (await get("?status=all")).json()) as { tasks: { title: string }[]; total: number };
    expect(bobs.tasks.map((t) => t.title)).toEqual(["Bob's chore"]);
    expect(JSON.stringify(bobs)).not.toContain("Ann");
  });

  it("lists one view of the user's tasks with every view's count", async () => {
    session.user = users.ann;
    const completed = await get("?view=completed&tz=Europe/Berlin");
    expect(completed.status).toBe(200);
    const body = (await completed.json()) as {
      tasks: { title: string }[];
      total: number;
      counts: Record<string, number>;
    };
    expect(body.tasks.map((t) => t.title)).toEqual(["Ann's finished errand"]);
    expect(body.total).toBe(1);
    expect(body.counts).toEqual({ pending: 1, today: 0, upcoming: 0, overdue: 0, completed: 1, trash: 0 });

    session.user = users.bob;
    const trash = (await (await get("?view=trash")).json()) as { tasks: unknown[]; counts: Record<string, number> };
    expect(trash.tasks).toEqual([]);
    expect(trash.counts).toEqual({ pending: 1, today: 0, upcoming: 0, overdue: 0, completed: 0, trash: 0 });
  });

  it("refuses an unknown view with a clear 400", async () => {
    session.user = users.ann;
    const view = await get("?view=everything");
    expect(view.status).toBe(400);
    expect((await view.json()).error.message).toBe(
      "view must be pending, today, upcoming, overdue, completed or trash.",
    );
  });

  it("refuses a bad status or time zone with a clear 400", async () => {
    session.user = users.ann;
    const status = await get("?status=everything");
    expect(status.status).toBe(400);
    expect((await status.json()).error.message).toContain("Status must be pending, completed or all.");
    const zone = await get("?status=all&tz=Mars/Olympus");
    expect(zone.status).toBe(400);
    expect((await zone.json()).error.message).toContain("tz must be an IANA time zone");
  });
});
