"use client";

import Link from "next/link";
import { useActionState } from "react";
import { type RevealActionState, revealSensitiveAction } from "@/app/(app)/admin/logs/actions";
import { buttonClass } from "@/components/ui/button";

/**
 * The log entry's masked text: a note saying so, and Reveal (recorded in the audit trail before
 * the page shows the text), or, once revealed, a note saying it was and a link back to masked.
 */
export function RevealPanel({ operationId, revealed }: { operationId: string; revealed: boolean }) {
  const [state, action, pending] = useActionState<RevealActionState, FormData>(revealSensitiveAction, null);
  if (revealed) {
    return (
      <div
        role="status"
        className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-warning/30 bg-warning/10 px-4 py-3 text-sm"
        data-testid="sensitive-revealed"
      >
        <span>Sensitive text is shown unmasked. Your reveal is recorded in the audit trail.</span>
        <Link href={`/admin/logs/${operationId}`} className="font-medium text-accent hover:underline">
          Mask again
        </Link>
      </div>
    );
  }
  return (
    <form
      action={action}
      className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-line bg-subtle px-4 py-3 text-sm"
      data-testid="sensitive-masked"
    >
      <span className="text-muted">
        E-mail addresses, phone, card and IBAN numbers in this entry are masked. Revealing them is recorded in the audit
        trail.
      </span>
      <input type="hidden" name="operationId" value={operationId} />
      <button type="submit" disabled={pending} className={buttonClass("secondary")}>
        {pending ? "Revealing…" : "Reveal"}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
