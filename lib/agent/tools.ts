// The agent's tools: thin wrappers over the task service. The model never names the user: every
// call acts for the signed-in user in `ctx`. Input shapes are the contract of
// shared/agent-eval/README.md; the service validates (so a model's bad input becomes a clear
// tool error and a failed log row, not a silent SDK rejection).
import { jsonSchema, tool, type ToolSet } from "ai";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import * as service from "@/lib/tasks/service";
import {
  addTaskInput,
  completeTaskInput,
  deleteTaskInput,
  listTasksInput,
  undoOperationInput,
  updateTaskInput,
} from "@/lib/tasks/schemas";
import type { OperationContext, ToolResult } from "@/lib/tasks/types";

/** The JSON schema the model sees, from the one zod schema; values pass to the service as sent. */
function contract(schema: z.ZodType) {
  return jsonSchema<Record<string, unknown>>(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as never, {
    validate: (value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? { success: true, value: value as Record<string, unknown> }
        : { success: false, error: new Error("Tool input must be a JSON object.") },
  });
}

type Run = (db: Db, ctx: OperationContext, input: never) => Promise<ToolResult>;

const TOOLS: Record<string, { description: string; schema: z.ZodType; run: Run }> = {
  add_task: {
    description:
      "Add one task. Call once per task when the user names several. dueDate: ISO 8601 — a bare date (2026-03-14) when no time was named, else a date-time with offset. Only set fields the user expressed.",
    schema: addTaskInput,
    run: service.addTask as Run,
  },
  list_tasks: {
    description: "List the user's tasks, optionally filtered. Without status it lists all tasks (pending first).",
    schema: listTasksInput,
    run: service.listTasks as Run,
  },
  complete_task: {
    description: "Mark one task done (completed: false reopens it). task: its number, or text naming exactly one task.",
    schema: completeTaskInput,
    run: service.completeTask as Run,
  },
  update_task: {
    description: "Change one task's title, description, due date (null clears it), priority or tags. task: its number, or text naming exactly one task.",
    schema: updateTaskInput,
    run: service.updateTask as Run,
  },
  delete_task: {
    description: "Delete one task (it can be undone). task: its number, or text naming exactly one task.",
    schema: deleteTaskInput,
    run: service.deleteTask as Run,
  },
  undo_operation: {
    description: "Undo an earlier change. Without operationId: the latest change in this conversation.",
    schema: undoOperationInput,
    run: service.undoOperation as Run,
  },
};

export const TOOL_NAMES = Object.keys(TOOLS);
/** Tools that change a task: several of these in one step need the user's approval. */
export const CHANGING_TOOLS = new Set(["complete_task", "update_task", "delete_task"]);

export type ToolDeps = {
  db: Db;
  ctx: OperationContext;
  /** Tool call ids the user approved in this request (recorded on their log rows). */
  approved?: Set<string>;
};

/**
 * The operation log's idempotency key for a tool call: the call id within its user message. A
 * re-sent or approved call of the same message replays; an OpenAI-compatible server that
 * numbers calls per response ("call_0") cannot make another message's call look like a replay.
 */
export function operationKey(messageId: string | null | undefined, toolCallId: string): string {
  return messageId ? `${messageId}:${toolCallId}` : toolCallId;
}

export function buildTools({ db, ctx, approved }: ToolDeps): ToolSet {
  return Object.fromEntries(
    Object.entries(TOOLS).map(([name, t]) => [
      name,
      tool({
        description: t.description,
        inputSchema: contract(t.schema),
        execute: (input: Record<string, unknown>, { toolCallId }: { toolCallId: string }) =>
          t.run(db, { ...ctx, toolCallId: operationKey(ctx.messageId, toolCallId), approval: approved?.has(toolCallId) ? "approved" : null }, input as never),
      }),
    ]),
  );
}
