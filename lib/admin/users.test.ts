// Promoting and demoting users, on a real database and through the real admin page and server
// action (only the session cookie and the process's database are swapped for test ones): the
// change is logged with the admin as actor, the only admin is never demoted, and a demoted
// admin's session ends, so the admin pages are gone for them at once and after signing in again.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authenticate, registerUser, type SessionUser } from "@/lib/auth/users";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { AppError } from "@/lib/errors";
import { LAST_ADMIN_DEMOTE_MESSAGE, listUsers, setUserRole } from "./users";

const session = vi.hoisted(() => ({
  token: null as null | {
    user: { id: string; email: string; name: string; role: "user" | "admin" };
    sessionVersion: number;
  },
  db: null as unknown,
}));
vi.mock("@/lib/auth/index", () => ({
  auth: async () => session.token,
  signOut: async () => undefined,
  signIn: async () => undefined,
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { default: UsersPage } = await import("@/app/(app)/admin/users/page");
const { setRoleAction } = await import("@/app/(app)/admin/users/actions");

const PASSWORD = "correct horse battery";
let handle: DbHandle;
let root: SessionUser;

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  root = await registerUser(handle.db, { email: "root@example.com", name: "Root", password: PASSWORD });
});
afterAll(() => handle?.close());

/** A session as signing in with the password would give now: the role and version from the database. */
async function signInAs(email: string) {
  const user = await authenticate(handle.db, email, PASSWORD);
  if (!user) throw new Error(`cannot sign in as ${email}`);
  session.token = {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    sessionVersion: user.sessionVersion,
  };
  return session.token;
}

const form = (userId: string, role: string) => {
  const data = new FormData();
  data.set("userId", userId);
  data.set("role", role);
  return data;
};
const openUsersPage = () => UsersPage({ searchParams: Promise.resolve({}) });
const roleEvents = (subjectId?: string) =>
  handle.db.auditEvent.count({ where: { subjectId, kind: { in: ["role_granted", "role_revoked"] } } });
const roleOf = async (id: string) =>
  (await handle.db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(() => {
  session.token = null;
});

describe("setUserRole", () => {
  it("the only admin cannot be demoted, and is told why; nothing changes", async () => {
    const before = await handle.db.user.findUniqueOrThrow({ where: { id: root.id } });
    const error = await errorOf(setUserRole(handle.db, root.id, { userId: root.id, role: "user" }));
    expect(error).toMatchObject({ code: "conflict", message: LAST_ADMIN_DEMOTE_MESSAGE });
    expect(await handle.db.user.findUniqueOrThrow({ where: { id: root.id } })).toEqual(before);
    expect(await roleEvents()).toBe(0);

    await signInAs("root@example.com");
    expect(await setRoleAction(null, form(root.id, "user"))).toEqual({ ok: false, message: LAST_ADMIN_DEMOTE_MESSAGE });
    expect(await roleOf(root.id)).toBe("admin");
  });

  it("refuses non-admins, unknown users and bad roles without changing anything", async () => {
    const plain = await registerUser(handle.db, { email: "plain@example.com", name: "Plain", password: PASSWORD });
    expect(await errorOf(setUserRole(handle.db, plain.id, { userId: plain.id, role: "admin" }))).toMatchObject({
      code: "not_found",
    });
    expect(await errorOf(setUserRole(handle.db, root.id, { userId: "not-a-uuid", role: "admin" }))).toMatchObject({
      code: "not_found",
    });
    expect(
      await errorOf(setUserRole(handle.db, root.id, { userId: "00000000-0000-4000-8000-000000000000", role: "admin" })),
    ).toMatchObject({ code: "not_found" });
    expect(await errorOf(setUserRole(handle.db, root.id, { userId: plain.id, role: "owner" }))).toMatchObject({
      code: "bad_request",
    });
    expect(await roleOf(plain.id)).toBe("user");

    // Through the action as that user: the admin action does not exist for them.
    await signInAs("plain@example.com");
    expect(await setRoleAction(null, form(plain.id, "admin"))).toEqual({ ok: false, message: "Not found." });
    expect(await roleOf(plain.id)).toBe("user");
    expect(await roleEvents()).toBe(0);
  });

  it("an admin promotes a user and demotes them again, each logged with the admin as actor", async () => {
    const carol = await registerUser(handle.db, { email: "carol@example.com", name: "Carol", password: PASSWORD });
    await signInAs("root@example.com");
    expect(await setRoleAction(null, form(carol.id, "admin"))).toMatchObject({
      ok: true,
      signedOut: false,
      message: expect.stringContaining("Now an admin"),
    });
    expect(await roleOf(carol.id)).toBe("admin");
    // Carol's token said "user": it was ended, and her next sign-in carries "admin".
    expect((await signInAs("carol@example.com")).user.role).toBe("admin");
    await expect(openUsersPage()).resolves.toBeTruthy();

    await signInAs("root@example.com");
    expect(await setRoleAction(null, form(carol.id, "user"))).toMatchObject({
      ok: true,
      message: expect.stringContaining("No longer an admin"),
    });
    expect(await roleOf(carol.id)).toBe("user");
    const events = await handle.db.auditEvent.findMany({
      where: { subjectId: carol.id, kind: { in: ["role_granted", "role_revoked"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => ({ kind: e.kind, actorId: e.actorId, detail: e.detail }))).toEqual([
      { kind: "role_granted", actorId: root.id, detail: { from: "user", to: "admin" } },
      { kind: "role_revoked", actorId: root.id, detail: { from: "admin", to: "user" } },
    ]);
    // Asking for the role someone already has changes and logs nothing.
    expect(await setUserRole(handle.db, root.id, { userId: carol.id, role: "user" })).toEqual({
      role: "user",
      changed: false,
      self: false,
    });
    expect(await roleEvents(carol.id)).toBe(2);
  });

  it("a demoted admin loses the admin pages: their open session ends, and a new one is a user's", async () => {
    const dave = await registerUser(handle.db, { email: "dave@example.com", name: "Dave", password: PASSWORD });
    await setUserRole(handle.db, root.id, { userId: dave.id, role: "admin" });
    const daveAdmin = await signInAs("dave@example.com");
    expect(daveAdmin.user.role).toBe("admin");
    await expect(openUsersPage()).resolves.toBeTruthy();

    await setUserRole(handle.db, root.id, { userId: dave.id, role: "user" });
    // The same cookie as before the demotion (it still says "admin"): signed out.
    session.token = daveAdmin;
    await expect(openUsersPage()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/login/) });
    expect(await setRoleAction(null, form(dave.id, "admin"))).toEqual({ ok: false, message: "Sign in to continue." });
    // Signed in again: a user, for whom the admin area does not exist.
    expect((await signInAs("dave@example.com")).user.role).toBe("user");
    await expect(openUsersPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect(await roleOf(dave.id)).toBe("user");
  });

  it("an admin may give up the role while another admin remains, and is signed out", async () => {
    const erin = await registerUser(handle.db, { email: "erin@example.com", name: "Erin", password: PASSWORD });
    await setUserRole(handle.db, root.id, { userId: erin.id, role: "admin" });
    await signInAs("erin@example.com");
    expect(await setRoleAction(null, form(erin.id, "user"))).toMatchObject({ ok: true, signedOut: true });
    expect(await roleOf(erin.id)).toBe("user");
    await expect(openUsersPage()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });

  it("lists users newest first and finds them by e-mail or name", async () => {
    const all = await listUsers(handle.db);
    expect(all[0]!.email).toBe("erin@example.com");
    expect(all.at(-1)!.email).toBe("root@example.com");
    expect((await listUsers(handle.db, "CAROL")).map((u) => u.email)).toEqual(["carol@example.com"]);
    expect((await listUsers(handle.db, "Dave")).map((u) => u.email)).toEqual(["dave@example.com"]);
  });
});
