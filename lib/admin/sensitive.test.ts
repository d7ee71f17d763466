// Sensitive text end to end, on PGlite (or the PostgreSQL server TEST_DATABASE_URL names): a
// chat turn and the task service flag what holds an e-mail address (in the statements they
// already run), the admin's log list, entry detail and CSV show it masked, Reveal records an
// audit event before the page shows the text, and no one but an admin can reveal.
import { parse } from "csv-parse/sync";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import type { DbHandle } from "@/lib/db/client";
import { countQueries } from "@/lib/db/round-trips";
import { addTask, undoOperation, updateTask } from "@/lib/tasks/service";
import { chatRequestOf, readChunks, userMessage } from "@/test/support/chat";
import { createTestDatabase } from "@/test/support/db";
import { Exchange } from "@/components/admin/detail-parts";
import { JsonBlock } from "@/components/admin/json-block";
import { LogsTable } from "@/components/admin/logs-table";
import { RevealPanel } from "@/components/admin/reveal-panel";

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
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { handleChat } = await import("@/lib/chat/turn");
const { default: OperationLogsPage } = await import("@/app/(app)/admin/logs/page");
const { default: OperationDetailPage } = await import("@/app/(app)/admin/logs/[id]/page");
const { GET: exportLogs } = await import("@/app/api/admin/logs/export/route");
const { revealSensitiveAction } = await import("@/app/(app)/admin/logs/actions");
const { listLogPage } = await import("./list");
const { getLogDetail, maskLogDetail } = await import("./detail");
const { revealedRecently, revealLogEntry } = await import("./reveal");

const EMAIL = "jane.doe@acme-mail.net";
const NOW = new Date("2026-03-10T14:00:00Z");

let handle: DbHandle;
let admin: SessionUser;
let owner: SessionUser;
/** The owner's chat turn that added a task with the e-mail in it: its user message and log row. */
let turn: { messageId: string; operationId: string; replyId: string };

async function newUser(email: string, role: "user" | "admin" = "user"): Promise<SessionUser> {
  const row = await handle.db.user.create({
    data: { email, name: email.split("@")[0] ?? email, passwordHash: "x", role },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}
function find<C extends (props: never) => unknown>(tree: ReactNode, type: C): Parameters<C>[0][] {
  return elements(tree)
    .filter((e) => e.type === (type as unknown))
    .map((e) => e.props as Parameters<C>[0]);
}
const detailPage = (id: string, searchParams: Record<string, string> = {}) =>
  OperationDetailPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve(searchParams) });
const revealForm = (id: string) => {
  const form = new FormData();
  form.set("operationId", id);
  return form;
};
const reveals = () =>
  handle.db.auditEvent.findMany({ where: { kind: "sensitive_revealed" }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  admin = await newUser("root@example.com", "admin");
  owner = await newUser("owner@example.com");
  const queries = countQueries();
  const message = userMessage(`add email ${EMAIL} about the invoice`);
  const response = await handleChat(handle.db, owner, chatRequestOf({ message }), NOW);
  const chunks = await readChunks(response);
  // A sensitive message costs the turn no statement: the same three as any add (round-trips.test.ts).
  expect(queries.roundTrips).toBe(3);
  queries.stop();
  const output = chunks.find((c) => c.type === "tool-output-available")?.output as { operationId: string };
  const reply = await handle.db.message.findFirstOrThrow({ where: { replyToId: message.id } });
  turn = { messageId: message.id, operationId: output.operationId, replyId: reply.id };
});
afterAll(() => handle?.close());

describe("flags", () => {
  it("a user message, its task and the reply repeating the title, when they hold an e-mail", async () => {
    const message = await handle.db.message.findUniqueOrThrow({ where: { id: turn.messageId } });
    expect(message).toMatchObject({ isSensitive: true, content: `add email ${EMAIL} about the invoice` });
    const log = await handle.db.taskOperationLog.findUniqueOrThrow({ where: { id: turn.operationId } });
    const task = await handle.db.task.findUniqueOrThrow({ where: { id: log.taskId ?? "" } });
    expect(task.title).toContain(EMAIL);
    expect(task.isSensitive).toBe(true);
    const reply = await handle.db.message.findUniqueOrThrow({ where: { id: turn.replyId } });
    expect(reply.content).toContain(EMAIL);
    expect(reply.isSensitive).toBe(true);
  });

  it("not ordinary todo text", async () => {
    const message = userMessage("add buy 12 eggs for room 404 at 10:30");
    await readChunks(await handleChat(handle.db, owner, chatRequestOf({ message }), NOW));
    expect((await handle.db.message.findUniqueOrThrow({ where: { id: message.id } })).isSensitive).toBe(false);
    const task = await handle.db.task.findFirstOrThrow({ where: { userId: owner.id, title: { contains: "eggs" } } });
    expect(task.isSensitive).toBe(false);
  });

  it("a task through the service: set by add and update on title or notes, put back by undo", async () => {
    const user = await newUser("flags@example.com");
    const ctx = { userId: user.id, source: "ui" as const };
    const added = await addTask(handle.db, ctx, {
      title: "Pay the plumber",
      description: "IBAN DE89 3704 0044 0532 0130 00",
    });
    if (!added.ok || added.kind !== "added") throw new Error("not added");
    const flag = () => handle.db.task.findFirstOrThrow({ where: { userId: user.id, number: added.task.number } });
    expect((await flag()).isSensitive).toBe(true);
    const cleared = await updateTask(handle.db, ctx, { task: added.task.number, description: "" });
    expect(cleared.ok).toBe(true);
    expect((await flag()).isSensitive).toBe(false);
    if (!cleared.ok || cleared.kind !== "updated") throw new Error("not updated");
    expect((await undoOperation(handle.db, ctx, { operationId: cleared.operationId })).ok).toBe(true);
    expect((await flag()).isSensitive).toBe(true);
    await updateTask(handle.db, ctx, { task: added.task.number, title: "Call +44 20 7946 0958", description: "" });
    expect((await flag()).isSensitive).toBe(true);
  });
});

describe("the admin's views", () => {
  it("the log list masks the command and the task title", async () => {
    const page = await listLogPage(handle.db, { filters: { user: owner.id } });
    const row = page.rows.find((r) => r.id === turn.operationId);
    expect(row).toMatchObject({ originalCommand: "add email [email] about the invoice", masked: true });
    expect(row?.taskTitle).toContain("[email]");
    expect(JSON.stringify(page.rows)).not.toContain(EMAIL);
    // The page renders those rows.
    session.user = admin;
    const tree = await OperationLogsPage({ searchParams: Promise.resolve({ user: owner.id }) });
    expect(JSON.stringify(find(tree, LogsTable).map((t) => t.rows))).not.toContain(EMAIL);
  });

  it("the entry detail masks the message, the reply, the title, input and result", async () => {
    const stored = await getLogDetail(handle.db, turn.operationId);
    if (!stored) throw new Error("no detail");
    const { detail, masked } = await maskLogDetail(stored);
    expect(masked).toBe(true);
    expect(detail.userMessage?.content).toBe("add email [email] about the invoice");
    expect(detail.assistantReply?.content).toContain("[email]");
    expect(detail.task?.title).toContain("[email]");
    expect(JSON.stringify(detail)).not.toContain(EMAIL);
    // Nothing else is lost: the account stays named.
    expect(detail.user.email).toBe(owner.email);
  });

  it("the CSV export masks every row, always", async () => {
    session.user = admin;
    const response = await exportLogs(new Request(`http://localhost/api/admin/logs/export?user=${owner.id}`));
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).not.toContain(EMAIL);
    const rows = parse(body.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.id === turn.operationId);
    expect(row?.original_command).toBe("add email [email] about the invoice");
    expect(row?.input).toContain("[email]");
  });
});

describe("Reveal", () => {
  it("shows the page masked, with Reveal, until the admin reveals it", async () => {
    session.user = admin;
    const tree = await detailPage(turn.operationId, { reveal: "1" });
    // ?reveal=1 alone reveals nothing: only a recorded reveal does.
    expect(find(tree, RevealPanel)).toEqual([{ operationId: turn.operationId, revealed: false }]);
    expect(JSON.stringify(find(tree, Exchange))).not.toContain(EMAIL);
    expect(JSON.stringify(find(tree, JsonBlock))).not.toContain(EMAIL);
    expect(await reveals()).toEqual([]);
  });

  it("records sensitive_revealed (admin, owner, entry, kinds) before the page shows the text", async () => {
    session.user = admin;
    // The action records the event, then sends the admin back to the page (Next's redirect).
    await expect(revealSensitiveAction(null, revealForm(turn.operationId))).rejects.toThrow(/NEXT_REDIRECT/);
    const [event] = await reveals();
    expect(event).toMatchObject({
      actorId: admin.id,
      subjectId: owner.id,
      targetType: "operation",
      targetId: turn.operationId,
      detail: { operation: "add", kinds: "email" },
    });
    expect(JSON.stringify(event)).not.toContain(EMAIL);
    expect(await revealedRecently(handle.db, admin.id, turn.operationId)).toBe(true);
    const tree = await detailPage(turn.operationId, { reveal: "1" });
    expect(find(tree, RevealPanel)).toEqual([{ operationId: turn.operationId, revealed: true }]);
    expect(JSON.stringify(find(tree, Exchange))).toContain(EMAIL);
    // Without ?reveal=1 the page is masked again; after the window, even with it.
    expect(JSON.stringify(find(await detailPage(turn.operationId), Exchange))).not.toContain(EMAIL);
    expect(await revealedRecently(handle.db, admin.id, turn.operationId, new Date(Date.now() + 6 * 60_000))).toBe(
      false,
    );
  });

  it("refuses an entry with nothing masked, or none at all, recording nothing", async () => {
    const plain = await handle.db.taskOperationLog.findFirstOrThrow({
      where: { userId: owner.id, input: { path: ["title"], string_contains: "eggs" } },
    });
    expect(await revealLogEntry(handle.db, admin.id, plain.id)).toEqual({
      ok: false,
      message: "Nothing on this entry is masked.",
    });
    expect(await revealLogEntry(handle.db, admin.id, "not-a-uuid")).toMatchObject({ ok: false });
    session.user = admin;
    expect(await revealSensitiveAction(null, revealForm("00000000-0000-4000-8000-000000000000"))).toEqual({
      ok: false,
      message: "There is no such operation.",
    });
    expect(await reveals()).toHaveLength(1);
  });

  it("is not there for anyone but an admin: the action answers not found, the page 404s, nothing is recorded", async () => {
    session.user = owner;
    const answer = await revealSensitiveAction(null, revealForm(turn.operationId));
    expect(answer.ok).toBe(false);
    await expect(detailPage(turn.operationId, { reveal: "1" })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    session.user = null;
    expect((await revealSensitiveAction(null, revealForm(turn.operationId))).ok).toBe(false);
    expect(await reveals()).toHaveLength(1);
    // Another admin's page stays masked: a reveal is the revealing admin's own.
    const other = await newUser("other-admin@example.com", "admin");
    session.user = other;
    expect(find(await detailPage(turn.operationId, { reveal: "1" }), RevealPanel)[0]?.revealed).toBe(false);
  });
});
