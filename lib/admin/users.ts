import "server-only";
import { z } from "zod";
import { lockAdmins, refuseLastAdmin } from "@/lib/account/admins";
import { type ClientInfo, NO_CLIENT } from "@/lib/audit/client";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation";

export const USERS_SHOWN = 100;

export type UserRow = { id: string; email: string; name: string; role: "user" | "admin"; createdAt: Date };

export const userSearchSchema = z.string().trim().max(254, "Search for at most 254 characters.").default("");

/** Users newest first (the newest USERS_SHOWN), optionally those whose e-mail or name contains `search`. */
export async function listUsers(db: Db, search = ""): Promise<UserRow[]> {
  const q = search.trim();
  return db.user.findMany({
    where: q
      ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] }
      : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: USERS_SHOWN,
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}

export const roleChangeSchema = z.object({
  userId: z.string().refine(isUuid, "That user does not exist."),
  role: z.enum(["user", "admin"], { error: "The role must be user or admin." }),
});

export const LAST_ADMIN_DEMOTE_MESSAGE =
  "You can’t remove the last admin: Doable always needs at least one. Make another user admin first.";

/**
 * An admin makes a user admin, or takes the role back. The role travels in the session token,
 * so the changed user's sessions are ended (session version + 1): they sign in again and get
 * the new role, and a demoted admin's open pages stop working at once. The only admin cannot
 * be demoted (that includes demoting yourself). Recorded in the audit trail, in the same
 * transaction, with the admin as actor. Returns whether the admin changed their own role
 * (their session has just ended).
 */
export async function setUserRole(
  db: Db,
  actorId: string,
  input: unknown,
  client: ClientInfo = NO_CLIENT,
): Promise<{ role: "user" | "admin"; changed: boolean; self: boolean }> {
  const parsed = roleChangeSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      parsed.error.issues[0]?.path[0] === "userId" ? "not_found" : "bad_request",
      parsed.error.issues[0]?.message ?? "That request is not valid.",
    );
  const { userId, role } = parsed.data;
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    // Re-read under the lock: an admin demoted a moment ago can no longer change anyone.
    const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true } });
    if (actor?.role !== "admin") throw new AppError("not_found", "Not found.");
    const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!target) throw new AppError("not_found", "That user does not exist.");
    const self = userId === actorId;
    if (target.role === role) return { role, changed: false, self };
    if (role === "user") await refuseLastAdmin(tx, userId, LAST_ADMIN_DEMOTE_MESSAGE);
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, {
      kind: role === "admin" ? "role_granted" : "role_revoked",
      subjectId: userId,
      actorId,
      client,
      detail: { from: target.role, to: role },
    });
    return { role, changed: true, self };
  });
}
