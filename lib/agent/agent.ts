// The task agent for one chat request: the chosen model (wrapped so bulk changes wait for
// approval), the task tools bound to the signed-in user, and the system prompt.
import { createHmac } from "node:crypto";
import { isStepCount, ToolLoopAgent, wrapLanguageModel, type ToolSet } from "ai";
import type { Db } from "@/lib/db/client";
import { authSecret } from "@/lib/auth/secret";
import type { OperationContext } from "@/lib/tasks/types";
import { findTask } from "@/lib/tasks/find";
import type { Tx } from "@/lib/tasks/log";
import { bulkApproval, describeChange } from "./approval";
import { finalAnswerMiddleware } from "./final-answer";
import { instructions } from "./instructions";
import type { OfflineDeps } from "./offline-model";
import { createModel } from "./provider";
import { buildTools, type ToolDeps } from "./tools";

/** Tool calls, then a reply; a little room for a model that lists before it acts. */
export const MAX_STEPS = 5;

export type AgentDeps = {
  db: Db;
  ctx: OperationContext & { timeZone: string };
  userName: string;
  now: Date;
  offline: Omit<OfflineDeps, "now" | "timeZone">;
  approved?: Set<string>;
  onToolRun?: ToolDeps["onRun"];
};

/** Approvals are signed, so a client cannot approve a change the server never asked about. */
function approvalSecret(): string {
  return createHmac("sha256", authSecret() ?? "doable-build")
    .update("tool-approval")
    .digest("base64url");
}

export function createTaskAgent({ db, ctx, userName, now, offline, approved, onToolRun }: AgentDeps) {
  const bulk = bulkApproval(async ({ toolName, input }) => {
    const ref = (input as { task?: unknown } | null)?.task;
    if (typeof ref !== "number" && typeof ref !== "string") return undefined;
    const found = await findTask(db as unknown as Tx, ctx.userId, ref);
    if (!found.ok) return undefined;
    return describeChange(toolName, input, found.task, { timeZone: ctx.timeZone, now });
  });
  const { model, info, replyInStep } = createModel({
    ...offline,
    now: () => now,
    timeZone: ctx.timeZone,
    onStepCalls: bulk.markStep,
  });
  // The agent answers stored conversations, whose tool parts are plain JSON: it sees the tools as a
  // ToolSet; the typed contract (DoableTools) is for the tools themselves and the chat's cards.
  const tools: ToolSet = buildTools({ db, ctx, approved, onRun: onToolRun });
  const agent = new ToolLoopAgent({
    // Outermost first: every turn ends in words (final-answer.ts), then bulk approval. The offline
    // model needs neither: it always answers in words or calls, and tells bulk approval a step's
    // calls before it streams them (each middleware is a web stream per step, costly on Node 20).
    model:
      info.provider === "offline"
        ? model
        : wrapLanguageModel({ model, middleware: [finalAnswerMiddleware(), bulk.middleware] }),
    // The offline model does not read a system prompt: none is written for it.
    ...(info.provider === "offline" ? {} : { instructions: instructions({ now, timeZone: ctx.timeZone, userName }) }),
    tools,
    toolApproval: bulk.toolApproval,
    experimental_toolApprovalSecret: approvalSecret(),
    // The offline model's reply written right after its tools' step (offline-model.ts) ends the turn.
    stopWhen: replyInStep ? [isStepCount(MAX_STEPS), replyInStep.replied] : isStepCount(MAX_STEPS),
    // The last allowed step must answer in words: no more tools (a model stuck calling a tool
    // every step would otherwise end the turn with no text at all).
    prepareStep: ({ stepNumber }) => (stepNumber >= MAX_STEPS - 1 ? { toolChoice: "none" } : undefined),
    // Responses API: Doable replays history from its own database, so nothing is stored on the
    // model server and no message refers to a server-side item (OpenAI-compatible servers have none).
    ...(info.api === "responses" ? { providerOptions: { openai: { store: false } } } : {}),
    // Never fetch a URL for a user: the chat accepts only text (lib/chat/parts.ts), and should
    // a URL part reach the model anyway, it is refused here rather than downloaded.
    experimental_download: async (files) => {
      if (files.length > 0) throw new Error(`Doable does not download files (${files.length} asked).`);
      return [];
    },
    // One at a time, in the order the model called them: "add A, B and C" numbers them A, B, C.
    toolCallConcurrency: 1,
    maxRetries: 1,
  });
  return { agent, info, replyInStep };
}
