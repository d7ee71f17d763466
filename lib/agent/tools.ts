// The agent's tools: thin wrappers over the task service. The model never names the user: every
// call acts for the signed-in user in `ctx`. Input shapes are the contract of
// docs/agent-contract.md; the service validates (so a model's bad input becomes a clear
// tool error and a failed log row, not a silent SDK rejection).
import { jsonSchema, tool, type FlexibleSchema, type InferUITools, type JSONSchema7, type Tool } from "ai";
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
  type AddTaskInput,
  type CompleteTaskInput,
  type DeleteTaskInput,
  type ListTasksInput,
  type UndoOperationInput,
  type UpdateTaskInput,
} from "@/lib/tasks/schemas";
import type { OperationContext, ToolResult } from "@/lib/tasks/types";

/** What each field means, for the model: the JSON schema's field descriptions (per tool where it differs). */
const DUE =
  "ISO 8601: a bare date (2026-03-14) when the user named no time, else a date-time with the user's UTC offset (2026-03-14T17:00:00+01:00).";
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
  status: "pending (open), completed or all; leave out for open tasks (a search without it looks at all).",
  due: "Tasks due in this period of the user's calendar: overdue, today, tomorrow, this_week or next_week.",
  dueBefore: `Tasks due on or before this day. ${DUE}`,
  dueAfter: `Tasks due on or after this day. ${DUE}`,
  completedAfter: "Tasks completed on or after this day (ISO date).",
  completedBefore: "Tasks completed on or before this day (ISO date).",
  tag: "Only tasks with this tag (without '#').",
  search: "Words to look for in titles and notes.",
  repeat:
    "A recurrence rule in RFC 5545 form without 'RRULE:' (FREQ=WEEKLY;BYDAY=MO); dueDate is then the first occurrence.",
  remindAt: `When to remind the user, only if they asked for a reminder at a particular moment. ${DUE}`,
  operationId:
    "The operationId of a change, from that change's tool result. Leave out to undo the latest change in this conversation.",
};
const UPDATE_DOCS: Record<string, string> = {
  title: "The new title.",
  description: "New notes; null removes them.",
  dueDate: `The new due date; null removes it. Keep the task's time of day when only the day changes. ${DUE}`,
  repeat: "A new recurrence rule (RFC 5545, without 'RRULE:'); null stops the task repeating.",
  remindAt: `A new reminder moment; null removes it. ${DUE}`,
};

/** The same zod object with every documented field `.describe()`d (validation stays the service's). */
function documented(schema: z.ZodObject, docs: Record<string, string>): z.ZodObject {
  const described = Object.entries(schema.shape).map(([k, v]) => {
    const doc = docs[k] ?? FIELD_DOCS[k];
    return [k, doc ? v.describe(doc) : v] as const;
  });
  return z.strictObject(Object.fromEntries(described));
}

/**
 * The JSON schema the model sees, from the one zod schema, converted once per process. Input is
 * typed as the schema's input but passed to the service as sent: the service validates, so a
 * model's bad input becomes a tool error and a failed log row.
 */
function contract<S extends z.ZodObject>(schema: S, docs: Record<string, string> = {}) {
  const json = z.toJSONSchema(documented(schema, docs), { io: "input", unrepresentable: "any" }) as JSONSchema7;
  return jsonSchema<z.input<S>>(json, {
    validate: (value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? { success: true, value: value as z.input<S> }
        : { success: false, error: new Error("Tool input must be a JSON object.") },
  });
}

type Run<I> = (db: Db, ctx: OperationContext, input: I) => Promise<ToolResult>;
type Spec<I> = { description: string; inputSchema: FlexibleSchema<I>; run: Run<I> };

function spec<S extends z.ZodObject>(
  description: string,
  schema: S,
  run: Run<z.input<S>>,
  docs?: Record<string, string>,
): Spec<z.input<S>> {
  return { description, inputSchema: contract(schema, docs), run };
}

type Inputs = {
  add_task: AddTaskInput;
  list_tasks: ListTasksInput;
  complete_task: CompleteTaskInput;
  update_task: UpdateTaskInput;
  delete_task: DeleteTaskInput;
  undo_operation: UndoOperationInput;
};
export type ToolName = keyof Inputs;

// Built once per process: descriptions and JSON schemas. A request only binds them to its user.
const SPECS: { [N in ToolName]: Spec<Inputs[N]> } = {
  add_task: spec(
    "Add one task. Call once per task when the user names several. dueDate: ISO 8601 — a bare date (2026-03-14) when no time was named, else a date-time with offset. Only set fields the user expressed.",
    addTaskInput,
    service.addTask,
  ),
  list_tasks: spec(
    "List the user's tasks, optionally filtered. Without status it lists open tasks; with search and no status, all tasks.",
    listTasksInput,
    (db, ctx, input) => service.listTasks(db, ctx, input),
  ),
  complete_task: spec(
    "Mark one task done (completed: false reopens it). task: its number, or text naming exactly one task.",
    completeTaskInput,
    service.completeTask,
  ),
  update_task: spec(
    "Change one task's title, description, due date (null clears it), priority or tags. task: its number, or text naming exactly one task.",
    updateTaskInput,
    service.updateTask,
    UPDATE_DOCS,
  ),
  delete_task: spec(
    "Delete one task (it can be undone). task: its number, or text naming exactly one task.",
    deleteTaskInput,
    service.deleteTask,
  ),
  undo_operation: spec(
    "Undo an earlier change. Without operationId: the latest change in this conversation.",
    undoOperationInput,
    (db, ctx, input) => service.undoOperation(db, ctx, input),
  ),
};

/** The agent's tools as the AI SDK sees them: typed input, the service's result as output. */
export type DoableTools = { [N in ToolName]: Tool<Inputs[N], ToolResult> };
/** The same tools as they appear in UI messages (`tool-add_task` parts with typed input and output). */
export type DoableUITools = InferUITools<DoableTools>;

/** Tools that change a task: several of these in one step need the user's approval. */
export const CHANGING_TOOLS: ReadonlySet<string> = new Set<ToolName>(["complete_task", "update_task", "delete_task"]);

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

function bind<N extends ToolName>(name: N, { db, ctx, approved, onRun }: ToolDeps): Tool<Inputs[N], ToolResult> {
  const { description, inputSchema, run }: Spec<Inputs[N]> = SPECS[name];
  return tool({
    description,
    inputSchema,
    execute: (input, { toolCallId }) => {
      const operation = {
        ...ctx,
        toolCallId: operationKey(ctx.messageId, toolCallId),
        approval: approved?.has(toolCallId) ? ("approved" as const) : null,
      };
      const result = run(db, operation, input);
      onRun?.({ toolCallId, toolName: name, input, run: result });
      return result;
    },
  });
}

export function buildTools(deps: ToolDeps): DoableTools {
  return {
    add_task: bind("add_task", deps),
    list_tasks: bind("list_tasks", deps),
    complete_task: bind("complete_task", deps),
    update_task: bind("update_task", deps),
    delete_task: bind("delete_task", deps),
    undo_operation: bind("undo_operation", deps),
  };
}
