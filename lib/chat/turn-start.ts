// The start of a user turn in one statement, the chat's hot path: check the session is still
// current, count the rate-limit hit, find (or create) the conversation, save the user's message,
// and read the context and, for the offline assistant, the user's tasks. Each step runs only
// if the one before it passed, so a refused turn changes nothing but what the refusal counts
// (a stale session: nothing; a rate limit or a missing conversation: the hit). Anything
// unusual — a full conversation, a retry, a reused message id — is left to store.ts's
// locked path, told whether the hit was already counted.
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isSensitive } from "@/lib/privacy/sensitive";
import { allowedHits, checkHit, hitSql } from "@/lib/rate-limit";
import { dueString } from "@/lib/tasks/dates";
import type { TaskSnapshot } from "@/lib/tasks/types";
import { keptParts } from "./parts";
import { CONTEXT_MESSAGES, MAX_CONVERSATION_MESSAGES, messageText } from "./schemas";
import { titleFrom, type ConversationRef, type StoredMessage } from "./store";
import { isUuid } from "@/lib/validation";

export type StartedTurn = {
  conversation: ConversationRef;
  userMessageId: string;
  text: string;
  /** The latest messages up to and including the user's, oldest first. */
  context: StoredMessage[];
  /** The user's tasks for the offline assistant, read with the rest; null when not asked for. */
  tasks: TaskSnapshot[] | null;
};

/** Not saved here: `counted` says whether the rate-limit hit was, `conversation` names it when it exists. */
export type UnstartedTurn = { counted: boolean; conversation: ConversationRef | null };

type Row = {
  points: number;
  expire: Date | null;
  conversation: { id: string; title: string } | null;
  saved: boolean;
  context:
    | { id: string; role: StoredMessage["role"]; parts: unknown; metadata: unknown; replyToId: string | null }[]
    | null;
  tasks:
    | {
        number: number;
        title: string;
        status: TaskSnapshot["status"];
        priority: TaskSnapshot["priority"];
        dueDate: string | null;
        dueAllDay: boolean;
        tags: string[] | null;
      }[]
    | null;
};

export type StartOptions = {
  /** A new conversation when unset. */
  conversationId?: string;
  message: { id: string; parts: { type: string; text: string }[] };
  withTasks: boolean;
  /** The session version the caller's token carries, when it was not checked yet. */
  sessionVersion?: number | null;
};

export async function startUserTurn(db: Db, userId: string, opts: StartOptions): Promise<StartedTurn | UnstartedTurn> {
  const text = messageText(opts.message.parts);
  const messageId = isUuid(opts.message.id) ? opts.message.id : randomUUID();
  const fresh = !opts.conversationId;
  const conversationId = opts.conversationId ?? randomUUID();
  // Stamps from the app's clock, like every other: concurrent sends are ordered as they arrive.
  const now = new Date();
  const current =
    opts.sessionVersion === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`EXISTS (SELECT 1 FROM users WHERE id = ${userId}::uuid AND session_version = ${opts.sessionVersion ?? 0})`;
  // Flagged in the same statement (lib/privacy/sensitive.ts): no round trip of its own.
  const sensitive = await isSensitive(text);
  const message = Prisma.sql`${messageId}::uuid, conv.id, ${userId}::uuid, 'user', ${text}, ${JSON.stringify(opts.message.parts)}::jsonb, ${sensitive}, ${now}`;
  const columns = Prisma.sql`id, conversation_id, role, parts, metadata, reply_to_id, created_at`;
  const conversationSteps = fresh
    ? // Born holding its first message. The statement cannot see rows it writes, so an id taken
      // by an older message is checked first (a race for it fails the statement, and the slow
      // path starts over).
      Prisma.sql`
      conv AS (
        INSERT INTO conversations (id, user_id, title, message_count, created_at, updated_at, last_message_at)
        SELECT ${conversationId}::uuid, ${userId}::uuid, ${titleFrom(opts.message.parts.map((p) => p.text).join(" "))}, 1, ${now}, ${now}, ${now}
        FROM hit WHERE hit.points <= ${allowedHits("chat")} AND NOT EXISTS (SELECT 1 FROM messages WHERE id = ${messageId}::uuid)
        RETURNING id, title
      ), saved AS (
        INSERT INTO messages (id, conversation_id, user_id, role, content, parts, is_sensitive, created_at) SELECT ${message} FROM conv
        RETURNING ${columns}
      ), earlier AS (SELECT ${columns} FROM messages WHERE FALSE)`
    : // The conversation's row lock orders concurrent sends, as in store.ts.
      Prisma.sql`
      conv AS (
        SELECT c.id, c.title, c.message_count FROM conversations c, hit
        WHERE c.id = ${conversationId}::uuid AND c.user_id = ${userId}::uuid AND hit.points <= ${allowedHits("chat")}
        FOR UPDATE OF c
      ), saved AS (
        INSERT INTO messages (id, conversation_id, user_id, role, content, parts, is_sensitive, created_at)
        SELECT ${message} FROM conv WHERE conv.message_count < ${MAX_CONVERSATION_MESSAGES}
        ON CONFLICT (id) DO NOTHING
        RETURNING ${columns}
      ), counted AS (
        UPDATE conversations SET message_count = message_count + 1, updated_at = ${now}, last_message_at = ${now}
        WHERE id IN (SELECT conversation_id FROM saved)
      ), earlier AS (
        SELECT ${columns} FROM messages
        WHERE conversation_id = ${conversationId}::uuid AND replaced_at IS NULL AND EXISTS (SELECT 1 FROM saved)
        ORDER BY created_at DESC, id DESC LIMIT ${CONTEXT_MESSAGES}
      )`;
  const tasks = opts.withTasks
    ? Prisma.sql`COALESCE((SELECT json_agg(json_build_object('number', t.number, 'title', t.title, 'status', t.status, 'priority', t.priority,
          'dueDate', t.due_date, 'dueAllDay', t.due_all_day,
          'tags', (SELECT json_agg(g.name) FROM task_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.task_id = t.id)) ORDER BY t.number)
        FROM tasks t WHERE t.user_id = ${userId}::uuid AND t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM saved)), '[]'::json)`
    : Prisma.sql`NULL::json`;
  // The context is read from before this statement, plus the message it saves: a message
  // another tab sends meanwhile is not this turn's to answer.
  const rows = await db.$queryRaw<Row[]>`
    WITH hit AS (${hitSql("chat", userId, now, current)}),
    ${conversationSteps},
    context AS (
      SELECT * FROM (SELECT * FROM earlier UNION ALL SELECT * FROM saved) m ORDER BY created_at DESC, id DESC LIMIT ${CONTEXT_MESSAGES}
    )
    SELECT hit.points, hit.expire,
      (SELECT json_build_object('id', id, 'title', title) FROM conv) AS conversation,
      EXISTS (SELECT 1 FROM saved) AS saved,
      (SELECT json_agg(json_build_object('id', id, 'role', role, 'parts', parts, 'metadata', metadata, 'replyToId', reply_to_id) ORDER BY created_at, id) FROM context) AS context,
      ${tasks} AS tasks
    FROM hit`;
  const row = rows[0];
  if (!row) throw new AppError("unauthorized", "Sign in to continue.");
  checkHit("chat", row);
  const conversation = row.conversation && { id: row.conversation.id, userId, title: row.conversation.title };
  if (!fresh && !conversation) throw new AppError("not_found", "That conversation does not exist.");
  if (!row.saved || !conversation) return { counted: true, conversation };
  return {
    conversation,
    userMessageId: messageId,
    text,
    context: (row.context ?? []).map((m) => ({
      id: m.id,
      role: m.role,
      parts: keptParts<StoredMessage["parts"][number]>(m.role, m.parts),
      replyToId: m.replyToId,
      ...(m.metadata ? { metadata: m.metadata } : {}),
    })),
    tasks:
      row.tasks?.map((t) => ({
        number: t.number,
        title: t.title,
        status: t.status,
        priority: t.priority,
        dueDate: dueString(t.dueDate === null ? null : new Date(t.dueDate), t.dueAllDay),
        tags: (t.tags ?? []).sort(),
      })) ?? null,
  };
}

/** A unique violation: the message id was taken by a concurrent send between the check and the insert. */
export function isTakenId(error: unknown): boolean {
  const e = error as { code?: string; meta?: unknown } | null;
  return e?.code === "P2010" && /"originalCode":"23505"/.test(JSON.stringify(e.meta ?? {}));
}
