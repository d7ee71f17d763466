import "server-only";
import { signInKeys } from "@/lib/auth/sign-in";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consume, reward, waitPhrase } from "@/lib/rate-limit";

export type VerifiedUser = { id: string; email: string; role: "user" | "admin"; passwordHash: string };

/**
 * The signed-in user, once they have typed their password again (for a password change or an
 * account deletion). Each try counts against the same per-account limit as sign-in attempts,
 * so a stolen session cannot be used to guess the password here instead; the right password
 * gives its point back, as a sign-in does. A wrong one is a 400 naming `field`.
 */
export async function verifyOwnPassword(
  db: Db,
  userId: string,
  password: string,
  field: string,
): Promise<VerifiedUser> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, passwordHash: true },
  });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  const { perEmail } = signInKeys(user.email, "");
  try {
    await consume("loginEmail", perEmail, db);
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") {
      const wait = error.details?.retryAfterSeconds ?? 60;
      throw new AppError("rate_limited", `Too many wrong passwords. Try again in ${waitPhrase(wait)}.`, {
        retryAfterSeconds: wait,
      });
    }
    throw error;
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("bad_request", "That password is not right.", {
      fields: { [field]: "That password is not right." },
    });
  }
  await reward("loginEmail", perEmail, db);
  return user;
}
