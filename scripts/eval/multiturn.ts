// Multi-turn eval cases (docs/agent-contract.md, "Multi-turn cases"): each conversation runs
// through the real chat turn (lib/chat/turn.ts handleChat: route code, stored history, tools, task
// service, approvals) on one scratch in-memory database, one user per case, seeded with the
// case's tasks. Each turn's tool calls and reply are read back from the stored reply.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/users";
import { chatRequestOf, readChunks, userMessage } from "@/test/support/chat";
import { handleChat } from "@/lib/chat/turn";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { parseDue } from "@/lib/tasks/dates";
import { taskWithTags, toSnapshot } from "@/lib/tasks/view";
import type { Expectation } from "@/lib/agent/offline/judge";
import type { TaskSnapshot, ToolCall } from "@/lib/agent/offline/types";

export type Turn = {
  user: string;
  expect: Expectation;
  now?: string;
  approve?: boolean;
  /** Our own cases only (not the shared format): text the reply must contain. */
  replyIncludes?: string[];
};
export type MultiTurnCase = { id: string; now: string; timeZone: string; tasks?: TaskSnapshot[]; turns: Turn[] };
export type TurnOutcome = { tasks: TaskSnapshot[]; calls: ToolCall[]; reply: string; error?: string };

type Part = {
  type: string;
  state?: string;
  toolCallId?: string;
  input?: unknown;
  text?: string;
  approval?: { id: string; approved?: boolean };
};

export type Runner = { run(c: MultiTurnCase): Promise<TurnOutcome[]>; close(): Promise<void> };

/**
 * The task service reads the real clock ("due today", completedAt), so each turn runs with the
 * process clock set to the turn's `now`: Date.now() and new Date() read now + time elapsed since.
 */
const RealDate = Date;
let clockOffset = 0;
function installClock(): void {
  if ((globalThis.Date as unknown) !== RealDate) return;
  class CaseDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + clockOffset);
      else super(...(args as [string]));
    }
    static now() {
      return RealDate.now() + clockOffset;
    }
  }
  globalThis.Date = CaseDate as DateConstructor;
}
/** Never backwards within a conversation: its messages are ordered by when they were saved. */
const setClock = (at: Date, fresh = false) => {
  clockOffset = fresh ? at.getTime() - RealDate.now() : Math.max(clockOffset, at.getTime() - RealDate.now());
};

export async function createRunner(): Promise<Runner> {
  installClock();
  // Many turns per user in well under a minute: the chat rate limit is not what is measured.
  process.env.CHAT_RATE_LIMIT ??= "100000";
  const handle: DbHandle = await createTestDatabase();
  const db = handle.db;
  let users = 0;

  async function seed(c: MultiTurnCase): Promise<SessionUser> {
    const n = ++users;
    const tasks = c.tasks ?? [];
    const last = tasks.reduce((m, t) => Math.max(m, t.number), 0);
    const row = await db.user.create({
      data: {
        email: `eval${n}-${randomUUID().slice(0, 8)}@example.com`,
        name: "Eval User",
        passwordHash: "x",
        lastTaskNumber: last,
      },
    });
    const now = new Date(c.now);
    for (const t of tasks) {
      const due = t.dueDate ? parseDue(t.dueDate, c.timeZone) : null;
      // A completed task was finished at its due moment if that has passed, else an hour ago.
      const completedAt =
        t.status === "completed" ? (due && due.date <= now ? due.date : new Date(now.getTime() - 3_600_000)) : null;
      await db.task.create({
        data: {
          userId: row.id,
          number: t.number,
          title: t.title,
          status: t.status,
          priority: t.priority ?? "medium",
          dueDate: due?.date ?? null,
          dueAllDay: due?.allDay ?? false,
          completedAt,
          tags: {
            create: (t.tags ?? []).map((name) => ({
              tag: {
                connectOrCreate: { where: { userId_name: { userId: row.id, name } }, create: { userId: row.id, name } },
              },
            })),
          },
        },
      });
    }
    return { id: row.id, email: row.email, name: row.name, role: row.role };
  }

  const currentTasks = async (userId: string) =>
    (
      await db.task.findMany({ where: { userId, deletedAt: null }, include: taskWithTags, orderBy: { number: "asc" } })
    ).map(toSnapshot);

  async function run(c: MultiTurnCase): Promise<TurnOutcome[]> {
    setClock(new Date(c.now), true);
    const user = await seed(c);
    let conversationId: string | undefined;
    const out: TurnOutcome[] = [];
    for (const turn of c.turns) {
      const now = new Date(turn.now ?? c.now);
      setClock(now);
      const tasks = await currentTasks(user.id);
      const message = userMessage(turn.user);
      const send = (body: object) => handleChat(db, user, chatRequestOf({ ...body, timeZone: c.timeZone }), now);
      let error: string | undefined;
      const first = await send({ id: conversationId, message });
      conversationId ??= first.headers.get("x-conversation-id") ?? undefined;
      if (first.status !== 200) error = `HTTP ${first.status}: ${await first.text()}`;
      else await readChunks(first);
      let reply = await db.message.findFirst({
        where: { replyToId: message.id, role: "assistant" },
        orderBy: { createdAt: "desc" },
      });
      // Bulk changes wait for Approve/Reject: answer them all as the client would.
      const parts = (reply?.parts ?? []) as Part[];
      if (reply && parts.some((p) => p.state === "approval-requested")) {
        const approved = turn.approve !== false;
        const answered = parts.map((p) =>
          p.state === "approval-requested"
            ? { ...p, state: "approval-responded", approval: { id: p.approval!.id, approved } }
            : p,
        );
        const res = await send({ id: conversationId, message: { id: reply.id, role: "assistant", parts: answered } });
        if (res.status !== 200) error = `approval: HTTP ${res.status}: ${await res.text()}`;
        else await readChunks(res);
        reply = await db.message.findUnique({ where: { id: reply.id } });
      }
      const finalParts = (reply?.parts ?? []) as Part[];
      const calls = finalParts
        .filter((p) => p.type.startsWith("tool-") && p.toolCallId)
        .map((p) => ({ tool: p.type.slice(5), input: (p.input ?? {}) as Record<string, unknown> }) as ToolCall);
      const text = finalParts
        .filter((p) => p.type === "text")
        .map((p) => p.text ?? "")
        .join("\n")
        .trim();
      out.push({ tasks, calls, reply: text, ...(error ? { error } : {}) });
    }
    return out;
  }

  return {
    run,
    close: async () => {
      clockOffset = 0;
      await handle.close();
    },
  };
}
