// The audit trail as /admin/audit reads it, on a real database and through the real page (only
// the session and the process's database are swapped): filters from the URL checked with a
// clear message for each bad one, every filter on its own and together, keyset pages that
// neither skip nor repeat rows sharing a time, and the page answering only admins.
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { AuditFilters } from "@/components/admin/audit-filters";
import { Pagination } from "@/components/admin/pagination";
import { AuditTable } from "@/components/admin/audit-table";
import { UsersEvents } from "@/components/admin/users-events";
import { encodeCursor } from "@/lib/cursor";
import { at, seedLog, seedUser } from "@/test/support/admin";
import { createTestDatabase } from "@/test/support/db";
import { type AuditQuery, parseAuditQuery } from "./filters";
import { ACCOUNT_KINDS, type AuditKind } from "./kinds";
import { listAuditPage } from "./list";

const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string; role: "user" | "admin" },
  db: null as unknown,
}));
vi.mock("@/lib/auth/index", () => ({
  auth: async () => (session.user ? { user: session.user, sessionVersion: 0 } : null),
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));

const { default: AuditPage } = await import("@/app/(app)/admin/audit/page");
const { default: UsersPage } = await import("@/app/(app)/admin/users/page");

let handle: DbHandle;
let admin: { id: string; email: string; name: string; role: "admin" };
let bob: string;
let cleo: string;
/** Seeded event ids, newest first (the order the page shows). */
const seeded: string[] = [];

const DAY = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h));

async function seed(kind: AuditKind, createdAt: Date, who: { actor?: string | null; subject?: string | null } = {}) {
  const row = await handle.db.auditEvent.create({
    data: {
      kind,
      createdAt,
      actorId: who.actor ?? null,
      subjectId: who.subject ?? null,
      ip: "192.0.2.1",
      userAgent: "Test/1.0",
    },
  });
  return row.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  const row = await handle.db.user.create({
    data: { email: "ada@example.com", name: "Ada", passwordHash: "x", role: "admin" },
  });
  admin = { id: row.id, email: row.email, name: row.name, role: "admin" };
  bob = await seedUser(handle.db, "bob@example.com");
  cleo = await seedUser(handle.db, "cleo@example.com");
  // Oldest first; three share one instant, so only the id orders them.
  const tie = DAY(20, 9);
  const rows: [AuditKind, Date, { actor?: string | null; subject?: string | null }][] = [
    ["signed_in", DAY(18), { actor: bob, subject: bob }],
    ["sign_in_failed", DAY(19), { subject: bob }],
    ["conversation_renamed", tie, { actor: bob, subject: bob }],
    ["conversation_renamed", tie, { actor: cleo, subject: cleo }],
    ["conversation_deleted", tie, { actor: cleo, subject: cleo }],
    ["role_granted", DAY(21), { actor: admin.id, subject: cleo }],
    ["log_entry_viewed", DAY(22, 0), { actor: admin.id, subject: bob }],
    ["users_listed", DAY(22, 23), { actor: admin.id }],
  ];
  const ids: { id: string; at: Date }[] = [];
  for (const [kind, createdAt, who] of rows) ids.push({ id: await seed(kind, createdAt, who), at: createdAt });
  ids.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
  seeded.push(...ids.map((r) => r.id));
});
afterAll(() => handle?.close());

function query(params: Record<string, string>): AuditQuery {
  const parsed = parseAuditQuery(params);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

const ids = async (params: Record<string, string>, pageSize?: number) =>
  (await listAuditPage(handle.db, query(params), pageSize)).rows.map((r) => r.id);

describe("parseAuditQuery", () => {
  it.each([
    [{ kind: "exploded" }, "kind", "Unknown event kind: choose one from the list."],
    [{ actor: "bob" }, "actor", "Actor must be an account id or an e-mail address."],
    [{ subject: "bob\u0000@example.com" }, "subject", "Account must be an account id or an e-mail address."],
    [{ actor: `${"a".repeat(250)}@example.com` }, "actor", "Actor can be at most 254 characters."],
    [{ from: "2026-02-30" }, "from", "From must be a date like 2026-11-23."],
    [{ to: "0000-01-01" }, "to", "To must be a date between 0001-01-01 and 9999-12-31."],
    [{ from: "2026-11-22", to: "2026-11-20" }, "to", "“To” must be on or after “From”."],
    [{ after: "bm90IGEgY3Vyc29y" }, "after", "The page link is not valid. Start again from the newest events."],
  ])("refuses %j with a message naming the field", (params, field, message) => {
    expect(parseAuditQuery(params)).toEqual({ ok: false, message, fields: { [field]: message } });
  });

  it("reads ids and e-mails case-insensitively, ignores empty fields and takes the first of repeated ones", () => {
    const id = "0B8F1A52-5C1E-4A57-9D7E-1F1B2C3D4E5F";
    expect(
      parseAuditQuery({
        kind: ["signed_in", "registered"],
        actor: " Bob@Example.com ",
        subject: id,
        from: "",
        to: " ",
      }),
    ).toEqual({
      ok: true,
      query: { filters: { kind: "signed_in", actor: { email: "bob@example.com" }, subject: { id: id.toLowerCase() } } },
    });
  });
});

describe("listAuditPage", () => {
  it("lists every event newest first, rows sharing a time ordered by id", async () => {
    expect(await ids({})).toEqual(seeded);
  });

  it("filters by kind, by actor (id or e-mail), by account (id or e-mail) and by UTC days, alone and together", async () => {
    const kinds = async (params: Record<string, string>) =>
      (await listAuditPage(handle.db, query(params))).rows.map((r) => r.kind);
    expect(await kinds({ kind: "conversation_renamed" })).toEqual(["conversation_renamed", "conversation_renamed"]);
    expect(await kinds({ actor: admin.id })).toEqual(["users_listed", "log_entry_viewed", "role_granted"]);
    expect(await kinds({ actor: "ADA@example.com" })).toEqual(["users_listed", "log_entry_viewed", "role_granted"]);
    expect(await kinds({ subject: cleo })).toEqual(["role_granted", expect.any(String), expect.any(String)]);
    expect(await kinds({ subject: "bob@example.com" })).toEqual([
      "log_entry_viewed",
      "conversation_renamed",
      "sign_in_failed",
      "signed_in",
    ]);
    expect(await kinds({ subject: "nobody@example.com" })).toEqual([]);
    // Days are whole UTC days, both ends included: the 22nd's events at 00:00 and 23:00 are in.
    expect(await kinds({ from: "2026-11-21", to: "2026-11-22" })).toEqual([
      "users_listed",
      "log_entry_viewed",
      "role_granted",
    ]);
    expect(await kinds({ to: "2026-11-18" })).toEqual(["signed_in"]);
    expect(await kinds({ kind: "conversation_renamed", actor: "cleo@example.com", from: "2026-11-20" })).toEqual([
      "conversation_renamed",
    ]);
    expect(await kinds({ kind: "signed_in", from: "2026-11-19" })).toEqual([]);
  });

  it("pages older and newer without skipping or repeating, also across rows sharing a time", async () => {
    const pages: string[][] = [];
    let page = await listAuditPage(handle.db, query({}), 3);
    expect(page.newer).toBeUndefined();
    pages.push(page.rows.map((r) => r.id));
    while (page.older) {
      page = await listAuditPage(handle.db, query({ after: page.older }), 3);
      pages.push(page.rows.map((r) => r.id));
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat()).toEqual(seeded);

    // Back from the last page: the middle one, then (fewer than a page newer) the first.
    const last = await listAuditPage(handle.db, query({ after: encodeCursor({ at: DAY(20, 9), id: seeded[5]! }) }), 3);
    expect(last.rows.map((r) => r.id)).toEqual(seeded.slice(6));
    const middle = await listAuditPage(handle.db, query({ before: last.newer! }), 3);
    expect(middle.rows.map((r) => r.id)).toEqual(seeded.slice(3, 6));
    const first = await listAuditPage(handle.db, query({ before: middle.newer! }), 3);
    expect(first.rows.map((r) => r.id)).toEqual(seeded.slice(0, 3));
    expect(first.newer).toBeUndefined();
  });

  it("names accounts that still exist, and says whether an operation's log row is still there", async () => {
    const gone = await seedUser(handle.db, "gone@example.com");
    const operation = await seedLog(handle.db, { userId: bob, at: at(0) });
    const removed = "00000000-0000-4000-8000-000000000001";
    for (const targetId of [operation, removed])
      await handle.db.auditEvent.create({
        data: {
          kind: "log_entry_viewed",
          actorId: gone,
          subjectId: gone,
          targetType: "operation",
          targetId,
          createdAt: DAY(25),
        },
      });
    await handle.db.user.delete({ where: { id: gone } });
    const rows = (await listAuditPage(handle.db, query({ subject: gone }))).rows;
    expect(rows.map((r) => [r.targetId, r.targetExists]).sort()).toEqual(
      [
        [operation, true],
        [removed, false],
      ].sort(),
    );
    for (const row of rows) expect(row).toMatchObject({ actorId: null, actorEmail: null, subjectEmail: null });
    await handle.db.auditEvent.deleteMany({ where: { subjectId: gone } });
  });
});

/** Every element in a rendered tree (server components are not run: their elements are kept as they are). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}

/** The text a rendered element holds. */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (!isValidElement<{ children?: ReactNode }>(node)) return "";
  return textOf(node.props.children);
}

function find<C extends (props: never) => unknown>(tree: ReactNode, type: C): Parameters<C>[0][] {
  return elements(tree)
    .filter((e) => e.type === (type as unknown))
    .map((e) => e.props as Parameters<C>[0]);
}

const openAuditPage = (searchParams: Record<string, string>) =>
  AuditPage({ searchParams: Promise.resolve(searchParams) });

describe("the /admin/audit page", () => {
  it("shows an admin the filtered events, with the URL's values in the form", async () => {
    session.user = admin;
    const tree = await openAuditPage({ kind: "conversation_renamed" });
    expect(find(tree, AuditFilters)).toEqual([{ values: { kind: "conversation_renamed" } }]);
    const [table] = find(tree, AuditTable);
    expect(table?.rows.map((r) => r.kind)).toEqual(["conversation_renamed", "conversation_renamed"]);
    expect(table?.rows.map((r) => r.actorEmail).sort()).toEqual(["bob@example.com", "cleo@example.com"]);
  });

  it("pages with links that keep the filters", async () => {
    session.user = admin;
    // 50 to a page: add enough sign-ins for a second one.
    for (let i = 0; i < 50; i++) await seed("signed_in", DAY(10), { actor: bob, subject: bob });
    const tree = await openAuditPage({ kind: "signed_in" });
    const [pagination] = find(tree, Pagination);
    expect(pagination?.older).toBeDefined();
    expect(pagination?.href({ after: pagination.older })).toMatch(/^\/admin\/audit\?kind=signed_in&after=/);
    await handle.db.auditEvent.deleteMany({ where: { createdAt: DAY(10) } });
  });

  it("explains a bad filter instead of failing, and marks the field", async () => {
    session.user = admin;
    const tree = await openAuditPage({ actor: "bob", kind: "signed_in" });
    expect(find(tree, AuditFilters)).toEqual([{ values: { actor: "bob", kind: "signed_in" }, invalid: ["actor"] }]);
    expect(find(tree, AuditTable)).toEqual([]);
    const alert = elements(tree).find((e) => e.props.role === "alert");
    expect(textOf(alert)).toBe(
      "These filters can’t be used. Actor must be an account id or an e-mail address.Clear filters",
    );
  });

  it("is not found for anyone but an admin, and sends the signed-out to sign in", async () => {
    session.user = { id: bob, email: "bob@example.com", name: "bob", role: "user" };
    await expect(openAuditPage({})).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    session.user = null;
    await expect(openAuditPage({})).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/login/),
    });
  });
});

describe("/admin/users", () => {
  it("shows the recent account changes only, newest first", async () => {
    session.user = admin;
    const tree = await UsersPage({ searchParams: Promise.resolve({}) });
    const [events] = find(tree, UsersEvents);
    expect(events?.rows.map((r) => r.kind)).toEqual(["role_granted"]);
    expect(events?.rows.every((r) => (ACCOUNT_KINDS as string[]).includes(r.kind))).toBe(true);
  });
});
