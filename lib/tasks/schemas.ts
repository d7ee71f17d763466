// Tool and UI inputs of the task service: the contract of docs/agent-contract.md.
// Defined once; the agent's tools and the UI's server actions both parse with these.
import "server-only";
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT } from "@/lib/validation";
import { parseDue } from "./dates";
import { TASK_LIST_VIEWS } from "./list-views";
import { PRIORITIES } from "./priorities";
import { normalizeRepeat } from "./repeat";

export { PRIORITIES } from "./priorities";
export const priority = z.enum(PRIORITIES, { error: "Priority must be low, medium or high." });

export const title = z
  .string({ error: "A task needs a title." })
  .refine(isStorableText, UNSTORABLE_TEXT)
  .trim()
  .min(1, "A task needs a title.")
  .max(200, "Task titles can be at most 200 characters.");

export const description = z
  .string()
  .refine(isStorableText, UNSTORABLE_TEXT)
  .trim()
  .max(2000, "Notes can be at most 2,000 characters.");

const tag = z
  .string()
  .refine(isStorableText, UNSTORABLE_TEXT)
  .trim()
  .transform((t) => t.replace(/^#+/, "").trim().toLowerCase())
  .pipe(z.string().min(1, "Tags cannot be empty.").max(50, "Tags can be at most 50 characters."));
const tags = z.array(tag).max(20, "A task can have at most 20 tags.");

/** A due date as the contract gives it: a bare ISO date, or a date-time (with offset, or read in the user's zone). */
export const dueDate = z
  .string()
  .refine(isStorableText, UNSTORABLE_TEXT)
  .trim()
  .refine((s) => parseDue(s, "UTC") !== null, {
    error: (i) =>
      `"${String(i.input)}" is not a date I can use. Give a real date such as 2026-03-14 or 2026-03-14T17:00.`,
  });

/** A recurrence rule (contract v2): RFC 5545 without "RRULE:", e.g. FREQ=WEEKLY;BYDAY=MO. Stored canonical. */
export const repeat = z
  .string()
  .refine(isStorableText, UNSTORABLE_TEXT)
  .max(500, "That repeat rule is too long.")
  .transform((s, ctx) => {
    const rule = normalizeRepeat(s);
    if (!rule)
      ctx.addIssue({
        code: "custom",
        message: `"${s.slice(0, 80)}" is not a repeat rule I can use. Give one such as FREQ=WEEKLY;BYDAY=MO or FREQ=DAILY.`,
      });
    return rule ?? "";
  });

/** An explicit reminder moment (contract v2), as a due date is given. */
export const remindAt = dueDate;

/** Task numbers are stored as PostgreSQL integers: anything larger cannot name a task. */
export const MAX_TASK_NUMBER = 2_147_483_647;

/** A task's number, or text that names exactly one task. Models sometimes send "#3" or "3". */
export const taskRef = z.union([
  z
    .number()
    .int("Task numbers are whole numbers.")
    .min(1, "Task numbers start at 1.")
    .max(MAX_TASK_NUMBER, `There is no task with a number that large (at most ${MAX_TASK_NUMBER}).`),
  z
    .string()
    .refine(isStorableText, UNSTORABLE_TEXT)
    .trim()
    .min(1, "Say which task.")
    .max(200, "That task reference is too long."),
]);

export const addTaskInput = z.strictObject({
  title,
  description: description.optional(),
  dueDate: dueDate.optional(),
  priority: priority.optional(),
  tags: tags.optional(),
  repeat: repeat.optional(),
  remindAt: remindAt.optional(),
});

export const DUE_BUCKETS = ["overdue", "today", "tomorrow", "this_week", "next_week"] as const;

export const listTasksInput = z.strictObject({
  status: z.enum(["pending", "completed", "all"], { error: "Status must be pending, completed or all." }).optional(),
  priority: priority.optional(),
  due: z.enum(DUE_BUCKETS, { error: "due must be overdue, today, tomorrow, this_week or next_week." }).optional(),
  dueBefore: dueDate.optional(),
  dueAfter: dueDate.optional(),
  /** When tasks were completed, each day inclusive; either implies completed tasks. */
  completedAfter: dueDate.optional(),
  completedBefore: dueDate.optional(),
  tag: tag.optional(),
  search: z.string().refine(isStorableText, UNSTORABLE_TEXT).trim().max(200).optional(),
});

export const completeTaskInput = z.strictObject({ task: taskRef, completed: z.boolean().optional() });

export const updateTaskInput = z.strictObject({
  task: taskRef,
  title: title.optional(),
  description: description.nullable().optional(),
  dueDate: dueDate.nullable().optional(),
  priority: priority.optional(),
  addTags: tags.optional(),
  removeTags: tags.optional(),
  repeat: repeat.nullable().optional(),
  remindAt: remindAt.nullable().optional(),
});

export const deleteTaskInput = z.strictObject({ task: taskRef });
export const restoreTaskInput = deleteTaskInput;

/** The task panel's view (lib/tasks/list-views.ts). */
export const taskListView = z.enum(TASK_LIST_VIEWS, {
  error: `view must be ${TASK_LIST_VIEWS.slice(0, -1).join(", ")} or ${TASK_LIST_VIEWS.at(-1)}.`,
});

/** One line typed into the panel's quick-add field, read as the chat reads an add. */
export const quickAddInput = z
  .string({ error: "Type a task to add." })
  .refine(isStorableText, UNSTORABLE_TEXT)
  .trim()
  .min(1, "Type a task to add.")
  .max(500, "That is too long for one task: at most 500 characters.");

/** The deleted tasks to remove for good: the ones the Trash showed when the user confirmed. */
export const emptyTrashInput = z.strictObject({
  tasks: z
    .array(
      z
        .number()
        .int("Task numbers are whole numbers.")
        .min(1, "Task numbers start at 1.")
        .max(MAX_TASK_NUMBER, "There is no task with a number that large."),
    )
    .min(1, "The trash is already empty.")
    .max(1000, "At most 1,000 tasks can be removed at once."),
});

export const undoOperationInput = z.strictObject({ operationId: z.uuid("That is not an operation id.").optional() });

export type AddTaskInput = z.input<typeof addTaskInput>;
export type ListTasksInput = z.input<typeof listTasksInput>;
export type CompleteTaskInput = z.input<typeof completeTaskInput>;
export type UpdateTaskInput = z.input<typeof updateTaskInput>;
export type DeleteTaskInput = z.input<typeof deleteTaskInput>;
export type UndoOperationInput = z.input<typeof undoOperationInput>;
export type EmptyTrashInput = z.input<typeof emptyTrashInput>;
