// Exporting tasks (CSV, .ics) through the real route handler, and importing a Todoist CSV through
// the task service: real database (PGlite, or PostgreSQL with TEST_DATABASE_URL); only the
// session and the process's database are swapped for test ones.
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { undoFromLog } from "@/lib/admin/undo";
import { tasksCsvStream } from "./export-csv";
import { tasksIcsStream } from "./export-ics";
import { importTodoist, previewTodoist, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/import/todoist";
import { addTask, deleteTask, undoOperation, updateTask } from "./service";
import type { OperationContext, ToolResult } from "./types";

const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string; role: "user" | "admin" },
  db: null as unknown,
}));
// withApiSession wraps its handler with next-auth's auth(); the test's puts the session on the request.
vi.mock("@/lib/auth/index", () => ({
  auth: (handler: (request: { auth: unknown }) => Promise<Response>) => async (request: { auth: unknown }) => {
    request.auth = session.user ? { user: session.user, sessionVersion: 0 } : null;
    return handler(request);
  },
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));

const { GET: exportTasks } = await import("@/app/api/tasks/export/route");

let handle: DbHandle;
let users = 0;
const NOW = new Date("2026-03-04T10:00:00Z"); // a Wednesday

async function newUser(role: "user" | "admin" = "user") {
  const n = ++users;
  const user = await handle.db.user.create({
    data: { email: `transfer${n}@example.com`, name: `Transfer ${n}`, passwordHash: "x", role },
  });
  return {
    user,
    ctx: { userId: user.id, source: "ui", timeZone: "Europe/Berlin", now: NOW } satisfies OperationContext,
  };
}

function ok(result: ToolResult) {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const asUser = (user: { id: string; email: string; name: string }) =>
  (session.user = { id: user.id, email: user.email, name: user.name, role: "user" });
const download = (query: string) => exportTasks(new NextRequest(`http://localhost/api/tasks/export?${query}`));

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
});
afterAll(() => handle?.close());

describe("exporting tasks", () => {
  it("gives exactly the user's tasks as CSV, not the trash nor anyone else's, and round-trips commas, quotes and newlines", async () => {
    const { user, ctx } = await newUser();
    const other = await newUser();
    ok(
      await addTask(handle.db, ctx, {
        title: 'Buy "good" milk, eggs',
        description: 'Line one\nLine two, with a comma\r\nand "quotes"',
        tags: ["errands", "home"],
        dueDate: "2026-03-10",
        priority: "high",
      }),
    );
    ok(
      await addTask(handle.db, ctx, { title: "Stand-up", dueDate: "2026-03-09T09:00", repeat: "FREQ=WEEKLY;BYDAY=MO" }),
    );
    ok(await addTask(handle.db, ctx, { title: "Trashed" }));
    ok(await deleteTask(handle.db, ctx, { task: 3 }));
    ok(await addTask(handle.db, other.ctx, { title: "Someone else's secret" }));

    asUser(user);
    const response = await download("format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="doable-tasks-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const records = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.title)).toEqual(['Buy "good" milk, eggs', "Stand-up"]);
    expect(records[0]).toMatchObject({
      number: "1",
      notes: 'Line one\nLine two, with a comma\r\nand "quotes"',
      tags: "errands, home",
      due: "2026-03-10",
      all_day: "true",
      priority: "high",
      status: "pending",
    });
    expect(records[1]).toMatchObject({
      repeat: "FREQ=WEEKLY;BYDAY=MO",
      due: "2026-03-09T08:00:00.000Z",
      all_day: "false",
    });
  });

  it("reads a large account in batches and still gives every task once", async () => {
    const { ctx } = await newUser();
    for (let i = 1; i <= 7; i++) ok(await addTask(handle.db, ctx, { title: `Task ${i}`, dueDate: `2026-04-0${i}` }));
    const csv = parse(await read(await tasksCsvStream(handle.db, ctx.userId, 3)), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(csv.map((r) => r.number)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    const ics = await read(await tasksIcsStream(handle.db, ctx.userId, "UTC", 3));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(7);
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    expect(ics.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
  });

  it("gives the tasks with a due date as .ics events, with the repeat rule, tags, priority and completion", async () => {
    const { user, ctx } = await newUser();
    const other = await newUser();
    ok(
      await addTask(handle.db, ctx, {
        title: "Christmas, at home",
        dueDate: "2026-12-24",
        tags: ["family", "home"],
        priority: "high",
        description: "Bring; cake",
      }),
    );
    ok(
      await addTask(handle.db, ctx, { title: "Stand-up", dueDate: "2026-03-09T09:00", repeat: "FREQ=WEEKLY;BYDAY=MO" }),
    );
    ok(await addTask(handle.db, ctx, { title: "No date" }));
    ok(await addTask(handle.db, ctx, { title: "Dentist", dueDate: "2026-03-05T14:30", priority: "low" }));
    ok(await updateTask(handle.db, ctx, { task: 4, title: "Dentist (done)" }));
    const { completeTask } = await import("./service");
    ok(await completeTask(handle.db, ctx, { task: 4 }));
    ok(await addTask(handle.db, ctx, { title: "Trashed", dueDate: "2026-03-06" }));
    ok(await deleteTask(handle.db, ctx, { task: 5 }));
    ok(await addTask(handle.db, other.ctx, { title: "Other user's", dueDate: "2026-03-06" }));

    asUser(user);
    const response = await download("format=ics&tz=Europe/Berlin");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const ics = await response.text();
    const events = ics.split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(3);
    expect(ics).not.toMatch(/No date|Trashed|Other user/);
    const [christmas, standup, dentist] = events as [string, string, string];
    expect(christmas).toContain("DTSTART;VALUE=DATE:20261224");
    expect(christmas).toContain("SUMMARY:Christmas\\, at home");
    expect(christmas).toContain("CATEGORIES:family,home");
    expect(christmas).toContain("PRIORITY:1");
    expect(christmas).toContain("DESCRIPTION:Bring\\; cake");
    // 09:00 in Berlin: a floating local time, so the weekly repeat stays at 9:00 across DST.
    expect(standup).toContain("DTSTART:20260309T090000\r\n");
    expect(standup).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO");
    expect(dentist).toContain("DTSTART:20260305T133000Z");
    expect(dentist).toContain("X-DOABLE-STATUS:completed");
    expect(dentist).toMatch(/X-DOABLE-COMPLETED:\d{8}T\d{6}Z/);
    expect(dentist).toContain("PRIORITY:9");
  });

  it("answers 401 without a session and 400 for an unknown format", async () => {
    session.user = null;
    const anonymous = await download("format=csv");
    expect(anonymous.status).toBe(401);
    const { user } = await newUser();
    asUser(user);
    const bad = await download("format=xlsx");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { message: "format must be csv or ics." } });
  });
});

const TODOIST = [
  "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT",
  "task,Buy milk @errands @home,From the corner shop,1,1,Ann (1),,2026-03-10,en,Europe/Berlin,,",
  "note,Semi-skimmed,,,,,,,,,,",
  ",,,,,,,,,,,",
  "section,Work,,,,,,,,,,",
  "task,Team stand-up,,4,1,Ann (1),,every monday at 9am,en,Europe/Berlin,,",
  "task,,,4,1,Ann (1),,,en,,,",
  "task,Water plants,,9,1,Ann (1),,,en,,,",
  'task,"Call mom, ask about ""the trip""",,2,1,Ann (1),,every workday except fridays,en,,,',
].join("\n");

describe("importing a Todoist CSV", () => {
  it("previews each row, naming the rows it cannot import and why", async () => {
    const { ctx } = await newUser();
    const preview = previewTodoist(TODOIST, ctx);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview).toMatchObject({ tasks: 3, errors: 2, skipped: 1 });
    expect(preview.rows).toEqual([
      {
        row: 2,
        ok: true,
        title: "Buy milk",
        dueDate: "2026-03-10",
        repeatText: null,
        priority: "high",
        tags: ["errands", "home"],
        notice: null,
      },
      {
        row: 6,
        ok: true,
        title: "Team stand-up",
        dueDate: "2026-03-09T09:00:00+01:00",
        repeatText: "every week on Monday",
        priority: "medium",
        tags: [],
        notice: null,
      },
      { row: 7, ok: false, error: "Row 7: the task has no name (CONTENT is empty)." },
      { row: 8, ok: false, error: 'Row 8: PRIORITY is "9"; Todoist priorities are 1 to 4.' },
      {
        row: 9,
        ok: true,
        title: 'Call mom, ask about "the trip"',
        dueDate: null,
        repeatText: null,
        priority: "high",
        tags: [],
        notice: expect.stringContaining("kept in the notes"),
      },
    ]);
    expect(await handle.db.task.count({ where: { userId: ctx.userId } })).toBe(0);
  });

  it("refuses a file that is not a Todoist CSV, or too big, and adds nothing", async () => {
    const { ctx } = await newUser();
    expect(previewTodoist("TITLE,DUE\nBuy milk,today\n", ctx)).toEqual({
      ok: false,
      message: "That file has no CONTENT column, so it is not a Todoist CSV export.",
    });
    expect(previewTodoist("PK\u0003\u0004\u0000\u0000binary", ctx)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a CSV file/),
    });
    expect(previewTodoist('TYPE,CONTENT\ntask,"unclosed\n', ctx)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a CSV file that can be read/),
    });
    expect(previewTodoist(`TYPE,CONTENT\n${"task,x\n".repeat(IMPORT_MAX_ROWS + 1)}`, ctx)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^That file has 501 rows; at most 500 can be imported at once\.$/),
    });
    expect(previewTodoist(`TYPE,CONTENT\ntask,${"x".repeat(IMPORT_MAX_BYTES)}\n`, ctx)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too large/),
    });
    expect(await importTodoist(handle.db, ctx, "TITLE\nx\n", { skipBad: true })).toMatchObject({ ok: false });
    expect(await handle.db.task.count({ where: { userId: ctx.userId } })).toBe(0);
  });

  it("adds nothing while rows have problems, unless the user chose to skip them", async () => {
    const { ctx } = await newUser();
    const refused = await importTodoist(handle.db, ctx, TODOIST, { skipBad: false });
    expect(refused).toEqual({
      ok: false,
      message: expect.stringMatching(/^2 rows have problems \(Row 7: .*\)\. Nothing was imported/),
    });
    expect(await handle.db.task.count({ where: { userId: ctx.userId } })).toBe(0);
  });

  it("adds the good rows as one logged change that one undo in chat takes back, leaving other users alone", async () => {
    const { ctx } = await newUser();
    const other = await newUser();
    ok(await addTask(handle.db, other.ctx, { title: "Other user's task" }));
    ok(await addTask(handle.db, ctx, { title: "Already here" }));
    const result = await importTodoist(handle.db, ctx, TODOIST, { skipBad: true });
    if (!result.ok) throw new Error(result.message);
    expect(result.tasks.map((t) => [t.number, t.title, t.priority, t.tags])).toEqual([
      [2, "Buy milk", "high", ["errands", "home"]],
      [3, "Team stand-up", "medium", []],
      [4, 'Call mom, ask about "the trip"', "high", []],
    ]);
    const tasks = await handle.db.task.findMany({ where: { userId: ctx.userId }, orderBy: { number: "asc" } });
    expect(tasks[1]).toMatchObject({ description: "From the corner shop\n\nSemi-skimmed", dueAllDay: true });
    expect(tasks[2]).toMatchObject({ repeat: "FREQ=WEEKLY;BYDAY=MO", dueDate: new Date("2026-03-09T08:00:00Z") });
    expect(tasks[3]!.description).toBe("Todoist date: every workday except fridays");

    const logs = await handle.db.taskOperationLog.findMany({
      where: { userId: ctx.userId, operation: "add" },
      orderBy: { createdAt: "asc" },
    });
    const imported = logs.filter((l) => (l.input as { import?: unknown }).import);
    expect(imported).toHaveLength(3);
    expect(new Set(imported.map((l) => (l.input as { import: { id: string } }).import.id)).size).toBe(1);
    const byRow = imported
      .map((l) => [l.source, l.status, (l.input as { import: { row: number } }).import.row] as const)
      .sort((a, b) => a[2] - b[2]);
    expect(byRow).toEqual([
      ["ui", "success", 2],
      ["ui", "success", 6],
      ["ui", "success", 9],
    ]);

    // "undo" typed in a chat: the import is the latest change, though no conversation made it.
    const conversation = await handle.db.conversation.create({ data: { userId: ctx.userId } });
    const undone = ok(await undoOperation(handle.db, { ...ctx, source: "chat", conversationId: conversation.id }, {}));
    expect(undone).toMatchObject({ kind: "undone", count: 3 });
    expect(
      (await handle.db.task.findMany({ where: { userId: ctx.userId, deletedAt: null } })).map((t) => t.title),
    ).toEqual(["Already here"]);
    expect(await handle.db.task.count({ where: { userId: other.ctx.userId, deletedAt: null } })).toBe(1);
    // Nothing of the import is left to undo: the chat's next undo says so.
    expect(
      await undoOperation(handle.db, { ...ctx, source: "chat", conversationId: conversation.id }, {}),
    ).toMatchObject({ ok: false, code: "nothing_to_undo" });
  });

  it("is taken back whole by an admin's undo of any one of its rows", async () => {
    const { ctx } = await newUser();
    const admin = await newUser("admin");
    const result = await importTodoist(handle.db, ctx, TODOIST, { skipBad: true });
    if (!result.ok) throw new Error(result.message);
    const undone = await undoFromLog(handle.db, admin.user.id, result.operationIds[1]!);
    expect(undone.ok).toBe(true);
    expect(await handle.db.task.count({ where: { userId: ctx.userId, deletedAt: null } })).toBe(0);
    const undos = await handle.db.taskOperationLog.findMany({
      where: { userId: ctx.userId, operation: "undo", status: "success" },
    });
    expect(undos.map((u) => u.undoOfId).sort()).toEqual([...result.operationIds].sort());
    expect(undos.every((u) => u.actorId === admin.user.id && u.source === "admin")).toBe(true);
  });

  it("adds nothing at all when one task cannot be added, and logs the failure", async () => {
    const { ctx } = await newUser();
    // A reminder in the past is refused by the service: the batch rolls back as a whole.
    const { addTasks } = await import("./service");
    const result = await addTasks(handle.db, ctx, {
      id: crypto.randomUUID(),
      items: [
        { row: 2, input: { title: "Fine" } },
        { row: 3, input: { title: "Late", remindAt: "2020-01-01T09:00" } },
      ],
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await handle.db.task.count({ where: { userId: ctx.userId } })).toBe(0);
    const logs = await handle.db.taskOperationLog.findMany({ where: { userId: ctx.userId } });
    expect(logs.map((l) => [l.operation, l.status])).toEqual([["add", "failed"]]);
  });
});
