"use client";

import { useActionState } from "react";
import { changePasswordAction, type PasswordState } from "@/app/(app)/account/actions";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const CHANGED = "Password changed. You are still signed in here; every other device was signed out.";

/** Change password: the current one, then a new one (registration's rules: 8 to 200 characters). */
export function PasswordForm({ changed }: { changed: boolean }) {
  const [actionState, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, null);
  // After a change the action redirects here with ?password=changed (see the action).
  const state: PasswordState = actionState ?? (changed ? { ok: true, message: CHANGED } : null);
  return (
    <section aria-labelledby="password-heading" className="space-y-3">
      <h2 id="password-heading" className="text-base font-semibold">
        Password
      </h2>
      <form action={action} className="space-y-3" noValidate>
        <Field
          id="currentPassword"
          name="currentPassword"
          type="password"
          label="Current password"
          autoComplete="current-password"
          required
        />
        <Field
          id="newPassword"
          name="newPassword"
          type="password"
          label="New password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={200}
        />
        <p className="text-xs text-muted">At least 8 characters. Changing it signs you out on every other device.</p>
        {state ? (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-success" : "text-danger"}`}>
            {state.message}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </form>
    </section>
  );
}
