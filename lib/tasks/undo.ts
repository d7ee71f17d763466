// Undo of an earlier operation: puts the task back as the log's before-state says, unless the
// task changed since (then it explains instead of overwriting newer changes).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { fail, runLogged, type Outcome, type Tx } from "./log";
import { undoOperationInput, type UndoOperationInput } from "./schemas";
import { setTags } from "./tags";
import { syncReminder } from "@/lib/notifications/outbox";
import { isSensitive } from "@/lib/privacy/sensitive";
import type { OperationContext, ToolError, ToolResult } from "./types";
import { toBefore, toView, taskWithTags, type BeforeState } from "./view";

const UNDOABLE = ["add", "complete", "reopen", "update", "delete", "restore"] as const;
const cannot = (message: string): ToolError => ({ ok: false, code: "cannot_undo", message });

// An import (service addTasks) names its batch in each row's input: it is one change, undone
// whole, and belongs to no conversation, so "undo" in any chat reaches it too.
const IMPORTED = {
  conversationId: null,
  input: { path: ["import", "id"], string_starts_with: "" },
} satisfies Prisma.TaskOperationLogWhereInput;
const batchOf = (op: { input: unknown }): string | null => {
  const id = (op.input as { import?: { id?: unknown } } | null)?.import?.id;
  return typeof id === "string" ? id : null;
};

/** The operation to undo: the one named, or the latest undoable one in this conversation (or, from the UI, of this user). */
async function target(tx: Tx, ctx: OperationContext, operationId?: string) {
  if (operationId) {
    const op = await tx.taskOperationLog.findFirst({ where: { id: operationId, userId: ctx.userId } });
    if (!op) fail({ ok: false, code: "not_found", message: "There is no such operation to undo." });
    return op;
  }
  const op = await tx.taskOperationLog.findFirst({
    where: {
      userId: ctx.userId,
      ...(ctx.conversationId ? { OR: [{ conversationId: ctx.conversationId }, IMPORTED] } : {}),
      status: "success",
      operation: { in: [...UNDOABLE] },
      undoneBy: { none: { status: "success" } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!op) fail({ ok: false, code: "nothing_to_undo", message: "There is nothing here to undo." });
  return op;
}

type Op = Awaited<ReturnType<typeof target>>;

/** Puts the task `op` changed back as it was; `fresh` holds tasks this undo already put back. */
async function revert(tx: Tx, ctx: OperationContext, op: Op, fresh: Set<string>) {
  // Serialise undos of the same operation: the second waits, then sees the first.
  await tx.$executeRaw`SELECT 1 FROM task_operation_logs WHERE id = ${op.id}::uuid FOR UPDATE`;
  if (op.status === "rejected") fail(cannot("That change was rejected, so it made nothing to undo."));
  if (op.status !== "success") fail(cannot("That operation did not succeed, so there is nothing to undo."));
  if (!(UNDOABLE as readonly string[]).includes(op.operation))
    fail(
      cannot(
        op.operation === "undo"
          ? "That was itself an undo."
          : "Listing tasks changes nothing, so there is nothing to undo.",
      ),
    );
  const undone = await tx.taskOperationLog.findFirst({
    where: { undoOfId: op.id, status: "success" },
    select: { id: true },
  });
  if (undone) fail(cannot("That operation was already undone."));
  if (!op.taskId) fail(cannot("The task that operation changed no longer exists."));
  const task = await tx.task.findFirst({ where: { id: op.taskId, userId: ctx.userId }, include: taskWithTags });
  if (!task) fail(cannot("The task that operation changed no longer exists."));
  // A later change of the same turn, just put back, leaves the task as this one left it.
  const version = (op.result as { version?: string } | null)?.version;
  if (version && !fresh.has(task.id) && task.updatedAt.toISOString() !== version) {
    fail(
      cannot(`#${task.number} "${task.title}" has changed since then, so undoing would overwrite newer changes.`),
      task.id,
    );
  }
  const before = op.before as BeforeState | null;
  // Every operation but add/delete/restore logs the task's prior state: its absence is a bug.
  const recorded = (): BeforeState => {
    if (!before) throw new Error(`Operation ${op.id} (${op.operation}) has no before state to undo to.`);
    return before;
  };
  const current = toBefore(task);
  let patch: Prisma.TaskUpdateInput;
  switch (op.operation) {
    case "add":
      patch = { deletedAt: new Date() };
      break;
    case "delete":
    case "restore":
      patch = { deletedAt: before?.deletedAt ? new Date(before.deletedAt) : null };
      break;
    case "complete":
    case "reopen": {
      // A repeating task's completion also moved its due date (and reminder): those go back too.
      const b = recorded();
      patch = {
        status: b.status,
        completedAt: b.completedAt ? new Date(b.completedAt) : null,
        dueDate: b.dueDate ? new Date(b.dueDate) : null,
        ...(b.remindAt !== undefined ? { remindAt: b.remindAt ? new Date(b.remindAt) : null } : {}),
      };
      break;
    }
    default: {
      const b = recorded();
      patch = {
        title: b.title,
        description: b.description,
        isSensitive: await isSensitive(b.title, b.description),
        priority: b.priority,
        dueDate: b.dueDate ? new Date(b.dueDate) : null,
        dueAllDay: b.dueAllDay,
        ...(b.repeat !== undefined ? { repeat: b.repeat } : {}),
        ...(b.remindAt !== undefined ? { remindAt: b.remindAt ? new Date(b.remindAt) : null } : {}),
      };
      await setTags(
        tx,
        ctx.userId,
        task.id,
        b.tags,
        current.tags.filter((t) => !b.tags.includes(t)),
      );
    }
  }
  const after = await tx.task.update({
    where: { id: task.id },
    data: { ...patch, updatedAt: new Date() },
    include: taskWithTags,
  });
  await syncReminder(tx, ctx.userId, after, { timeZone: ctx.timeZone, now: ctx.now });
  fresh.add(task.id);
  return { task: toView(after), taskId: task.id, before: current, version: after.updatedAt.toISOString() };
}

/**
 * Undoes the operation named, or — without an id — every change of the latest turn that
 * changed tasks (a bulk change is undone as a whole), newest first, in one transaction: each
 * change put back gets its own undo row in the log. An import is undone whole either way.
 */
export function undoOperation(db: Db, ctx: OperationContext, input: UndoOperationInput = {}): Promise<ToolResult> {
  return runLogged(db, ctx, { operation: "undo", input }, async (tx) => {
    const parsed = undoOperationInput.safeParse(input);
    if (!parsed.success)
      fail({
        ok: false,
        code: "invalid_input",
        message: parsed.error.issues[0]?.message ?? "That is not an operation id.",
      });
    const op = await target(tx, ctx, parsed.data.operationId);
    const batch = batchOf(op);
    const group: Prisma.TaskOperationLogWhereInput | null = batch
      ? { input: { path: ["import", "id"], equals: batch } }
      : !parsed.data.operationId && op.messageId
        ? { messageId: op.messageId }
        : null;
    const rest = group
      ? await tx.taskOperationLog.findMany({
          where: {
            userId: ctx.userId,
            ...group,
            id: { not: op.id },
            status: "success",
            operation: { in: [...UNDOABLE] },
            undoneBy: { none: { status: "success" } },
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        })
      : [];
    return revertAll(tx, ctx, op, rest);
  });
}

/** Puts back `op` and then `rest` (newest first) as one logged undo: `op` is the log row itself, each of `rest` an `also` row. */
async function revertAll(tx: Tx, ctx: OperationContext, op: Op, rest: Op[]): Promise<Outcome> {
  const fresh = new Set<string>();
  const first = await revert(tx, ctx, op, fresh);
  const also = [];
  for (const other of rest) {
    const done = await revert(tx, ctx, other, fresh);
    also.push({
      undoOfId: other.id,
      taskId: done.taskId,
      before: done.before,
      version: done.version,
      result: {
        ok: true as const,
        kind: "undone" as const,
        undoneOperation: other.id,
        task: done.task,
        operationId: "",
      },
    });
  }
  const count = 1 + also.length;
  return {
    result: {
      ok: true,
      kind: "undone",
      undoneOperation: op.id,
      task: first.task,
      ...(count > 1 ? { count, tasks: [first.task, ...also.map((a) => a.result.task)] } : {}),
      operationId: "",
    },
    taskId: first.taskId,
    undoOfId: op.id,
    before: first.before,
    version: first.version,
    also,
  };
}

/**
 * Inside a logged undo (runLogged, operation "undo"): puts back every change the turns of these
 * user messages made that no undo has reverted yet, newest first — a chat edit or regenerate
 * replacing those turns (lib/chat/replace.ts). An undo among them of a change made outside them
 * cannot be taken back, so that refuses. Null when they left nothing to put back.
 */
export async function revertMessages(
  tx: Tx,
  ctx: OperationContext,
  messageIds: readonly string[],
): Promise<Outcome | null> {
  const ids = [...messageIds];
  const undos = await tx.taskOperationLog.findMany({
    where: {
      userId: ctx.userId,
      messageId: { in: ids },
      operation: "undo",
      status: "success",
      undoOf: { OR: [{ messageId: null }, { messageId: { notIn: ids } }] },
    },
    select: { id: true },
  });
  if (undos.length)
    fail(
      cannot(
        "That reply undid an earlier change, and an undo cannot be taken back, so it cannot be replaced. Send a new message instead.",
      ),
    );
  const [op, ...rest] = await tx.taskOperationLog.findMany({
    where: {
      userId: ctx.userId,
      messageId: { in: ids },
      status: "success",
      operation: { in: [...UNDOABLE] },
      undoneBy: { none: { status: "success" } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return op ? revertAll(tx, ctx, op, rest) : null;
}
