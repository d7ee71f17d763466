"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn, signOut } from "@/lib/auth";
import { SignInRateLimited } from "@/lib/auth/rate-limited";
import { safeRedirect } from "@/lib/auth/redirect";
import { loginSchema, registerSchema } from "@/lib/auth/schemas";
import { currentUser } from "@/lib/auth/session";
import { registerFrom } from "@/lib/auth/register";
import { revokeSessions } from "@/lib/auth/users";
import { recordQuietly } from "@/lib/audit/record";
import { requestClient } from "@/lib/audit/request";
import { requestedHost } from "@/lib/client-address";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation";

export type FormState = { error?: string; fields?: Record<string, string>; values?: Record<string, string> };

// Anyone can call an action with any arguments (the page's form always sends FormData).
const NOT_A_FORM: FormState = { error: "The form could not be read. Reload the page and try again." };

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const values = { email: String(form.get("email") ?? "") };
  const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  const redirectTo = safeRedirect(form.get("callbackUrl"), requestedHost(await headers()));
  try {
    await signIn("credentials", { ...parsed.data, redirectTo });
  } catch (error) {
    if (error instanceof SignInRateLimited) return { error: error.userMessage, values };
    if (error instanceof AuthError) return { error: "That email and password don't match an account.", values };
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

export async function registerAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  const parsed = registerSchema.safeParse({
    email: form.get("email"),
    name: form.get("name"),
    password: form.get("password"),
  });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  try {
    await registerFrom(await getDb(), parsed.data, await requestClient());
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, fields: error.details?.fields, values };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  return {};
}

/**
 * Signs out and revokes the session server-side, so a copy of its cookie stops working too.
 * Revocation is by the user's session version (one number, no per-session table), so this
 * also ends the user's sessions on other devices: the same as signOutEverywhereAction.
 */
export async function signOutAction(): Promise<void> {
  await endAllSessions(false);
}

/** "Sign out everywhere" on the account page: every session of this user ends. */
export async function signOutEverywhereAction(): Promise<void> {
  await endAllSessions(true);
}

/** `everywhere`: which button it was, for the audit trail (both end every session). */
async function endAllSessions(everywhere: boolean): Promise<void> {
  const user = await currentUser();
  if (user) {
    const db = await getDb();
    await revokeSessions(db, user.id);
    await recordQuietly(db, {
      kind: "signed_out",
      actorId: user.id,
      subjectId: user.id,
      client: await requestClient(),
      detail: { everywhere },
    });
  }
  await signOut({ redirectTo: "/login" });
}
