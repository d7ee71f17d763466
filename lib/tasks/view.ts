// A task row → the shapes the tools, the UI and the operation log use.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { dueString } from "./dates";
import { repeatInWords } from "./repeat";
import type { TaskSnapshot, TaskView } from "./types";

export const taskWithTags = { tags: { select: { tag: { select: { name: true } } } } } satisfies Prisma.TaskInclude;
export type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskWithTags }>;

export function tagNames(task: TaskRow): string[] {
  return task.tags.map((t) => t.tag.name).sort();
}

export function toView(task: TaskRow): TaskView {
  return {
    number: task.number,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    dueDate: dueString(task.dueDate, task.dueAllDay),
    dueAllDay: task.dueAllDay,
    tags: tagNames(task),
    completedAt: task.completedAt?.toISOString() ?? null,
    repeat: task.repeat,
    repeatText: task.repeat ? repeatInWords(task.repeat) : null,
    remindAt: task.remindAt?.toISOString() ?? null,
  };
}

/** What the interpreter reads about a task. */
export function toSnapshot(task: TaskRow): TaskSnapshot {
  const v = toView(task);
  return { number: v.number, title: v.title, status: v.status, priority: v.priority, dueDate: v.dueDate, tags: v.tags };
}

/** The before-state kept in the log: everything an undo needs to put back. */
export type BeforeState = {
  id: string;
  number: number;
  title: string;
  description: string | null;
  status: "pending" | "completed";
  priority: "low" | "medium" | "high";
  dueDate: string | null;
  dueAllDay: boolean;
  completedAt: string | null;
  deletedAt: string | null;
  tags: string[];
  updatedAt: string;
  /** Absent in rows logged before repeats and reminders existed. */
  repeat?: string | null;
  remindAt?: string | null;
};

export function toBefore(task: TaskRow): BeforeState {
  return {
    id: task.id,
    number: task.number,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    dueDate: task.dueDate?.toISOString() ?? null,
    dueAllDay: task.dueAllDay,
    completedAt: task.completedAt?.toISOString() ?? null,
    deletedAt: task.deletedAt?.toISOString() ?? null,
    tags: tagNames(task),
    updatedAt: task.updatedAt.toISOString(),
    repeat: task.repeat,
    remindAt: task.remindAt?.toISOString() ?? null,
  };
}
