import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

export type AccountEventKind =
  | "account_deleted"
  | "role_granted"
  | "role_revoked"
  | "password_changed"
  | "data_exported";

/**
 * One row of the account record (/admin/users). `detail` must hold no e-mail, name or other
 * personal text: the row is kept after the account it names is deleted.
 */
export async function recordAccountEvent(
  tx: Tx | Db,
  event: {
    kind: AccountEventKind;
    subjectId: string;
    actorId: string | null;
    detail?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  await tx.accountEvent.create({
    data: { kind: event.kind, subjectId: event.subjectId, actorId: event.actorId, detail: event.detail ?? {} },
  });
}

export const ACCOUNT_EVENTS_SHOWN = 50;

export type AccountEventRow = {
  id: string;
  kind: AccountEventKind;
  createdAt: Date;
  subjectId: string;
  /** null once the account is deleted. */
  subjectEmail: string | null;
  actorId: string | null;
  actorEmail: string | null;
  detail: Record<string, unknown>;
};

/** The newest account events, with the e-mail of accounts that still exist. */
export async function listAccountEvents(db: Db, limit = ACCOUNT_EVENTS_SHOWN): Promise<AccountEventRow[]> {
  const rows = await db.accountEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      subjectId: true,
      actorId: true,
      detail: true,
      actor: { select: { email: true } },
    },
  });
  const subjects = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.subjectId))] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(subjects.map((s) => [s.id, s.email]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    createdAt: r.createdAt,
    subjectId: r.subjectId,
    subjectEmail: emailOf.get(r.subjectId) ?? null,
    actorId: r.actorId,
    actorEmail: r.actor?.email ?? null,
    detail:
      r.detail && typeof r.detail === "object" && !Array.isArray(r.detail) ? (r.detail as Record<string, unknown>) : {},
  }));
}
