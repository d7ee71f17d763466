import "server-only";
import { type ClientInfo, NO_CLIENT } from "@/lib/audit/client";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { lockAdmins, refuseLastAdmin } from "./admins";
import { deleteAccountSchema, parseAccountInput } from "./schemas";
import { verifyOwnPassword } from "./verify";

export const LAST_ADMIN_DELETE_MESSAGE =
  "You are the only admin, so this account can’t be deleted: Doable always needs one. Make another user admin first (Admin → Users), then delete your account.";

/**
 * Deletes the user's account and everything it owns, after checking their password: the user
 * row goes, and with it (ON DELETE CASCADE) their tasks, tags, conversations, messages,
 * operation log, notifications and settings; log rows they wrote as an admin on other people's
 * tasks keep the change but lose the actor. What stays is one account_deleted event holding
 * the bare id, the role and how much was deleted: no e-mail, name or text. The only admin
 * cannot delete their account. A wrong password changes nothing.
 */
export async function deleteAccount(
  db: Db,
  userId: string,
  input: unknown,
  client: ClientInfo = NO_CLIENT,
): Promise<void> {
  const { password } = parseAccountInput(deleteAccountSchema, input);
  const user = await verifyOwnPassword(db, userId, password, "password");
  await db.$transaction(
    async (tx) => {
      await lockAdmins(tx);
      const current = await tx.user.findUnique({ where: { id: userId }, select: { role: true, passwordHash: true } });
      if (!current) throw new AppError("unauthorized", "Sign in to continue.");
      if (current.passwordHash !== user.passwordHash)
        throw new AppError(
          "conflict",
          "Your password was changed somewhere else a moment ago. Reload the page and try again.",
        );
      if (current.role === "admin") await refuseLastAdmin(tx, userId, LAST_ADMIN_DELETE_MESSAGE);
      const [tasks, conversations, messages, operationLogs] = await Promise.all([
        tx.task.count({ where: { userId } }),
        tx.conversation.count({ where: { userId } }),
        tx.message.count({ where: { userId } }),
        tx.taskOperationLog.count({ where: { userId } }),
      ]);
      await tx.user.delete({ where: { id: userId } });
      // The actor is gone with the account: the subject id says whose it was.
      await recordAuditEvent(tx, {
        kind: "account_deleted",
        subjectId: userId,
        actorId: null,
        client,
        detail: { role: current.role, tasks, conversations, messages, operationLogs },
      });
    },
    // A large account's rows go in one statement's cascade; give it longer than the default 5 s.
    { timeout: 60_000 },
  );
}
