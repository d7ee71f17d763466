import "server-only";
import { z } from "zod";
import { loginSchema, registerSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation";

// The current password is checked as sign-in checks it; a new one follows registration's rules.
const currentPassword = loginSchema.shape.password;

export const changePasswordSchema = z
  .object({ currentPassword, newPassword: registerSchema.shape.password })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a new password that differs from your current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const deleteAccountSchema = z.object({ password: currentPassword });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/** Parses with one of the schemas above; the first problem becomes a 400 with every field's message. */
export function parseAccountInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error);
  throw new AppError("bad_request", Object.values(fields)[0] ?? "That request is not valid.", { fields });
}
