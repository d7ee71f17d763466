"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import {
  completeTaskAction,
  deleteTaskAction,
  restoreTaskAction,
  undoTaskOperationAction,
  updateTaskAction,
} from "@/app/(app)/(chat)/actions/tasks";
import { revalidateTasks } from "@/components/data/revalidate";
import { clearPendingShowTask, emitShowTask, onShowTask, takePendingShowTask } from "@/components/events";
import type { TaskListView } from "@/lib/tasks/list-views";
import type { UpdateTaskInput } from "@/lib/tasks/schemas";
import type { TaskView } from "@/lib/tasks/types";
import { EmptyTrashDialog } from "./empty-trash-dialog";
import { QuickAdd } from "./quick-add";
import { TaskItem } from "./task-item";
import { TransferMenu } from "./transfer-menu";
import { TrashItem } from "./trash-item";
import { browserTimeZone } from "./time-zone";
import { useTasks } from "./use-tasks";
import { VIEWS, ViewSwitch } from "./view-switch";

// Where a reminder's Open looks for a task the current view does not show.
const SHOW_TASK_FALLBACKS: TaskListView[] = ["pending", "completed"];

/** The user's tasks beside the chat: quick-add, views with counts, the trash; live, and editable without the agent. */
export function TaskPanel() {
  const [view, setView] = useState<TaskListView>("pending");
  const list = useTasks(view);
  const [shown, setShown] = useState<number | null>(null);
  const looked = useRef<TaskListView[]>([]);
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);

  // A reminder's Open: show the task, under Pending or Completed if this view hides it.
  useEffect(() => {
    const off = onShowTask((number) => {
      clearPendingShowTask();
      looked.current = [];
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: list.tasks is a trigger: the row is looked for again once new rows render.
  useEffect(() => {
    // Only once this view's own rows are in (another view's stay shown while they load).
    if (shown === null || !list.loaded || list.shownView !== view) return;
    const row = document.getElementById(`task-row-${shown}`);
    if (!row) {
      looked.current.push(view);
      const next = SHOW_TASK_FALLBACKS.find((v) => !looked.current.includes(v));
      if (next) setView(next);
      else setShown(null);
      return;
    }
    row.scrollIntoView({ block: "nearest" });
    row.focus({ preventScroll: true });
  }, [shown, list.loaded, list.tasks, list.shownView, view]);

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

  async function save(task: TaskView, changes: Omit<UpdateTaskInput, "task">): Promise<string | null> {
    const result = await updateTaskAction({ task: task.number, ...changes }, browserTimeZone());
    if (!result.ok) return result.message;
    if (result.task) list.replace(result.task);
    toast.success(`Saved “${result.task?.title ?? task.title}”`);
    revalidateTasks();
    return null;
  }

  async function undo(operationIds: string[], done: string) {
    // Newest first, as the changes were made.
    for (const id of [...operationIds].reverse()) {
      const undone = await undoTaskOperationAction(id, browserTimeZone());
      if (!undone.ok) {
        revalidateTasks();
        return void toast.error(undone.message);
      }
    }
    toast.success(done);
    revalidateTasks();
  }

  async function remove(task: TaskView) {
    const result = await deleteTaskAction(task.number, browserTimeZone());
    if (!result.ok) return void toast.error(result.message);
    list.remove(task.number);
    revalidateTasks();
    toast.success(`Deleted “${task.title}”, moved to Trash`, {
      action: { label: "Undo", onClick: () => void undo([result.operationId], `Restored “${task.title}”`) },
    });
  }

  async function restore(task: TaskView) {
    const result = await restoreTaskAction(task.number, browserTimeZone());
    if (!result.ok) {
      revalidateTasks();
      return void toast.error(result.message);
    }
    list.remove(task.number);
    revalidateTasks();
    toast.success(`Restored “${task.title}”`);
  }

  function added(tasks: TaskView[], operationIds: string[]) {
    revalidateTasks();
    const [only] = tasks;
    const what = tasks.length === 1 && only ? `“${only.title}”` : `${tasks.length} tasks`;
    toast.success(`Added ${what}`, {
      action: { label: "Undo", onClick: () => void undo(operationIds, `Took back ${what}`) },
    });
  }

  const rowsView = list.shownView;
  const listName = VIEWS.find((v) => v.value === view)?.list ?? "Tasks";
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center justify-between gap-2 px-4 pt-3 pb-2">
        <h2 className="text-sm font-semibold">
          Tasks {list.loaded ? <span className="font-normal text-muted">({list.total})</span> : null}
        </h2>
        <TransferMenu onImported={revalidateTasks} />
      </div>
      <QuickAdd onAdded={added} />
      <ViewSwitch view={view} counts={list.counts} onChange={setView} />
      <div aria-busy={list.loading} className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        {list.error ? (
          <p role="alert" className="px-2 py-2 text-sm text-danger">
            {list.error}{" "}
            <button type="button" className="underline" onClick={() => void list.reload()}>
              Try again
            </button>
          </p>
        ) : null}
        {view === "trash" && rowsView === "trash" && list.tasks.length > 0 ? (
          <div className="flex items-center justify-between gap-2 px-2 pb-2">
            <p className="text-xs text-muted">Deleted tasks stay here until you empty the trash.</p>
            <Button
              variant="secondary"
              className="shrink-0 px-2.5 py-1 text-xs"
              onClick={() => setConfirmingEmpty(true)}
            >
              Empty trash
            </Button>
          </div>
        ) : null}
        {!list.loaded ? <p className="px-2 py-2 text-xs text-muted">Loading…</p> : null}
        {list.loaded && rowsView === view && list.tasks.length === 0 && !list.error ? <EmptyView view={view} /> : null}
        <ul aria-label={listName} className="space-y-1">
          {list.tasks.map((task) => (
            <li
              key={task.number}
              id={`task-row-${task.number}`}
              tabIndex={shown === task.number ? -1 : undefined}
              onBlur={() => shown === task.number && setShown(null)}
              className={shown === task.number ? "rounded-lg ring-2 ring-accent outline-none" : undefined}
            >
              {rowsView === "trash" ? (
                <TrashItem task={task} onRestore={restore} />
              ) : (
                <TaskItem task={task} onToggle={toggle} onSave={save} onDelete={remove} />
              )}
            </li>
          ))}
        </ul>
      </div>
      <EmptyTrashDialog
        open={confirmingEmpty}
        numbers={rowsView === "trash" ? list.tasks.map((t) => t.number) : []}
        onClose={() => setConfirmingEmpty(false)}
        onEmptied={(count) => {
          setConfirmingEmpty(false);
          revalidateTasks();
          toast.success(`Removed ${count} ${count === 1 ? "task" : "tasks"} for good`);
        }}
      />
    </div>
  );
}

const EMPTY: Record<Exclude<TaskListView, "pending">, string> = {
  today: "Nothing due today.",
  upcoming: "Nothing scheduled after today.",
  overdue: "Nothing overdue.",
  completed: "Nothing completed yet.",
  trash: "The trash is empty.",
};

function EmptyView({ view }: { view: TaskListView }) {
  if (view !== "pending") return <p className="px-2 py-8 text-center text-sm text-muted">{EMPTY[view]}</p>;
  return (
    <div className="px-2 py-8 text-center">
      <p className="text-sm font-medium">All clear</p>
      <p className="mt-1 text-xs text-muted">Type a task above or tell the chat what needs doing, for example:</p>
      <ul className="mt-2 space-y-1 text-xs text-muted">
        <li>“add buy milk tomorrow”</li>
        <li>“remind me to call mom Friday at 5pm, high priority”</li>
      </ul>
    </div>
  );
}
