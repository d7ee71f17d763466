"use server";

// The conversation view's reads, ratings and approval answers; sending messages goes through /api/chat.
import { z } from "zod";
import { answerApprovals } from "@/lib/chat/approvals";
import { messagePage, setFeedback } from "@/lib/chat/history";
import { MAX_OPERATION_IDS, undoneOperationIds } from "@/lib/chat/undone";
import { userAction } from "@/lib/user-action";

const id = z.uuid();

export const loadOlderMessagesAction = userAction(z.tuple([id, id]), async ([conversationId, beforeId], { user, db }) =>
  messagePage(db, user.id, conversationId, beforeId),
);

export const setFeedbackAction = userAction(
  z.tuple([id, z.enum(["up", "down"]).nullable()]),
  async ([messageId, value], { user, db }) => {
    await setFeedback(db, user.id, messageId, value);
    return {};
  },
);

// A bulk change's answers, given on one card: as many as one reply can ask (its parts are capped at 200).
const approvalAnswers = z
  .array(z.strictObject({ approvalId: z.string().min(1).max(200), approved: z.boolean() }))
  .min(1)
  .max(200);

/** Stores Approve/Reject answers as they are given, all or none (the turn goes on once all are answered, through /api/chat). */
export const answerApprovalsAction = userAction(
  z.tuple([id, id, approvalAnswers]),
  async ([conversationId, messageId, answers], { user, db }) =>
    answerApprovals(db, user.id, { conversationId, messageId, answers }),
);

/** Which of these operations (the task cards on screen) were undone since: one query. */
export const undoneOperationsAction = userAction(
  z.tuple([z.array(id).max(MAX_OPERATION_IDS)]),
  async ([ids], { user, db }) => ({
    undone: await undoneOperationIds(db, user.id, ids),
  }),
);
