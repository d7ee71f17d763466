// The task agent for one chat request: the chosen model (wrapped so bulk changes wait for
// approval), the task tools bound to the signed-in user, and the system prompt.
import { createHmac } from "node:crypto";
import { isStepCount, ToolLoopAgent, wrapLanguageModel } from "ai";
import type { Db } from "@/lib/db/client";
import { authSecret } from "@/lib/auth/secret";
import type { OperationContext } from "@/lib/tasks/types";
import { findTask } from "@/lib/tasks/find";
import type { Tx } from "@/lib/tasks/log";
import { bulkApproval } from "./approval";
import { instructions } from "./instructions";
import type { OfflineDeps } from "./offline-model";
import { createModel } from "./provider";
import { buildTools } from "./tools";

/** Tool calls, then a reply; a little room for a model that lists before it acts. */
export const MAX_STEPS = 5;

export type AgentDeps = {
  db: Db;
  ctx: OperationContext & { timeZone: string };
  userName: string;
  now: Date;
  offline: Omit<OfflineDeps, "now" | "timeZone">;
  approved?: Set<string>;
};

/** Approvals are signed, so a client cannot approve a change the server never asked about. */
function approvalSecret(): string {
  return createHmac("sha256", authSecret() ?? "doable-build").update("tool-approval").digest("base64url");
}

export function createTaskAgent({ db, ctx, userName, now, offline, approved }: AgentDeps) {
  const { model, info } = createModel({ ...offline, now: () => now, timeZone: ctx.timeZone });
  const bulk = bulkApproval(async ({ toolName, input }) => {
    const ref = (input as { task?: unknown } | null)?.task;
    if (typeof ref !== "number" && typeof ref !== "string") return undefined;
    const found = await findTask(db as unknown as Tx, ctx.userId, ref);
    if (!found.ok) return undefined;
    const name = `#${found.task.number} ${found.task.title}`;
    if (toolName === "delete_task") return `Delete ${name}`;
    if (toolName === "complete_task") return (input as { completed?: boolean }).completed === false ? `Reopen ${name}` : `Complete ${name}`;
    return `Change ${name}`;
  });
  const agent = new ToolLoopAgent({
    model: wrapLanguageModel({ model, middleware: bulk.middleware }),
    instructions: instructions({ now, timeZone: ctx.timeZone, userName }),
    tools: buildTools({ db, ctx, approved }),
    toolApproval: bulk.toolApproval,
    experimental_toolApprovalSecret: approvalSecret(),
    stopWhen: isStepCount(MAX_STEPS),
    // One at a time, in the order the model called them: "add A, B and C" numbers them A, B, C.
    toolCallConcurrency: 1,
    maxRetries: 1,
  });
  return { agent, info };
}
