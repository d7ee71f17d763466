import "server-only";
import { type ClientInfo, NO_CLIENT } from "@/lib/audit/client";
import { recordQuietly } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { maskSensitive } from "@/lib/privacy/sensitive";
import { undoOperation } from "@/lib/tasks/service";
import { isUuid } from "@/lib/validation";

export type AdminUndoResult = { ok: true; message: string; undoId: string } | { ok: false; message: string };

/**
 * An admin undoes someone's operation from the log. The change itself goes through the task
 * service like every other task change (ownership, "changed since?" check, its own log row
 * linked to what it undid). Its row belongs to the task's owner, with the admin as its actor and
 * source "admin", so the owner's history is complete and the log still says who acted. The audit
 * trail records it too, beside sign-ins and exports (quietly, once done: the undo's own
 * transaction is the task service's).
 */
export async function undoFromLog(
  db: Db,
  adminId: string,
  operationId: string,
  client: ClientInfo = NO_CLIENT,
): Promise<AdminUndoResult> {
  if (!isUuid(operationId)) return { ok: false, message: "There is no such operation." };
  const log = await db.taskOperationLog.findUnique({ where: { id: operationId }, select: { userId: true } });
  if (!log) return { ok: false, message: "There is no such operation." };
  const result = await undoOperation(db, { userId: log.userId, source: "admin", actorId: adminId }, { operationId });
  if (!result.ok) return { ok: false, message: result.message };
  if (result.kind !== "undone") return { ok: false, message: "The task service did not undo that operation." };
  await recordQuietly(db, {
    kind: "operation_undone",
    actorId: adminId,
    subjectId: log.userId,
    targetId: operationId,
    client,
    detail: { undoId: result.operationId },
  });
  // Shown on the admin's log page: the title masked like the rest of it.
  const task = result.task
    ? ` #${result.task.number} “${await maskSensitive(result.task.title)}” is back as it was.`
    : "";
  return { ok: true, message: `Undone.${task}`, undoId: result.operationId };
}
