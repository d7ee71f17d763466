import "server-only";
import type { Db } from "@/lib/db/client";
import { maskJson, maskSensitive } from "@/lib/privacy/sensitive";
import { isUuid } from "@/lib/validation";
import type { OperationName, SourceName, StatusName } from "./filters";

export type MessageView = { id: string; content: string; createdAt: Date; feedback: "up" | "down" | null };

export type RelatedOperation = {
  id: string;
  operation: OperationName;
  status: StatusName;
  source: SourceName;
  createdAt: Date;
  originalCommand: string | null;
  undoOfId: string | null;
};

export type LogDetail = {
  id: string;
  createdAt: Date;
  finishedAt: Date | null;
  operation: OperationName;
  source: SourceName;
  status: StatusName;
  originalCommand: string | null;
  toolCallId: string | null;
  input: unknown;
  result: unknown;
  before: unknown;
  error: string | null;
  approval: "approved" | "rejected" | null;
  durationMs: number | null;
  user: { id: string; email: string; name: string };
  /** Who made the change: the user, or the admin who undid it; null once that account is gone. */
  actor: { id: string; email: string; name: string } | null;
  task: { id: string; number: number; title: string; status: string; deleted: boolean } | null;
  conversation: { id: string; title: string } | null;
  undoOf: { id: string; operation: OperationName; createdAt: Date } | null;
  /** Successful undos of this operation (normally at most one). */
  undoneBy: { id: string; createdAt: Date }[];
  /** The user message that caused the operation, and the assistant reply to it: nothing else of the conversation. */
  userMessage: MessageView | null;
  assistantReply: MessageView | null;
  /** Other operations on the same task, newest first. */
  related: RelatedOperation[];
  relatedTruncated: boolean;
};

const RELATED_LIMIT = 50;

/** Everything the detail page shows about one operation, or null for an unknown id. */
export async function getLogDetail(db: Db, id: string): Promise<LogDetail | null> {
  if (!isUuid(id)) return null;
  const log = await db.taskOperationLog.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, email: true, name: true } },
      actor: { select: { id: true, email: true, name: true } },
      task: { select: { id: true, number: true, title: true, status: true, deletedAt: true } },
      conversation: { select: { id: true, title: true } },
      message: { select: { id: true, content: true, createdAt: true, feedback: true, role: true } },
      undoOf: { select: { id: true, operation: true, createdAt: true } },
      undoneBy: { where: { status: "success" }, select: { id: true, createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!log) return null;

  const assistantReply = log.messageId ? await replyTo(db, log.messageId) : null;
  const relatedRows = log.taskId
    ? await db.taskOperationLog.findMany({
        where: { taskId: log.taskId, id: { not: log.id } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: RELATED_LIMIT + 1,
        select: {
          id: true,
          operation: true,
          status: true,
          source: true,
          createdAt: true,
          originalCommand: true,
          undoOfId: true,
        },
      })
    : [];

  return {
    id: log.id,
    createdAt: log.createdAt,
    finishedAt: log.finishedAt,
    operation: log.operation,
    source: log.source,
    status: log.status,
    originalCommand: log.originalCommand,
    toolCallId: log.toolCallId,
    input: log.input,
    result: log.result,
    before: log.before,
    error: log.error,
    approval: log.approval,
    durationMs: log.durationMs,
    user: log.user,
    actor: log.actor,
    task: log.task
      ? {
          id: log.task.id,
          number: log.task.number,
          title: log.task.title,
          status: log.task.status,
          deleted: log.task.deletedAt !== null,
        }
      : null,
    conversation: log.conversation,
    undoOf: log.undoOf,
    undoneBy: log.undoneBy,
    userMessage:
      log.message && log.message.role === "user"
        ? {
            id: log.message.id,
            content: log.message.content,
            createdAt: log.message.createdAt,
            feedback: log.message.feedback,
          }
        : null,
    assistantReply,
    related: relatedRows.slice(0, RELATED_LIMIT),
    relatedTruncated: relatedRows.length > RELATED_LIMIT,
  };
}

/** The assistant reply to one user message (each reply names the message it answers). */
function replyTo(db: Db, messageId: string): Promise<MessageView | null> {
  return db.message.findFirst({
    where: { replyToId: messageId, role: "assistant" },
    orderBy: { createdAt: "asc" },
    select: { id: true, content: true, createdAt: true, feedback: true },
  });
}

/**
 * The detail with the users' words masked (lib/privacy/sensitive.ts): the command, the task and
 * conversation titles, the user message and the reply, the operation's input, result,
 * before-state and error, and the related operations' commands. Accounts' names and e-mails are
 * not: they say whose data it is. `masked` tells whether anything was, so Reveal is offered.
 */
export async function maskLogDetail(detail: LogDetail): Promise<{ detail: LogDetail; masked: boolean }> {
  let masked = false;
  const text = async <T extends string | null>(value: T): Promise<T> => {
    const out = (await maskSensitive(value)) as T;
    if (out !== value) masked = true;
    return out;
  };
  const json = async (value: unknown): Promise<unknown> => {
    const out = await maskJson(value);
    if (JSON.stringify(out) !== JSON.stringify(value)) masked = true;
    return out;
  };
  const message = async (m: MessageView | null) => (m ? { ...m, content: await text(m.content) } : null);
  const [originalCommand, error, input, result, before, taskTitle, conversationTitle, userMessage, assistantReply] =
    await Promise.all([
      text(detail.originalCommand),
      text(detail.error),
      json(detail.input),
      json(detail.result),
      json(detail.before),
      text(detail.task?.title ?? null),
      text(detail.conversation?.title ?? null),
      message(detail.userMessage),
      message(detail.assistantReply),
    ]);
  const related = await Promise.all(
    detail.related.map(async (op) => ({ ...op, originalCommand: await text(op.originalCommand) })),
  );
  return {
    detail: {
      ...detail,
      originalCommand,
      error,
      input,
      result,
      before,
      task: detail.task && { ...detail.task, title: taskTitle ?? detail.task.title },
      conversation: detail.conversation && {
        ...detail.conversation,
        title: conversationTitle ?? detail.conversation.title,
      },
      userMessage,
      assistantReply,
      related,
    },
    masked,
  };
}

export type UndoAvailability = { available: true } | { available: false; reason: string };

/**
 * What the log alone can tell about undoing this operation. The task service has the last
 * word (it also refuses when the task has changed since), this only spares a pointless click.
 */
export function undoAvailability(detail: Pick<LogDetail, "operation" | "status" | "undoneBy">): UndoAvailability {
  if (detail.undoneBy.length) return { available: false, reason: "This operation has already been undone." };
  if (detail.status === "rejected")
    return { available: false, reason: "This change was rejected by the user, so it made nothing to undo." };
  if (detail.status === "failed")
    return { available: false, reason: "This operation failed, so it changed nothing to undo." };
  if (detail.status === "pending")
    return { available: false, reason: "This operation has not finished, so there is nothing to undo yet." };
  if (detail.operation === "list")
    return { available: false, reason: "Listing tasks changes nothing, so there is nothing to undo." };
  if (detail.operation === "undo")
    return { available: false, reason: "This is itself an undo; undo the original operation's later changes instead." };
  return { available: true };
}
