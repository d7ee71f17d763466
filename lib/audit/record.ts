import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { UNKNOWN_ADDRESS } from "@/lib/client-address";
import type { Db } from "@/lib/db/client";
import type { ClientInfo } from "./client";
import { AUDIT_KINDS, type AuditKind } from "./kinds";

type Tx = Prisma.TransactionClient;

/** Flat facts only: ids, counts, choices. Never an e-mail, a name or text the user wrote. */
export type AuditDetail = Record<string, string | number | boolean | null>;

export type AuditEventInput = {
  kind: AuditKind;
  /** Who did it: the user themself or an admin; null when no account did (a failed sign-in, a deletion). */
  actorId: string | null;
  /** Whose account or data it concerns; null when no one account is concerned. */
  subjectId: string | null;
  /** The conversation or log row acted on, for kinds that target one (lib/audit/kinds.ts). */
  targetId?: string | null;
  client: ClientInfo;
  detail?: AuditDetail;
};

/**
 * Records one event. Give it the transaction of the change it records where there is one, so
 * the two commit together; it throws like any write. Exports and admins' views of other
 * people's data call it before showing anything, so what cannot be recorded is not shown.
 */
export async function recordAuditEvent(tx: Tx | Db, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(event) });
}

/**
 * Records an event after the change it records has happened on its own (a sign-in, a rename):
 * a failure is logged and the action's answer stands. A sign-in must not fail because the
 * audit table could not be written. `event` may be a function, when working it out needs a
 * read that must not fail the action either.
 */
export async function recordQuietly(db: Db, event: AuditEventInput | (() => Promise<AuditEventInput>)): Promise<void> {
  try {
    await recordAuditEvent(db, typeof event === "function" ? await event() : event);
  } catch (error) {
    console.error("audit: an event could not be recorded:", error);
  }
}

function auditRow(event: AuditEventInput): Prisma.AuditEventUncheckedCreateInput {
  const targetType = AUDIT_KINDS[event.kind].target;
  // A "user" target is the subject's account; an export has no row of its own.
  const targetId = targetType === "user" ? event.subjectId : targetType === "export" ? null : (event.targetId ?? null);
  return {
    kind: event.kind,
    subjectId: event.subjectId,
    actorId: event.actorId,
    targetType,
    targetId,
    ip: event.client.ip === UNKNOWN_ADDRESS ? null : event.client.ip,
    userAgent: event.client.userAgent,
    detail: event.detail ?? {},
  };
}
