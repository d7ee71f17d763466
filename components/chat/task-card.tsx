"use client";

import { useContext, useState } from "react";
import { TagPills } from "@/components/tasks/tag-pills";
import { toast } from "@/components/ui/toast";
import { undoTaskOperationAction } from "@/app/(app)/(chat)/actions/tasks";
import { revalidateTasks } from "@/components/data/revalidate";
import { browserTimeZone } from "@/components/tasks/time-zone";
import { resultHeading } from "@/lib/tasks/describe";
import type { TaskView } from "@/lib/tasks/types";
import { absoluteDue } from "./format";
import type { ToolPart } from "./types";
import { UndoneContext } from "./undone";

const TOOL_LABEL: Record<string, string> = {
  add_task: "Adding a task",
  list_tasks: "Looking at your tasks",
  complete_task: "Completing a task",
  update_task: "Updating a task",
  delete_task: "Deleting a task",
  undo_operation: "Undoing",
};
const PRIORITY_CLASS: Record<string, string> = {
  high: "bg-danger-soft text-danger",
  medium: "bg-subtle text-muted",
  low: "bg-subtle text-muted",
};

function TaskLine({ task }: { task: TaskView }) {
  const due = absoluteDue(task.dueDate);
  return (
    <div className="min-w-0">
      <p className={`truncate font-medium ${task.status === "completed" ? "text-muted line-through" : ""}`}>
        <span className="text-muted">#{task.number}</span> {task.title}
      </p>
      <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-muted">
        {due ? <span data-testid="card-due">Due {due}</span> : null}
        {task.priority !== "medium" ? (
          <span className={`rounded px-1.5 py-0.5 ${PRIORITY_CLASS[task.priority]}`}>{task.priority}</span>
        ) : null}
        <TagPills tags={task.tags} />
      </p>
    </div>
  );
}

function UndoButton({ operationId }: { operationId: string }) {
  const [state, setState] = useState<"idle" | "busy" | "done">("idle");
  // Undone another way (the task panel, "undo" in chat, an admin), or not yet known after a load.
  const { undone, checking } = useContext(UndoneContext);
  async function undo() {
    setState("busy");
    const result = await undoTaskOperationAction(operationId, browserTimeZone());
    if (result.ok) {
      setState("done");
      toast.success("Change undone");
      revalidateTasks();
    } else {
      setState("idle");
      toast.error(result.message);
    }
  }
  if (state === "done" || undone.has(operationId)) {
    return (
      <button type="button" disabled className="shrink-0 rounded-md px-2 py-1 text-xs text-muted">
        Undone
      </button>
    );
  }
  return (
    <button
      type="button"
      onClick={undo}
      disabled={state === "busy" || checking.has(operationId)}
      className="shrink-0 rounded-md border border-line px-2 py-1 text-xs font-medium hover:bg-subtle disabled:opacity-50"
    >
      Undo
    </button>
  );
}

/**
 * One tool call in a reply: what changed, how an approval was answered, or why it failed. Calls
 * that still wait for approval are on the reply's one approval card (approval-card.tsx).
 */
export function TaskCard({ part }: { part: ToolPart }) {
  const tool = part.type.slice(5);
  if (part.state === "output-denied" || (part.state === "approval-responded" && part.approval?.approved === false)) {
    return (
      <p className="rounded-lg bg-subtle px-3 py-2 text-xs text-muted" data-testid="approval-answered">
        Rejected — not changed: {part.approval?.requestReason ?? describeRequest(tool, part.input)}
      </p>
    );
  }
  // Approved, and waiting for the other answers (or for the turn to carry it out).
  if (part.state === "approval-responded" && part.approval?.approved === true) {
    return (
      <p className="rounded-lg bg-accent-soft px-3 py-2 text-xs text-accent" data-testid="approval-answered">
        Approved: {part.approval.requestReason ?? describeRequest(tool, part.input)}
      </p>
    );
  }
  // errorText is the real reason (lib/agent/errors.ts): a tool call the model got wrong says
  // what was wrong and that nothing changed; it is not the turn's "could not answer".
  if (part.state === "output-error") {
    return (
      <p className="rounded-lg bg-danger-soft px-3 py-2 text-xs text-danger" data-testid="task-card-failed">
        {TOOL_LABEL[tool] ?? "That step"} failed: {part.errorText || "nothing was changed."}
      </p>
    );
  }
  if (part.state !== "output-available") {
    return (
      <p className="flex items-center gap-2 text-xs text-muted" aria-live="polite">
        <span className="size-2 animate-pulse rounded-full bg-accent" aria-hidden="true" />{" "}
        {TOOL_LABEL[tool] ?? "Working"}…
      </p>
    );
  }
  const result = part.output;
  if (!result.ok) {
    return (
      <div
        className="rounded-lg border border-line bg-surface px-3 py-2 text-xs text-muted"
        data-testid="task-card-error"
      >
        {result.message}
      </div>
    );
  }
  if (result.kind === "listed") {
    return (
      <div className="rounded-xl border border-line bg-surface text-sm" data-testid="task-list-card">
        <p className="border-b border-line px-3 py-2 text-xs font-medium text-muted">
          {result.total === 0 ? "No matching tasks" : `${result.total} task${result.total === 1 ? "" : "s"}`}
        </p>
        <ul className="divide-y divide-line">
          {result.tasks.slice(0, 10).map((t) => (
            <li key={t.number} className="px-3 py-2">
              <TaskLine task={t} />
            </li>
          ))}
        </ul>
        {result.total > 10 ? (
          <p className="px-3 py-2 text-xs text-muted">and {result.total - 10} more in the task panel</p>
        ) : null}
      </div>
    );
  }
  if (!result.task) return null;
  return (
    <div
      className="flex items-start justify-between gap-3 rounded-xl border border-line bg-surface px-3 py-2 text-sm"
      data-testid="task-card"
    >
      <div className="min-w-0">
        <p className="text-xs font-medium text-accent">{resultHeading(result)}</p>
        <TaskLine task={result.task} />
      </div>
      {result.kind !== "undone" ? <UndoButton operationId={result.operationId} /> : null}
    </div>
  );
}

/** A change in words when the server gave none (an older reply): the task as the model named it. */
export function describeRequest(tool: string, input: ToolPart["input"]): string {
  const ref = input && "task" in input ? input.task : undefined;
  const task = ref !== undefined ? `task ${typeof ref === "number" ? `#${ref}` : `"${ref}"`}` : "a task";
  if (tool === "complete_task")
    return input && "completed" in input && input.completed === false ? `Reopen ${task}` : `Complete ${task}`;
  if (tool === "delete_task") return `Delete ${task}`;
  return `Change ${task}`;
}
