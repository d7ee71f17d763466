"use client";

import { useState } from "react";
import { PencilIcon, TrashIcon } from "@/components/ui/icons";
import type { UpdateTaskInput } from "@/lib/tasks/schemas";
import type { TaskView } from "@/lib/tasks/types";
import { dueState, formatDue } from "./due";
import { TaskEditForm } from "./task-edit-form";
import { TagPills } from "@/components/tasks/tag-pills";

type Props = {
  task: TaskView;
  onToggle: (task: TaskView) => void;
  /** The service's refusal to show in the form, or null once saved. */
  onSave: (task: TaskView, changes: Omit<UpdateTaskInput, "task">) => Promise<string | null>;
  onDelete: (task: TaskView) => void;
};

const DUE_STYLE = {
  overdue: "bg-danger-soft text-danger font-medium",
  today: "bg-warning/15 text-warning font-medium",
  upcoming: "text-muted",
  none: "",
} as const;

const ACTION = "grid size-7 place-items-center rounded-md text-muted hover:bg-subtle hover:text-ink";

export function TaskItem({ task, onToggle, onSave, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const done = task.status === "completed";
  const state = dueState(task);
  const due = formatDue(task.dueDate);

  if (editing) {
    return (
      <TaskEditForm
        task={task}
        onCancel={() => setEditing(false)}
        onSave={async (changes) => {
          const refused = await onSave(task, changes);
          if (!refused) setEditing(false);
          return refused;
        }}
      />
    );
  }
  return (
    <div
      data-due={state}
      className={`group flex items-start gap-3 rounded-lg border px-3 py-2.5 ${state === "overdue" ? "border-danger/40" : state === "today" && !done ? "border-warning/40" : "border-transparent hover:border-line"}`}
    >
      <input
        type="checkbox"
        checked={done}
        onChange={() => onToggle(task)}
        aria-label={`Mark “${task.title}” as done`}
        className="mt-0.5 size-4 shrink-0 cursor-pointer accent-accent"
      />
      <div className="min-w-0 flex-1">
        <p className={`text-sm break-words ${done ? "text-muted line-through" : ""}`}>
          <span className="mr-1.5 text-xs text-muted">#{task.number}</span>
          {task.title}
        </p>
        {task.description ? (
          <p className="mt-0.5 line-clamp-3 text-xs whitespace-pre-line text-muted break-words">{task.description}</p>
        ) : null}
        <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
          {due ? (
            <span className={`rounded px-1.5 py-0.5 ${DUE_STYLE[state]}`}>
              {state === "overdue" ? "Overdue · " : ""}
              {due}
            </span>
          ) : null}
          {task.priority !== "medium" ? (
            <span
              className={`rounded px-1.5 py-0.5 ${task.priority === "high" ? "bg-danger-soft text-danger" : "bg-subtle text-muted"}`}
            >
              {task.priority === "high" ? "High" : "Low"} priority
            </span>
          ) : null}
          {task.repeatText ? (
            <span className="rounded bg-subtle px-1.5 py-0.5 text-muted" title={`Repeats: ${task.repeat}`}>
              <span aria-hidden="true">↻ </span>
              {task.repeatText}
            </span>
          ) : null}
          {task.remindAt ? (
            <span className="rounded bg-subtle px-1.5 py-0.5 text-muted">
              <span aria-hidden="true">⏰ </span>
              Reminder {formatDue(task.remindAt)}
            </span>
          ) : null}
          <TagPills tags={task.tags} />
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-0.5 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100">
        <button
          type="button"
          className={ACTION}
          aria-label={`Edit “${task.title}”`}
          title="Edit"
          onClick={() => setEditing(true)}
        >
          <PencilIcon className="size-3.5" />
        </button>
        <button
          type="button"
          className={`${ACTION} hover:text-danger`}
          aria-label={`Delete “${task.title}”`}
          title="Delete"
          onClick={() => onDelete(task)}
        >
          <TrashIcon className="size-3.5" />
        </button>
      </div>
    </div>
  );
}
