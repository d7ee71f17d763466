// The user's own data, on a real database: the export (everything of theirs, nothing of anyone
// else's, read page by page), the password change and the account deletion, each refusing a
// wrong password without changing anything, and the only admin kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { undoFromLog } from "@/lib/admin/undo";
import { authenticate, isSessionCurrent, registerUser } from "@/lib/auth/users";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { AppError } from "@/lib/errors";
import { dbState } from "@/lib/security/db-state";
import { addTask } from "@/lib/tasks/service";
import { deleteAccount, LAST_ADMIN_DELETE_MESSAGE } from "./delete";
import { exportAccount } from "./export";
import { changePassword } from "./password";

const PASSWORD = "correct horse battery";

let handle: DbHandle;
let adminId: string;

beforeAll(async () => {
  // Read when the limiter is first made: small, so the guessing test is short.
  process.env.LOGIN_EMAIL_RATE_LIMIT = "5";
  handle = await createTestDatabase();
  // The first account is the admin.
  adminId = (await registerUser(handle.db, { email: "root@example.com", name: "Root Admin", password: PASSWORD })).id;
});
afterAll(async () => {
  delete process.env.LOGIN_EMAIL_RATE_LIMIT;
  await handle?.close();
});

const read = (body: ReadableStream<Uint8Array>) => new Response(body).text();
const userRow = (id: string) =>
  handle.db.user.findUnique({ where: { id }, select: { passwordHash: true, sessionVersion: true, role: true } });
/** The audit trail about an account, but its registration (these tests are about what came after). */
const eventsOf = (subjectId: string) =>
  handle.db.auditEvent.findMany({ where: { subjectId, kind: { not: "registered" } }, orderBy: { createdAt: "asc" } });

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

async function seedChat(userId: string, words: string[]) {
  const conversation = await handle.db.conversation.create({ data: { userId, title: `${words[0]} chat` } });
  for (const [i, content] of words.entries()) {
    await handle.db.message.create({
      data: {
        conversationId: conversation.id,
        userId,
        role: i % 2 ? "assistant" : "user",
        content,
        parts: [{ type: "text", text: content }],
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      },
    });
  }
  return conversation.id;
}

describe("exportAccount", () => {
  it("holds everything the user owns, read in pages, and nothing of anyone else's", async () => {
    const db = handle.db;
    const alice = await registerUser(db, { email: "alice@example.com", name: "Alice", password: PASSWORD });
    const bob = await registerUser(db, { email: "bob@example.com", name: "Bob", password: PASSWORD });
    for (const title of ["Buy milk", "Call mom", "Renew passport", "Water plants", "Pay rent"]) {
      await addTask(db, { userId: alice.id, source: "ui", timeZone: "UTC" }, { title, tags: ["home"] });
    }
    await addTask(
      db,
      { userId: bob.id, source: "ui", timeZone: "UTC" },
      { title: "BOB-SECRET task", tags: ["bobtag"] },
    );
    const aliceChat = await seedChat(alice.id, ["alice one", "alice two", "alice three", "alice four", "alice five"]);
    await seedChat(bob.id, ["BOB-SECRET words", "BOB-SECRET reply"]);
    // An admin undoes one of Alice's changes: the row is hers, its actor is the admin.
    const added = await db.taskOperationLog.findFirstOrThrow({
      where: { userId: alice.id, operation: "add" },
      orderBy: { createdAt: "desc" },
    });
    expect((await undoFromLog(db, adminId, added.id)).ok).toBe(true);

    // Pages of 2 rows: every table needs several reads.
    const file = await exportAccount(db, alice.id, { now: new Date("2026-12-03T10:00:00Z"), page: 2 });
    expect(file.fileName).toBe("doable-account-2026-12-03.json");
    expect(file.contentType).toBe("application/json; charset=utf-8");
    const text = await read(file.body);
    const data = JSON.parse(text) as {
      account: { email: string };
      tasks: { number: number; title: string; tags: string[]; deletedAt: string | null }[];
      tags: { name: string }[];
      conversations: { id: string; messages: { content: string }[] }[];
      operationLog: { operation: string; actor: string | null; source: string }[];
    };
    expect(data.account.email).toBe("alice@example.com");
    expect(data.tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    expect(data.tasks[0]).toMatchObject({ title: "Buy milk", tags: ["home"] });
    expect(data.tasks[4]!.deletedAt).not.toBeNull(); // the undone add: soft-deleted, still hers
    expect(data.tags.map((t) => t.name)).toEqual(["home"]);
    expect(data.conversations.map((c) => c.id)).toEqual([aliceChat]);
    expect(data.conversations[0]!.messages.map((m) => m.content)).toEqual([
      "alice one",
      "alice two",
      "alice three",
      "alice four",
      "alice five",
    ]);
    expect(data.operationLog.filter((l) => l.operation === "add")).toHaveLength(5);
    expect(data.operationLog.find((l) => l.operation === "undo")).toMatchObject({ actor: "admin", source: "admin" });

    for (const foreign of ["BOB-SECRET", "bobtag", "bob@example.com", bob.id, "root@example.com", adminId, "userId"])
      expect(text).not.toContain(foreign);
    // The admin's undo of her change, then her export.
    expect((await eventsOf(alice.id)).map((e) => e.kind)).toEqual(["operation_undone", "data_exported"]);
  });

  it("an account that does not exist is refused before anything is streamed", async () => {
    await expectAppError(exportAccount(handle.db, "00000000-0000-4000-8000-000000000000"), "unauthorized");
  });
});

describe("changePassword", () => {
  it("a wrong current password changes nothing", async () => {
    const user = await registerUser(handle.db, { email: "pw-wrong@example.com", name: "Pat", password: PASSWORD });
    const before = await dbState(handle.db);
    await expectAppError(
      changePassword(handle.db, user.id, { currentPassword: "not my password", newPassword: "a brand new secret" }),
      "bad_request",
      "That password is not right.",
    );
    expect(await dbState(handle.db)).toEqual(before);
    expect(await eventsOf(user.id)).toEqual([]);
  });

  it("a new password breaking registration's rules, or the same as the old one, changes nothing", async () => {
    const user = await registerUser(handle.db, { email: "pw-rules@example.com", name: "Pat", password: PASSWORD });
    const before = await userRow(user.id);
    await expectAppError(
      changePassword(handle.db, user.id, { currentPassword: PASSWORD, newPassword: "short" }),
      "bad_request",
      "Use at least 8 characters for your password.",
    );
    await expectAppError(
      changePassword(handle.db, user.id, { currentPassword: PASSWORD, newPassword: "x".repeat(201) }),
      "bad_request",
      /at most 200/,
    );
    await expectAppError(
      changePassword(handle.db, user.id, { currentPassword: PASSWORD, newPassword: PASSWORD }),
      "bad_request",
      /differs/,
    );
    await expectAppError(
      changePassword(handle.db, user.id, { currentPassword: null, newPassword: "a brand new secret" }),
      "bad_request",
    );
    expect(await userRow(user.id)).toEqual(before);
  });

  it("the right one sets the new password and ends every earlier session", async () => {
    const user = await registerUser(handle.db, { email: "pw-ok@example.com", name: "Pat", password: PASSWORD });
    const result = await changePassword(handle.db, user.id, {
      currentPassword: PASSWORD,
      newPassword: "a brand new secret",
    });
    expect(result).toEqual({ email: "pw-ok@example.com", sessionVersion: 1 });
    expect(await isSessionCurrent(handle.db, user.id, 0)).toBe(false);
    expect(await authenticate(handle.db, "pw-ok@example.com", PASSWORD)).toBeNull();
    expect(await authenticate(handle.db, "pw-ok@example.com", "a brand new secret")).toMatchObject({
      id: user.id,
      sessionVersion: 1,
    });
    expect((await eventsOf(user.id)).map((e) => ({ kind: e.kind, actorId: e.actorId }))).toEqual([
      { kind: "password_changed", actorId: user.id },
    ]);
  });

  it("wrong guesses stop at the sign-in limit, even with the right password after", async () => {
    const user = await registerUser(handle.db, { email: "pw-guess@example.com", name: "Pat", password: PASSWORD });
    let limited: unknown = null;
    for (let i = 0; i < 10 && !limited; i++) {
      limited = await changePassword(handle.db, user.id, {
        currentPassword: `guess ${i}`,
        newPassword: "a brand new secret",
      }).then(
        () => null,
        (e: unknown) => (e instanceof AppError && e.code === "rate_limited" ? e : null),
      );
    }
    expect((limited as AppError).message).toMatch(/Too many wrong passwords/);
    await expectAppError(
      changePassword(handle.db, user.id, { currentPassword: PASSWORD, newPassword: "a brand new secret" }),
      "rate_limited",
    );
    expect(await authenticate(handle.db, "pw-guess@example.com", PASSWORD)).not.toBeNull();
  });
});

describe("deleteAccount", () => {
  it("a wrong password deletes nothing", async () => {
    const user = await registerUser(handle.db, { email: "del-wrong@example.com", name: "Dee", password: PASSWORD });
    await addTask(handle.db, { userId: user.id, source: "ui", timeZone: "UTC" }, { title: "Keep me" });
    const before = await dbState(handle.db);
    await expectAppError(
      deleteAccount(handle.db, user.id, { password: "not my password" }),
      "bad_request",
      "That password is not right.",
    );
    await expectAppError(deleteAccount(handle.db, user.id, { password: "" }), "bad_request", "Enter your password.");
    expect(await dbState(handle.db)).toEqual(before);
    expect(await eventsOf(user.id)).toEqual([]);
  });

  it("the right password deletes the account and all it owns, keeping a record without personal data", async () => {
    const db = handle.db;
    const user = await registerUser(db, { email: "del-ok@example.com", name: "Dora Deleted", password: PASSWORD });
    const other = await registerUser(db, { email: "del-other@example.com", name: "Otto", password: PASSWORD });
    await addTask(db, { userId: user.id, source: "ui", timeZone: "UTC" }, { title: "Gone soon", tags: ["x"] });
    await addTask(db, { userId: other.id, source: "ui", timeZone: "UTC" }, { title: "Stays" });
    await seedChat(user.id, ["hello", "hi there"]);
    await db.userSettings.create({ data: { userId: user.id, timeZone: "Europe/Berlin" } });

    await deleteAccount(db, user.id, { password: PASSWORD });

    expect(await userRow(user.id)).toBeNull();
    for (const count of [
      db.task.count({ where: { userId: user.id } }),
      db.tag.count({ where: { userId: user.id } }),
      db.conversation.count({ where: { userId: user.id } }),
      db.message.count({ where: { userId: user.id } }),
      db.taskOperationLog.count({ where: { userId: user.id } }),
      db.userSettings.count({ where: { userId: user.id } }),
    ]) {
      expect(await count).toBe(0);
    }
    expect(await db.task.count({ where: { userId: other.id } })).toBe(1);
    const events = await eventsOf(user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "account_deleted",
      actorId: null,
      detail: { role: "user", tasks: 1, conversations: 1, messages: 2, operationLogs: 1 },
    });
    const stored = JSON.stringify(events[0]);
    for (const personal of ["del-ok@example.com", "Dora", "Gone soon", "hello"]) expect(stored).not.toContain(personal);
    expect(await authenticate(db, "del-ok@example.com", PASSWORD)).toBeNull();
  });

  it("the only admin cannot delete their account; once there is another admin they can", async () => {
    const db = handle.db;
    const before = await dbState(db);
    await expectAppError(deleteAccount(db, adminId, { password: PASSWORD }), "conflict", LAST_ADMIN_DELETE_MESSAGE);
    expect(await dbState(db)).toEqual(before);
    expect((await eventsOf(adminId)).filter((e) => e.kind === "account_deleted")).toEqual([]);

    const second = await registerUser(db, { email: "second-admin@example.com", name: "Second", password: PASSWORD });
    await db.user.update({ where: { id: second.id }, data: { role: "admin" } });
    // Two admins deleting themselves at once: one goes, the other is refused.
    const results = await Promise.allSettled([
      deleteAccount(db, adminId, { password: PASSWORD }),
      deleteAccount(db, second.id, { password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).message).toBe(LAST_ADMIN_DELETE_MESSAGE);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
  });
});
