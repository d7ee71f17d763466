"use client";

import { RestoreIcon } from "@/components/ui/icons";
import type { TaskView } from "@/lib/tasks/types";
import { formatDue } from "./due";
import { TagPills } from "./tag-pills";

/** A deleted task in the Trash view: what it was, and Restore. */
export function TrashItem({ task, onRestore }: { task: TaskView; onRestore: (task: TaskView) => void }) {
  const due = formatDue(task.dueDate);
  return (
    <div className="flex items-start gap-3 rounded-lg border border-transparent px-3 py-2.5 hover:border-line">
      <div className="min-w-0 flex-1">
        <p className="text-sm break-words text-muted">
          <span className="mr-1.5 text-xs">#{task.number}</span>
          {task.title}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
          {due ? <span className="rounded px-1.5 py-0.5 text-muted">{due}</span> : null}
          {task.status === "completed" ? (
            <span className="rounded bg-subtle px-1.5 py-0.5 text-muted">Completed</span>
          ) : null}
          <TagPills tags={task.tags} />
        </div>
      </div>
      <button
        type="button"
        onClick={() => onRestore(task)}
        aria-label={`Restore “${task.title}”`}
        className="inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-muted hover:bg-subtle hover:text-ink"
      >
        <RestoreIcon className="size-3.5" />
        Restore
      </button>
    </div>
  );
}
