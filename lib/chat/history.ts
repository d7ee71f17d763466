// Reading a conversation back: the latest page of messages, then older pages as the user scrolls.
import "server-only";
import type { UIMessage } from "ai";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { repairDanglingTools } from "./dangling-tools";
import { keptParts } from "./parts";
import { findConversation } from "./store";

export const PAGE_SIZE = 20;

export type MessagePage = { messages: UIMessage[]; hasMore: boolean };

/** Up to PAGE_SIZE messages before `beforeId` (or the latest), oldest first. */
export async function messagePage(
  db: Db,
  userId: string,
  conversationId: string,
  beforeId?: string,
  limit = PAGE_SIZE,
): Promise<MessagePage> {
  await findConversation(db, userId, conversationId);
  let before: { createdAt: Date; id: string } | null = null;
  if (beforeId) {
    before = await db.message.findFirst({
      where: { id: beforeId, conversationId },
      select: { createdAt: true, id: true },
    });
    if (!before) throw new AppError("not_found", "That message does not exist.");
  }
  const rows = await db.message.findMany({
    where: {
      conversationId,
      // A turn an edit or a regenerate replaced stays stored, out of sight.
      replacedAt: null,
      ...(before
        ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, role: true, parts: true, metadata: true, feedback: true, replyToId: true },
  });
  const hasMore = rows.length > limit;
  const page = rows
    .slice(0, limit)
    .reverse()
    .map((m) => ({
      id: m.id,
      role: m.role,
      parts: keptParts<UIMessage["parts"][number]>(m.role, m.parts),
      replyToId: m.replyToId,
      metadata: { ...((m.metadata as object | null) ?? {}), ...(m.feedback ? { feedback: m.feedback } : {}) },
    }));
  const repaired = await repairDanglingTools(db, userId, page, { endsConversation: !beforeId });
  const messages = repaired.map(({ replyToId: _, ...m }) => m);
  return { messages, hasMore };
}

/** Thumbs up or down on one of the user's assistant replies (null clears it). */
export async function setFeedback(
  db: Db,
  userId: string,
  messageId: string,
  feedback: "up" | "down" | null,
): Promise<void> {
  const updated = await db.message.updateMany({
    where: { id: messageId, userId, role: "assistant" },
    data: { feedback },
  });
  if (updated.count === 0) throw new AppError("not_found", "That reply does not exist.");
}
