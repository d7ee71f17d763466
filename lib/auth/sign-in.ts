import "server-only";
import { createHash } from "node:crypto";
import type { ClientInfo } from "@/lib/audit/client";
import { recordQuietly } from "@/lib/audit/record";
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
 * Every attempt that reaches the password check is recorded in the audit trail (lib/audit), with
 * the client's address and user agent; see recordAttempt for what is and is not kept.
 * `check` is the password check (tests count its calls).
 */
export async function attemptSignIn(
  db: Db,
  credentials: unknown,
  client: ClientInfo,
  check = authenticate,
): Promise<AuthenticatedUser | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = signInKeys(email, client.ip);
  await consume("login", keys.perAddress, db);
  await consume("loginEmail", keys.perEmail, db);
  const user = await check(db, email, password);
  if (user) await Promise.all([resetLimit("login", keys.perAddress, db), reward("loginEmail", keys.perEmail, db)]);
  await recordAttempt(db, email, user, client);
  return user;
}

/**
 * A success names the account as actor and subject. A failure names the account that was tried
 * when there is one (subject, no actor: nobody proved who they are) and why; for an e-mail with
 * no account, no subject. The e-mail itself is never kept, nor a hash of it (a list of addresses
 * undoes a hash): it may belong to someone with no account here, and rows outlive accounts.
 * Attempts the limits refused before the check are not recorded: they cost no password check,
 * the limit counts them, and one row each would let anyone fill the table. Recorded after the
 * fact, quietly: a sign-in never fails because the audit table could not be written.
 */
async function recordAttempt(db: Db, email: string, user: AuthenticatedUser | null, client: ClientInfo) {
  if (user) return recordQuietly(db, { kind: "signed_in", actorId: user.id, subjectId: user.id, client });
  await recordQuietly(db, async () => {
    const account = await db.user.findUnique({ where: { email }, select: { id: true } });
    return {
      kind: "sign_in_failed",
      actorId: null,
      subjectId: account?.id ?? null,
      client,
      detail: { reason: account ? "wrong_password" : "unknown_account" },
    };
  });
}
