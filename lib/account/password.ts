import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type ClientInfo, NO_CLIENT } from "@/lib/audit/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { changePasswordSchema, parseAccountInput } from "./schemas";
import { verifyOwnPassword } from "./verify";

/**
 * Changes the user's password after checking the current one, and ends every session issued
 * before (the session version goes up, as with "sign out everywhere"): whoever had a session
 * on another device must sign in with the new password. Returns what the caller needs to give
 * this device a fresh session. A wrong current password changes nothing.
 */
export async function changePassword(
  db: Db,
  userId: string,
  input: unknown,
  client: ClientInfo = NO_CLIENT,
): Promise<{ email: string; sessionVersion: number }> {
  const { currentPassword, newPassword } = parseAccountInput(changePasswordSchema, input);
  const user = await verifyOwnPassword(db, userId, currentPassword, "currentPassword");
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    // Only over the hash that was checked: a change made elsewhere in between wins, this one stops.
    const updated = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count === 0)
      throw new AppError(
        "conflict",
        "Your password was changed somewhere else a moment ago. Reload the page and try again.",
      );
    await recordAuditEvent(tx, { kind: "password_changed", subjectId: userId, actorId: userId, client });
    const { sessionVersion } = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { sessionVersion: true },
    });
    return { email: user.email, sessionVersion };
  });
}
