// Test fixtures for the admin log: rows written straight into the tables, with the times the
// test chooses (the task service always stamps "now", and these tests need history).
import type { Db } from "@/lib/db/client";
import type { OperationName, SourceName, StatusName } from "@/lib/admin/filters";

export async function seedUser(db: Db, email: string, name = email.split("@")[0]!): Promise<string> {
  const user = await db.user.create({ data: { email, name, passwordHash: "x" }, select: { id: true } });
  return user.id;
}

export async function seedTask(db: Db, userId: string, number: number, title: string): Promise<string> {
  const task = await db.task.create({ data: { userId, number, title }, select: { id: true } });
  return task.id;
}

export async function seedConversation(db: Db, userId: string, at: Date): Promise<string> {
  const conversation = await db.conversation.create({
    data: { userId, title: "Chat", createdAt: at, updatedAt: at, lastMessageAt: at },
    select: { id: true },
  });
  return conversation.id;
}

export async function seedMessage(
  db: Db,
  data: {
    conversationId: string;
    userId: string;
    role: "user" | "assistant";
    content: string;
    at: Date;
    feedback?: "up" | "down";
    replyTo?: string;
  },
): Promise<string> {
  const message = await db.message.create({
    data: {
      conversationId: data.conversationId,
      userId: data.userId,
      role: data.role,
      content: data.content,
      createdAt: data.at,
      feedback: data.feedback ?? null,
      replyToId: data.replyTo ?? null,
    },
    select: { id: true },
  });
  return message.id;
}

export type SeedLog = {
  userId: string;
  /** Who made the change; the owner unless said otherwise, as the task service writes it. */
  actorId?: string;
  at: Date;
  operation?: OperationName;
  status?: StatusName;
  source?: SourceName;
  taskId?: string | null;
  originalCommand?: string | null;
  durationMs?: number | null;
  error?: string | null;
  conversationId?: string | null;
  messageId?: string | null;
  toolCallId?: string | null;
  input?: object;
  undoOfId?: string | null;
};

export async function seedLog(db: Db, log: SeedLog): Promise<string> {
  const row = await db.taskOperationLog.create({
    data: {
      userId: log.userId,
      actorId: log.actorId ?? log.userId,
      createdAt: log.at,
      finishedAt: log.status === "pending" ? null : log.at,
      operation: log.operation ?? "add",
      status: log.status ?? "success",
      source: log.source ?? "chat",
      taskId: log.taskId ?? null,
      originalCommand: log.originalCommand ?? null,
      durationMs: log.durationMs ?? null,
      error: log.error ?? null,
      conversationId: log.conversationId ?? null,
      messageId: log.messageId ?? null,
      toolCallId: log.toolCallId ?? null,
      input: log.input ?? {},
      undoOfId: log.undoOfId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

/** A time `minutes` after a fixed instant, so tests read as "the 3rd operation" etc. */
export function at(minutes: number, base = "2026-11-20T09:00:00.000Z"): Date {
  return new Date(new Date(base).getTime() + minutes * 60_000);
}
