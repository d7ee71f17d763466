import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { consume, resetLimit, reward } from "@/lib/rate-limit";
import { loginSchema } from "./schemas";
import { authenticate, type AuthenticatedUser } from "./users";

/** The sign-in limit keys: per client address + email, and per email from anywhere. */
export function signInKeys(email: string, address: string): { perAddress: string; perEmail: string } {
  // Hashed: an email may be 254 characters and rate_limits.key holds 255; it also keeps
  // addresses out of that table.
  const id = createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 32);
  return { perAddress: `${address}|${id}`, perEmail: id };
}

/**
 * Checks a sign-in, counting it against both limits first: each count is one atomic
 * increment, so of any number of parallel guesses only as many as the limit allows ever reach
 * the password check, and the rest throw the 429 AppError (with retryAfterSeconds).
 * A success gives its points back: the per-address count is cleared (the owner is at this
 * address) and the per-email count loses only this attempt, so the owner signing in does not
 * wipe out what an attacker elsewhere has used up.
 * `check` is the password check (tests count its calls).
 */
export async function attemptSignIn(
  db: Db,
  credentials: unknown,
  address: string,
  check = authenticate,
): Promise<AuthenticatedUser | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = signInKeys(email, address);
  await consume("login", keys.perAddress, db);
  await consume("loginEmail", keys.perEmail, db);
  const user = await check(db, email, password);
  if (user) await Promise.all([resetLimit("login", keys.perAddress, db), reward("loginEmail", keys.perEmail, db)]);
  return user;
}
