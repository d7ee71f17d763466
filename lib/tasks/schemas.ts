// Tool and UI inputs of the task service: the contract of shared/agent-eval/README.md.
// Defined once; the agent's tools and the UI's server actions both parse with these.
import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/validation";
import { parseDue } from "./dates";
import { PRIORITIES } from "./priorities";

export { PRIORITIES } from "./priorities";
export const priority = z.enum(PRIORITIES, { error: "Priority must be low, medium or high." });

export const title = z
  .string({ error: "A task needs a title." })
  .refine(hasNoNul, NUL_MESSAGE)
  .trim()
  .min(1, "A task needs a title.")
  .max(200, "Task titles can be at most 200 characters.");

export const description = z.string().refine(hasNoNul, NUL_MESSAGE).trim().max(2000, "Notes can be at most 2,000 characters.");

const tag = z
  .string()
  .refine(hasNoNul, NUL_MESSAGE)
  .trim()
  .transform((t) => t.replace(/^#+/, "").trim().toLowerCase())
  .pipe(z.string().min(1, "Tags cannot be empty.").max(50, "Tags can be at most 50 characters."));
const tags = z.array(tag).max(20, "A task can have at most 20 tags.");

/** A due date as the contract gives it: a bare ISO date, or a date-time (with offset, or read in the user's zone). */
export const dueDate = z
  .string()
  .refine(hasNoNul, NUL_MESSAGE)
  .trim()
  .refine((s) => parseDue(s, "UTC") !== null, { error: (i) => `"${String(i.input)}" is not a date I can use. Give a real date such as 2026-03-14 or 2026-03-14T17:00.` });

/** A task's number, or text that names exactly one task. Models sometimes send "#3" or "3". */
export const taskRef = z.union([
  z.number().int("Task numbers are whole numbers.").positive("Task numbers start at 1."),
  z.string().refine(hasNoNul, NUL_MESSAGE).trim().min(1, "Say which task.").max(200, "That task reference is too long."),
]);

export const addTaskInput = z.strictObject({
  title,
  description: description.optional(),
  dueDate: dueDate.optional(),
  priority: priority.optional(),
  tags: tags.optional(),
});

export const DUE_BUCKETS = ["overdue", "today", "tomorrow", "this_week", "next_week"] as const;

export const listTasksInput = z.strictObject({
  status: z.enum(["pending", "completed", "all"], { error: "Status must be pending, completed or all." }).optional(),
  priority: priority.optional(),
  due: z.enum(DUE_BUCKETS, { error: "due must be overdue, today, tomorrow, this_week or next_week." }).optional(),
  dueBefore: dueDate.optional(),
  dueAfter: dueDate.optional(),
  tag: tag.optional(),
  search: z.string().refine(hasNoNul, NUL_MESSAGE).trim().max(200).optional(),
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
});

export const deleteTaskInput = z.strictObject({ task: taskRef });
export const restoreTaskInput = deleteTaskInput;

export const undoOperationInput = z.strictObject({ operationId: z.uuid("That is not an operation id.").optional() });

export type AddTaskInput = z.input<typeof addTaskInput>;
export type ListTasksInput = z.input<typeof listTasksInput>;
export type CompleteTaskInput = z.input<typeof completeTaskInput>;
export type UpdateTaskInput = z.input<typeof updateTaskInput>;
export type DeleteTaskInput = z.input<typeof deleteTaskInput>;
export type UndoOperationInput = z.input<typeof undoOperationInput>;
