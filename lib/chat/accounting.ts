// After a load run: is every turn's data in the database exactly once? Shared by the in-process
// load test (lib/chat/load.postgres.test.ts) and the HTTP load in the benchmark
// (scripts/bench/chat.ts), so both check the same things.
import "server-only";
import type { Db } from "@/lib/db/client";

/** What the load driver sent and saw for one "add a task" turn. */
export type SentTurn = {
  userId: string;
  conversationId: string;
  /** The user message's id as sent. */
  messageId: string;
  text: string;
  /** The task title the turn must have created. */
  title: string;
  /** The assistant message id announced by the stream's start chunk. */
  replyId: string;
};

export type AccountingReport = {
  turns: number;
  userMessages: number;
  assistantMessages: number;
  tasks: number;
  logRows: number;
  /** Every discrepancy found; empty when all is accounted for. */
  problems: string[];
};

/**
 * Compares the sent turns with everything stored for their users: each user message, each
 * reply, each task and each operation-log row must be there once, and nothing else may be.
 */
export async function accountTurns(db: Db, sent: SentTurn[]): Promise<AccountingReport> {
  const userIds = [...new Set(sent.map((t) => t.userId))];
  const [messages, tasks, logs, conversations] = await Promise.all([
    db.message.findMany({
      where: { userId: { in: userIds } },
      select: { id: true, conversationId: true, userId: true, role: true, content: true },
    }),
    db.task.findMany({
      where: { userId: { in: userIds } },
      select: { id: true, userId: true, title: true, number: true, deletedAt: true },
    }),
    db.taskOperationLog.findMany({
      where: { userId: { in: userIds } },
      select: {
        id: true,
        userId: true,
        messageId: true,
        conversationId: true,
        taskId: true,
        operation: true,
        status: true,
        toolCallId: true,
      },
    }),
    db.conversation.findMany({
      where: { userId: { in: userIds } },
      select: { id: true, messageCount: true, _count: { select: { messages: true } } },
    }),
  ]);
  const problems: string[] = [];
  const problem = (text: string) => problems.length < 50 && problems.push(text); // the first 50 say enough

  const countBy = <T>(rows: T[], key: (row: T) => string | null) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const k = key(row);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const messageById = new Map(messages.map((m) => [m.id, m]));
  const taskByTitle = countBy(tasks, (t) => `${t.userId}/${t.title}`);
  const logsByMessage = countBy(logs, (l) => l.messageId);
  const toolCalls = countBy(logs, (l) => l.toolCallId);
  const taskIds = new Map(tasks.map((t) => [t.id, t]));

  for (const turn of sent) {
    const question = messageById.get(turn.messageId);
    if (
      question?.role !== "user" ||
      question.conversationId !== turn.conversationId ||
      question.content !== turn.text
    ) {
      problem(`user message ${turn.messageId} ("${turn.text}") is missing or wrong`);
    }
    const reply = messageById.get(turn.replyId);
    if (reply?.role !== "assistant" || reply.conversationId !== turn.conversationId)
      problem(`reply ${turn.replyId} to "${turn.text}" is missing or wrong`);
    const copies = taskByTitle.get(`${turn.userId}/${turn.title}`) ?? 0;
    if (copies !== 1) problem(`task "${turn.title}" is stored ${copies} times`);
    const logCount = logsByMessage.get(turn.messageId) ?? 0;
    if (logCount !== 1) problem(`"${turn.text}" has ${logCount} log rows`);
  }
  for (const log of logs) {
    const task = log.taskId ? taskIds.get(log.taskId) : undefined;
    if (log.operation !== "add" || log.status !== "success" || !task || task.userId !== log.userId)
      problem(`log row ${log.id} is not a successful add of its user's task`);
    if (!log.toolCallId || toolCalls.get(log.toolCallId) !== 1)
      problem(`log row ${log.id} has a missing or repeated tool call id`);
  }
  // Nothing extra: as many stored rows as turns (duplicates were counted above per turn).
  const userMessages = messages.filter((m) => m.role === "user").length;
  const assistantMessages = messages.filter((m) => m.role === "assistant").length;
  if (userMessages !== sent.length) problem(`${userMessages} user messages stored for ${sent.length} turns`);
  if (assistantMessages !== sent.length) problem(`${assistantMessages} replies stored for ${sent.length} turns`);
  if (tasks.length !== sent.length) problem(`${tasks.length} tasks stored for ${sent.length} turns`);
  if (logs.length !== sent.length) problem(`${logs.length} log rows stored for ${sent.length} turns`);
  // Task numbers per user run 1..n with no gap or repeat (they are handed out under a row lock).
  for (const [userId, numbers] of groupNumbers(tasks)) {
    if (numbers.some((n, i) => n !== i + 1)) problem(`user ${userId}'s task numbers are ${numbers.join(",")}`);
  }
  for (const c of conversations) {
    if (c.messageCount !== c._count.messages)
      problem(`conversation ${c.id} counts ${c.messageCount} messages but holds ${c._count.messages}`);
  }
  return { turns: sent.length, userMessages, assistantMessages, tasks: tasks.length, logRows: logs.length, problems };
}

function groupNumbers(tasks: { userId: string; number: number }[]): Map<string, number[]> {
  const byUser = new Map<string, number[]>();
  for (const t of tasks) byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), t.number]);
  for (const numbers of byUser.values()) numbers.sort((a, b) => a - b);
  return byUser;
}
