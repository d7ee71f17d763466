// The trash through a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): restoring a
// deleted task, and emptying the trash for good, only ever for the user's own deleted tasks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { addTask, deleteTask, emptyTrash, listTasks, listTrash, restoreTask, undoOperation } from "./service";
import type { OperationContext, ToolResult } from "./types";

let handle: DbHandle;
let users = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

async function user(): Promise<OperationContext> {
  const row = await handle.db.user.create({
    data: { email: `trash-${++users}@example.com`, name: "T", passwordHash: "x" },
  });
  return { userId: row.id, source: "ui", timeZone: "Europe/Berlin" };
}

/** A user with tasks #1–#4, of which #2 and #3 are in the trash. */
async function userWithTrash(): Promise<OperationContext> {
  const ctx = await user();
  await addTask(handle.db, ctx, { title: "Keep me" });
  await addTask(handle.db, ctx, {
    title: "Old errand",
    dueDate: "2026-03-20",
    tags: ["home"],
    description: "by the station",
  });
  await addTask(handle.db, ctx, { title: "Stale idea" });
  await addTask(handle.db, ctx, { title: "Also kept" });
  await deleteTask(handle.db, ctx, { task: 2 });
  await deleteTask(handle.db, ctx, { task: 3 });
  return ctx;
}

const titles = async (ctx: OperationContext) => {
  const listed = await listTasks(handle.db, ctx, { status: "all" });
  if (!listed.ok || listed.kind !== "listed") throw new Error("list failed");
  return listed.tasks.map((t) => `#${t.number} ${t.title}`);
};
const trash = async (ctx: OperationContext) =>
  (await listTrash(handle.db, ctx.userId)).tasks.map((t) => `#${t.number} ${t.title}`);
const logs = (ctx: OperationContext) =>
  handle.db.taskOperationLog.findMany({
    where: { userId: ctx.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
const failed = (result: ToolResult | { ok: boolean }) => (result.ok ? "ok" : (result as { code: string }).code);

describe("the trash", () => {
  it("lists the user's deleted tasks, the latest deleted first", async () => {
    const ctx = await userWithTrash();
    expect(await trash(ctx)).toEqual(["#3 Stale idea", "#2 Old errand"]);
    expect((await listTrash(handle.db, ctx.userId)).total).toBe(2);
    expect(await trash(await user())).toEqual([]);
  });

  it("restore brings a task back with its number, notes, due date and tags, logged", async () => {
    const ctx = await userWithTrash();
    const restored = await restoreTask(handle.db, ctx, { task: 2 });
    if (!restored.ok || !("task" in restored) || !restored.task) throw new Error("restore failed");
    expect(restored.task).toMatchObject({
      number: 2,
      title: "Old errand",
      description: "by the station",
      dueDate: "2026-03-20",
      tags: ["home"],
      status: "pending",
    });
    expect(await trash(ctx)).toEqual(["#3 Stale idea"]);
    expect(await titles(ctx)).toContain("#2 Old errand");
    const last = (await logs(ctx)).at(-1)!;
    expect(last).toMatchObject({ operation: "restore", status: "success", source: "ui" });
  });

  it("restore refuses a bad number, a task not in the trash and another user's as not found", async () => {
    const ctx = await userWithTrash();
    const other = await userWithTrash();
    expect(failed(await restoreTask(handle.db, ctx, { task: 1 }))).toBe("not_found"); // not deleted
    expect(failed(await restoreTask(handle.db, ctx, { task: 99 }))).toBe("not_found");
    expect(failed(await restoreTask(handle.db, ctx, { task: -1 }))).toBe("invalid_input");
    // The other user's #2 is in their trash; this user's #2 stays there and theirs too.
    await restoreTask(handle.db, ctx, { task: 2 });
    expect(failed(await restoreTask(handle.db, ctx, { task: 2 }))).toBe("not_found");
    expect(await trash(other)).toEqual(["#3 Stale idea", "#2 Old errand"]);
  });

  it("emptying removes only the named deleted tasks of this user, for good, one log row each", async () => {
    const ctx = await userWithTrash();
    const other = await userWithTrash();
    const result = await emptyTrash(handle.db, ctx, { tasks: [2, 3] });
    expect(result).toMatchObject({ ok: true, count: 2 });
    expect(await trash(ctx)).toEqual([]);
    expect(await titles(ctx)).toEqual(["#1 Keep me", "#4 Also kept"]);
    expect(await handle.db.task.count({ where: { userId: ctx.userId } })).toBe(2);
    // The other user's trash, with the same numbers, is untouched.
    expect(await trash(other)).toEqual(["#3 Stale idea", "#2 Old errand"]);
    // Written together (one created_at): in task order.
    const rows = (await logs(ctx))
      .slice(-2)
      .sort((a, b) => (a.input as { task: number }).task - (b.input as { task: number }).task);
    expect(rows.map((r) => [r.operation, r.status, r.source, r.taskId])).toEqual([
      ["delete", "success", "ui", null],
      ["delete", "success", "ui", null],
    ]);
    expect(rows.map((r) => r.input)).toEqual([
      { task: 2, permanently: true },
      { task: 3, permanently: true },
    ]);
    expect(rows[0]!.before).toMatchObject({ number: 2, title: "Old errand", tags: ["home"] });
    // It cannot be undone: the task is gone.
    const undo = await undoOperation(handle.db, ctx, { operationId: rows[0]!.id });
    expect(undo).toMatchObject({ ok: false, code: "cannot_undo" });
    // Numbers are never handed out again.
    const next = await addTask(handle.db, ctx, { title: "Fresh" });
    expect(next.ok && next.kind === "added" && next.task.number).toBe(5);
  });

  it("refuses the whole request when a number is not in this user's trash, removing nothing", async () => {
    const ctx = await userWithTrash();
    const other = await userWithTrash();
    await deleteTask(handle.db, other, { task: 4 });
    const before = await logs(ctx);
    for (const tasks of [[2, 4], [2, 99], [4], [1]]) {
      const result = await emptyTrash(handle.db, ctx, { tasks });
      expect(result, JSON.stringify(tasks)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await emptyTrash(handle.db, ctx, { tasks: [3, 2, 4] })).toMatchObject({
      message: "You have no deleted task #4; nothing was removed.",
    });
    expect(await trash(ctx)).toEqual(["#3 Stale idea", "#2 Old errand"]);
    expect(await trash(other)).toEqual(["#4 Also kept", "#3 Stale idea", "#2 Old errand"]);
    // Each refusal left one failed row and nothing else.
    const after = (await logs(ctx)).slice(before.length);
    expect(after.every((r) => r.operation === "delete" && r.status === "failed" && r.taskId === null)).toBe(true);
    expect(after.length).toBe(5);
  });

  it("refuses bad input with a clear message", async () => {
    const ctx = await userWithTrash();
    for (const input of [
      { tasks: [] },
      { tasks: ["2"] },
      { tasks: [1.5] },
      { tasks: [0] },
      {},
      null,
      { tasks: [2], extra: 1 },
    ]) {
      const result = await emptyTrash(handle.db, ctx, input as never);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid_input" });
    }
    expect(await emptyTrash(handle.db, ctx, { tasks: [] })).toMatchObject({ message: "The trash is already empty." });
    expect(await trash(ctx)).toEqual(["#3 Stale idea", "#2 Old errand"]);
  });
});
