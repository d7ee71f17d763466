// Undo of an earlier operation: puts the task back as the log's before-state says, unless the
// task changed since (then it explains instead of overwriting newer changes).
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { fail, runLogged, type Tx } from "./log";
import { undoOperationInput, type UndoOperationInput } from "./schemas";
import { setTags } from "./tags";
import type { OperationContext, ToolError, ToolResult } from "./types";
import { toBefore, toView, taskWithTags, type BeforeState } from "./view";

const UNDOABLE = ["add", "complete", "reopen", "update", "delete", "restore"] as const;
const cannot = (message: string): ToolError => ({ ok: false, code: "cannot_undo", message });

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
      ...(ctx.conversationId ? { conversationId: ctx.conversationId } : {}),
      status: "success",
      operation: { in: [...UNDOABLE] },
      undoneBy: { none: { status: "success" } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!op) fail({ ok: false, code: "nothing_to_undo", message: "There is nothing here to undo." });
  return op;
}

export function undoOperation(db: Db, ctx: OperationContext, input: UndoOperationInput = {}): Promise<ToolResult> {
  return runLogged(db, ctx, { operation: "undo", input }, async (tx) => {
    const parsed = undoOperationInput.safeParse(input);
    if (!parsed.success) fail({ ok: false, code: "invalid_input", message: parsed.error.issues[0]?.message ?? "That is not an operation id." });
    const op = await target(tx, ctx, parsed.data.operationId);
    // Serialise undos of the same operation: the second waits, then sees the first.
    await tx.$executeRaw`SELECT 1 FROM task_operation_logs WHERE id = ${op.id}::uuid FOR UPDATE`;
    if (op.status !== "success") fail(cannot("That operation did not succeed, so there is nothing to undo."));
    if (!(UNDOABLE as readonly string[]).includes(op.operation)) fail(cannot(op.operation === "undo" ? "That was itself an undo." : "Listing tasks changes nothing, so there is nothing to undo."));
    const undone = await tx.taskOperationLog.findFirst({ where: { undoOfId: op.id, status: "success" }, select: { id: true } });
    if (undone) fail(cannot("That operation was already undone."));
    if (!op.taskId) fail(cannot("The task that operation changed no longer exists."));
    const task = await tx.task.findFirst({ where: { id: op.taskId, userId: ctx.userId }, include: taskWithTags });
    if (!task) fail(cannot("The task that operation changed no longer exists."));
    const version = (op.result as { version?: string } | null)?.version;
    if (version && task.updatedAt.toISOString() !== version) {
      fail(cannot(`#${task.number} "${task.title}" has changed since then, so undoing would overwrite newer changes.`), task.id);
    }
    const before = op.before as BeforeState | null;
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
      case "reopen":
        patch = { status: before!.status, completedAt: before!.completedAt ? new Date(before!.completedAt) : null };
        break;
      default: {
        const b = before!;
        patch = {
          title: b.title,
          description: b.description,
          priority: b.priority,
          dueDate: b.dueDate ? new Date(b.dueDate) : null,
          dueAllDay: b.dueAllDay,
        };
        await setTags(tx, ctx.userId, task.id, b.tags, current.tags.filter((t) => !b.tags.includes(t)));
      }
    }
    const after = await tx.task.update({ where: { id: task.id }, data: { ...patch, updatedAt: new Date() }, include: taskWithTags });
    return {
      result: { ok: true, kind: "undone", undoneOperation: op.id, task: toView(after), operationId: "" },
      taskId: task.id,
      undoOfId: op.id,
      before: current,
      version: after.updatedAt.toISOString(),
    };
  });
}
