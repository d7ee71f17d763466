"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { undoFromLog } from "@/lib/admin/undo";
import { requireApiAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type UndoActionState = ActionResult<{ message: string; undoId: string }> | null;

/** Undo from the log (admins only; anyone else is told it does not exist). */
export async function undoOperationAction(_previous: UndoActionState, formData: FormData): Promise<UndoActionState> {
  return runAction(async () => {
    const admin = await requireApiAdmin();
    const result = await undoFromLog(await getDb(), admin.id, String(formData.get("operationId") ?? ""));
    if (!result.ok) throw new AppError("conflict", result.message);
    // The list's "Undone" pills and the detail pages of both operations change.
    revalidatePath("/admin/logs", "layout");
    return { message: result.message, undoId: result.undoId };
  });
}
