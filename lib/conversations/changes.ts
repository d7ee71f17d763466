import { type ClientInfo, NO_CLIENT } from "@/lib/audit/client";
import { recordQuietly } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { conversationIdSchema, PIN_MAX, renameSchema } from "./schemas";

// Each change matches on (id, user_id): another user's conversation is indistinguishable from
// one that does not exist. None of them touches updated_at, which means "last activity" and
// orders the sidebar; renaming or archiving is not activity. A rename, an archive (or its
// undoing) and a delete are recorded in the audit trail once done (lib/audit: quietly, the
// change stands if the record cannot be written), with no title: rows outlive the account.

const NOT_FOUND = "Conversation not found.";

export async function renameConversation(
  db: Db,
  userId: string,
  input: { id: string; title: string },
  client: ClientInfo = NO_CLIENT,
): Promise<{ id: string; title: string }> {
  const parsed = renameSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues[0]);
  const { id, title } = parsed.data;
  // A title the user gave is theirs: no generated title replaces it (lib/conversations/title.ts).
  await mustChange(db.conversation.updateMany({ where: { id, userId }, data: { title, titleSource: "user" } }));
  await recordQuietly(db, { kind: "conversation_renamed", actorId: userId, subjectId: userId, targetId: id, client });
  return { id, title };
}

/** Archiving also unpins: the Pinned section shows only chats in the active list. */
export async function setConversationArchived(
  db: Db,
  userId: string,
  id: string,
  archived: boolean,
  client: ClientInfo = NO_CLIENT,
): Promise<void> {
  const conversationId = ownId(id);
  await mustChange(
    db.conversation.updateMany({
      where: { id: conversationId, userId },
      data: archived ? { status: "archived", pinnedAt: null } : { status: "active" },
    }),
  );
  await recordQuietly(db, {
    kind: archived ? "conversation_archived" : "conversation_unarchived",
    actorId: userId,
    subjectId: userId,
    targetId: conversationId,
    client,
  });
}

/**
 * Pins (newest pin first on top) or unpins. Only an active conversation can be pinned, and at
 * most PIN_MAX at once: the Pinned section is read whole with the list's first page.
 */
export async function setConversationPinned(
  db: Db,
  userId: string,
  id: string,
  pinned: boolean,
  now = new Date(),
): Promise<{ pinnedAt: string | null }> {
  const conversationId = ownId(id);
  if (!pinned) {
    await mustChange(db.conversation.updateMany({ where: { id: conversationId, userId }, data: { pinnedAt: null } }));
    return { pinnedAt: null };
  }
  // One statement: the count and the pin cannot be split by a concurrent pin. Pinning again keeps its place.
  const rows = await db.$queryRaw<{ status: string; pinned_at: Date | null }[]>`
    UPDATE conversations c SET pinned_at = COALESCE(c.pinned_at, ${now})
    WHERE c.id = ${conversationId}::uuid AND c.user_id = ${userId}::uuid AND c.status = 'active'
      AND (c.pinned_at IS NOT NULL OR (SELECT count(*) FROM conversations p WHERE p.user_id = ${userId}::uuid AND p.pinned_at IS NOT NULL) < ${PIN_MAX})
    RETURNING c.status, c.pinned_at`;
  if (rows[0]?.pinned_at) return { pinnedAt: rows[0].pinned_at.toISOString() };
  const found = await db.conversation.findFirst({ where: { id: conversationId, userId }, select: { status: true } });
  if (!found) throw new AppError("not_found", NOT_FOUND);
  if (found.status === "archived") throw new AppError("conflict", "Restore the conversation before pinning it.");
  throw new AppError("limit", `At most ${PIN_MAX} conversations can be pinned. Unpin one first.`);
}

/** Deletes the conversation and its messages; operation-log rows keep their history (their link is cleared). */
export async function deleteConversation(
  db: Db,
  userId: string,
  id: string,
  client: ClientInfo = NO_CLIENT,
): Promise<void> {
  const conversationId = ownId(id);
  await mustChange(db.conversation.deleteMany({ where: { id: conversationId, userId } }));
  await recordQuietly(db, {
    kind: "conversation_deleted",
    actorId: userId,
    subjectId: userId,
    targetId: conversationId,
    client,
  });
}

function ownId(id: string): string {
  const parsed = conversationIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError("not_found", NOT_FOUND);
  return parsed.data;
}

function invalid(issue: { path: PropertyKey[]; message: string } | undefined): AppError {
  if (issue?.path[0] === "id") return new AppError("not_found", NOT_FOUND);
  return new AppError("bad_request", issue?.message ?? "That is not valid.");
}

async function mustChange(change: Promise<{ count: number }>): Promise<void> {
  if ((await change).count === 0) throw new AppError("not_found", NOT_FOUND);
}
