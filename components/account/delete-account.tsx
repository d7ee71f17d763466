"use client";

import { useActionState, useEffect } from "react";
import { deleteAccountAction, type DeleteState } from "@/app/(app)/account/actions";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** Account deletion, confirmed with the password; afterwards the browser goes to the sign-in page. */
export function DeleteAccount() {
  const [state, action, pending] = useActionState<DeleteState, FormData>(deleteAccountAction, null);
  useEffect(() => {
    // A full load: nothing of the deleted account stays in the page's memory.
    if (state?.ok) window.location.assign("/login");
  }, [state]);
  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-xl border border-danger/30 p-4">
      <h2 id="delete-heading" className="text-base font-semibold text-danger">
        Delete account
      </h2>
      <p className="text-sm text-muted">
        This deletes your account and everything in it — tasks, conversations, messages and their history — for good. It
        can’t be undone; download your data first if you want to keep it.
      </p>
      <form action={action} className="space-y-3" noValidate>
        <Field
          id="deletePassword"
          name="password"
          type="password"
          label="Your password, to confirm"
          autoComplete="current-password"
          required
        />
        {state ? (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-success" : "text-danger"}`}>
            {state.message}
          </p>
        ) : null}
        <button type="submit" disabled={pending || state?.ok} className={buttonClass("danger")}>
          {pending ? "Deleting…" : "Delete my account"}
        </button>
      </form>
    </section>
  );
}
