"use client";

import { useActionState } from "react";
import { retryNotificationAction, type RetryState } from "@/app/(app)/admin/notifications/actions";

/** Retry on a failed notification row, with the answer shown in place. */
export function RetryButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState<RetryState, FormData>(retryNotificationAction, null);
  if (state?.ok) return <span className="text-xs text-success">{state.message}</span>;
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-line px-2 py-1 text-xs font-medium hover:bg-subtle disabled:opacity-50"
      >
        Retry
      </button>
      {state && !state.ok ? <span className="text-xs text-danger">{state.message}</span> : null}
    </form>
  );
}
