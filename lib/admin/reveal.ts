import "server-only";
import { type ClientInfo, NO_CLIENT } from "@/lib/audit/client";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { findSensitive, jsonTexts } from "@/lib/privacy/sensitive";
import { isUuid } from "@/lib/validation";
import { getLogDetail, maskLogDetail } from "./detail";

/**
 * How long one recorded reveal shows the entry's text unmasked to the admin who asked (a reload
 * within it does not ask again); after it the entry is masked until they reveal it again.
 */
export const REVEAL_MS = 5 * 60_000;

export type RevealResult = { ok: true } | { ok: false; message: string };

/**
 * An admin asks to see a log entry's sensitive text unmasked: the audit trail records it first
 * (sensitive_revealed: the admin, whose data, which entry, which kinds of values — never the
 * values), and only a recorded reveal unmasks the page (revealedRecently). A failed record
 * throws, so nothing is revealed.
 */
export async function revealLogEntry(
  db: Db,
  adminId: string,
  operationId: string,
  client: ClientInfo = NO_CLIENT,
): Promise<RevealResult> {
  const detail = await getLogDetail(db, operationId);
  if (!detail) return { ok: false, message: "There is no such operation." };
  const { masked } = await maskLogDetail(detail);
  if (!masked) return { ok: false, message: "Nothing on this entry is masked." };
  await recordAuditEvent(db, {
    kind: "sensitive_revealed",
    actorId: adminId,
    subjectId: detail.user.id,
    targetId: detail.id,
    client,
    detail: { operation: detail.operation, kinds: (await kindsIn(detail)).join(",") },
  });
  return { ok: true };
}

/** Whether this admin revealed this entry within REVEAL_MS (a recorded sensitive_revealed event). */
export async function revealedRecently(
  db: Db,
  adminId: string,
  operationId: string,
  now = new Date(),
): Promise<boolean> {
  if (!isUuid(operationId)) return false;
  const event = await db.auditEvent.findFirst({
    where: {
      kind: "sensitive_revealed",
      actorId: adminId,
      targetId: operationId,
      createdAt: { gt: new Date(now.getTime() - REVEAL_MS) },
    },
    select: { id: true },
  });
  return event !== null;
}

/** The kinds of sensitive values the entry's text holds ("email", "phone", …), for the audit detail. */
async function kindsIn(detail: NonNullable<Awaited<ReturnType<typeof getLogDetail>>>): Promise<string[]> {
  const texts = [
    detail.originalCommand,
    detail.error,
    detail.task?.title,
    detail.conversation?.title,
    detail.userMessage?.content,
    detail.assistantReply?.content,
    ...jsonTexts([detail.input, detail.result, detail.before]),
    ...detail.related.map((op) => op.originalCommand),
  ];
  const kinds = new Set<string>();
  for (const text of texts) if (text) for (const span of await findSensitive(text)) kinds.add(span.kind);
  return [...kinds].sort();
}
