import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

// pg advisory lock id (registration's is 4_242_001): serialises every change that can take the
// admin role away (a demotion, an admin deleting their account), so two of them at once cannot
// both see "there is another admin" and leave none.
const ADMINS_LOCK = 4_242_002;

/** Takes the admins lock for the rest of the transaction. */
export async function lockAdmins(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINS_LOCK})`;
}

/** Throws a 409 with `message` when `userId` is the only admin. Call after lockAdmins. */
export async function refuseLastAdmin(tx: Tx, userId: string, message: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", id: { not: userId } } });
  if (others === 0) throw new AppError("conflict", message);
}
