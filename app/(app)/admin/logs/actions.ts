"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { undoFromLog } from "@/lib/admin/undo";
import { requestClient } from "@/lib/audit/request";
import { AppError } from "@/lib/errors";
import { adminAction } from "@/lib/user-action";

export type UndoActionState = ActionResult<{ message: string; undoId: string }> | null;

/** Undo from the log (admins only; anyone else is told it does not exist). A form action: (previous state, form). */
export const undoOperationAction = adminAction(
  z.tuple([z.unknown(), z.instanceof(FormData)]),
  async ([, form], { user, db }) => {
    const result = await undoFromLog(db, user.id, String(form.get("operationId") ?? ""), await requestClient());
    if (!result.ok) throw new AppError("conflict", result.message);
    // The list's "Undone" pills and the detail pages of both operations change.
    revalidatePath("/admin/logs", "layout");
    return { message: result.message, undoId: result.undoId };
  },
);
