"use client";

import Link from "next/link";
import { useActionState } from "react";
import { undoOperationAction, type UndoActionState } from "@/app/(app)/admin/logs/actions";
import { buttonClass } from "@/components/ui/button";
import type { UndoAvailability } from "@/lib/admin/detail";

/**
 * Undo from the log, with the task service's answer (done, or why not) shown in place. It stays
 * mounted while the page refreshes after a successful undo, so the confirmation stays on screen
 * even though the refreshed page now says the operation has been undone.
 */
export function UndoPanel({
  operationId,
  availability,
  undoneById,
}: {
  operationId: string;
  availability: UndoAvailability;
  undoneById?: string;
}) {
  const [state, action, pending] = useActionState<UndoActionState, FormData>(undoOperationAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-success">
        {state.message}{" "}
        <Link href={`/admin/logs/${state.undoId}`} className="font-medium underline">
          View the undo
        </Link>
      </p>
    );
  }
  if (!availability.available) {
    return (
      <p className="text-sm text-muted">
        {availability.reason}{" "}
        {undoneById ? (
          <Link href={`/admin/logs/${undoneById}`} className="font-medium text-accent hover:underline">
            View the undo
          </Link>
        ) : null}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-muted">
        Puts the task back as it was before this operation, through the task service. The undo is logged too. If the
        task has changed since, nothing is overwritten.
      </p>
      <input type="hidden" name="operationId" value={operationId} />
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>
        {pending ? (
          <span
            aria-hidden="true"
            className="size-3.5 animate-spin rounded-full border-2 border-line border-t-accent"
          />
        ) : (
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M7.8 4.2a.75.75 0 0 1 0 1.06L5.56 7.5h6.69a4.75 4.75 0 0 1 0 9.5H10a.75.75 0 0 1 0-1.5h2.25a3.25 3.25 0 0 0 0-6.5H5.56l2.24 2.24a.75.75 0 1 1-1.06 1.06L3.22 8.78a.75.75 0 0 1 0-1.06L6.74 4.2a.75.75 0 0 1 1.06 0Z" />
          </svg>
        )}
        {pending ? "Undoing…" : "Undo this operation"}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
