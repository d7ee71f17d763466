import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type ClientInfo, NO_CLIENT } from "@/lib/audit/client";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import { registerSchema, type RegisterInput } from "./schemas";

export type SessionUser = { id: string; email: string; name: string; role: "user" | "admin" };
/** A user who just proved their password, with the session version their token will carry. */
export type AuthenticatedUser = SessionUser & { sessionVersion: number };

const REGISTER_LOCK = 4_242_001; // pg advisory lock id: serialises "is this the first account?"

/**
 * Creates an account. The first account ever registered becomes the admin. The registration is
 * recorded in the audit trail in the same transaction (`client`: where it came from, if known).
 */
export async function registerUser(db: Db, input: RegisterInput, client: ClientInfo = NO_CLIENT): Promise<SessionUser> {
  const { email, name, password } = registerSchema.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTER_LOCK})`;
      const isFirst = (await tx.user.findFirst({ select: { id: true } })) === null;
      const user = await tx.user.create({
        data: { email, name, passwordHash, role: isFirst ? "admin" : "user" },
        select: { id: true, email: true, name: true, role: true },
      });
      await recordAuditEvent(tx, {
        kind: "registered",
        actorId: user.id,
        subjectId: user.id,
        client,
        detail: { role: user.role },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists. Sign in instead.", {
        fields: { email: "An account with this email already exists." },
      });
    }
    throw error;
  }
}

/** The user for these credentials, or null. Never says which of the two was wrong. */
export async function authenticate(db: Db, email: string, password: string): Promise<AuthenticatedUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * Ends every session of the user (tokens carry the version they were issued with, and
 * ./session.ts refuses an older one). Returns the new version.
 */
export async function revokeSessions(db: Db, userId: string): Promise<number> {
  const { sessionVersion } = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}

/** Whether a token issued at `version` is still good: the user exists and has not signed out since. */
export async function isSessionCurrent(db: Db, userId: string, version: number | undefined): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  // A token issued before versions existed carries none: it stands for version 0, so it works
  // until the user's first sign-out, like any other (no forced sign-out on upgrade).
  return row !== null && row.sessionVersion === (version ?? 0);
}
