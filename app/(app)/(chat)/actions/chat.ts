"use server";

// The conversation view's reads, ratings and approval answers; sending messages goes through /api/chat.
import { z } from "zod";
import { answerApproval } from "@/lib/chat/approvals";
import { messagePage, setFeedback } from "@/lib/chat/history";
import { MAX_OPERATION_IDS, undoneOperationIds } from "@/lib/chat/undone";
import { userAction } from "@/lib/user-action";

const id = z.uuid();

export const loadOlderMessagesAction = userAction(z.tuple([id, id]), async ([conversationId, beforeId], { user, db }) =>
  messagePage(db, user.id, conversationId, beforeId),
);

export const setFeedbackAction = userAction(z.tuple([id, z.enum(["up", "down"]).nullable()]), async ([messageId, value], { user, db }) => {
  await setFeedback(db, user.id, messageId, value);
  return {};
});

/** Stores one Approve/Reject as it is given (the turn goes on once all are answered, through /api/chat). */
export const answerApprovalAction = userAction(z.tuple([id, id, z.string().min(1).max(200), z.boolean()]), async ([conversationId, messageId, approvalId, approved], { user, db }) =>
  answerApproval(db, user.id, { conversationId, messageId, approvalId, approved }),
);

/** Which of these operations (the task cards on screen) were undone since: one query. */
export const undoneOperationsAction = userAction(z.tuple([z.array(id).max(MAX_OPERATION_IDS)]), async ([ids], { user, db }) => ({
  undone: await undoneOperationIds(db, user.id, ids),
}));
