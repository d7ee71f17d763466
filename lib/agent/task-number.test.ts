// A task number too large for PostgreSQL's integer column (2^31 and up) used to reach the query
// and come back as "Something went wrong on our side". Wherever a task number is accepted — the
// agent's tools, the task service, the task panel's server actions — it is refused as bad input
// with a clear message, leaves its failed log row and changes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { buildTools } from "@/lib/agent/tools";
import { MAX_TASK_NUMBER } from "@/lib/tasks/schemas";
import * as service from "@/lib/tasks/service";
import type { ToolResult } from "@/lib/tasks/types";

const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string; role: "user" | "admin" },
  db: null as unknown,
}));
// sessionVersion 0: a fresh account's, so the session check (lib/auth/session.ts) passes.
vi.mock("@/lib/auth/index", () => ({
  auth: async () => (session.user ? { user: session.user, sessionVersion: 0 } : null),
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const taskActions = await import("@/app/(app)/(chat)/actions/tasks");

const TOO_LARGE = 2 ** 31;
const MESSAGE = `There is no task with a number that large (at most ${MAX_TASK_NUMBER}).`;

let handle: DbHandle;
let userId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  const user = await handle.db.user.create({ data: { email: "max@example.com", name: "Max", passwordHash: "x" } });
  session.user = { id: user.id, email: user.email, name: user.name, role: "user" };
  userId = user.id;
  await service.addTask(handle.db, { userId, source: "ui" }, { title: "Keep me" });
});
afterAll(() => handle?.close());

/** Runs `attempt` and checks that the task is untouched and exactly one failed row was logged. */
async function refusedWithoutChange(attempt: () => Promise<unknown>) {
  const task = await handle.db.task.findFirstOrThrow({ where: { userId } });
  const failedBefore = await handle.db.taskOperationLog.count({ where: { userId, status: "failed" } });
  const result = await attempt();
  expect(await handle.db.task.findFirstOrThrow({ where: { userId } })).toEqual(task);
  expect(await handle.db.taskOperationLog.count({ where: { userId, status: "failed" } })).toBe(failedBefore + 1);
  const row = await handle.db.taskOperationLog.findFirstOrThrow({
    where: { userId, status: "failed" },
    orderBy: { createdAt: "desc" },
  });
  expect(row.error).toContain(MESSAGE);
  return result;
}

describe("a task number of 2^31 or more", () => {
  it("is bad input to the task service, for every operation that names a task", async () => {
    const ctx = { userId, source: "chat" as const };
    const calls: (() => Promise<ToolResult>)[] = [
      () => service.completeTask(handle.db, ctx, { task: TOO_LARGE }),
      () => service.updateTask(handle.db, ctx, { task: TOO_LARGE, title: "New" }),
      () => service.deleteTask(handle.db, ctx, { task: TOO_LARGE }),
      () => service.restoreTask(handle.db, ctx, { task: Number.MAX_SAFE_INTEGER }),
    ];
    for (const call of calls) {
      expect(await refusedWithoutChange(call)).toEqual({ ok: false, code: "invalid_input", message: MESSAGE });
    }
  });

  it("is a clear tool error for the agent, not an internal one", async () => {
    const tools = buildTools({ db: handle.db, ctx: { userId, source: "chat", messageId: null } });
    const execute = tools.complete_task!.execute as unknown as (
      input: unknown,
      options: { toolCallId: string; messages: [] },
    ) => Promise<ToolResult>;
    const result = await refusedWithoutChange(() =>
      execute({ task: TOO_LARGE }, { toolCallId: "call-big", messages: [] }),
    );
    expect(result).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringContaining(MESSAGE) });
  });

  it("is a clear message from the task panel's server actions", async () => {
    expect(await refusedWithoutChange(() => taskActions.deleteTaskAction(TOO_LARGE, "UTC"))).toEqual({
      ok: false,
      message: MESSAGE,
    });
    expect(await refusedWithoutChange(() => taskActions.completeTaskAction({ task: TOO_LARGE }, "UTC"))).toEqual({
      ok: false,
      message: MESSAGE,
    });
    expect(
      await refusedWithoutChange(() => taskActions.updateTaskAction({ task: TOO_LARGE, title: "x" }, "UTC")),
    ).toEqual({ ok: false, message: MESSAGE });
  });

  it("stops at the largest number a task can have", async () => {
    expect(await service.completeTask(handle.db, { userId, source: "ui" }, { task: MAX_TASK_NUMBER })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await service.completeTask(handle.db, { userId, source: "ui" }, { task: 1 })).toMatchObject({
      ok: true,
      kind: "completed",
    });
  });
});
