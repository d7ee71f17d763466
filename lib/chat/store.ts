// Conversations and messages as the chat route reads and writes them. Every query is scoped to
// the user: another user's conversation is simply not found.
import "server-only";
import { randomUUID } from "node:crypto";
import type { UIMessage } from "ai";
import { Prisma, type Conversation } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { keptParts } from "./parts";
import { CONTEXT_MESSAGES, MAX_CONVERSATION_MESSAGES, messageText } from "./schemas";
import { isSensitive } from "@/lib/privacy/sensitive";
import { isUuid } from "@/lib/validation";
import { draftTitle, turnTitle } from "@/lib/conversations/title";

/** What the chat turn needs of a conversation. */
export type ConversationRef = Pick<Conversation, "id" | "userId" | "title">;

export async function findConversation(db: Db, userId: string, id: string): Promise<Conversation> {
  const conversation = await db.conversation.findFirst({ where: { id, userId } });
  if (!conversation) throw new AppError("not_found", "That conversation does not exist.");
  return conversation;
}

/** A new conversation's draft title: its first message, tidied (lib/conversations/title.ts). */
export function titleFrom(text: string): string {
  return draftTitle(text);
}

export async function createConversation(db: Db, userId: string, firstText: string): Promise<Conversation> {
  return db.conversation.create({ data: { userId, title: titleFrom(firstText) } });
}

/** Removes a conversation made for a first message that could not be saved. */
export async function deleteEmptyConversation(db: Db, conversation: ConversationRef): Promise<void> {
  await db.conversation.deleteMany({ where: { id: conversation.id, userId: conversation.userId, messageCount: 0 } });
}

const asJson = (v: unknown) =>
  v === undefined ? Prisma.JsonNull : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue);

/**
 * Saves the user's message before the model runs. A message id that is already stored (a retry
 * of a failed reply) is not stored twice; the failed reply after it is dropped so the retry
 * replaces it.
 */
export async function saveUserMessage(
  db: Db,
  conversation: ConversationRef,
  message: { id: string; parts: unknown[] },
): Promise<{ id: string; text: string; retry: boolean }> {
  const text = messageText(message.parts as { type: string }[]);
  const id = isUuid(message.id) ? message.id : randomUUID();
  // The usual case (a new id, room left) in one statement: the chat turn's hot path. Times come
  // from the app's clock, like every other stamp: concurrent sends to one conversation are
  // stamped as they arrive, not in the order they get its lock.
  const now = new Date();
  const sensitive = await isSensitive(text);
  const inserted = await db.$executeRaw`
    WITH room AS (
      SELECT id FROM conversations WHERE id = ${conversation.id}::uuid AND message_count < ${MAX_CONVERSATION_MESSAGES} FOR UPDATE
    ), saved AS (
      INSERT INTO messages (id, conversation_id, user_id, role, content, parts, is_sensitive, created_at)
      SELECT ${id}::uuid, room.id, ${conversation.userId}::uuid, 'user', ${text}, ${JSON.stringify(message.parts)}::jsonb, ${sensitive}, ${now} FROM room
      ON CONFLICT (id) DO NOTHING
      RETURNING conversation_id
    )
    UPDATE conversations SET message_count = message_count + 1, updated_at = ${now}, last_message_at = ${now}
    WHERE id IN (SELECT conversation_id FROM saved)`;
  if (inserted === 1) return { id, text, retry: false };
  return saveUserMessageSlowly(db, conversation, id, text, message.parts);
}

/** A full conversation, a retry of a stored message, or an id already taken: decided under the conversation's lock. */
async function saveUserMessageSlowly(
  db: Db,
  conversation: ConversationRef,
  requestedId: string,
  text: string,
  parts: unknown[],
): Promise<{ id: string; text: string; retry: boolean }> {
  let id = requestedId;
  return db.$transaction(async (tx) => {
    // Locks the conversation row: concurrent sends are counted one at a time.
    const [row] = await tx.$queryRaw<
      { message_count: number }[]
    >`SELECT message_count FROM conversations WHERE id = ${conversation.id}::uuid FOR UPDATE`;
    const taken = await tx.message.findUnique({
      where: { id },
      select: { conversationId: true, role: true, createdAt: true, replacedAt: true },
    });
    const existing =
      taken?.conversationId === conversation.id && taken.role === "user" ? { id, createdAt: taken.createdAt } : null;
    // An edit or a regenerate replaced it (lib/chat/replace.ts): its turn is over for good.
    if (existing && taken?.replacedAt)
      throw new AppError(
        "conflict",
        "That message was replaced by an edit or a regenerate. Send a new message to go on.",
      );
    // An id already used elsewhere (another conversation, maybe another user's, or a reply) is
    // the client's to pick but not to reuse: store the message under a new id instead of failing.
    if (taken && !existing) id = randomUUID();
    if (existing) {
      // A retry may only replace a reply that failed or was stopped (or that never came: the
      // database went away mid-turn), and only when nothing of the message was carried out:
      // otherwise a retry after a tool ran would run the same command twice. A double submit
      // while the first turn still runs was refused before this (lib/chat/in-flight.ts).
      if (await tx.taskOperationLog.count({ where: { messageId: id, status: "success" } })) {
        throw new AppError(
          "conflict",
          "That message's changes were already made, so it is not run again. Send a new message to go on.",
        );
      }
      const replies = await tx.message.findMany({
        where: {
          conversationId: conversation.id,
          role: "assistant",
          replacedAt: null,
          createdAt: { gte: existing.createdAt },
        },
        select: { metadata: true },
      });
      const failed = (m: { metadata: unknown }) =>
        Boolean(
          (m.metadata as { error?: unknown; aborted?: unknown } | null)?.error ||
            (m.metadata as { aborted?: unknown } | null)?.aborted,
        );
      if (!replies.every(failed))
        throw new AppError(
          "conflict",
          "That message has already been answered (or is being answered). Send a new message to go on.",
        );
      const dropped = await tx.message.deleteMany({
        where: {
          conversationId: conversation.id,
          role: "assistant",
          replacedAt: null,
          createdAt: { gte: existing.createdAt },
        },
      });
      if (dropped.count)
        await tx.conversation.update({
          where: { id: conversation.id },
          data: { messageCount: { decrement: dropped.count } },
        });
      return { id, text, retry: true };
    }
    if ((row?.message_count ?? 0) >= MAX_CONVERSATION_MESSAGES) {
      throw new AppError(
        "limit",
        `This conversation has reached ${MAX_CONVERSATION_MESSAGES.toLocaleString("en-US")} messages. Start a new chat to go on.`,
      );
    }
    const now = new Date();
    await tx.message.create({
      data: {
        id,
        conversationId: conversation.id,
        userId: conversation.userId,
        role: "user",
        content: text,
        parts: asJson(parts),
        isSensitive: await isSensitive(text),
        createdAt: now,
      },
    });
    await tx.conversation.update({
      where: { id: conversation.id },
      data: { messageCount: { increment: 1 }, updatedAt: now, lastMessageAt: now },
    });
    return { id, text, retry: false };
  });
}

/** A stored message as the chat reads it; `replyToId` names the user message a reply answers. */
export type StoredMessage = UIMessage & { replyToId: string | null };

/** The latest messages of the conversation, oldest first, as the agent's context (replaced turns are not). */
export async function loadContext(db: Db, conversationId: string, limit = CONTEXT_MESSAGES): Promise<StoredMessage[]> {
  const rows = await db.message.findMany({
    where: { conversationId, replacedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, role: true, parts: true, metadata: true, replyToId: true },
  });
  return rows.reverse().map((m) => ({
    id: m.id,
    role: m.role,
    parts: keptParts<UIMessage["parts"][number]>(m.role, m.parts),
    replyToId: m.replyToId,
    ...(m.metadata ? { metadata: m.metadata } : {}),
  }));
}

export type AssistantRecord = {
  message: UIMessage;
  metadata: Record<string, unknown>;
  /** The user message this reply answers. */
  replyToId: string | null;
  /** What that message was understood as, stored on it with the reply's last save. */
  analysis?: Analysis;
};

export type Analysis = { intent: string; entities: unknown; confidence: number | null };

type ToolPart = {
  type: string;
  toolCallId?: string;
  input?: unknown;
  output?: unknown;
  state?: string;
  errorText?: string;
};

function toolParts(message: UIMessage): ToolPart[] {
  return (message.parts as ToolPart[]).filter((p) => p.type.startsWith("tool-") && p.toolCallId);
}

/** Inserts or updates the assistant's reply (saved after tool steps and at the end), with the question's analysis, in one statement. */
export async function saveAssistantMessage(
  db: Db,
  conversation: Pick<Conversation, "id" | "userId"> & { title?: string },
  { message, metadata, replyToId, analysis }: AssistantRecord,
): Promise<void> {
  const tools = toolParts(message);
  // JSON null (not SQL NULL) where a reply used no tools, as Prisma.JsonNull stored it before.
  const json = (v: unknown) => JSON.stringify(v ?? null);
  const toolCalls = tools.length
    ? tools.map((p) => ({ toolCallId: p.toolCallId, tool: p.type.slice(5), input: p.input }))
    : null;
  const toolResults = tools.length
    ? tools
        .filter((p) => p.state !== "input-available" && p.state !== "approval-requested")
        .map((p) => ({ toolCallId: p.toolCallId, state: p.state, output: p.output ?? p.errorText ?? null }))
    : null;
  // A draft title (the first message) gives way to what the turn did with tasks, in the same
  // statement: no round trip of its own. Titles the user gave, or the model, are kept.
  const title = turnTitle(message.parts, conversation.title ?? "");
  // A reply that repeats a task's e-mail or phone number is flagged like the message was.
  const content = messageText(message.parts);
  const sensitive = await isSensitive(content);
  const now = new Date();
  // The first save counts the reply and bumps last_message_at; later ones only touch updated_at.
  // An id already used by another conversation's message or by a user message saves nothing:
  // that is an error, not a reply to drop quietly.
  const updated = await db.$executeRaw`
    WITH saved AS (
      INSERT INTO messages (id, conversation_id, user_id, role, content, parts, tool_calls, tool_results, metadata, reply_to_id, is_sensitive, created_at)
      VALUES (${message.id}::uuid, ${conversation.id}::uuid, ${conversation.userId}::uuid, 'assistant', ${content},
              ${json(message.parts)}::jsonb, ${json(toolCalls)}::jsonb, ${json(toolResults)}::jsonb, ${json(metadata)}::jsonb, ${replyToId}::uuid, ${sensitive}, ${now})
      ON CONFLICT (id) DO UPDATE SET content = EXCLUDED.content, parts = EXCLUDED.parts, tool_calls = EXCLUDED.tool_calls,
        tool_results = EXCLUDED.tool_results, metadata = EXCLUDED.metadata, is_sensitive = EXCLUDED.is_sensitive
      WHERE messages.conversation_id = EXCLUDED.conversation_id AND messages.role = 'assistant'
      RETURNING (xmax = 0) AS inserted
    )${analysis && replyToId ? analysisStep(replyToId, analysis) : Prisma.empty}
    UPDATE conversations SET
      message_count = message_count + (SELECT count(*)::int FROM saved WHERE inserted),
      updated_at = ${now},
      last_message_at = CASE WHEN EXISTS (SELECT 1 FROM saved WHERE inserted) THEN ${now} ELSE last_message_at END,
      title = CASE WHEN title_source = 'draft' THEN COALESCE(${title}::varchar, title) ELSE title END,
      title_source = CASE WHEN title_source = 'draft' AND ${title}::varchar IS NOT NULL THEN 'auto' ELSE title_source END
    WHERE id = ${conversation.id}::uuid AND EXISTS (SELECT 1 FROM saved)`;
  if (updated !== 1)
    throw new Error(`assistant message ${message.id} was not saved: its id belongs to another message`);
}

/** Stores the analysis on the user message, only once the reply was saved (as a save after it did). */
function analysisStep(messageId: string, analysis: Analysis): Prisma.Sql {
  // JSON null (not SQL NULL) for no entities, and the confidence rounded as numeric(5,4) keeps it.
  const entities = JSON.stringify(
    analysis.entities === undefined ? null : JSON.parse(JSON.stringify(analysis.entities)),
  );
  const confidence = analysis.confidence === null ? null : analysis.confidence.toFixed(4);
  return Prisma.sql`, analysed AS (
      UPDATE messages SET intent = ${analysis.intent.slice(0, 50)}, entities = ${entities}::jsonb, confidence = ${confidence}::numeric
      WHERE id = ${messageId}::uuid AND EXISTS (SELECT 1 FROM saved)
    )`;
}
