"use server";

// The task panel's changes go through the same task service as the agent's tools, stamped
// source "ui", so the operation log and undo treat both alike. The service validates the task
// input (a bad one leaves a failed log row, as from chat); the wrapper checks the rest.
import { readQuickAdd } from "@/lib/agent/quick-add";
import { z } from "zod";
import type { ActionContext } from "@/lib/user-action";
import { userAction } from "@/lib/user-action";
import { AppError } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/time/zone";
import type { CompleteTaskInput, EmptyTrashInput, UpdateTaskInput } from "@/lib/tasks/schemas";
import {
  completeTask,
  deleteTask,
  emptyTrash,
  listTasks,
  quickAddTasks,
  restoreTask,
  undoOperation,
  updateTask,
} from "@/lib/tasks/service";
import type { OperationContext, ToolResult } from "@/lib/tasks/types";

// A zone the browser could not tell us is read as UTC rather than refused.
const timeZone = z.unknown().transform((tz) => (typeof tz === "string" && isValidTimeZone(tz) ? tz : "UTC"));
const serviceInput = <T>() => z.custom<T>(() => true);
const status = z.enum(["pending", "completed", "all"]);

const operation = (user: ActionContext["user"], tz: string): OperationContext => ({
  userId: user.id,
  source: "ui",
  timeZone: tz,
});

function changed(result: ToolResult) {
  if (!result.ok) throw new AppError("bad_request", result.message);
  if (!("operationId" in result)) throw new Error(`Unexpected task service result: ${result.kind}`);
  return { task: result.task, operationId: result.operationId };
}

export const listTasksAction = userAction(z.tuple([status, timeZone]), async ([s, tz], { user, db }) => {
  const result = await listTasks(db, operation(user, tz), { status: s });
  if (!result.ok) throw new AppError("bad_request", result.message);
  if (result.kind !== "listed") throw new Error(`Unexpected task service result: ${result.kind}`);
  return { tasks: result.tasks, total: result.total };
});

export const completeTaskAction = userAction(
  z.tuple([serviceInput<CompleteTaskInput>(), timeZone]),
  async ([input, tz], { user, db }) => changed(await completeTask(db, operation(user, tz), input)),
);

export const updateTaskAction = userAction(
  z.tuple([serviceInput<UpdateTaskInput>(), timeZone]),
  async ([input, tz], { user, db }) => changed(await updateTask(db, operation(user, tz), input)),
);

export const deleteTaskAction = userAction(
  z.tuple([serviceInput<number>(), timeZone]),
  async ([task, tz], { user, db }) => changed(await deleteTask(db, operation(user, tz), { task })),
);

export const undoTaskOperationAction = userAction(
  z.tuple([serviceInput<string>(), timeZone]),
  async ([operationId, tz], { user, db }) => changed(await undoOperation(db, operation(user, tz), { operationId })),
);

/** The quick-add line: the service reads it as the chat reads an add; a line it cannot read is refused with its words. */
export const quickAddTaskAction = userAction(
  z.tuple([serviceInput<string>(), timeZone]),
  async ([line, tz], { user, db }) => {
    const result = await quickAddTasks(db, operation(user, tz), line, readQuickAdd);
    if (!result.ok) throw new AppError("bad_request", result.message);
    return { tasks: result.tasks, operationIds: result.operationIds };
  },
);

export const restoreTaskAction = userAction(
  z.tuple([serviceInput<number>(), timeZone]),
  async ([task, tz], { user, db }) => changed(await restoreTask(db, operation(user, tz), { task })),
);

/** Removes the trashed tasks the user confirmed, for good (lib/tasks/trash.ts). */
export const emptyTrashAction = userAction(
  z.tuple([serviceInput<EmptyTrashInput>(), timeZone]),
  async ([input, tz], { user, db }) => {
    const result = await emptyTrash(db, operation(user, tz), input);
    if (!result.ok) throw new AppError(result.code === "not_found" ? "not_found" : "bad_request", result.message);
    return { count: result.count };
  },
);
