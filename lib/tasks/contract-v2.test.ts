// Contract v2 in the task service (docs/agent-contract.md): repeat rules, reminder moments
// and completion-time filters, through a real database, logged and undoable like every change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { addTask, completeTask, deleteTask, listTasks, undoOperation, updateTask } from "./service";
import type { OperationContext, TaskView, ToolResult } from "./types";

let handle: DbHandle;
let users = 0;

async function newUser(timeZone = "Europe/Berlin"): Promise<OperationContext> {
  const user = await handle.db.user.create({
    data: { email: `v2-${++users}@example.com`, name: "V2", passwordHash: "x" },
  });
  return { userId: user.id, source: "chat", timeZone };
}

function task(result: ToolResult): TaskView & { repeatText?: string | null } {
  if (!result.ok || !("task" in result) || !result.task)
    throw new Error(`expected a task, got ${JSON.stringify(result)}`);
  return result.task;
}

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe("repeat", () => {
  it("stores a rule in its canonical form and says it in words", async () => {
    const ctx = await newUser();
    const added = task(
      await addTask(handle.db, ctx, {
        title: "Standup",
        dueDate: "2026-03-16T09:30",
        repeat: "freq=weekly;byday=mo,tu,we,th,fr",
      }),
    );
    expect(added).toMatchObject({ repeat: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", repeatText: "every weekday" });
    const monthly = task(
      await addTask(handle.db, ctx, {
        title: "Pay rent",
        dueDate: "2026-04-01",
        repeat: "RRULE:FREQ=MONTHLY;BYMONTHDAY=1",
      }),
    );
    expect(monthly).toMatchObject({ repeat: "FREQ=MONTHLY;BYMONTHDAY=1", repeatText: "every month on the 1st" });
  });

  it("refuses a rule it cannot use with a clear message and a failed log row, changing nothing", async () => {
    const ctx = await newUser();
    for (const rule of [
      "FREQ=SOMETIMES",
      "BYDAY=MO",
      "FREQ=HOURLY",
      "DTSTART:20200101T000000Z\nRRULE:FREQ=DAILY",
      "every monday",
    ]) {
      const result = await addTask(handle.db, { ...ctx, toolCallId: `bad-${rule}` }, { title: "Gym", repeat: rule });
      expect(result).toMatchObject({
        ok: false,
        code: "invalid_input",
        message: expect.stringMatching(/not a repeat rule I can use/),
      });
    }
    expect(await handle.db.task.count({ where: { userId: ctx.userId } })).toBe(0);
    expect(await handle.db.taskOperationLog.count({ where: { userId: ctx.userId, status: "failed" } })).toBe(5);
  });

  it("changes and clears a rule by update; undo puts the old rule back", async () => {
    const ctx = await newUser();
    task(await addTask(handle.db, ctx, { title: "Water plants", dueDate: "2026-03-16", repeat: "FREQ=WEEKLY" }));
    const changed = await updateTask(handle.db, ctx, { task: 1, repeat: "FREQ=DAILY" });
    expect(changed).toMatchObject({ ok: true, changes: ["repeat"], task: { repeat: "FREQ=DAILY" } });
    const cleared = await updateTask(handle.db, ctx, { task: 1, repeat: null });
    expect(task(cleared)).toMatchObject({ repeat: null, repeatText: null });
    if (!cleared.ok || !("operationId" in cleared)) throw new Error("no operation id");
    expect(task(await undoOperation(handle.db, ctx, { operationId: cleared.operationId }))).toMatchObject({
      repeat: "FREQ=DAILY",
    });
  });
});

describe("remindAt", () => {
  it("stores the moment (read in the user's zone), clears it with null, and undo restores it", async () => {
    const ctx = await newUser("America/New_York");
    const added = task(
      await addTask(handle.db, ctx, { title: "Dentist", dueDate: "2030-03-20T10:00", remindAt: "2030-03-20T08:00" }),
    );
    expect(added.remindAt).toBe("2030-03-20T12:00:00.000Z");
    const cleared = await updateTask(handle.db, ctx, { task: 1, remindAt: null });
    expect(cleared).toMatchObject({ ok: true, changes: ["remindAt"], task: { remindAt: null } });
    if (!cleared.ok || !("operationId" in cleared)) throw new Error("no operation id");
    expect(task(await undoOperation(handle.db, ctx, { operationId: cleared.operationId })).remindAt).toBe(
      "2030-03-20T12:00:00.000Z",
    );
    expect(await addTask(handle.db, ctx, { title: "x", remindAt: "tomorrow" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });
});

describe("completion-time filters", () => {
  it("lists what was completed on given days of the user's calendar, each bound inclusive", async () => {
    const ctx = await newUser("Asia/Tokyo");
    for (const title of ["Early", "Late", "Next day", "Open"]) task(await addTask(handle.db, ctx, { title }));
    for (const n of [1, 2, 3]) task(await completeTask(handle.db, ctx, { task: n }));
    // Completed at 00:30 and 23:30 on March 10 in Tokyo, and 00:10 on March 11.
    const at = { 1: "2026-03-09T15:30:00Z", 2: "2026-03-10T14:30:00Z", 3: "2026-03-10T15:10:00Z" };
    for (const [number, when] of Object.entries(at))
      await handle.db.task.updateMany({
        where: { userId: ctx.userId, number: Number(number) },
        data: { completedAt: new Date(when) },
      });
    const titles = (r: ToolResult) => (r.ok && r.kind === "listed" ? r.tasks.map((t) => t.title).sort() : r);
    expect(
      titles(await listTasks(handle.db, ctx, { completedAfter: "2026-03-10", completedBefore: "2026-03-10" })),
    ).toEqual(["Early", "Late"]);
    expect(titles(await listTasks(handle.db, ctx, { completedAfter: "2026-03-11" }))).toEqual(["Next day"]);
    expect(titles(await listTasks(handle.db, ctx, { completedBefore: "2026-03-10", status: "completed" }))).toEqual([
      "Early",
      "Late",
    ]);
    expect(await listTasks(handle.db, ctx, { completedAfter: "yesterday" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });
});

describe("undo without an operation id", () => {
  it("puts back every change of the latest turn that changed tasks, newest first, each logged", async () => {
    const ctx = await newUser();
    for (const title of ["Milk", "Eggs", "Bread"])
      task(await addTask(handle.db, { ...ctx, conversationId: null }, { title }));
    const conversation = await handle.db.conversation.create({ data: { userId: ctx.userId } });
    const message = (text: string) =>
      handle.db.message.create({
        data: { conversationId: conversation.id, userId: ctx.userId, role: "user", content: text },
      });
    const turn = { ...ctx, conversationId: conversation.id };
    const earlier = await message("complete milk");
    task(await completeTask(handle.db, { ...turn, messageId: earlier.id }, { task: 1 }));
    const bulk = await message("delete eggs and bread, and add jam");
    const inBulk = { ...turn, messageId: bulk.id };
    task(await deleteTask(handle.db, inBulk, { task: 2 }));
    task(await deleteTask(handle.db, inBulk, { task: 3 }));
    task(await addTask(handle.db, inBulk, { title: "Jam" }));
    task(await updateTask(handle.db, inBulk, { task: 4, priority: "high" }));

    const undo = await message("undo");
    const result = await undoOperation(handle.db, { ...turn, messageId: undo.id }, {});
    expect(result).toMatchObject({ ok: true, kind: "undone", count: 4 });
    const rows = await handle.db.task.findMany({ where: { userId: ctx.userId }, orderBy: { number: "asc" } });
    // Eggs and bread are back, jam (added and then changed in that turn) is gone, milk stays done.
    expect(rows.map((t) => [t.title, t.status, t.deletedAt === null])).toEqual([
      ["Milk", "completed", true],
      ["Eggs", "pending", true],
      ["Bread", "pending", true],
      ["Jam", "pending", false],
    ]);
    const undos = await handle.db.taskOperationLog.findMany({
      where: { userId: ctx.userId, operation: "undo", status: "success" },
    });
    expect(undos).toHaveLength(4);
    const bulkOps = await handle.db.taskOperationLog.findMany({ where: { messageId: bulk.id }, select: { id: true } });
    expect(undos.map((u) => u.undoOfId).sort()).toEqual(bulkOps.map((o) => o.id).sort());
    // The next undo reaches the turn before.
    expect(await undoOperation(handle.db, { ...turn, messageId: undo.id }, {})).toMatchObject({
      ok: true,
      kind: "undone",
      task: { title: "Milk", status: "pending" },
    });
  });

  it("puts back nothing when one change of the turn cannot be undone", async () => {
    const ctx = await newUser();
    const conversation = await handle.db.conversation.create({ data: { userId: ctx.userId } });
    const bulk = await handle.db.message.create({
      data: { conversationId: conversation.id, userId: ctx.userId, role: "user", content: "add two" },
    });
    const inBulk = { ...ctx, conversationId: conversation.id, messageId: bulk.id };
    task(await addTask(handle.db, inBulk, { title: "One" }));
    task(await addTask(handle.db, inBulk, { title: "Two" }));
    task(await updateTask(handle.db, { ...ctx, source: "ui" }, { task: 1, title: "One, renamed" }));
    expect(await undoOperation(handle.db, { ...ctx, conversationId: conversation.id }, {})).toMatchObject({
      ok: false,
      code: "cannot_undo",
      message: expect.stringMatching(/has changed since then/),
    });
    expect(await handle.db.task.count({ where: { userId: ctx.userId, deletedAt: null } })).toBe(2);
  });
});
