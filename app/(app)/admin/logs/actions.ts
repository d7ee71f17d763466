"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { revealLogEntry } from "@/lib/admin/reveal";
import { undoFromLog } from "@/lib/admin/undo";
import { requestClient } from "@/lib/audit/request";
import { AppError } from "@/lib/errors";
import { adminAction } from "@/lib/user-action";

export type UndoActionState = ActionResult<{ message: string; undoId: string }> | null;
export type RevealActionState = ActionResult | null;

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

/**
 * Reveal a log entry's masked text (admins only; anyone else is told it does not exist). The
 * reveal is recorded in the audit trail first; then the page is shown again, unmasked for this
 * admin for a few minutes (lib/admin/reveal.ts). A form action: (previous state, form).
 */
export const revealSensitiveAction = adminAction(
  z.tuple([z.unknown(), z.instanceof(FormData)]),
  async ([, form], { user, db }) => {
    const id = String(form.get("operationId") ?? "");
    const result = await revealLogEntry(db, user.id, id, await requestClient());
    if (!result.ok) throw new AppError("not_found", result.message);
    redirect(`/admin/logs/${id}?reveal=1`);
  },
);
