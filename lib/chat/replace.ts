// Edit & resend, and Regenerate: the turn of an earlier user message (for an edit of an older
// message, every turn from it on) is replaced by a new one. One transaction, under the
// conversation's row lock, undoes the replaced turns' task changes through the operation log
// (one logged undo, so they show as undone in the admin log), marks their messages replaced
// (kept for the record, hidden from the chat and from the agent's context) and saves the new
// user message, which the turn then answers. A change that cannot be put back refuses the whole
// replacement, and nothing changes.
//
// The new turn always has a new user message, also for a regenerate: the operation log keys each
// tool call by its user message, so a model that numbers its calls per response ("call_0") must
// not find the replaced reply's calls and replay them.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { fail, runLogged, type Tx } from "@/lib/tasks/log";
import { revertMessages } from "@/lib/tasks/undo";
import type { OperationContext, ToolError } from "@/lib/tasks/types";
import { isSensitive } from "@/lib/privacy/sensitive";
import { isUuid } from "@/lib/validation";
import { claimMessage } from "./in-flight";
import { MAX_CONVERSATION_MESSAGES, messageText, type ReplacementKind } from "./schemas";
import type { ConversationRef } from "./store";

/** Shown on the new reply (message metadata), also after a reload. */
export type ReplacedTurns = { kind: ReplacementKind; turns: number; undone: number };

export type Replacement = { userMessageId: string; text: string; replaced: ReplacedTurns };

type Row = { id: string; role: string; replyToId: string | null };

const NOT_FOUND = "That message does not exist.";
const CHANGED = "The conversation changed meanwhile. Reload it and try again.";

/** The messages an edit of `messageId` (or a regenerate of the reply `messageId`) replaces, oldest first; refuses anything else. */
async function replacedMessages(
  tx: Tx | Db,
  conversationId: string,
  kind: ReplacementKind,
  messageId: string,
): Promise<{ first: Row; messages: Row[] }> {
  const select = { id: true, role: true, replyToId: true, createdAt: true } as const;
  const target = isUuid(messageId)
    ? await tx.message.findFirst({ where: { id: messageId, conversationId, replacedAt: null }, select })
    : null;
  if (!target) throw new AppError("not_found", NOT_FOUND);
  let first = target;
  if (kind === "edit") {
    if (target.role !== "user") throw new AppError("bad_request", "Only your own messages can be edited.");
  } else {
    if (target.role !== "assistant") throw new AppError("bad_request", "Only a reply can be regenerated.");
    const latest = await tx.message.findFirst({
      where: { conversationId, replacedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (latest?.id !== target.id) throw new AppError("conflict", "Only the latest reply can be regenerated.");
    const question = target.replyToId
      ? await tx.message.findFirst({
          where: { id: target.replyToId, conversationId, role: "user", replacedAt: null },
          select,
        })
      : null;
    if (!question) throw new AppError("conflict", "That reply answers no message, so it cannot be regenerated.");
    first = question;
  }
  const messages = await tx.message.findMany({
    where: {
      conversationId,
      replacedAt: null,
      OR: [{ createdAt: { gt: first.createdAt } }, { createdAt: first.createdAt, id: { gte: first.id } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, replyToId: true },
  });
  return { first, messages };
}

/**
 * Replaces the turn(s) as asked and saves the new user message (`message`; a regenerate asks
 * the replaced question again, whatever text the client sent). The conversation is the
 * caller's own (found by user); another conversation's message is not found.
 */
export async function replaceTurns(
  db: Db,
  conversation: ConversationRef,
  request: {
    kind: ReplacementKind;
    messageId: string;
    message: { id: string; parts: { type: string; text: string }[] };
  },
  ctx: Omit<OperationContext, "messageId" | "originalCommand" | "toolCallId">,
): Promise<Replacement> {
  const { kind } = request;
  const plan = await replacedMessages(db, conversation.id, kind, request.messageId);
  // A turn still running in this process (its reply streaming, or approvals being carried out)
  // is not replaced under it.
  const releases: (() => void)[] = [];
  try {
    for (const m of plan.messages) {
      if (m.id === request.message.id) continue; // the caller's turn holds it already
      const release = claimMessage(m.id);
      if (!release) throw new AppError("conflict", "That message is being answered right now.");
      releases.push(release);
    }
    const parts = kind === "regenerate" ? await questionParts(db, plan.first.id) : request.message.parts;
    const text = messageText(parts);
    const sensitive = await isSensitive(text);
    // The client's id for the new message, unless it is taken (an edit sent with the edited message's own id).
    const taken =
      !isUuid(request.message.id) ||
      (await db.message.findUnique({ where: { id: request.message.id }, select: { id: true } }));
    const id = taken ? randomUUID() : request.message.id;
    const userIds = plan.messages.filter((m) => m.role === "user").map((m) => m.id);
    const replaced = { kind, turns: userIds.length, undone: 0 };

    const apply = async (tx: Tx, refuse: (error: ToolError) => never) => {
      // The conversation's row lock orders this with every send to it (store.ts, turn-start.ts).
      const [row] = await tx.$queryRaw<
        { message_count: number }[]
      >`SELECT message_count FROM conversations WHERE id = ${conversation.id}::uuid FOR UPDATE`;
      const current = await replacedMessages(tx, conversation.id, kind, request.messageId).catch(() => null);
      if (!current || current.messages.map((m) => m.id).join() !== plan.messages.map((m) => m.id).join())
        refuse({ ok: false, code: "conflict", message: CHANGED });
      if ((row?.message_count ?? 0) >= MAX_CONVERSATION_MESSAGES) refuse({ ok: false, code: "limit", message: FULL });
      const at = new Date();
      await tx.message.create({
        data: {
          id,
          conversationId: conversation.id,
          userId: conversation.userId,
          role: "user",
          content: text,
          parts,
          isSensitive: sensitive,
          createdAt: at,
        },
      });
      await tx.message.updateMany({
        where: { id: { in: plan.messages.map((m) => m.id) } },
        data: { replacedAt: at, replacedById: id },
      });
      await tx.conversation.update({
        where: { id: conversation.id },
        data: { messageCount: { increment: 1 }, updatedAt: at, lastMessageAt: at },
      });
    };
    const saveOnly = () =>
      db.$transaction((tx) =>
        apply(tx, (error) => {
          throw appError(error);
        }),
      );

    // What the undo will meet (revertMessages): changes not undone yet, and undos of changes made before these turns.
    const changes = await db.taskOperationLog.count({
      where: {
        userId: ctx.userId,
        messageId: { in: userIds },
        status: "success",
        OR: [
          { operation: { notIn: ["list", "undo"] }, undoneBy: { none: { status: "success" } } },
          { operation: "undo", undoOf: { OR: [{ messageId: null }, { messageId: { notIn: userIds } }] } },
        ],
      },
    });
    if (changes === 0) {
      await saveOnly();
      return { userMessageId: id, text, replaced };
    }
    // One logged undo carries the whole replacement: its rows name the first replaced message
    // (the turn whose changes they put back) and say what replaced it.
    const undo = {
      ...ctx,
      messageId: plan.first.id,
      originalCommand: `${kind === "edit" ? "Edit & resend" : "Regenerate"}: ${text}`,
      toolCallId: null,
    };
    const input = { replace: { kind, messages: userIds, by: id } };
    const result = await runLogged(db, undo, { operation: "undo", input }, async (tx) => {
      await apply(tx, fail);
      return (
        (await revertMessages(tx, undo, userIds)) ??
        fail({ ok: false, code: "nothing_to_undo", message: "Its changes were undone already." })
      );
    });
    if (result.ok)
      return {
        userMessageId: id,
        text,
        replaced: { ...replaced, undone: result.kind === "undone" ? (result.count ?? 1) : 0 },
      };
    // Undone another way between the count and the lock: replaced without an undo.
    if (result.code === "nothing_to_undo") {
      await saveOnly();
      return { userMessageId: id, text, replaced };
    }
    throw appError(result);
  } finally {
    for (const release of releases) release();
  }
}

const FULL = `This conversation has reached ${MAX_CONVERSATION_MESSAGES.toLocaleString("en-US")} messages. Start a new chat to go on.`;

/** A refusal from inside the replacement's transaction, in words for the user. */
function appError(error: ToolError): AppError {
  if (error.code === "limit") return new AppError("limit", error.message);
  if (error.code === "internal")
    return new AppError(
      "internal",
      "The earlier changes could not be undone, so nothing was replaced. Please try again.",
    );
  return new AppError(
    "conflict",
    error.code === "cannot_undo" ? `${error.message} Nothing was replaced.` : error.message,
  );
}

/** The replaced question's text, asked again by a regenerate. */
async function questionParts(db: Db, id: string): Promise<{ type: "text"; text: string }[]> {
  const row = await db.message.findUniqueOrThrow({ where: { id }, select: { parts: true, content: true } });
  const parts = (Array.isArray(row.parts) ? row.parts : []).filter(
    (p): p is { type: "text"; text: string } =>
      typeof p === "object" &&
      p !== null &&
      (p as { type?: unknown }).type === "text" &&
      typeof (p as { text?: unknown }).text === "string",
  );
  return parts.length ? parts.map((p) => ({ type: "text", text: p.text })) : [{ type: "text", text: row.content }];
}
