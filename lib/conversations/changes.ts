import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { conversationIdSchema, renameSchema } from "./schemas";

// Each change matches on (id, user_id): another user's conversation is indistinguishable from
// one that does not exist. None of them touches updated_at, which means "last activity" and
// orders the sidebar; renaming or archiving is not activity.

const NOT_FOUND = "Conversation not found.";

export async function renameConversation(db: Db, userId: string, input: { id: string; title: string }): Promise<{ id: string; title: string }> {
  const parsed = renameSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues[0]);
  const { id, title } = parsed.data;
  await mustChange(db.conversation.updateMany({ where: { id, userId }, data: { title } }));
  return { id, title };
}

export async function setConversationArchived(db: Db, userId: string, id: string, archived: boolean): Promise<void> {
  const conversationId = ownId(id);
  await mustChange(db.conversation.updateMany({ where: { id: conversationId, userId }, data: { status: archived ? "archived" : "active" } }));
}

/** Deletes the conversation and its messages; operation-log rows keep their history (their link is cleared). */
export async function deleteConversation(db: Db, userId: string, id: string): Promise<void> {
  const conversationId = ownId(id);
  await mustChange(db.conversation.deleteMany({ where: { id: conversationId, userId } }));
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
