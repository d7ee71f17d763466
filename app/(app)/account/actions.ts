"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { deleteAccount } from "@/lib/account/delete";
import { changePassword } from "@/lib/account/password";
import { requestClient } from "@/lib/audit/request";
import { signIn, signOut } from "@/lib/auth";
import { userAction } from "@/lib/user-action";

export type PasswordState = ActionResult<{ message: string }> | null;
export type DeleteState = ActionResult<{ message: string }> | null;

// Form actions (useActionState): the previous state, then the form.
const formArgs = z.tuple([z.unknown(), z.instanceof(FormData)]);

/**
 * Changes the password; every other session ends (lib/account/password.ts). This device gets
 * a new session under the new version by signing in with the new password, as the sign-in
 * form would, and goes back to the account page saying so; if that sign-in fails (a rate
 * limit), the user is told to sign in again.
 */
export const changePasswordAction = userAction(formArgs, async ([, form], { user, db }) => {
  const newPassword = form.get("newPassword");
  const { email } = await changePassword(
    db,
    user.id,
    { currentPassword: form.get("currentPassword"), newPassword },
    await requestClient(),
  );
  try {
    await signIn("credentials", { email, password: String(newPassword), redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { message: "Password changed. Sign in again with your new password." };
  }
  // A redirect, not a re-render of this page: the re-render would read the request's old cookie,
  // which the change has just ended; the redirect's page is rendered with the new one.
  redirect("/account?password=changed");
});

/** Deletes the account and everything in it (lib/account/delete.ts), then clears this browser's session cookie. */
export const deleteAccountAction = userAction(formArgs, async ([, form], { user, db }) => {
  await deleteAccount(db, user.id, { password: form.get("password") }, await requestClient());
  await signOut({ redirect: false });
  return { message: "Your account and everything in it were deleted." };
});
