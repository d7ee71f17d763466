// The trash: tasks the service deleted (deleted_at set) are kept until the user empties it.
// Restoring one is the service's restoreTask. Emptying removes the rows for good and cannot be
// undone: each removed task gets its own `delete` log row whose before-state still records what
// the task was (its task_id is gone with the task, so undo answers that it no longer exists).
import "server-only";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Db } from "@/lib/db/client";
import { storableJson } from "@/lib/validation";
import { fail, logFailure, logRow } from "./log";
import { emptyTrashInput, type EmptyTrashInput } from "./schemas";
import type { OperationContext, TaskView, ToolError } from "./types";
import { toBefore, toView, taskWithTags } from "./view";

const TRASH_LIMIT = 200;

/** The user's deleted tasks, the latest deleted first. A read: not logged. */
export async function listTrash(db: Db, userId: string): Promise<{ tasks: TaskView[]; total: number }> {
  const where = { userId, deletedAt: { not: null } };
  const [rows, total] = await Promise.all([
    db.task.findMany({
      where,
      include: taskWithTags,
      orderBy: [{ deletedAt: "desc" }, { number: "desc" }],
      take: TRASH_LIMIT,
    }),
    db.task.count({ where }),
  ]);
  return { tasks: rows.map(toView), total };
}

export type EmptyTrashResult = { ok: true; count: number; tasks: TaskView[]; operationIds: string[] } | ToolError;

/**
 * Removes the named deleted tasks for good: all of them or none. A number that is not one of the
 * user's deleted tasks (never deleted, restored meanwhile, someone else's) refuses the whole
 * request as not found, so the count the user confirmed is the count removed.
 */
export async function emptyTrash(db: Db, ctx: OperationContext, input: EmptyTrashInput): Promise<EmptyTrashResult> {
  const spec = { operation: "delete" as const, input: { emptyTrash: input } };
  const started = performance.now();
  try {
    const parsed = emptyTrashInput.safeParse(input);
    if (!parsed.success)
      fail({
        ok: false,
        code: "invalid_input",
        message: parsed.error.issues[0]?.message ?? "That request is not valid.",
      });
    const numbers = [...new Set(parsed.data.tasks)];
    return await db.$transaction(async (tx) => {
      // FOR UPDATE: a restore of one of these waits, then finds it gone (or this finds it restored).
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM tasks WHERE user_id = ${ctx.userId}::uuid AND number = ANY(${numbers}::int[]) AND deleted_at IS NOT NULL FOR UPDATE`;
      const rows = await tx.task.findMany({
        where: { id: { in: locked.map((r) => r.id) } },
        include: taskWithTags,
        orderBy: { number: "asc" },
      });
      const missing = numbers.filter((n) => !rows.some((r) => r.number === n)).sort((a, b) => a - b);
      if (missing.length) {
        fail({
          ok: false,
          code: "not_found",
          message: `You have no deleted task ${missing.map((n) => `#${n}`).join(", ")}; nothing was removed.`,
        });
      }
      await tx.task.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      const now = new Date();
      const logged = rows.map((row) => {
        const id = randomUUID();
        const task = toView(row);
        return {
          ...logRow(ctx, { task: row.number, permanently: true }),
          id,
          operation: "delete" as const,
          status: "success" as const,
          before: storableJson(toBefore(row)) as object,
          result: storableJson({ ok: true, kind: "deleted", task, permanently: true, operationId: id }) as object,
          durationMs: Math.round(performance.now() - started),
          createdAt: now,
          finishedAt: now,
        };
      });
      await tx.taskOperationLog.createMany({ data: logged });
      return { ok: true as const, count: rows.length, tasks: rows.map(toView), operationIds: logged.map((l) => l.id) };
    });
  } catch (error) {
    return (await logFailure(db, ctx, spec, error, started)) as ToolError;
  }
}
