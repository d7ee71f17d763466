// Every kind of audit event, recorded once through the path the app takes: the real server
// actions, pages and route handlers (only the session cookie, next-auth's signIn/signOut, the
// request's headers and the process's database are swapped for test ones) and, for sign-in,
// the function next-auth's authorize() calls. Each event names its actor, subject and target
// and carries the trusted client address (the socket's; X-Forwarded-For is never believed
// without a trusted proxy) and the user agent. Then: what happens when the audit table cannot
// be written, per the rule in lib/audit/record.ts.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AuditEvent } from "@/generated/prisma/client";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { registerUser, type SessionUser } from "@/lib/auth/users";
import { SOCKET_ADDRESS_HEADER } from "@/lib/client-address";
import type { DbHandle } from "@/lib/db/client";
import * as service from "@/lib/tasks/service";
import { createTestDatabase } from "@/test/support/db";
import { clientInfo } from "./client";
import type { AuditKind } from "./kinds";

vi.hoisted(() => {
  process.env.LOGIN_RATE_LIMIT = "3";
});

const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string; role: "user" | "admin" },
  version: 0,
  db: null as unknown,
  headers: new Headers(),
}));
// auth() for pages and actions, auth(handler) for the routes that wrap themselves (lib/auth/api-session.ts).
vi.mock("@/lib/auth/index", () => ({
  auth: (handler?: (request: NextRequest & { auth: unknown }) => Promise<Response>) => {
    const current = () => (session.user ? { user: session.user, sessionVersion: session.version } : null);
    if (!handler) return Promise.resolve(current());
    return async (request: NextRequest) => handler(Object.assign(request, { auth: current() }));
  },
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The auth actions import next-auth's error classes (next-auth itself does not load under Vitest).
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("next/headers", () => ({ headers: async () => session.headers }));

const authActions = await import("@/app/(auth)/actions");
const accountActions = await import("@/app/(app)/account/actions");
const conversationActions = await import("@/app/(app)/(chat)/actions/conversations");
const { setRoleAction } = await import("@/app/(app)/admin/users/actions");
const { undoOperationAction } = await import("@/app/(app)/admin/logs/actions");
const { default: OperationDetailPage } = await import("@/app/(app)/admin/logs/[id]/page");
const { default: UsersPage } = await import("@/app/(app)/admin/users/page");
const { GET: exportLogs } = await import("@/app/api/admin/logs/export/route");
const { GET: exportTasks } = await import("@/app/api/tasks/export/route");
const { GET: exportConversation } = await import("@/app/api/conversations/[id]/export/route");
const { GET: exportAccount } = await import("@/app/api/account/export/route");

const PASSWORD = "correct horse battery";
const UA = "Mozilla/5.0 (X11; Linux x86_64) AuditTest/1.0";
const SOCKET = "203.0.113.7";

let handle: DbHandle;
let admin: SessionUser;
let ann: SessionUser;

/** A request's headers as the socket-address hook leaves them, with a forged X-Forwarded-For that must be ignored. */
function requestHeaders(socket = SOCKET): Headers {
  return new Headers({ [SOCKET_ADDRESS_HEADER]: socket, "x-forwarded-for": "6.6.6.6", "user-agent": UA });
}

async function signInAs(user: SessionUser | null) {
  session.user = user && { id: user.id, email: user.email, name: user.name, role: user.role };
  session.version = user
    ? (await handle.db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } }))
        .sessionVersion
    : 0;
}

const allEvents = () => handle.db.auditEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/** Runs `act` and returns the events it recorded. */
async function recordedBy(act: () => Promise<unknown>): Promise<AuditEvent[]> {
  const seen = new Set((await allEvents()).map((e) => e.id));
  await act();
  return (await allEvents()).filter((e) => !seen.has(e.id));
}

/** Runs `act`, expects exactly one event of `kind` from it, from this test's client, and returns it. */
async function recordsOne(kind: AuditKind, act: () => Promise<unknown>): Promise<AuditEvent> {
  const events = await recordedBy(act);
  expect(events.map((e) => e.kind)).toEqual([kind]);
  const [event] = events;
  if (!event) throw new Error("no event");
  expect(event).toMatchObject({ ip: SOCKET, userAgent: UA });
  return event;
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

async function conversationOf(user: SessionUser, title = "Groceries"): Promise<string> {
  return (await handle.db.conversation.create({ data: { userId: user.id, title } })).id;
}

async function operationOf(user: SessionUser, title: string): Promise<string> {
  const added = await service.addTask(handle.db, { userId: user.id, source: "ui" }, { title });
  if (!added.ok || added.kind !== "added") throw new Error("seed failed");
  return added.operationId;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  session.headers = requestHeaders();
  admin = await registerUser(handle.db, { email: "ada@example.com", name: "Ada", password: PASSWORD });
  ann = await registerUser(handle.db, { email: "ann@example.com", name: "Ann", password: PASSWORD });
});
afterAll(() => handle?.close());

describe("sign-in (what next-auth's authorize() runs, with the request's client)", () => {
  const attempt = (email: string, password: string, headers = requestHeaders()) =>
    attemptSignIn(handle.db, { email, password }, clientInfo(headers));

  it("a success names the account as actor and subject", async () => {
    const event = await recordsOne("signed_in", () => attempt("ann@example.com", PASSWORD));
    expect(event).toMatchObject({ actorId: ann.id, subjectId: ann.id, targetType: "user", targetId: ann.id });
  });

  it("a wrong password names the account tried, with no actor", async () => {
    const event = await recordsOne("sign_in_failed", () => attempt("ANN@example.com", "not the password"));
    expect(event).toMatchObject({ actorId: null, subjectId: ann.id, detail: { reason: "wrong_password" } });
  });

  it("an e-mail with no account keeps neither the e-mail nor a subject", async () => {
    const event = await recordsOne("sign_in_failed", () => attempt("nobody@example.com", "whatever it is"));
    expect(event).toMatchObject({ actorId: null, subjectId: null, targetId: null });
    expect(event.detail).toEqual({ reason: "unknown_account" });
    expect(JSON.stringify(event)).not.toContain("nobody");
  });

  it("records attempts that reach the password check, not those the limit refused first, nor bad input", async () => {
    const headers = requestHeaders("198.51.100.9");
    const events = await recordedBy(async () => {
      for (let i = 0; i < 5; i++) await attempt("ann@example.com", `guess ${i}`, headers).catch(() => null);
      await attemptSignIn(handle.db, { email: "not-an-email", password: "x" }, clientInfo(headers));
    });
    // LOGIN_RATE_LIMIT is 3 per address and e-mail: three checks, two refusals unchecked.
    expect(events.map((e) => [e.kind, e.ip])).toEqual(Array(3).fill(["sign_in_failed", "198.51.100.9"]));
  });
});

describe("account", () => {
  it("a registration, through the form's action", async () => {
    await signInAs(null);
    const events = await recordedBy(() =>
      authActions.registerAction({}, form({ email: "reg@example.com", name: "Reggie", password: PASSWORD })),
    );
    const user = await handle.db.user.findUniqueOrThrow({ where: { email: "reg@example.com" } });
    expect(events).toEqual([
      expect.objectContaining({
        kind: "registered",
        actorId: user.id,
        subjectId: user.id,
        ip: SOCKET,
        userAgent: UA,
        detail: { role: "user" },
      }),
    ]);
    expect(JSON.stringify(events)).not.toMatch(/reg@example\.com|Reggie/);
  });

  it("sign-out and sign-out everywhere", async () => {
    await signInAs(ann);
    const out = await recordsOne("signed_out", () => authActions.signOutAction());
    expect(out).toMatchObject({ actorId: ann.id, subjectId: ann.id, detail: { everywhere: false } });
    await signInAs(ann);
    const everywhere = await recordsOne("signed_out", () => authActions.signOutEverywhereAction());
    expect(everywhere.detail).toEqual({ everywhere: true });
  });

  it("a password change, through the account page's action", async () => {
    await signInAs(ann);
    const change = () =>
      accountActions.changePasswordAction(null, form({ currentPassword: PASSWORD, newPassword: "a brand new secret" }));
    // Done, it sends the browser back to the account page.
    const event = await recordsOne("password_changed", () =>
      expect(change()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) }),
    );
    expect(event).toMatchObject({ actorId: ann.id, subjectId: ann.id, targetId: ann.id });
  });

  it("a role given and taken back, by an admin on the users page", async () => {
    await signInAs(admin);
    const granted = await recordsOne("role_granted", () =>
      setRoleAction(null, form({ userId: ann.id, role: "admin" })),
    );
    expect(granted).toMatchObject({ actorId: admin.id, subjectId: ann.id, detail: { from: "user", to: "admin" } });
    const revoked = await recordsOne("role_revoked", () => setRoleAction(null, form({ userId: ann.id, role: "user" })));
    expect(revoked).toMatchObject({ actorId: admin.id, subjectId: ann.id });
  });
});

describe("conversations, through the sidebar's actions", () => {
  it("rename, archive, restore and delete, each naming the conversation", async () => {
    await signInAs(ann);
    const id = await conversationOf(ann);
    const expected = { actorId: ann.id, subjectId: ann.id, targetType: "conversation", targetId: id };
    expect(
      await recordsOne("conversation_renamed", () => conversationActions.renameConversationAction(id, "Weekly shop")),
    ).toMatchObject(expected);
    expect(
      await recordsOne("conversation_archived", () => conversationActions.archiveConversationAction(id, true)),
    ).toMatchObject(expected);
    expect(
      await recordsOne("conversation_unarchived", () => conversationActions.archiveConversationAction(id, false)),
    ).toMatchObject(expected);
    const deleted = await recordsOne("conversation_deleted", () => conversationActions.deleteConversationAction(id));
    expect(deleted).toMatchObject(expected);
    // The title was never stored in an event.
    expect(JSON.stringify(deleted)).not.toMatch(/Weekly|Groceries/);
  });

  it("records nothing for a change that was refused (someone else's conversation, a blank title)", async () => {
    const theirs = await conversationOf(admin);
    await signInAs(ann);
    const mine = await conversationOf(ann);
    const events = await recordedBy(async () => {
      expect(await conversationActions.renameConversationAction(theirs, "Mine now")).toMatchObject({ ok: false });
      expect(await conversationActions.renameConversationAction(mine, "   ")).toMatchObject({ ok: false });
      expect(await conversationActions.deleteConversationAction(theirs)).toMatchObject({ ok: false });
    });
    expect(events).toEqual([]);
  });
});

describe("admins' views of other people's data, and their undos", () => {
  it("opening someone else's log entry; one's own is not recorded", async () => {
    const annsOperation = await operationOf(ann, "Ann's errand");
    const ownOperation = await operationOf(admin, "Ada's errand");
    await signInAs(admin);
    const event = await recordsOne("log_entry_viewed", () =>
      OperationDetailPage({ params: Promise.resolve({ id: annsOperation }) }),
    );
    expect(event).toMatchObject({
      actorId: admin.id,
      subjectId: ann.id,
      targetType: "operation",
      targetId: annsOperation,
      detail: { operation: "add" },
    });
    expect(await recordedBy(() => OperationDetailPage({ params: Promise.resolve({ id: ownOperation }) }))).toEqual([]);
  });

  it("a non-admin opening a log entry gets the not-found page and records nothing", async () => {
    const operation = await operationOf(admin, "Ada's secret errand");
    await signInAs(ann);
    const events = await recordedBy(() =>
      expect(OperationDetailPage({ params: Promise.resolve({ id: operation }) })).rejects.toMatchObject({
        digest: expect.stringContaining("404"),
      }),
    );
    expect(events).toEqual([]);
  });

  it("the users page's listing", async () => {
    await signInAs(admin);
    const event = await recordsOne("users_listed", () => UsersPage({ searchParams: Promise.resolve({ q: "ann" }) }));
    expect(event).toMatchObject({ actorId: admin.id, subjectId: null, targetType: "user", targetId: null });
    expect(event.detail).toEqual({ searched: true, shown: 1 });
  });

  it("an undo from the log, naming the operation undone and its owner", async () => {
    const operation = await operationOf(ann, "Undo me");
    await signInAs(admin);
    let undoId = "";
    const event = await recordsOne("operation_undone", async () => {
      const result = await undoOperationAction(null, form({ operationId: operation }));
      if (!result?.ok) throw new Error("the undo failed");
      undoId = result.undoId;
    });
    expect(event).toMatchObject({
      actorId: admin.id,
      subjectId: ann.id,
      targetType: "operation",
      targetId: operation,
      detail: { undoId },
    });
  });
});

describe("exports", () => {
  const get = (url: string) => new NextRequest(`http://localhost${url}`, { headers: requestHeaders() });

  it("the admin's log export, keeping which filters were used but not their text", async () => {
    await signInAs(admin);
    let status = 0;
    const event = await recordsOne("logs_exported", async () => {
      const response = await exportLogs(get("/api/admin/logs/export?user=ann%40example.com&operation=add&q=errand"));
      status = response.status;
      await response.text();
    });
    expect(status).toBe(200);
    expect(event).toMatchObject({ actorId: admin.id, subjectId: null, targetType: "export", targetId: null });
    expect(event.detail).toEqual({ operation: "add", byUser: true, bySearch: true });

    const byId = await recordsOne("logs_exported", () => exportLogs(get(`/api/admin/logs/export?user=${ann.id}`)));
    expect(byId.subjectId).toBe(ann.id);
  });

  it("a refused export (bad filters, a non-admin) records nothing", async () => {
    await signInAs(ann);
    const events = await recordedBy(async () => {
      expect((await exportLogs(get("/api/admin/logs/export"))).status).toBe(404);
      await signInAs(admin);
      expect((await exportLogs(get("/api/admin/logs/export?from=yesterday"))).status).toBe(400);
      await signInAs(ann);
      expect((await exportTasks(get("/api/tasks/export?format=pdf"))).status).toBe(400);
    });
    expect(events).toEqual([]);
  });

  it("the user's task export", async () => {
    await signInAs(ann);
    const event = await recordsOne("tasks_exported", async () => {
      const response = await exportTasks(get("/api/tasks/export?format=ics&tz=Europe/Berlin"));
      expect(response.status).toBe(200);
    });
    expect(event).toMatchObject({
      actorId: ann.id,
      subjectId: ann.id,
      targetType: "export",
      detail: { format: "ics" },
    });
  });

  it("a conversation's export", async () => {
    await signInAs(ann);
    const id = await conversationOf(ann);
    const event = await recordsOne("conversation_exported", async () => {
      const response = await exportConversation(get(`/api/conversations/${id}/export?format=json`), {
        params: Promise.resolve({ id }),
      });
      expect(response.status).toBe(200);
    });
    expect(event).toMatchObject({
      actorId: ann.id,
      targetType: "conversation",
      targetId: id,
      detail: { format: "json" },
    });
  });

  it("the account's data export", async () => {
    await signInAs(ann);
    const event = await recordsOne("data_exported", async () => {
      const response = await exportAccount(get("/api/account/export"));
      expect(response.status).toBe(200);
    });
    expect(event).toMatchObject({ actorId: ann.id, subjectId: ann.id, targetType: "export" });
  });
});

describe("when the audit table cannot be written", () => {
  beforeAll(async () => {
    await handle.exec(`
      CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit table down'; END $$;
      CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_refuse();`);
  });
  afterAll(async () => {
    await handle.exec("DROP TRIGGER audit_refuse ON audit_events; DROP FUNCTION audit_refuse();");
  });

  it("a sign-in and a rename still work (recorded after the fact; the failure is logged)", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const user = await attemptSignIn(
        handle.db,
        { email: "ada@example.com", password: PASSWORD },
        clientInfo(requestHeaders("192.0.2.200")),
      );
      expect(user?.id).toBe(admin.id);
      await signInAs(admin);
      const id = await conversationOf(admin);
      expect(await conversationActions.renameConversationAction(id, "Still renamed")).toEqual({
        ok: true,
        title: "Still renamed",
      });
      expect(logged).toHaveBeenCalledWith("audit: an event could not be recorded:", expect.anything());
    } finally {
      logged.mockRestore();
    }
  });

  it("a change with a transaction is undone with its record; an export or a view is not given", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await signInAs(admin);
      expect(await setRoleAction(null, form({ userId: ann.id, role: "admin" }))).toMatchObject({ ok: false });
      expect((await handle.db.user.findUniqueOrThrow({ where: { id: ann.id } })).role).toBe("user");
      const response = await exportLogs(new NextRequest("http://localhost/api/admin/logs/export"));
      expect(response.status).toBe(500);
      expect(response.headers.get("content-disposition")).toBeNull();
      await expect(UsersPage({ searchParams: Promise.resolve({}) })).rejects.toThrow(/audit table down/);
    } finally {
      logged.mockRestore();
    }
  });
});

describe("deleting one's account", () => {
  it("is recorded without an actor (the account is gone), from the account page's action", async () => {
    const gone = await registerUser(handle.db, { email: "gone@example.com", name: "Gone", password: PASSWORD });
    await signInAs(gone);
    const event = await recordsOne("account_deleted", () =>
      accountActions.deleteAccountAction(null, form({ password: PASSWORD })),
    );
    expect(event).toMatchObject({ actorId: null, subjectId: gone.id, targetId: gone.id });
    // The registration's row stays too, and only the bare id says whose it was.
    const left = await handle.db.auditEvent.findMany({ where: { subjectId: gone.id } });
    expect(left.map((e) => e.kind).sort()).toEqual(["account_deleted", "registered"]);
    expect(JSON.stringify(left)).not.toMatch(/gone@example\.com|"Gone"/);
  });
});
