// The admin log's queries through a real database: PGlite in memory, or PostgreSQL with
// TEST_DATABASE_URL. Rows are written with chosen times so order and ranges are exact.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { logRejected, runLogged } from "@/lib/tasks/log";
import { addTask, completeTask, undoOperation, updateTask } from "@/lib/tasks/service";
import { getLogDetail, undoAvailability } from "./detail";
import { logsCsvStream } from "./export";
import { logFigures } from "./figures";
import { decodeCursor } from "@/lib/cursor";
import type { LogFilters } from "./filters";
import { listLogPage } from "./list";
import { bucketOf } from "./rollup-histogram";
import { at, seedConversation, seedLog, seedMessage, seedTask, seedUser } from "@/test/support/admin";
import { undoFromLog } from "./undo";

/** The whole export as text, keeping the byte-order mark (Response.text() would drop it). */
const csvText = async (stream: Promise<ReadableStream<Uint8Array>>) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(await stream).arrayBuffer());

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
  const m1 = await seedMessage(db, {
    conversationId: conv,
    userId: ada,
    role: "user",
    content: "add buy milk tomorrow",
    at: at(0),
  });
  await seedMessage(db, {
    conversationId: conv,
    userId: ada,
    role: "assistant",
    content: "Added #1 Buy milk.",
    at: at(0.1),
    feedback: "up",
    replyTo: m1,
  });
  const m2 = await seedMessage(db, {
    conversationId: conv,
    userId: ada,
    role: "user",
    content: "done with milk",
    at: at(10),
  });
  await seedMessage(db, {
    conversationId: conv,
    userId: ada,
    role: "assistant",
    content: "Completed #1.",
    at: at(10.1),
    feedback: "down",
    replyTo: m2,
  });
  const m3 = await seedMessage(db, {
    conversationId: conv,
    userId: ada,
    role: "user",
    content: "what's due",
    at: at(20),
  });
  await seedMessage(db, {
    conversationId: conv,
    userId: ada,
    role: "assistant",
    content: "Nothing is due.",
    at: at(20.1),
    replyTo: m3,
  });

  ids.add = await seedLog(db, {
    userId: ada,
    at: at(0),
    operation: "add",
    taskId: milkTask,
    originalCommand: "add buy milk tomorrow",
    durationMs: 10,
    conversationId: conv,
    messageId: m1,
    toolCallId: "call-1",
    input: { title: "Buy milk" },
  });
  ids.complete = await seedLog(db, {
    userId: ada,
    at: at(10),
    operation: "complete",
    taskId: milkTask,
    originalCommand: "done with milk",
    durationMs: 20,
    conversationId: conv,
    messageId: m2,
  });
  ids.list = await seedLog(db, {
    userId: ada,
    at: at(20),
    operation: "list",
    originalCommand: "what's due",
    durationMs: 30,
    conversationId: conv,
    messageId: m3,
  });
  ids.failed = await seedLog(db, {
    userId: bob,
    at: at(60 * 24),
    operation: "update",
    status: "failed",
    source: "ui",
    taskId: reportTask,
    error: "Task titles can be at most 200 characters.",
    durationMs: 40,
  });
  ids.report = await seedLog(db, {
    userId: bob,
    at: at(60 * 24 + 1),
    operation: "update",
    taskId: reportTask,
    originalCommand: "rename it, please",
    durationMs: 50,
  });
  ids.pending = await seedLog(db, {
    userId: bob,
    at: at(60 * 48),
    operation: "delete",
    status: "pending",
    originalCommand: "delete everything",
  });
});
afterAll(() => handle?.close());

const list = (filters: LogFilters = {}, page: { after?: string; before?: string } = {}) =>
  listLogPage(handle.db, {
    filters,
    after: page.after ? decodeCursor(page.after)! : undefined,
    before: page.before ? decodeCursor(page.before)! : undefined,
  });
const listedIds = async (filters: LogFilters) => (await list(filters)).rows.map((r) => r.id);

describe("listing", () => {
  it("lists newest first with user, task and status", async () => {
    const page = await list();
    expect(page.rows.map((r) => r.id)).toEqual([ids.pending, ids.report, ids.failed, ids.list, ids.complete, ids.add]);
    expect(page.rows.at(-1)).toMatchObject({
      userEmail: "ada@example.com",
      operation: "add",
      status: "success",
      taskNumber: 1,
      taskTitle: "Buy milk",
      durationMs: 10,
      undone: false,
    });
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
    const crowd = await Promise.all(
      Array.from({ length: 22 }, (_, i) => seedUser(db, `crowd${i}@example.com`, `Crowd member ${i}`)),
    );
    const logs = [];
    for (const [i, userId] of crowd.entries())
      logs.push(
        await seedLog(db, {
          userId,
          at: at(100 + i),
          operation: "list",
          originalCommand: i % 2 ? "show odd" : "show even",
        }),
      );
    try {
      const newestFirst = [...logs].reverse();
      expect(await listedIds({ user: "crowd member" })).toEqual(newestFirst);
      expect(await listedIds({ user: "crowd1" })).toEqual([
        logs[19],
        logs[18],
        logs[17],
        logs[16],
        logs[15],
        logs[14],
        logs[13],
        logs[12],
        logs[11],
        logs[10],
        logs[1],
      ]);
      expect(await listedIds({ user: "crowd member", q: "odd" })).toEqual(newestFirst.filter((_, i) => i % 2 === 0));
      expect(await listedIds({ user: "crowd1", q: "even" })).toEqual([
        logs[18],
        logs[16],
        logs[14],
        logs[12],
        logs[10],
      ]);
      // Paging through either way gives every row once, in order.
      for (const user of ["crowd member", "crowd1"]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listLogPage(
            handle.db,
            { filters: { user }, after: cursor ? decodeCursor(cursor)! : undefined },
            4,
          );
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
    const failedAdd = await seedLog(db, {
      userId: bob,
      at: at(30),
      operation: "add",
      status: "failed",
      source: "ui",
      input: { title: "Quarterly taxes" },
    });
    const rename = await seedLog(db, {
      userId: bob,
      at: at(31),
      operation: "update",
      input: { title: "Yearly taxes" },
    });
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
    // percentile_cont over 10, 20, 30, 40, 50 (the pending row has no duration) is 30 and 48;
    // the figures read it from duration buckets, so within the exact value's bucket.
    expect(bucketOf(figures.p50Ms ?? Number.NaN)).toBe(bucketOf(30));
    expect(bucketOf(figures.p95Ms ?? Number.NaN)).toBe(bucketOf(48));
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
    expect(await logFigures(handle.db, { q: "milk" }, FIGURES_NOW)).toMatchObject({
      total: 2,
      ratedReplies: 2,
      helpfulReplies: 1,
    });
    expect(await logFigures(handle.db, { user: "nobody" }, FIGURES_NOW)).toMatchObject({
      total: 0,
      failureRate: null,
      p50Ms: null,
      p95Ms: null,
      helpfulShare: null,
      byOperation: [],
      byDay: [],
    });
  });

  it("covers the last 30 days when no dates are chosen, and exactly the chosen dates otherwise", async () => {
    expect(await logFigures(handle.db, {}, FIGURES_NOW)).toMatchObject({
      total: 6,
      window: { from: "2026-10-25", days: 30 },
    });
    // 2026-11-21 is the 30th day back from 2026-12-20: its rows are in, the day before is out.
    expect(await logFigures(handle.db, {}, new Date("2026-12-20T08:00:00Z"))).toMatchObject({
      total: 3,
      window: { from: "2026-11-21" },
    });
    expect(await logFigures(handle.db, {}, new Date("2027-06-01T00:00:00Z"))).toMatchObject({ total: 0 });
    expect(
      await logFigures(handle.db, { from: "2026-11-20", to: "2026-11-20" }, new Date("2027-06-01T00:00:00Z")),
    ).toMatchObject({ total: 3, window: null });
  });
});

describe("rejections", () => {
  it("are their own outcome: five rejections are counted apart and leave the failure rate alone", async () => {
    const db = handle.db;
    const before = await logFigures(db, {}, FIGURES_NOW);
    for (let i = 1; i <= 5; i++)
      await logRejected(db, { userId: ada, source: "chat", toolCallId: `ada-reject-${i}` }, "complete_task", {
        task: 1,
      });
    const rejected = await db.taskOperationLog.findMany({
      where: { toolCallId: { startsWith: "ada-reject-" } },
      select: { id: true },
    });
    // Inside the fixtures' days, so the default 30-day window counts them.
    await db.taskOperationLog.updateMany({
      where: { id: { in: rejected.map((r) => r.id) } },
      data: { createdAt: at(40), finishedAt: at(40) },
    });
    try {
      const figures = await logFigures(db, {}, FIGURES_NOW);
      expect(figures).toMatchObject({
        total: before.total + 5,
        succeeded: 4,
        failed: 1,
        rejected: 5,
        pending: 1,
        failureRate: 1 / 5,
      });
      // A rejection never ran: its zero duration stays out of the percentiles.
      expect([figures.p50Ms, figures.p95Ms]).toEqual([before.p50Ms, before.p95Ms]);
      expect((await listedIds({ status: "rejected" })).sort()).toEqual(rejected.map((r) => r.id).sort());
      expect(await listedIds({ status: "failed" })).toEqual([ids.failed]);
      const detail = (await getLogDetail(db, rejected[0]!.id))!;
      expect(detail).toMatchObject({ status: "rejected", approval: "rejected", error: null });
      expect(undoAvailability(detail)).toEqual({
        available: false,
        reason: "This change was rejected by the user, so it made nothing to undo.",
      });
    } finally {
      await db.taskOperationLog.deleteMany({ where: { id: { in: rejected.map((r) => r.id) } } });
    }
  });
});

describe("dates at the ends of the range", () => {
  it("lists, counts and exports with the first and last days a filter may name", async () => {
    const db = handle.db;
    const widest: LogFilters = { from: "0001-01-01", to: "9999-12-31" };
    expect(await listedIds(widest)).toEqual(await listedIds({}));
    expect(await listedIds({ to: "0001-01-01" })).toEqual([]);
    expect(await listedIds({ from: "9999-12-31" })).toEqual([]);
    expect(await logFigures(db, widest, FIGURES_NOW)).toMatchObject({
      total: (await list()).rows.length,
      window: null,
    });
    const records = parse((await csvText(logsCsvStream(db, widest))).slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(records.map((r) => r.id)).toEqual(await listedIds({}));
  });
});

describe("detail", () => {
  it("shows the operation with its message, the reply to it and only that, and other operations on the task", async () => {
    const detail = (await getLogDetail(handle.db, ids.complete))!;
    expect(detail).toMatchObject({
      operation: "complete",
      user: { email: "ada@example.com" },
      task: { number: 1, title: "Buy milk" },
    });
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
    const lost = await seedMessage(db, {
      conversationId: conv,
      userId: bob,
      role: "user",
      content: "first",
      at: at(100),
    });
    const second = await seedMessage(db, {
      conversationId: conv,
      userId: bob,
      role: "user",
      content: "second",
      at: at(101),
    });
    await seedMessage(db, {
      conversationId: conv,
      userId: bob,
      role: "assistant",
      content: "answer to second",
      at: at(102),
      replyTo: second,
    });
    const op = await seedLog(db, {
      userId: bob,
      at: at(100),
      operation: "list",
      messageId: lost,
      conversationId: conv,
    });
    expect((await getLogDetail(db, op))!.assistantReply).toBeNull();
    await db.taskOperationLog.delete({ where: { id: op } });
  });

  it("says why an operation cannot be undone", () => {
    expect(undoAvailability({ operation: "add", status: "success", undoneBy: [] })).toEqual({ available: true });
    expect(undoAvailability({ operation: "list", status: "success", undoneBy: [] })).toMatchObject({
      available: false,
      reason: expect.stringMatching(/changes nothing/),
    });
    expect(undoAvailability({ operation: "update", status: "failed", undoneBy: [] })).toMatchObject({
      available: false,
      reason: expect.stringMatching(/failed/),
    });
    expect(undoAvailability({ operation: "update", status: "rejected", undoneBy: [] })).toMatchObject({
      available: false,
      reason: expect.stringMatching(/rejected by the user/),
    });
    expect(
      undoAvailability({ operation: "add", status: "success", undoneBy: [{ id: "x", createdAt: new Date() }] }),
    ).toMatchObject({ reason: expect.stringMatching(/already been undone/) });
  });
});

describe("undo from the log", () => {
  it("undoes through the task service, logs the undo linked to the original and refuses a second time", async () => {
    const db = handle.db;
    const owner = await seedUser(db, "carol@example.com", "Carol");
    const admin = await seedUser(db, "root@example.com", "Root");
    const added = await addTask(db, { userId: owner, source: "chat" }, { title: "Water plants" });
    const done = await completeTask(db, { userId: owner, source: "chat" }, { task: 1 });
    if (!added.ok || added.kind !== "added" || !done.ok || done.kind !== "completed") throw new Error("setup failed");

    const undone = await undoFromLog(db, admin, done.operationId);
    expect(undone).toMatchObject({ ok: true, message: expect.stringContaining("Water plants") });
    const task = await db.task.findFirstOrThrow({ where: { userId: owner, number: 1 } });
    expect(task.status).toBe("pending");
    const undoRow = await db.taskOperationLog.findUniqueOrThrow({
      where: { id: (undone as { undoId: string }).undoId },
    });
    // The owner's history, made by the admin: the actor is a column of its own, not part of the input.
    expect(undoRow).toMatchObject({
      operation: "undo",
      source: "admin",
      userId: owner,
      actorId: admin,
      undoOfId: done.operationId,
      status: "success",
    });
    expect(undoRow.input).toEqual({ operationId: done.operationId });
    // The owner's own operations name the owner as their actor.
    expect(
      await db.taskOperationLog.findMany({
        where: { id: { in: [added.operationId, done.operationId] } },
        select: { actorId: true, source: true },
      }),
    ).toEqual([
      { actorId: owner, source: "chat" },
      { actorId: owner, source: "chat" },
    ]);

    const detail = (await getLogDetail(db, done.operationId))!;
    expect(detail.undoneBy.map((u) => u.id)).toEqual([undoRow.id]);
    expect((await listedIds({ user: owner })).length).toBe(3);
    expect((await list({ user: owner })).rows.find((r) => r.id === done.operationId)?.undone).toBe(true);

    expect(await undoFromLog(db, admin, done.operationId)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already undone/),
    });
    // The refused undo is logged as the admin's too.
    expect(await db.taskOperationLog.findFirstOrThrow({ where: { userId: owner, status: "failed" } })).toMatchObject({
      operation: "undo",
      source: "admin",
      actorId: admin,
    });

    // The table, the detail and the export say who acted; the source filter finds admins' changes.
    const rows = (await list({ user: owner })).rows;
    expect(rows.find((r) => r.id === undoRow.id)).toMatchObject({
      userEmail: "carol@example.com",
      actorId: admin,
      actorEmail: "root@example.com",
      source: "admin",
    });
    expect(rows.find((r) => r.id === done.operationId)).toMatchObject({
      actorId: owner,
      actorEmail: "carol@example.com",
    });
    expect((await getLogDetail(db, undoRow.id))!.actor).toEqual({ id: admin, email: "root@example.com", name: "Root" });
    expect(await listedIds({ user: owner, source: "admin" })).toEqual(
      rows.filter((r) => r.operation === "undo").map((r) => r.id),
    );
    const records = parse((await csvText(logsCsvStream(db, { user: owner }))).slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(records.map((r) => [r.operation, r.source, r.user_email, r.actor_email])).toEqual([
      ["undo", "admin", "carol@example.com", "root@example.com"],
      ["undo", "admin", "carol@example.com", "root@example.com"],
      ["complete", "chat", "carol@example.com", "carol@example.com"],
      ["add", "chat", "carol@example.com", "carol@example.com"],
    ]);
    expect(records[0]!.actor_id).toBe(admin);
  });

  it("stamps the actor on pending, failed and rejected rows as well", async () => {
    const db = handle.db;
    const owner = await seedUser(db, "erin@example.com", "Erin");
    const admin = await seedUser(db, "boss@example.com", "Boss");
    // While the change runs, its pending row already names who is making it.
    let pending: unknown;
    await runLogged(
      db,
      { userId: owner, source: "admin", actorId: admin },
      { operation: "list", input: {} },
      async (tx) => {
        pending = await tx.taskOperationLog.findFirst({
          where: { userId: owner, status: "pending" },
          select: { actorId: true, source: true },
        });
        return { result: { ok: true, kind: "listed", tasks: [], total: 0, filter: {} } };
      },
    );
    expect(pending).toEqual({ actorId: admin, source: "admin" });
    // Bad input: the failed row is the owner's own.
    await updateTask(db, { userId: owner, source: "ui" }, { task: 1, title: "" });
    expect(await db.taskOperationLog.findFirstOrThrow({ where: { userId: owner, status: "failed" } })).toMatchObject({
      actorId: owner,
      source: "ui",
    });
    // A rejected approval.
    await logRejected(db, { userId: owner, source: "chat", toolCallId: "erin-reject-1" }, "delete_task", { task: 1 });
    const rejected = await db.taskOperationLog.findUniqueOrThrow({ where: { toolCallId: "erin-reject-1" } });
    expect(rejected).toMatchObject({ actorId: owner, status: "rejected", approval: "rejected", error: null });
    // Nothing was changed, so there is nothing to undo, and the service says why.
    expect(await undoOperation(db, { userId: owner, source: "ui" }, { operationId: rejected.id })).toMatchObject({
      ok: false,
      code: "cannot_undo",
      message: "That change was rejected, so it made nothing to undo.",
    });
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
    expect(await undoFromLog(db, owner, "00000000-0000-4000-8000-000000000000")).toMatchObject({
      ok: false,
      message: "There is no such operation.",
    });
  });
});

describe("CSV export", () => {
  it("streams a header and the filtered rows, escaped", async () => {
    const db = handle.db;
    const tricky = await seedLog(db, {
      userId: ada,
      at: at(5),
      operation: "add",
      originalCommand: 'add "milk, eggs"\nand =SUM(1)',
      input: { title: "x" },
    });
    const text = await csvText(logsCsvStream(db, { user: "ada" }, 2));
    expect(text.startsWith("\uFEFFid,created_at,")).toBe(true);
    const records = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id)).toEqual([ids.list, ids.complete, tricky, ids.add]);
    expect(records.find((r) => r.id === tricky)?.original_command).toBe('add "milk, eggs"\nand =SUM(1)');
    expect(records.find((r) => r.id === ids.add)).toMatchObject({
      user_email: "ada@example.com",
      task_number: "1",
      task_title: "Buy milk",
      duration_ms: "10",
      tool_call_id: "call-1",
      input: '{"title":"Buy milk"}',
    });
    await db.taskOperationLog.delete({ where: { id: tricky } });
  });

  it("defuses spreadsheet formulas at the start of a cell", async () => {
    const db = handle.db;
    const formula = await seedLog(db, {
      userId: ada,
      at: at(6),
      operation: "list",
      originalCommand: '=HYPERLINK("http://x")',
    });
    const text = await csvText(logsCsvStream(db, { q: "HYPERLINK" }));
    const [record] = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(record!.original_command).toBe('\'=HYPERLINK("http://x")');
    await db.taskOperationLog.delete({ where: { id: formula } });
  });

  it("has only the header for an empty set", async () => {
    const text = await csvText(logsCsvStream(handle.db, { user: "nobody" }));
    expect(text.trim().split("\r\n")).toHaveLength(1);
  });
});
