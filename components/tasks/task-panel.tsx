"use client";

import { useEffect, useState } from "react";
import { toast } from "@/components/ui/toast";
import { completeTaskAction, deleteTaskAction, undoTaskOperationAction, updateTaskAction } from "@/app/(app)/(chat)/actions/tasks";
import { revalidateTasks } from "@/components/data/revalidate";
import { clearPendingShowTask, emitShowTask, onShowTask, takePendingShowTask } from "@/components/events";
import type { UpdateTaskInput } from "@/lib/tasks/schemas";
import type { TaskView } from "@/lib/tasks/types";
import { TaskItem } from "./task-item";
import { TransferMenu } from "./transfer-menu";
import { browserTimeZone } from "./time-zone";
import { useTasks, type TaskFilter } from "./use-tasks";

const FILTERS: { value: TaskFilter; label: string }[] = [
  { value: "pending", label: "Pending" },
  { value: "completed", label: "Completed" },
  { value: "all", label: "All" },
];

/** The user's tasks beside the chat: filtered, live, and editable without the agent. */
export function TaskPanel() {
  const [filter, setFilter] = useState<TaskFilter>("pending");
  const list = useTasks(filter);
  const [shown, setShown] = useState<number | null>(null);

  // A reminder's Open: show the task, under "All" if this filter hides it.
  useEffect(() => {
    const off = onShowTask((number) => {
      clearPendingShowTask();
      setShown(number);
    });
    // Asked for on another page, before this panel existed: the shell listens only after this runs.
    const pending = takePendingShowTask();
    const timer = pending ? setTimeout(() => emitShowTask(pending), 0) : undefined;
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);
  useEffect(() => {
    if (shown === null || !list.loaded) return;
    const row = document.getElementById(`task-row-${shown}`);
    if (!row) {
      if (filter !== "all") setFilter("all");
      return;
    }
    row.scrollIntoView({ block: "nearest" });
    row.focus({ preventScroll: true });
  }, [shown, list.loaded, list.tasks, filter]);

  async function toggle(task: TaskView) {
    const completed = task.status !== "completed";
    // Ticked at once; put back if the service says no.
    list.replace({ ...task, status: completed ? "completed" : "pending" });
    const result = await completeTaskAction({ task: task.number, completed }, browserTimeZone());
    if (!result.ok) {
      list.replace(task);
      return void toast.error(result.message);
    }
    if (result.task) list.replace(result.task);
    toast.success(completed ? `Completed “${task.title}”` : `Reopened “${task.title}”`);
    revalidateTasks();
  }

  async function save(task: TaskView, changes: Omit<UpdateTaskInput, "task">): Promise<boolean> {
    const result = await updateTaskAction({ task: task.number, ...changes }, browserTimeZone());
    if (!result.ok) {
      toast.error(result.message);
      return false;
    }
    if (result.task) list.replace(result.task);
    toast.success(`Saved “${result.task?.title ?? task.title}”`);
    revalidateTasks();
    return true;
  }

  async function remove(task: TaskView) {
    const result = await deleteTaskAction(task.number, browserTimeZone());
    if (!result.ok) return void toast.error(result.message);
    list.remove(task.number);
    revalidateTasks();
    toast.success(`Deleted “${task.title}”`, {
      action: {
        label: "Undo",
        onClick: async () => {
          const undone = await undoTaskOperationAction(result.operationId, browserTimeZone());
          if (!undone.ok) return void toast.error(undone.message);
          toast.success(`Restored “${task.title}”`);
          revalidateTasks();
        },
      },
    });
  }

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center justify-between gap-2 px-4 pt-3 pb-2">
        <h2 className="text-sm font-semibold">
          Tasks {list.loaded ? <span className="font-normal text-muted">({list.total})</span> : null}
        </h2>
        <TransferMenu onImported={revalidateTasks} />
      </div>
      <div role="group" aria-label="Show tasks" className="mx-4 mb-2 grid grid-cols-3 gap-1 rounded-lg bg-subtle p-0.5 text-xs font-medium">
        {FILTERS.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
            className={`rounded-md px-2 py-1 ${filter === value ? "bg-surface text-ink shadow-sm" : "text-muted hover:text-ink"}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div aria-busy={list.loading} className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {list.error ? (
          <p role="alert" className="px-2 py-2 text-sm text-danger">
            {list.error}{" "}
            <button type="button" className="underline" onClick={() => void list.reload()}>
              Try again
            </button>
          </p>
        ) : null}
        {!list.loaded ? <p className="px-2 py-2 text-xs text-muted">Loading…</p> : null}
        {list.loaded && list.tasks.length === 0 && !list.error ? <EmptyTasks filter={filter} /> : null}
        <ul aria-label={`${FILTERS.find((f) => f.value === filter)!.label} tasks`} className="space-y-1">
          {list.tasks.map((task) => (
            <li
              key={task.number}
              id={`task-row-${task.number}`}
              tabIndex={shown === task.number ? -1 : undefined}
              onBlur={() => shown === task.number && setShown(null)}
              className={shown === task.number ? "rounded-lg ring-2 ring-accent outline-none" : undefined}
            >
              <TaskItem task={task} onToggle={toggle} onSave={save} onDelete={remove} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function EmptyTasks({ filter }: { filter: TaskFilter }) {
  if (filter === "completed") return <p className="px-2 py-8 text-center text-sm text-muted">Nothing completed yet.</p>;
  return (
    <div className="px-2 py-8 text-center">
      <p className="text-sm font-medium">{filter === "pending" ? "All clear" : "No tasks yet"}</p>
      <p className="mt-1 text-xs text-muted">Tell the chat what needs doing, for example:</p>
      <ul className="mt-2 space-y-1 text-xs text-muted">
        <li>“add buy milk tomorrow”</li>
        <li>“remind me to call mom Friday at 5pm, high priority”</li>
      </ul>
    </div>
  );
}
