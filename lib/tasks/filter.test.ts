// One definition of "overdue", "today", "this week": the service's SQL and the in-memory filter the
// offline interpreter uses for group requests must pick the same tasks, in every zone, at any hour.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { inDueBucket } from "./filter";
import { DUE_BUCKETS } from "./schemas";
import { addTask, completeTask, listTasks } from "./service";
import type { OperationContext, TaskView } from "./types";

let handle: DbHandle;
let users = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

async function userWithTasks(timeZone: string): Promise<OperationContext> {
  const user = await handle.db.user.create({
    data: { email: `filter-${++users}@example.com`, name: "F", passwordHash: "x" },
  });
  const ctx: OperationContext = { userId: user.id, source: "ui", timeZone };
  // Around "now" (Wednesday 2026-03-18 14:00 in the zone): days before, on and after, with and without times.
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
    "2026-03-19T08:00",
    "2026-03-22",
    "2026-03-22T23:59",
    "2026-03-23",
    "2026-03-23T00:00",
    "2026-03-29",
    "2026-03-30T00:00",
    "2026-03-30",
  ];
  for (const [i, dueDate] of dues.entries()) await addTask(handle.db, ctx, { title: `Task ${i}`, dueDate });
  await addTask(handle.db, ctx, { title: "No date" });
  await completeTask(handle.db, ctx, { task: 2 }); // a completed overdue task is not overdue
  return ctx;
}

describe("due periods", () => {
  for (const timeZone of ["Europe/Berlin", "America/Los_Angeles", "Pacific/Auckland", "UTC"]) {
    it(`the service and the interpreter's filter agree in ${timeZone}`, async () => {
      const ctx = await userWithTasks(timeZone);
      const now = new Date("2026-03-18T14:00:00Z");
      const all = await listTasks(handle.db, ctx, { status: "all" }, now);
      if (!all.ok || all.kind !== "listed") throw new Error("list failed");
      for (const bucket of DUE_BUCKETS) {
        const listed = await listTasks(handle.db, ctx, { due: bucket }, now);
        if (!listed.ok || listed.kind !== "listed") throw new Error("list failed");
        const numbers = (ts: TaskView[]) => ts.map((t) => t.number).sort((a, b) => a - b);
        const mine = all.tasks.filter((t) => inDueBucket(t, bucket, now, timeZone));
        expect(numbers(mine), bucket).toEqual(numbers(listed.tasks));
      }
    });
  }

  it("a task due at 09:00 today is overdue at 14:00; one due today with no time is not", () => {
    const now = new Date("2026-03-18T13:00:00Z"); // 14:00 in Berlin
    expect(
      inDueBucket({ dueDate: "2026-03-18T08:00:00.000Z", status: "pending" }, "overdue", now, "Europe/Berlin"),
    ).toBe(true);
    expect(inDueBucket({ dueDate: "2026-03-18", status: "pending" }, "overdue", now, "Europe/Berlin")).toBe(false);
    expect(inDueBucket({ dueDate: "2026-03-18", status: "pending" }, "today", now, "Europe/Berlin")).toBe(true);
  });
});
