// Answers to approval requests. Only the decisions are taken from the client; the tool calls
// and their inputs are the ones the server stored when it asked.
//
// Each answer is stored as it is given (answerApprovals: the parts move to approval-responded in
// the stored reply), so a reload between answers loses none. When the last one is answered the
// client sends them all to /api/chat, and applyApprovals takes the stored answers together with
// the incoming ones: an answer once stored is final, and none is applied twice.
import "server-only";
import type { UIMessage } from "ai";
import type { Conversation } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { operationKey } from "@/lib/agent/tools";
import { logRejected, type Tx } from "@/lib/tasks/log";
import type { OperationContext } from "@/lib/tasks/types";
import { findConversation } from "./store";
import { isUuid } from "@/lib/validation";

type ApprovalPart = {
  type: string;
  toolCallId: string;
  state: string;
  input?: unknown;
  approval?: { id: string; approved?: boolean; reason?: string };
};
type Answer = { approved: boolean; reason?: string };

const isApprovalPart = (p: { type: string }): p is ApprovalPart =>
  p.type.startsWith("tool-") && "toolCallId" in p && "state" in p;
const NO_PENDING = "There is no pending approval in this conversation.";
const asJson = (parts: unknown) => JSON.parse(JSON.stringify(parts)) as object[];

/** The stored assistant message that asked, locked until the transaction ends; it must be the conversation's latest. */
async function lockLatestReply(tx: Tx, conversationId: string, messageId: string) {
  // Serialises answers to one reply: two cards answered at once must not overwrite each other.
  await tx.$executeRaw`SELECT 1 FROM messages WHERE id = ${messageId}::uuid AND conversation_id = ${conversationId}::uuid FOR UPDATE`;
  const stored = await tx.message.findFirst({
    where: { id: messageId, conversationId, role: "assistant", replacedAt: null },
  });
  const latest = await tx.message.findFirst({
    where: { conversationId, replacedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (!stored || latest?.id !== stored.id) throw new AppError("not_found", NO_PENDING);
  return stored;
}

export type ApprovalAnswer = { approvalId: string; approved: boolean };
export type AnswerApprovalsInput = { conversationId: string; messageId: string; answers: ApprovalAnswer[] };

/**
 * Stores Approve/Reject answers as they are given, in the user's own conversation's latest reply:
 * all of them or none (one card answers a whole bulk change at once). Nothing runs and nothing is
 * logged yet: that happens when all are answered (applyApprovals). Answering again with the same
 * answer is a no-op; an answer once given cannot be changed.
 */
export async function answerApprovals(
  db: Db,
  userId: string,
  input: AnswerApprovalsInput,
): Promise<{ answers: ApprovalAnswer[] }> {
  const conversation = await findConversation(db, userId, input.conversationId);
  if (!isUuid(input.messageId)) throw new AppError("not_found", NO_PENDING);
  return db.$transaction(async (tx) => {
    const stored = await lockLatestReply(tx, conversation.id, input.messageId);
    const next = [...(stored.parts as { type: string }[])];
    let changed = false;
    for (const { approvalId, approved } of input.answers) {
      const index = next.findIndex((p) => isApprovalPart(p) && p.approval?.id === approvalId);
      const part = next[index] as ApprovalPart | undefined;
      if (!part?.approval) throw new AppError("not_found", "That approval request does not exist.");
      if (part.state !== "approval-requested") {
        const given = part.approval.approved ?? (part.state === "output-denied" ? false : undefined);
        if (given === approved) continue;
        throw new AppError(
          "conflict",
          given === undefined
            ? "That change can no longer be answered."
            : `That change was already ${given ? "approved" : "rejected"}.`,
        );
      }
      next[index] = { ...part, state: "approval-responded", approval: { ...part.approval, approved } } as ApprovalPart;
      changed = true;
    }
    if (changed) await tx.message.update({ where: { id: stored.id }, data: { parts: asJson(next) } });
    return { answers: input.answers.map(({ approvalId, approved }) => ({ approvalId, approved })) };
  });
}

export type AppliedApprovals = {
  message: UIMessage;
  approved: Set<string>;
  userMessageId: string | null;
  originalCommand: string | null;
};

/**
 * Applies the answers to the stored assistant message that asked: those stored as given
 * (answerApprovals) and those in the incoming message; a stored answer wins. Every request must be
 * answered by then. Rejections are logged (once: the log row is keyed by the tool call).
 */
export async function applyApprovals(
  db: Db,
  conversation: Pick<Conversation, "id">,
  incoming: { id: string; parts: { type: string }[] },
  ctx: Omit<OperationContext, "toolCallId">,
): Promise<AppliedApprovals> {
  if (!isUuid(incoming.id)) throw new AppError("not_found", NO_PENDING);
  const answers = new Map<string, Answer>();
  for (const p of incoming.parts) {
    if (
      isApprovalPart(p) &&
      p.state === "approval-responded" &&
      p.approval &&
      typeof p.approval.id === "string" &&
      typeof p.approval.approved === "boolean"
    ) {
      answers.set(p.approval.id, {
        approved: p.approval.approved,
        reason: typeof p.approval.reason === "string" ? p.approval.reason.slice(0, 500) : undefined,
      });
    }
  }
  const { stored, parts, approved, rejected } = await db.$transaction(async (tx) => {
    const stored = await lockLatestReply(tx, conversation.id, incoming.id);
    const approved = new Set<string>();
    const rejected: ApprovalPart[] = [];
    let unanswered = 0;
    const parts = (stored.parts as { type: string }[]).map((p) => {
      if (!isApprovalPart(p) || !p.approval) return p;
      let part: ApprovalPart = p;
      if (p.state === "approval-requested") {
        const answer = answers.get(p.approval.id);
        if (!answer) {
          unanswered++;
          return p;
        }
        part = {
          ...p,
          state: "approval-responded",
          approval: { ...p.approval, approved: answer.approved, ...(answer.reason ? { reason: answer.reason } : {}) },
        };
      }
      if (part.state !== "approval-responded" || typeof part.approval?.approved !== "boolean") return part;
      if (part.approval.approved) approved.add(part.toolCallId);
      else rejected.push(part);
      return part;
    });
    if (approved.size === 0 && rejected.length === 0)
      throw new AppError("bad_request", "Answer the approval request with Approve or Reject.");
    if (unanswered > 0) throw new AppError("bad_request", "Answer every change (Approve or Reject) before going on.");
    await tx.message.update({ where: { id: stored.id }, data: { parts: asJson(parts) } });
    return { stored, parts, approved, rejected };
  });
  // The user message the approval belongs to: the one just before the assistant's.
  const userMessage = await db.message.findFirst({
    where: { conversationId: conversation.id, role: "user", replacedAt: null, createdAt: { lte: stored.createdAt } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, content: true },
  });
  for (const p of rejected) {
    await logRejected(
      db,
      {
        ...ctx,
        messageId: userMessage?.id ?? null,
        originalCommand: userMessage?.content ?? null,
        toolCallId: operationKey(userMessage?.id, p.toolCallId),
      },
      p.type.slice(5),
      p.input,
    );
  }
  return {
    message: {
      id: stored.id,
      role: "assistant",
      parts: parts as UIMessage["parts"],
      ...(stored.metadata ? { metadata: stored.metadata } : {}),
    },
    approved,
    userMessageId: userMessage?.id ?? null,
    originalCommand: userMessage?.content ?? null,
  };
}
