// Answers to approval requests. Only the decisions are taken from the client; the tool calls
// and their inputs are the ones the server stored when it asked.
import type { UIMessage } from "ai";
import type { Conversation } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { operationKey } from "@/lib/agent/tools";
import { logRejected } from "@/lib/tasks/log";
import type { OperationContext } from "@/lib/tasks/types";

type ApprovalPart = { type: string; toolCallId: string; state: string; input?: unknown; approval?: { id: string; approved?: boolean; reason?: string } };

const isApprovalPart = (p: { type: string }): p is ApprovalPart => p.type.startsWith("tool-") && "toolCallId" in p && "state" in p;

export type AppliedApprovals = { message: UIMessage; approved: Set<string>; userMessageId: string | null; originalCommand: string | null };

/** Applies the client's Approve/Reject answers to the stored assistant message that asked. */
export async function applyApprovals(db: Db, conversation: Conversation, incoming: { id: string; parts: { type: string }[] }, ctx: Omit<OperationContext, "toolCallId">): Promise<AppliedApprovals> {
  const stored = await db.message.findFirst({ where: { id: incoming.id, conversationId: conversation.id, role: "assistant" } });
  const latest = await db.message.findFirst({ where: { conversationId: conversation.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  if (!stored || latest?.id !== stored.id) throw new AppError("not_found", "There is no pending approval in this conversation.");
  const answers = new Map<string, { approved: boolean; reason?: string }>();
  for (const p of incoming.parts) {
    if (isApprovalPart(p) && p.state === "approval-responded" && p.approval && typeof p.approval.approved === "boolean") {
      answers.set(p.approval.id, { approved: p.approval.approved, reason: typeof p.approval.reason === "string" ? p.approval.reason.slice(0, 500) : undefined });
    }
  }
  const approved = new Set<string>();
  const rejected: ApprovalPart[] = [];
  const parts = (stored.parts as { type: string }[]).map((p) => {
    if (!isApprovalPart(p) || p.state !== "approval-requested" || !p.approval) return p;
    const answer = answers.get(p.approval.id);
    if (!answer) return p;
    if (answer.approved) approved.add(p.toolCallId);
    else rejected.push(p);
    return { ...p, state: "approval-responded", approval: { ...p.approval, approved: answer.approved, ...(answer.reason ? { reason: answer.reason } : {}) } };
  });
  if (approved.size === 0 && rejected.length === 0) throw new AppError("bad_request", "Answer the approval request with Approve or Reject.");
  // The user message the approval belongs to: the one just before the assistant's.
  const userMessage = await db.message.findFirst({
    where: { conversationId: conversation.id, role: "user", createdAt: { lte: stored.createdAt } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, content: true },
  });
  for (const p of rejected) {
    await logRejected(db, { ...ctx, messageId: userMessage?.id ?? null, originalCommand: userMessage?.content ?? null, toolCallId: operationKey(userMessage?.id, p.toolCallId) }, p.type.slice(5), p.input);
  }
  await db.message.update({ where: { id: stored.id }, data: { parts: JSON.parse(JSON.stringify(parts)) } });
  return {
    message: { id: stored.id, role: "assistant", parts: parts as UIMessage["parts"], ...(stored.metadata ? { metadata: stored.metadata } : {}) },
    approved,
    userMessageId: userMessage?.id ?? null,
    originalCommand: userMessage?.content ?? null,
  };
}
