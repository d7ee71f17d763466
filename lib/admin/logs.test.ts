// The admin log's queries through a real database: PGlite in memory, or PostgreSQL with
// TEST_DATABASE_URL. Rows are written with chosen times so order and ranges are exact.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing";
import { addTask, completeTask, updateTask } from "@/lib/tasks/service";
import { getLogDetail, undoAvailability } from "./detail";
import { logsCsvStream } from "./export";
import { logFigures } from "./figures";
import { decodeCursor, type LogFilters } from "./filters";
import { listLogPage } from "./list";
import { at, seedConversation, seedLog, seedMessage, seedTask, seedUser } from "./testing";
import { undoFromLog } from "./undo";

/** The whole export as text, keeping the byte-order mark (Response.text() would drop it). */
const csvText = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

let handle: DbHandle;
let ada: string;
let bob: string;
let milkTask: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  ada = await seedUser(db, "ada@example.com", "Ada Lovelace");
  bob = await seedUser(db, "bob@example.com", "Bob Builder");
  milkTask = await seedTask(db, ada, 1, "Buy milk");
  const reportTask = await seedTask(db, bob, 1, "Write the 50% report");

  // Ada's chat: "add buy milk" → reply (rated up); "done with milk" → reply (rated down);
  // "what's due" → reply (unrated); plus a message in between that is not hers to see.
  const conv = await seedConversation(db, ada, at(0));
  const m1 = await seedMessage(db, { conversationId: conv, userId: ada, role: "user", content: "add buy milk tomorrow", at: at(0) });
  await seedMessage(db, { conversationId: conv, userId: ada, role: "assistant", content: "Added #1 Buy milk.", at: at(0.1), feedback: "up", replyTo: m1 });
  const m2 = await seedMessage(db, { conversationId: conv, userId: ada, role: "user", content: "done with milk", at: at(10) });
  await seedMessage(db, { conversationId: conv, userId: ada, role: "assistant", content: "Completed #1.", at: at(10.1), feedback: "down", replyTo: m2 });
  const m3 = await seedMessage(db, { conversationId: conv, userId: ada, role: "user", content: "what's due", at: at(20) });
  await seedMessage(db, { conversationId: conv, userId: ada, role: "assistant", content: "Nothing is due.", at: at(20.1), replyTo: m3 });

  ids.add = await seedLog(db, { userId: ada, at: at(0), operation: "add", taskId: milkTask, originalCommand: "add buy milk tomorrow", durationMs: 10, conversationId: conv, messageId: m1, toolCallId: "call-1", input: { title: "Buy milk" } });
  ids.complete = await seedLog(db, { userId: ada, at: at(10), operation: "complete", taskId: milkTask, originalCommand: "done with milk", durationMs: 20, conversationId: conv, messageId: m2 });
  ids.list = await seedLog(db, { userId: ada, at: at(20), operation: "list", originalCommand: "what's due", durationMs: 30, conversationId: conv, messageId: m3 });
  ids.failed = await seedLog(db, { userId: bob, at: at(60 * 24), operation: "update", status: "failed", source: "ui", taskId: reportTask, error: "Task titles can be at most 200 characters.", durationMs: 40 });
  ids.report = await seedLog(db, { userId: bob, at: at(60 * 24 + 1), operation: "update", taskId: reportTask, originalCommand: "rename it, please", durationMs: 50 });
  ids.pending = await seedLog(db, { userId: bob, at: at(60 * 48), operation: "delete", status: "pending", originalCommand: "delete everything" });
});
afterAll(() => handle?.close());

const list = (filters: LogFilters = {}, page: { after?: string; before?: string } = {}) =>
  listLogPage(handle.db, { filters, after: page.after ? decodeCursor(page.after)! : undefined, before: page.before ? decodeCursor(page.before)! : undefined });
const listedIds = async (filters: LogFilters) => (await list(filters)).rows.map((r) => r.id);

describe("listing", () => {
  it("lists newest first with user, task and status", async () => {
    const page = await list();
    expect(page.rows.map((r) => r.id)).toEqual([ids.pending, ids.report, ids.failed, ids.list, ids.complete, ids.add]);
    expect(page.rows.at(-1)).toMatchObject({ userEmail: "ada@example.com", operation: "add", status: "success", taskNumber: 1, taskTitle: "Buy milk", durationMs: 10, undone: false });
    expect(page.rows[0]!.createdAt).toBeInstanceOf(Date);
    expect(page).toMatchObject({ older: undefined, newer: undefined });
  });

  it("filters by user (email, name or id), operation, status, source, date range and text, combined", async () => {
    expect(await listedIds({ user: "ADA@" })).toEqual([ids.list, ids.complete, ids.add]);
    expect(await listedIds({ user: "builder" })).toEqual([ids.pending, ids.report, ids.failed]);
    expect(await listedIds({ user: bob })).toEqual([ids.pending, ids.report, ids.failed]);
    expect(await listedIds({ operation: "update" })).toEqual([ids.report, ids.failed]);
    expect(await listedIds({ status: "failed" })).toEqual([ids.failed]);
    expect(await listedIds({ source: "ui" })).toEqual([ids.failed]);
    expect(await listedIds({ from: "2026-11-21", to: "2026-11-21" })).toEqual([ids.report, ids.failed]);
    expect(await listedIds({ to: "2026-11-20" })).toEqual([ids.list, ids.complete, ids.add]);
    // Text matches the user's words or the task title, case-insensitively; % is literal.
    expect(await listedIds({ q: "MILK" })).toEqual([ids.complete, ids.add]);
    expect(await listedIds({ q: "50%" })).toEqual([ids.report, ids.failed]);
    expect(await listedIds({ q: "5%" })).toEqual([]);
    expect(await listedIds({ user: "bob", operation: "update", status: "success", q: "rename" })).toEqual([ids.report]);
  });

  it("filters by a name that many accounts share as by one that few do", async () => {
    const db = handle.db;
    // More accounts than are read one by one (lib/admin/list.ts), and few, with the same result shape.
    const crowd = await Promise.all(Array.from({ length: 22 }, (_, i) => seedUser(db, `crowd${i}@example.com`, `Crowd member ${i}`)));
    const logs = [];
    for (const [i, userId] of crowd.entries()) logs.push(await seedLog(db, { userId, at: at(100 + i), operation: "list", originalCommand: i % 2 ? "show odd" : "show even" }));
    try {
      const newestFirst = [...logs].reverse();
      expect(await listedIds({ user: "crowd member" })).toEqual(newestFirst);
      expect(await listedIds({ user: "crowd1" })).toEqual([logs[19], logs[18], logs[17], logs[16], logs[15], logs[14], logs[13], logs[12], logs[11], logs[10], logs[1]]);
      expect(await listedIds({ user: "crowd member", q: "odd" })).toEqual(newestFirst.filter((_, i) => i % 2 === 0));
      expect(await listedIds({ user: "crowd1", q: "even" })).toEqual([logs[18], logs[16], logs[14], logs[12], logs[10]]);
      // Paging through either way gives every row once, in order.
      for (const user of ["crowd member", "crowd1"]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listLogPage(handle.db, { filters: { user }, after: cursor ? decodeCursor(cursor)! : undefined }, 4);
          seen.push(...page.rows.map((r) => r.id));
          cursor = page.older;
        } while (cursor);
        expect(seen).toEqual(await listedIds({ user }));
      }
    } finally {
      await db.taskOperationLog.deleteMany({ where: { id: { in: logs } } });
      await db.user.deleteMany({ where: { id: { in: crowd } } });
    }
  });

  it("finds a failed add by the title it asked for, but not another operation by a new title", async () => {
    const db = handle.db;
    const failedAdd = await seedLog(db, { userId: bob, at: at(30), operation: "add", status: "failed", source: "ui", input: { title: "Quarterly taxes" } });
    const rename = await seedLog(db, { userId: bob, at: at(31), operation: "update", input: { title: "Yearly taxes" } });
    try {
      expect(await listedIds({ q: "TAXES" })).toEqual([failedAdd]);
      expect((await list({ q: "taxes" })).rows[0]).toMatchObject({ taskTitle: "Quarterly taxes", taskId: null });
    } finally {
      await db.taskOperationLog.deleteMany({ where: { id: { in: [failedAdd, rename] } } });
    }
  });

  it("pages by cursor both ways, and new rows do not shift the pages", async () => {
    const first = await listLogPage(handle.db, { filters: {} }, 2);
    expect(first.rows.map((r) => r.id)).toEqual([ids.pending, ids.report]);
    // A row arrives after the first page was read.
    const late = await seedLog(handle.db, { userId: ada, at: at(60 * 72), operation: "add", originalCommand: "late" });
    const second = await listLogPage(handle.db, { filters: {}, after: decodeCursor(first.older!)! }, 2);
    expect(second.rows.map((r) => r.id)).toEqual([ids.failed, ids.list]);
    const third = await listLogPage(handle.db, { filters: {}, after: decodeCursor(second.older!)! }, 2);
    expect(third.rows.map((r) => r.id)).toEqual([ids.complete, ids.add]);
    expect(third.older).toBeUndefined();
    // Going back: the page before the third is the second again.
    const back = await listLogPage(handle.db, { filters: {}, before: decodeCursor(third.newer!)! }, 2);
    expect(back.rows.map((r) => r.id)).toEqual([ids.failed, ids.list]);
    // And the one before that is the first page as it was read, although a row arrived since.
    const firstAgain = await listLogPage(handle.db, { filters: {}, before: decodeCursor(back.newer!)! }, 2);
    expect(firstAgain.rows.map((r) => r.id)).toEqual([ids.pending, ids.report]);
    // Back past the top shows the first page as it is now, with the new row.
    const top = await listLogPage(handle.db, { filters: {}, before: decodeCursor(firstAgain.newer!)! }, 2);
    expect(top.rows.map((r) => r.id)).toEqual([late, ids.pending]);
    expect(top.newer).toBeUndefined();
    await handle.db.taskOperationLog.delete({ where: { id: late } });
  });
});

// The fixtures are from 2026-11-20 to 2026-11-22; without dates the figures cover 30 days to "now".
const FIGURES_NOW = new Date("2026-11-23T12:00:00Z");

describe("figures", () => {
  it("counts per operation, failure rate, duration percentiles, per day and helpful share", async () => {
    const figures = await logFigures(handle.db, {}, FIGURES_NOW);
    expect(figures).toMatchObject({ total: 6, succeeded: 4, failed: 1, pending: 1, failureRate: 1 / 5 });
    // percentile_cont over 10, 20, 30, 40, 50 (the pending row has no duration).
    expect(figures.p50Ms).toBe(30);
    expect(figures.p95Ms).toBeCloseTo(48);
    expect(figures.byOperation).toEqual([
      { operation: "update", count: 2 },
      { operation: "add", count: 1 },
      { operation: "complete", count: 1 },
      { operation: "delete", count: 1 },
      { operation: "list", count: 1 },
    ]);
    expect(figures.byDay).toEqual([
      { day: "2026-11-20", count: 3 },
      { day: "2026-11-21", count: 2 },
      { day: "2026-11-22", count: 1 },
    ]);
    // Three replies to Ada's messages: one up, one down, one unrated.
    expect(figures).toMatchObject({ ratedReplies: 2, helpfulReplies: 1, helpfulShare: 0.5 });
  });

  it("follows the filters and copes with an empty set", async () => {
    expect(await logFigures(handle.db, { q: "milk" }, FIGURES_NOW)).toMatchObject({ total: 2, ratedReplies: 2, helpfulReplies: 1 });
    expect(await logFigures(handle.db, { user: "nobody" }, FIGURES_NOW)).toMatchObject({ total: 0, failureRate: null, p50Ms: null, p95Ms: null, helpfulShare: null, byOperation: [], byDay: [] });
  });

  it("covers the last 30 days when no dates are chosen, and exactly the chosen dates otherwise", async () => {
    expect(await logFigures(handle.db, {}, FIGURES_NOW)).toMatchObject({ total: 6, window: { from: "2026-10-25", days: 30 } });
    // 2026-11-21 is the 30th day back from 2026-12-20: its rows are in, the day before is out.
    expect(await logFigures(handle.db, {}, new Date("2026-12-20T08:00:00Z"))).toMatchObject({ total: 3, window: { from: "2026-11-21" } });
    expect(await logFigures(handle.db, {}, new Date("2027-06-01T00:00:00Z"))).toMatchObject({ total: 0 });
    expect(await logFigures(handle.db, { from: "2026-11-20", to: "2026-11-20" }, new Date("2027-06-01T00:00:00Z"))).toMatchObject({ total: 3, window: null });
  });
});

describe("detail", () => {
  it("shows the operation with its message, the reply to it and only that, and other operations on the task", async () => {
    const detail = (await getLogDetail(handle.db, ids.complete))!;
    expect(detail).toMatchObject({ operation: "complete", user: { email: "ada@example.com" }, task: { number: 1, title: "Buy milk" } });
    expect(detail.userMessage?.content).toBe("done with milk");
    expect(detail.assistantReply).toMatchObject({ content: "Completed #1.", feedback: "down" });
    expect(detail.related.map((r) => r.id)).toEqual([ids.add]);
    expect((await getLogDetail(handle.db, ids.add))!.toolCallId).toBe("call-1");
    expect((await getLogDetail(handle.db, ids.failed))!.error).toMatch(/at most 200/);
  });

  it("returns null for unknown or malformed ids", async () => {
    expect(await getLogDetail(handle.db, "not-a-uuid")).toBeNull();
    expect(await getLogDetail(handle.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("does not take a later reply as the answer when the reply to this message is missing", async () => {
    const db = handle.db;
    const conv = await seedConversation(db, bob, at(100));
    const lost = await seedMessage(db, { conversationId: conv, userId: bob, role: "user", content: "first", at: at(100) });
    const second = await seedMessage(db, { conversationId: conv, userId: bob, role: "user", content: "second", at: at(101) });
    await seedMessage(db, { conversationId: conv, userId: bob, role: "assistant", content: "answer to second", at: at(102), replyTo: second });
    const op = await seedLog(db, { userId: bob, at: at(100), operation: "list", messageId: lost, conversationId: conv });
    expect((await getLogDetail(db, op))!.assistantReply).toBeNull();
    await db.taskOperationLog.delete({ where: { id: op } });
  });

  it("says why an operation cannot be undone", () => {
    expect(undoAvailability({ operation: "add", status: "success", undoneBy: [] })).toEqual({ available: true });
    expect(undoAvailability({ operation: "list", status: "success", undoneBy: [] })).toMatchObject({ available: false, reason: expect.stringMatching(/changes nothing/) });
    expect(undoAvailability({ operation: "update", status: "failed", undoneBy: [] })).toMatchObject({ available: false });
    expect(undoAvailability({ operation: "add", status: "success", undoneBy: [{ id: "x", createdAt: new Date() }] })).toMatchObject({ reason: expect.stringMatching(/already been undone/) });
  });
});

describe("undo from the log", () => {
  it("undoes through the task service, logs the undo linked to the original and refuses a second time", async () => {
    const db = handle.db;
    const owner = await seedUser(db, "carol@example.com", "Carol");
    const admin = await seedUser(db, "root@example.com", "Root");
    const added = await addTask(db, { userId: owner, source: "chat" }, { title: "Water plants" });
    const done = await completeTask(db, { userId: owner, source: "chat" }, { task: 1 });
    if (!added.ok || !done.ok || done.kind !== "completed") throw new Error("setup failed");

    const undone = await undoFromLog(db, admin, done.operationId);
    expect(undone).toMatchObject({ ok: true, message: expect.stringContaining("Water plants") });
    const task = await db.task.findFirstOrThrow({ where: { userId: owner, number: 1 } });
    expect(task.status).toBe("pending");
    const undoRow = await db.taskOperationLog.findUniqueOrThrow({ where: { id: (undone as { undoId: string }).undoId } });
    expect(undoRow).toMatchObject({ operation: "undo", source: "ui", userId: owner, undoOfId: done.operationId, status: "success" });
    expect(undoRow.input).toMatchObject({ actorId: admin });

    const detail = (await getLogDetail(db, done.operationId))!;
    expect(detail.undoneBy.map((u) => u.id)).toEqual([undoRow.id]);
    expect((await listedIds({ user: owner })).length).toBe(3);
    expect((await list({ user: owner })).rows.find((r) => r.id === done.operationId)?.undone).toBe(true);

    expect(await undoFromLog(db, admin, done.operationId)).toMatchObject({ ok: false, message: expect.stringMatching(/already undone/) });
  });

  it("refuses when the task changed since, and for unknown ids", async () => {
    const db = handle.db;
    const owner = await seedUser(db, "dan@example.com", "Dan");
    const added = await addTask(db, { userId: owner, source: "chat" }, { title: "Old title" });
    if (!added.ok || added.kind !== "added") throw new Error("setup failed");
    await updateTask(db, { userId: owner, source: "ui" }, { task: 1, title: "New title" });
    const refused = await undoFromLog(db, owner, added.operationId);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/changed since/) });
    expect((await db.task.findFirstOrThrow({ where: { userId: owner } })).title).toBe("New title");
    expect(await undoFromLog(db, owner, "00000000-0000-4000-8000-000000000000")).toMatchObject({ ok: false, message: "There is no such operation." });
  });
});

describe("CSV export", () => {
  it("streams a header and the filtered rows, escaped", async () => {
    const db = handle.db;
    const tricky = await seedLog(db, { userId: ada, at: at(5), operation: "add", originalCommand: 'add "milk, eggs"\nand =SUM(1)', input: { title: "x" } });
    const text = await csvText(logsCsvStream(db, { user: "ada" }, 2));
    expect(text.startsWith("\uFEFFid,created_at,")).toBe(true);
    const records = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id)).toEqual([ids.list, ids.complete, tricky, ids.add]);
    expect(records.find((r) => r.id === tricky)?.original_command).toBe('add "milk, eggs"\nand =SUM(1)');
    expect(records.find((r) => r.id === ids.add)).toMatchObject({ user_email: "ada@example.com", task_number: "1", task_title: "Buy milk", duration_ms: "10", tool_call_id: "call-1", input: '{"title":"Buy milk"}' });
    await db.taskOperationLog.delete({ where: { id: tricky } });
  });

  it("defuses spreadsheet formulas at the start of a cell", async () => {
    const db = handle.db;
    const formula = await seedLog(db, { userId: ada, at: at(6), operation: "list", originalCommand: "=HYPERLINK(\"http://x\")" });
    const text = await csvText(logsCsvStream(db, { q: "HYPERLINK" }));
    const [record] = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(record!.original_command).toBe("'=HYPERLINK(\"http://x\")");
    await db.taskOperationLog.delete({ where: { id: formula } });
  });

  it("has only the header for an empty set", async () => {
    const text = await csvText(logsCsvStream(handle.db, { user: "nobody" }));
    expect(text.trim().split("\r\n")).toHaveLength(1);
  });
});
