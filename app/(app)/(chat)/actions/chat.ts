"use server";

// The conversation view's reads, ratings and approval answers; sending messages goes through /api/chat.
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireApiUser } from "@/lib/auth/session";
import { answerApproval } from "@/lib/chat/approvals";
import { messagePage, setFeedback, type MessagePage } from "@/lib/chat/history";
import { MAX_OPERATION_IDS, undoneOperationIds } from "@/lib/chat/undone";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const id = z.uuid();
const feedback = z.enum(["up", "down"]).nullable();
const approvalId = z.string().min(1).max(200);
const operationIds = z.array(id).max(MAX_OPERATION_IDS);

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", "That request is not valid.");
  return parsed.data;
}

export async function loadOlderMessagesAction(conversationId: string, beforeId: string): Promise<ActionResult<MessagePage>> {
  return runAction(async () => {
    const user = await requireApiUser();
    return messagePage(await getDb(), user.id, parse(id, conversationId), parse(id, beforeId));
  });
}

export async function setFeedbackAction(messageId: string, value: "up" | "down" | null): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireApiUser();
    await setFeedback(await getDb(), user.id, parse(id, messageId), parse(feedback, value));
    return {};
  });
}

/** Stores one Approve/Reject as it is given (the turn goes on once all are answered, through /api/chat). */
export async function answerApprovalAction(conversationId: string, messageId: string, approval: string, approved: boolean): Promise<ActionResult<{ approved: boolean }>> {
  return runAction(async () => {
    const user = await requireApiUser();
    return answerApproval(await getDb(), user.id, {
      conversationId: parse(id, conversationId),
      messageId: parse(id, messageId),
      approvalId: parse(approvalId, approval),
      approved: parse(z.boolean(), approved),
    });
  });
}

/** Which of these operations (the task cards on screen) were undone since: one query. */
export async function undoneOperationsAction(ids: string[]): Promise<ActionResult<{ undone: string[] }>> {
  return runAction(async () => {
    const user = await requireApiUser();
    return { undone: await undoneOperationIds(await getDb(), user.id, parse(operationIds, ids)) };
  });
}
