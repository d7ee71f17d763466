"use server";

// The task panel's changes go through the same task service as the agent's tools, stamped
// source "ui", so the operation log and undo treat both alike. The service validates input.
import { isValidTimeZone } from "@/lib/time/zone";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CompleteTaskInput, ListTasksInput, UpdateTaskInput } from "@/lib/tasks/schemas";
import { completeTask, deleteTask, listTasks, undoOperation, updateTask } from "@/lib/tasks/service";
import type { OperationContext, TaskView, ToolResult } from "@/lib/tasks/types";

type Changed = { task: TaskView | null; operationId: string };

async function call(timeZone: string, operation: (ctx: OperationContext) => Promise<ToolResult>): Promise<ToolResult> {
  const user = await requireApiUser();
  return operation({ userId: user.id, source: "ui", timeZone: typeof timeZone === "string" && isValidTimeZone(timeZone) ? timeZone : "UTC" });
}

function changed(result: ToolResult): Changed {
  if (!result.ok) throw new AppError("bad_request", result.message);
  if (!("operationId" in result)) throw new Error(`Unexpected task service result: ${result.kind}`);
  return { task: result.task, operationId: result.operationId };
}

export async function listTasksAction(status: NonNullable<ListTasksInput["status"]>, timeZone: string): Promise<ActionResult<{ tasks: TaskView[]; total: number }>> {
  return runAction(async () => {
    const db = await getDb();
    const result = await call(timeZone, (ctx) => listTasks(db, ctx, { status }));
    if (!result.ok) throw new AppError("bad_request", result.message);
    if (result.kind !== "listed") throw new Error(`Unexpected task service result: ${result.kind}`);
    return { tasks: result.tasks, total: result.total };
  });
}

export async function completeTaskAction(input: CompleteTaskInput, timeZone: string): Promise<ActionResult<Changed>> {
  return runAction(async () => {
    const db = await getDb();
    return changed(await call(timeZone, (ctx) => completeTask(db, ctx, input)));
  });
}

export async function updateTaskAction(input: UpdateTaskInput, timeZone: string): Promise<ActionResult<Changed>> {
  return runAction(async () => {
    const db = await getDb();
    return changed(await call(timeZone, (ctx) => updateTask(db, ctx, input)));
  });
}

export async function deleteTaskAction(task: number, timeZone: string): Promise<ActionResult<Changed>> {
  return runAction(async () => {
    const db = await getDb();
    return changed(await call(timeZone, (ctx) => deleteTask(db, ctx, { task })));
  });
}

export async function undoTaskOperationAction(operationId: string, timeZone: string): Promise<ActionResult<Changed>> {
  return runAction(async () => {
    const db = await getDb();
    return changed(await call(timeZone, (ctx) => undoOperation(db, ctx, { operationId })));
  });
}
