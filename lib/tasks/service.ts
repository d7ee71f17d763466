// The task service: the only code that changes tasks. Tools, UI server actions and admin undo
// all call these. Each checks ownership, validates with the shared zod schemas and runs through
// runLogged, which writes the operation-log row in the same transaction as the change.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addParsedTask } from "./add";
import { futureReminder } from "./dates";
import { findTask } from "./find";
import { fail, logFailure, runLogged } from "./log";
import {
  addTaskInput,
  completeTaskInput,
  deleteTaskInput,
  quickAddInput,
  restoreTaskInput,
  updateTaskInput,
  type AddTaskInput,
  type CompleteTaskInput,
  type DeleteTaskInput,
  type UpdateTaskInput,
} from "./schemas";
import { firstOccurrence, nextOccurrence } from "./repeat-next";
import { setTags } from "./tags";
import { syncReminder } from "@/lib/notifications/outbox";
import { isSensitive } from "@/lib/privacy/sensitive";
import type { OperationContext, TaskView, ToolError, ToolResult } from "./types";
import { toBefore, toView, taskWithTags } from "./view";

import { due, invalid, parse } from "./input";

export { listTasks } from "./list";
export { undoOperation } from "./undo";
export { emptyTrash, listTrash } from "./trash";

export async function addTask(db: Db, ctx: OperationContext, input: AddTaskInput): Promise<ToolResult> {
  const parsed = addTaskInput.safeParse(input);
  // Refused input keeps runLogged's order (a tool call id that already ran answers first).
  if (!parsed.success) return runLogged(db, ctx, { operation: "add", input }, async () => fail(invalid(parsed.error)));
  return addParsedTask(db, ctx, input, parsed.data, (value) => due(value, ctx));
}

export type QuickAddResult = { ok: true; tasks: TaskView[]; operationIds: string[] } | ToolError;
export type QuickAddReading = { ok: true; inputs: AddTaskInput[] } | { ok: false; message: string };
/** Reads a typed line into add inputs (the chat's add reading, lib/agent/quick-add.ts). */
export type QuickAddReader = (line: string, at: { now: Date; timeZone: string }) => QuickAddReading;

/**
 * The task panel's quick-add: one typed line, read as the chat reads an add (`read`), each
 * task it names added here and logged with the line as the user's words. Every task is checked
 * before any is added, so a line naming two never leaves one of them behind.
 */
export async function quickAddTasks(
  db: Db,
  ctx: OperationContext,
  line: unknown,
  read: QuickAddReader,
): Promise<QuickAddResult> {
  const text = quickAddInput.safeParse(line);
  if (!text.success) return invalid(text.error);
  const reading = read(text.data, { now: ctx.now ?? new Date(), timeZone: ctx.timeZone ?? "UTC" });
  if (!reading.ok) return { ok: false, code: "invalid_input", message: reading.message };
  const withWords = { ...ctx, originalCommand: text.data };
  // A task the schema refuses is sent anyway: the service answers why and logs the failed attempt.
  const refused = reading.inputs.find((input) => !addTaskInput.safeParse(input).success);
  const added: Extract<ToolResult, { kind: "added" }>[] = [];
  for (const input of refused ? [refused] : reading.inputs) {
    const result = await addTask(db, withWords, input);
    if (!result.ok) return result;
    if (result.kind === "added") added.push(result);
  }
  return { ok: true, tasks: added.map((r) => r.task), operationIds: added.map((r) => r.operationId) };
}

/** Adding many tasks at once (an import) may take longer than one turn's transaction is allowed. */
const BATCH_TIMEOUT_MS = 120_000;

export type BatchItem = { input: AddTaskInput /** Where it came from ("row 7"), kept in its log row. */; row: number };
export type BatchResult = { ok: true; tasks: TaskView[]; operationIds: string[] } | ToolError;

/**
 * Adds tasks as one change: all of them or none, in one transaction. Each gets its own `add` log
 * row (so the admin log lists every task), and every row's input names the batch (input.import:
 * { id, row }): the log's turn grouping, message_id, needs a chat message, which an import has
 * not. An undo of any of them takes back the whole batch (lib/tasks/undo.ts).
 */
export async function addTasks(
  db: Db,
  ctx: OperationContext,
  batch: { id: string; items: BatchItem[] },
): Promise<BatchResult> {
  const logged = (item: BatchItem) => ({ ...item.input, import: { id: batch.id, row: item.row } });
  const started = performance.now();
  try {
    // Every row is checked before any is added; the first bad one fails the batch, named by its row.
    const checked = batch.items.map((item) => {
      const parsed = addTaskInput.safeParse(item.input);
      if (parsed.success) return { item, data: parsed.data };
      const refusal = invalid(parsed.error);
      return fail({ ...refusal, message: `Row ${item.row}: ${refusal.message}` });
    });
    const results = await db.$transaction(
      async (tx) => {
        const added: Extract<ToolResult, { kind: "added" }>[] = [];
        for (const { item, data } of checked) {
          const result = await addParsedTask(db, ctx, logged(item), data, (value) => due(value, ctx), tx);
          if (!result.ok) fail(result);
          if (result.kind === "added") added.push(result);
        }
        return added;
      },
      { timeout: BATCH_TIMEOUT_MS },
    );
    return { ok: true, tasks: results.map((r) => r.task), operationIds: results.map((r) => r.operationId) };
  } catch (error) {
    // Nothing was added: one failed row stands for the batch.
    const failed = await logFailure(
      db,
      ctx,
      { operation: "add", input: { import: { id: batch.id, rows: batch.items.length } } },
      error,
      started,
    );
    return failed as ToolError;
  }
}

/** The next occurrence of a repeating task with a due date (reminder shifted alike), or null. */
function nextDue(
  task: { repeat: string | null; dueDate: Date | null; dueAllDay: boolean; remindAt: Date | null },
  ctx: OperationContext,
) {
  if (!task.repeat || !task.dueDate) return null;
  const due = nextOccurrence(task.repeat, task.dueDate, task.dueAllDay, ctx.timeZone ?? "UTC", ctx.now ?? new Date());
  if (!due) return null; // the rule has ended: an ordinary completion
  const shift = due.getTime() - task.dueDate.getTime();
  return { dueDate: due, remindAt: task.remindAt ? new Date(task.remindAt.getTime() + shift) : null };
}

export function completeTask(db: Db, ctx: OperationContext, input: CompleteTaskInput): Promise<ToolResult> {
  const reopen = (input as { completed?: unknown })?.completed === false;
  return runLogged(db, ctx, { operation: reopen ? "reopen" : "complete", input }, async (tx) => {
    const data = parse(completeTaskInput, input);
    const found = await findTask(tx, ctx.userId, data.task, { prefer: reopen ? "completed" : "pending" });
    if (!found.ok) return { result: found };
    const before = toBefore(found.task);
    const done = !reopen;
    // A repeating task, done, moves on to its next occurrence instead (it keeps its number); the
    // log row holds the completion and the new due date, and undo puts both back.
    const next = done && found.task.status === "pending" ? nextDue(found.task, ctx) : null;
    const task = await tx.task.update({
      where: { id: found.task.id },
      data: next
        ? next
        : done
          ? { status: "completed", completedAt: found.task.completedAt ?? new Date() }
          : { status: "pending", completedAt: null },
      include: taskWithTags,
    });
    await syncReminder(tx, ctx.userId, task, { timeZone: ctx.timeZone, now: ctx.now });
    const unchanged = found.task.status === task.status;
    const changes = next
      ? ["completed", "dueDate", ...(next.remindAt ? ["remindAt"] : [])]
      : unchanged
        ? []
        : ["status"];
    return {
      result: { ok: true, kind: done ? "completed" : "reopened", task: toView(task), changes, operationId: "" },
      taskId: task.id,
      before,
      version: task.updatedAt.toISOString(),
    };
  });
}

export function updateTask(db: Db, ctx: OperationContext, input: UpdateTaskInput): Promise<ToolResult> {
  return runLogged(db, ctx, { operation: "update", input }, async (tx) => {
    const data = parse(updateTaskInput, input);
    const found = await findTask(tx, ctx.userId, data.task);
    if (!found.ok) return { result: found };
    const current = found.task;
    const changes: string[] = [];
    const patch: Prisma.TaskUpdateInput = {};
    if (data.title !== undefined && data.title !== current.title) {
      patch.title = data.title;
      changes.push("title");
    }
    if (data.description !== undefined && (data.description || null) !== current.description) {
      patch.description = data.description || null;
      changes.push("description");
    }
    if (data.priority !== undefined && data.priority !== current.priority) {
      patch.priority = data.priority;
      changes.push("priority");
    }
    if (data.dueDate !== undefined) {
      const when = data.dueDate === null ? null : due(data.dueDate, ctx);
      if (
        (when?.date.getTime() ?? null) !== (current.dueDate?.getTime() ?? null) ||
        (when?.allDay ?? false) !== current.dueAllDay
      ) {
        patch.dueDate = when?.date ?? null;
        patch.dueAllDay = when?.allDay ?? false;
        changes.push("dueDate");
      }
    }
    if (data.repeat !== undefined && (data.repeat || null) !== current.repeat) {
      patch.repeat = data.repeat || null;
      changes.push("repeat");
      // A repeat on a task with no due date starts at its first occurrence.
      const first =
        data.repeat && patch.dueDate === undefined && !current.dueDate
          ? firstOccurrence(data.repeat, ctx.timeZone ?? "UTC", ctx.now ?? new Date())
          : null;
      if (first) {
        patch.dueDate = first.date;
        patch.dueAllDay = first.allDay;
        changes.push("dueDate");
      }
    }
    if (data.remindAt !== undefined) {
      const at = data.remindAt === null ? null : futureReminder(data.remindAt, ctx, ctx.now ?? new Date());
      if ((at?.getTime() ?? null) !== (current.remindAt?.getTime() ?? null)) {
        patch.remindAt = at;
        changes.push("remindAt");
      }
    }
    const asked = Object.keys(data).filter((k) => k !== "task");
    if (asked.length === 0)
      fail(
        {
          ok: false,
          code: "invalid_input",
          message: "Say what to change: the title, notes, due date, priority, tags, repeat or reminder.",
        },
        current.id,
      );
    const tagChange = await setTags(tx, ctx.userId, current.id, data.addTags ?? [], data.removeTags ?? []);
    if (tagChange) changes.push("tags");
    // The text as it will be, scanned in the same update (a row written before the flag existed
    // gets it on its next change).
    const sensitive = await isSensitive(
      data.title !== undefined ? data.title : current.title,
      data.description !== undefined ? data.description : current.description,
    );
    // Touch updated_at even for a tags-only change, so undo can tell the task changed.
    const task = await tx.task.update({
      where: { id: current.id },
      data: { ...patch, isSensitive: sensitive, updatedAt: new Date() },
      include: taskWithTags,
    });
    await syncReminder(tx, ctx.userId, task, { timeZone: ctx.timeZone, now: ctx.now });
    return {
      result: { ok: true, kind: "updated", task: toView(task), changes, operationId: "" },
      taskId: task.id,
      before: toBefore(current),
      version: task.updatedAt.toISOString(),
    };
  });
}

export function deleteTask(db: Db, ctx: OperationContext, input: DeleteTaskInput): Promise<ToolResult> {
  return runLogged(db, ctx, { operation: "delete", input }, async (tx) => {
    const data = parse(deleteTaskInput, input);
    const found = await findTask(tx, ctx.userId, data.task);
    if (!found.ok) return { result: found };
    const task = await tx.task.update({
      where: { id: found.task.id },
      data: { deletedAt: new Date() },
      include: taskWithTags,
    });
    await syncReminder(tx, ctx.userId, task, { timeZone: ctx.timeZone, now: ctx.now });
    return {
      result: { ok: true, kind: "deleted", task: toView(task), operationId: "" },
      taskId: task.id,
      before: toBefore(found.task),
      version: task.updatedAt.toISOString(),
    };
  });
}

/** Brings back a deleted task (the UI's "restore"; undoing a delete does the same through the log). */
export function restoreTask(db: Db, ctx: OperationContext, input: DeleteTaskInput): Promise<ToolResult> {
  return runLogged(db, ctx, { operation: "restore", input }, async (tx) => {
    const data = parse(restoreTaskInput, input);
    const found = await findTask(tx, ctx.userId, data.task, { deleted: true });
    if (!found.ok) return { result: found };
    const task = await tx.task.update({
      where: { id: found.task.id },
      data: { deletedAt: null },
      include: taskWithTags,
    });
    await syncReminder(tx, ctx.userId, task, { timeZone: ctx.timeZone, now: ctx.now });
    return {
      result: { ok: true, kind: "updated", task: toView(task), changes: ["restored"], operationId: "" },
      taskId: task.id,
      before: toBefore(found.task),
      version: task.updatedAt.toISOString(),
    };
  });
}
