// Completing a repeating task moves it to its next occurrence (same number, reminder shifted,
// logged as a completion); undo puts the due date and the reminder back; a rule that has ended
// completes the task for good. Through the service, on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { addTask, completeTask, undoOperation, updateTask } from "./service";
import type { OperationContext, ToolResult } from "./types";

let handle: DbHandle;
let users = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

async function newUser(): Promise<OperationContext> {
  const user = await handle.db.user.create({
    data: { email: `repeat-${++users}@example.com`, name: "R", passwordHash: "x" },
  });
  return { userId: user.id, source: "ui", timeZone: "Europe/Berlin" };
}

const ok = (r: ToolResult) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe("completing a repeating task", () => {
  it("moves it to the next occurrence at the same local time, reminder shifted alike; undo puts both back", async () => {
    const ctx = await newUser();
    // Every Monday at 09:00 Berlin, from a Monday far in the future (so "after now" is the due date itself).
    await addTask(handle.db, ctx, {
      title: "Standup notes",
      dueDate: "2030-03-25T09:00",
      repeat: "FREQ=WEEKLY;BYDAY=MO",
      remindAt: "2030-03-25T08:45",
    });
    const done = ok(await completeTask(handle.db, ctx, { task: 1 }));
    expect(done).toMatchObject({
      kind: "completed",
      task: { number: 1, status: "pending", dueDate: "2030-04-01T07:00:00.000Z", remindAt: "2030-04-01T06:45:00.000Z" },
    });
    // Berlin moved to summer time on 2030-03-31: 09:00 local is 07:00Z now, not 08:00Z.
    const row = await handle.db.taskOperationLog.findFirstOrThrow({
      where: { userId: ctx.userId, operation: "complete" },
    });
    expect(row).toMatchObject({ status: "success" });
    expect((row.result as { changes: string[] }).changes).toEqual(["completed", "dueDate", "remindAt"]);

    const undone = ok(await undoOperation(handle.db, ctx, { operationId: row.id }));
    expect(undone).toMatchObject({
      kind: "undone",
      task: { number: 1, status: "pending", dueDate: "2030-03-25T08:00:00.000Z", remindAt: "2030-03-25T07:45:00.000Z" },
    });
  });

  it("completes a task whose rule has ended for good", async () => {
    const ctx = await newUser();
    await addTask(handle.db, ctx, {
      title: "Last lesson",
      dueDate: "2020-01-06",
      repeat: "FREQ=WEEKLY;UNTIL=20200113",
    });
    expect(ok(await completeTask(handle.db, ctx, { task: 1 }))).toMatchObject({
      task: { status: "completed", dueDate: "2020-01-06" },
    });
  });
});

describe("a reminder given as a day", () => {
  it("fires that morning at 09:00 in the user's zone, not at midnight UTC", async () => {
    const ctx = await newUser();
    const added = ok(
      await addTask(handle.db, ctx, { title: "Call the garage", dueDate: "2030-03-22", remindAt: "2030-03-21" }),
    );
    expect(added).toMatchObject({ task: { remindAt: "2030-03-21T08:00:00.000Z" } });
  });
});

describe("bad or missing moments", () => {
  it("refuses a reminder in the past, saying so, and changes nothing", async () => {
    const ctx = await newUser();
    const refused = await addTask(handle.db, ctx, { title: "Too late", remindAt: "2020-01-01T09:00" });
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid_input",
      message: expect.stringContaining("has already passed"),
    });
    expect(await handle.db.task.count({ where: { userId: ctx.userId } })).toBe(0);
    ok(await addTask(handle.db, ctx, { title: "Later" }));
    const update = await updateTask(handle.db, ctx, { task: 1, remindAt: "2020-01-01" });
    expect(update).toMatchObject({ ok: false, message: expect.stringContaining("has already passed") });
    expect(await handle.db.task.findFirstOrThrow({ where: { userId: ctx.userId } })).toMatchObject({ remindAt: null });
  });

  it("starts a repeat with no due date at its first occurrence, on add and on update", async () => {
    const ctx = await newUser();
    const added = ok(await addTask(handle.db, ctx, { title: "Water plants", repeat: "FREQ=DAILY" }));
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    expect(added).toMatchObject({ task: { dueDate: today, repeat: "FREQ=DAILY" } });
    ok(await addTask(handle.db, ctx, { title: "Gym" }));
    const updated = ok(
      await updateTask(handle.db, ctx, { task: 2, repeat: "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=7;BYMINUTE=30" }),
    );
    const due = "task" in updated && updated.task ? updated.task.dueDate : null;
    expect(due).toMatch(/T\d\d:30:00\.000Z$/);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(due!));
    expect(local).toMatch(/^(Mon|Wed|Fri) 07:30$/);
    expect(new Date(due!).getTime()).toBeGreaterThan(Date.now());
  });
});
