// The task panel's views and their counts through a real database (PGlite, or PostgreSQL with
// TEST_DATABASE_URL): each count is the size of the list the service's filter gives, in every
// zone, and only the user's own tasks count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { inDueBucket } from "./filter";
import { countTasksByView, readTaskView, viewFilter } from "./list-view-query";
import { TASK_LIST_VIEWS } from "./list-views";
import { addTask, completeTask, deleteTask, listTasks } from "./service";
import type { OperationContext, TaskView } from "./types";

let handle: DbHandle;
let users = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

// Wednesday 2026-03-18 14:00 UTC.
const now = new Date("2026-03-18T14:00:00Z");

async function userWithTasks(timeZone: string): Promise<OperationContext> {
  const user = await handle.db.user.create({
    data: { email: `views-${++users}@example.com`, name: "V", passwordHash: "x" },
  });
  const ctx: OperationContext = { userId: user.id, source: "ui", timeZone };
  // Days before, on and after "now" in the zone, with and without times, and none.
  const dues = [
    "2026-03-16",
    "2026-03-17",
    "2026-03-17T23:30",
    "2026-03-18",
    "2026-03-18T00:00",
    "2026-03-18T09:00",
    "2026-03-18T13:59",
    "2026-03-18T14:30",
    "2026-03-18T23:59",
    "2026-03-19",
    "2026-03-19T00:00",
    "2026-03-19T08:00",
    "2026-03-22",
    "2026-04-30T23:59",
  ];
  for (const [i, dueDate] of dues.entries()) await addTask(handle.db, ctx, { title: `Task ${i}`, dueDate });
  await addTask(handle.db, ctx, { title: "No date" });
  await addTask(handle.db, ctx, { title: "Another without a date" });
  await completeTask(handle.db, ctx, { task: 2 }); // overdue once, done now
  await completeTask(handle.db, ctx, { task: 10 }); // due tomorrow, done early
  await deleteTask(handle.db, ctx, { task: 4 }); // due today, in the trash
  await deleteTask(handle.db, ctx, { task: 15 }); // no date, in the trash
  await completeTask(handle.db, ctx, { task: 16 });
  await deleteTask(handle.db, ctx, { task: 16 }); // completed, then deleted
  return ctx;
}

const numbers = (tasks: TaskView[]) => tasks.map((t) => t.number).sort((a, b) => a - b);

describe("views and counts", () => {
  for (const timeZone of ["Europe/Berlin", "America/Los_Angeles", "Pacific/Auckland", "UTC"]) {
    it(`each count is the size of its view's list in ${timeZone}`, async () => {
      const ctx = await userWithTasks(timeZone);
      const counts = await countTasksByView(handle.db, ctx.userId, now, timeZone);
      for (const view of TASK_LIST_VIEWS) {
        const page = await readTaskView(handle.db, ctx, view, now);
        if (!page.ok) throw new Error(page.message);
        expect(page.total, view).toBe(counts[view]);
        expect(page.tasks, view).toHaveLength(counts[view]);
        expect(page.counts).toEqual(counts);
        if (view === "trash") continue;
        const listed = await listTasks(handle.db, ctx, viewFilter(view, now, timeZone), now);
        if (!listed.ok || listed.kind !== "listed") throw new Error("list failed");
        expect(numbers(page.tasks), view).toEqual(numbers(listed.tasks));
      }
      // Today and overdue are filter.ts's periods, over the pending tasks.
      const pending = await listTasks(handle.db, ctx, { status: "pending" }, now);
      if (!pending.ok || pending.kind !== "listed") throw new Error("list failed");
      for (const bucket of ["today", "overdue"] as const) {
        const page = await readTaskView(handle.db, ctx, bucket, now);
        if (!page.ok) throw new Error(page.message);
        expect(numbers(page.tasks), bucket).toEqual(
          numbers(pending.tasks.filter((t) => inDueBucket(t, bucket, now, timeZone))),
        );
      }
      expect(counts.trash).toBe(3);
      expect(counts.completed).toBe(2);
      expect(counts.pending).toBe(11);
    });
  }

  it("in Berlin at 15:00 on Wednesday: what lands where", async () => {
    const ctx = await userWithTasks("Europe/Berlin");
    const titles = async (view: (typeof TASK_LIST_VIEWS)[number]) => {
      const page = await readTaskView(handle.db, ctx, view, now);
      if (!page.ok) throw new Error(page.message);
      return page.tasks.map((t) => t.title).sort();
    };
    // Overdue: days before today (the completed one is not), and today's times already past.
    expect(await titles("overdue")).toEqual(["Task 0", "Task 2", "Task 4", "Task 5", "Task 6", "Task 7"]);
    // Today: every pending task due today, past times included; the deleted one is in the trash.
    expect(await titles("today")).toEqual(["Task 4", "Task 5", "Task 6", "Task 7", "Task 8"]);
    // Upcoming: from tomorrow on; tomorrow's completed one is under Completed.
    expect(await titles("upcoming")).toEqual(["Task 10", "Task 11", "Task 12", "Task 13"].sort());
    expect(await titles("trash")).toEqual(["Another without a date", "No date", "Task 3"].sort());
  });

  it("counts only the user's own tasks", async () => {
    const ann = await userWithTasks("UTC");
    const bob = await handle.db.user.create({
      data: { email: `views-bob-${++users}@example.com`, name: "B", passwordHash: "x" },
    });
    expect(await countTasksByView(handle.db, bob.id, now, "UTC")).toEqual({
      pending: 0,
      today: 0,
      upcoming: 0,
      overdue: 0,
      completed: 0,
      trash: 0,
    });
    const before = await countTasksByView(handle.db, ann.userId, now, "UTC");
    await addTask(
      handle.db,
      { userId: bob.id, source: "ui", timeZone: "UTC" },
      { title: "Bob's", dueDate: "2026-03-18" },
    );
    expect(await countTasksByView(handle.db, ann.userId, now, "UTC")).toEqual(before);
  });
});
