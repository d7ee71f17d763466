import "server-only";
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT } from "@/lib/validation";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const nameSchema = z
  .string({ error: "Enter your name." })
  .refine(isStorableText, UNSTORABLE_TEXT)
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters for your name.");

export const registerSchema = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema });
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(200, "That password is too long."),
});
