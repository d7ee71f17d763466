"use client";

import { useActionState, useEffect } from "react";
import { setRoleAction, type RoleState } from "@/app/(app)/admin/users/actions";

/** Make admin / Remove admin on a user's row, with the answer (or the refusal) shown in place. */
export function UsersRoleButton({ userId, role, email }: { userId: string; role: "user" | "admin"; email: string }) {
  const [state, action, pending] = useActionState<RoleState, FormData>(setRoleAction, null);
  useEffect(() => {
    if (state?.ok && state.signedOut) window.location.assign("/login");
  }, [state]);
  const next = role === "admin" ? "user" : "admin";
  const label = role === "admin" ? "Remove admin" : "Make admin";
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={next} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${label}: ${email}`}
        className="rounded-md border border-line px-2 py-1 text-xs font-medium whitespace-nowrap hover:bg-subtle disabled:opacity-50"
      >
        {label}
      </button>
      {state ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={`max-w-xs text-xs ${state.ok ? "text-success" : "text-danger"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
