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

/** What each field means, for the model: the JSON schema's field descriptions (per tool where it differs). */
const DUE = "ISO 8601: a bare date (2026-03-14) when the user named no time, else a date-time with the user's UTC offset (2026-03-14T17:00:00+01:00).";
const FIELD_DOCS: Record<string, string> = {
  title: "The task itself in the user's words, without the date, time, priority or tags.",
  description: "Longer notes, only when the user gave details beyond the title.",
  dueDate: `When the task is due. ${DUE}`,
  priority: "low, medium or high; only when the user expressed how important it is.",
  tags: "Tag names without '#', e.g. [\"work\"].",
  addTags: "Tag names to add, without '#'.",
  removeTags: "Tag names to remove, without '#'.",
  task: "Which task: its number (3), or text naming exactly one of the user's tasks.",
  completed: "Leave out to mark the task done; false reopens a completed task.",
  status: "pending (open), completed or all; leave out for all tasks, open ones first.",
  due: "Tasks due in this period of the user's calendar: overdue, today, tomorrow, this_week or next_week.",
  dueBefore: `Tasks due on or before this day. ${DUE}`,
  dueAfter: `Tasks due after this day. ${DUE}`,
  completedAfter: "Tasks completed on or after this day (ISO date).",
  completedBefore: "Tasks completed on or before this day (ISO date).",
  tag: "Only tasks with this tag (without '#').",
  search: "Words to look for in titles and notes.",
  repeat: "A recurrence rule in RFC 5545 form without 'RRULE:' (FREQ=WEEKLY;BYDAY=MO); dueDate is then the first occurrence.",
  remindAt: "When to remind the user, only if they asked for a reminder at a particular moment. " + DUE,
  operationId: "The operationId of a change, from that change's tool result. Leave out to undo the latest change in this conversation.",
};
const UPDATE_DOCS: Record<string, string> = {
  title: "The new title.",
  description: "New notes; null removes them.",
  dueDate: `The new due date; null removes it. Keep the task's time of day when only the day changes. ${DUE}`,
  repeat: "A new recurrence rule (RFC 5545, without 'RRULE:'); null stops the task repeating.",
  remindAt: "A new reminder moment; null removes it. " + DUE,
};

/** The same zod object with every documented field `.describe()`d (validation stays the service's). */
function documented(schema: z.ZodType, docs: Record<string, string>): z.ZodType {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return schema;
  return z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, docs[k] ?? FIELD_DOCS[k] ? v.describe(docs[k] ?? FIELD_DOCS[k]!) : v])));
}

/** The JSON schema the model sees, from the one zod schema; values pass to the service as sent. */
function contract(schema: z.ZodType, docs: Record<string, string> = {}) {
  return jsonSchema<Record<string, unknown>>(z.toJSONSchema(documented(schema, docs), { io: "input", unrepresentable: "any" }) as never, {
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

export type ToolRun = { toolCallId: string; toolName: string; input: unknown; run: Promise<ToolResult> };

export type ToolDeps = {
  db: Db;
  ctx: OperationContext;
  /** Tool call ids the user approved in this request (recorded on their log rows). */
  approved?: Set<string>;
  /** Told of every tool run as it starts: a stopped turn waits for them and stores what they did. */
  onRun?: (call: ToolRun) => void;
};

/**
 * The operation log's idempotency key for a tool call: the call id within its user message. A
 * re-sent or approved call of the same message replays; an OpenAI-compatible server that
 * numbers calls per response ("call_0") cannot make another message's call look like a replay.
 */
export function operationKey(messageId: string | null | undefined, toolCallId: string): string {
  return messageId ? `${messageId}:${toolCallId}` : toolCallId;
}

export function buildTools({ db, ctx, approved, onRun }: ToolDeps): ToolSet {
  return Object.fromEntries(
    Object.entries(TOOLS).map(([name, t]) => [
      name,
      tool({
        description: t.description,
        inputSchema: contract(t.schema, name === "update_task" ? UPDATE_DOCS : {}),
        execute: (input: Record<string, unknown>, { toolCallId }: { toolCallId: string }) => {
          const run = t.run(db, { ...ctx, toolCallId: operationKey(ctx.messageId, toolCallId), approval: approved?.has(toolCallId) ? "approved" : null }, input as never);
          onRun?.({ toolCallId, toolName: name, input, run });
          return run;
        },
      }),
    ]),
  );
}
