"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { loginSchema, registerSchema } from "@/lib/auth/schemas";
import { registerUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation";

export type FormState = { error?: string; fields?: Record<string, string>; values?: Record<string, string> };

/** Only same-site paths, so a crafted link cannot send people elsewhere after signing in. */
function safeRedirect(target: FormDataEntryValue | null): string {
  const value = typeof target === "string" ? target : "";
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: String(form.get("email") ?? "") };
  const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { error: "Too many sign-in attempts. Please wait a few minutes and try again.", values };
    }
    if (error instanceof AuthError) return { error: "That email and password don't match an account.", values };
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

export async function registerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  const parsed = registerSchema.safeParse({ email: form.get("email"), name: form.get("name"), password: form.get("password") });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };
  try {
    await registerUser(await getDb(), parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, fields: error.details?.fields, values };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
