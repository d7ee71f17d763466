import "server-only";
import type { Db } from "@/lib/db/client";
import { undoOperation } from "@/lib/tasks/service";
import { isUuid } from "@/lib/validation";

export type AdminUndoResult = { ok: true; message: string; undoId: string } | { ok: false; message: string };

/**
 * An admin undoes someone's operation from the log. The change itself goes through the task
 * service like every other task change (ownership, "changed since?" check, its own log row
 * linked to what it undid). Its row belongs to the task's owner, with the admin as its actor and
 * source "admin", so the owner's history is complete and the log still says who acted.
 */
export async function undoFromLog(db: Db, adminId: string, operationId: string): Promise<AdminUndoResult> {
  if (!isUuid(operationId)) return { ok: false, message: "There is no such operation." };
  const log = await db.taskOperationLog.findUnique({ where: { id: operationId }, select: { userId: true } });
  if (!log) return { ok: false, message: "There is no such operation." };
  const result = await undoOperation(db, { userId: log.userId, source: "admin", actorId: adminId }, { operationId });
  if (!result.ok) return { ok: false, message: result.message };
  if (result.kind !== "undone") return { ok: false, message: "The task service did not undo that operation." };
  const task = result.task ? ` #${result.task.number} “${result.task.title}” is back as it was.` : "";
  return { ok: true, message: `Undone.${task}`, undoId: result.operationId };
}
