// A tool call with no outcome in a stored reply breaks the conversation for good: every model
// call after it fails with AI_MissingToolResultsError, and the browser shows a spinner forever.
// A stopped turn gives each of its calls an outcome before it is saved (what the tool did, or
// that it never ran), and replies stored that way before are repaired when they are read,
// from the operation log (the record of what ran).
import "server-only";
import type { UIMessage } from "ai";
import type { Db } from "@/lib/db/client";
import { operationKey } from "@/lib/agent/tools";
import type { ToolResult } from "@/lib/tasks/types";

export const NOT_RUN = "Stopped before this change was made, so nothing was changed.";
export const NOT_ANSWERED = "This change was never approved, so nothing was changed.";

type ToolPart = {
  type: string;
  toolCallId: string;
  state: string;
  input?: unknown;
  output?: unknown;
  errorText?: string;
  approval?: { approved?: boolean };
};

const isToolPart = (p: { type: string }): p is ToolPart =>
  (p.type.startsWith("tool-") || p.type === "dynamic-tool") && typeof (p as ToolPart).toolCallId === "string";

/** Waiting for a tool to run (or still streaming its input): no outcome yet. */
const RUNNING = new Set(["input-streaming", "input-available"]);

/** A tool call that ran in this turn, with what it returned. */
export type ToolOutcome = { toolCallId: string; toolName: string; input: unknown; output: ToolResult };

/**
 * An outcome for every call in `parts` that has none, from what the tools returned (`ran`).
 * A call that ran but never reached the stream (stopped in between) is added to the reply.
 */
export function settleToolParts<P extends { type: string }>(
  parts: P[],
  ran: ReadonlyMap<string, ToolOutcome | { output: ToolResult }>,
  opts: { awaitingApproval: boolean },
): P[] {
  let changed = false;
  const settled = parts.map((p) => {
    if (!isToolPart(p)) return p;
    const answered = p.state === "approval-responded";
    if (!RUNNING.has(p.state) && !answered && !(p.state === "approval-requested" && !opts.awaitingApproval)) return p;
    const outcome = ran.get(p.toolCallId);
    changed = true;
    if (outcome)
      return {
        ...p,
        state: "output-available",
        input: p.input ?? ("input" in outcome ? outcome.input : {}),
        output: outcome.output,
      };
    if (answered && p.approval?.approved === false) return { ...p, state: "output-denied" };
    const { approval, ...rest } = p;
    const kept = approval?.approved === true ? { approval } : {};
    return {
      ...rest,
      ...kept,
      input: p.input ?? {},
      state: "output-error",
      errorText: p.state === "approval-requested" ? NOT_ANSWERED : NOT_RUN,
    };
  });
  const shown = new Set((parts as { type: string }[]).filter(isToolPart).map((p) => p.toolCallId));
  const unseen = [...ran.values()].filter((o): o is ToolOutcome => "toolName" in o && !shown.has(o.toolCallId));
  if (!changed && unseen.length === 0) return parts;
  const added = unseen.map((o) => ({
    type: `tool-${o.toolName}`,
    toolCallId: o.toolCallId,
    state: "output-available",
    input: o.input,
    output: o.output,
  }));
  return [...settled, ...added] as P[];
}

type Stored = UIMessage & { replyToId?: string | null };

function needsRepair(message: Stored, isLast: boolean): boolean {
  if (message.role !== "assistant") return false;
  return (message.parts as { type: string }[]).some(
    (p) =>
      isToolPart(p) &&
      (RUNNING.has(p.state) || (!isLast && (p.state === "approval-requested" || p.state === "approval-responded"))),
  );
}

/**
 * Stored replies with calls that never got an outcome, settled from the operation log (one
 * query, only when there is such a reply) and saved back. The conversation's last message may
 * still be waiting for its approvals; earlier ones were left unanswered.
 */
export async function repairDanglingTools<M extends Stored>(
  db: Db,
  userId: string,
  messages: M[],
  { endsConversation = true } = {},
): Promise<M[]> {
  const awaiting = (i: number) => endsConversation && i === messages.length - 1;
  const broken = messages.flatMap((m, i) => (needsRepair(m, awaiting(i)) ? [{ m, i }] : []));
  if (broken.length === 0) return messages;
  const keys = broken.flatMap(({ m }) => {
    return (m.parts as { type: string }[]).filter(isToolPart).map((p) => operationKey(m.replyToId, p.toolCallId));
  });
  const rows = await db.taskOperationLog.findMany({
    where: { userId, toolCallId: { in: keys }, status: { in: ["success", "failed"] } },
    select: { toolCallId: true, result: true },
  });
  const results = new Map(rows.map((r) => [r.toolCallId, { output: r.result as ToolResult }]));
  const repaired = [...messages];
  for (const { m, i } of broken) {
    const byCall = new Map(
      (m.parts as { type: string }[]).filter(isToolPart).flatMap((p) => {
        const found = results.get(operationKey(m.replyToId, p.toolCallId));
        return found ? [[p.toolCallId, found] as const] : [];
      }),
    );
    const parts = settleToolParts(m.parts as ToolPart[], byCall, { awaitingApproval: awaiting(i) });
    repaired[i] = { ...m, parts: parts as UIMessage["parts"] };
    await db.message.updateMany({
      where: { id: m.id, userId, role: "assistant" },
      data: { parts: JSON.parse(JSON.stringify(parts)) },
    });
  }
  return repaired;
}
