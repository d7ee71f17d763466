// A tool result in words, as a chat card shows it: "Added", "Undid 3 changes", the task line.
// The card (components/chat/task-card.tsx) and exports (lib/conversations/export.ts) share it.
import type { TaskView, ToolResult } from "./types";

export const RESULT_VERB: Record<string, string> = {
  added: "Added",
  completed: "Completed",
  reopened: "Reopened",
  updated: "Updated",
  deleted: "Deleted",
  undone: "Undid a change",
};

/** The card's heading for a result that changed one task (or a whole turn, for an undo). */
export function resultHeading(result: Extract<ToolResult, { ok: true }>): string {
  if (result.kind === "undone" && result.count && result.count > 1) return `Undid ${result.count} changes`;
  return RESULT_VERB[result.kind] ?? "Changed";
}

/** "#3 Buy milk — due Wed, Mar 11 · high · #home", with the due date worded by the caller. */
export function taskLine(task: TaskView, due: (dueDate: string | null) => string | null): string {
  const when = due(task.dueDate);
  const extras = [
    when ? `due ${when}` : null,
    task.priority !== "medium" ? task.priority : null,
    ...task.tags.map((t) => `#${t}`),
  ].filter(Boolean);
  return `#${task.number} ${task.title}${task.status === "completed" ? " (done)" : ""}${extras.length ? ` — ${extras.join(" · ")}` : ""}`;
}

/** A result as plain text lines, for exports. */
export function resultText(result: ToolResult, due: (dueDate: string | null) => string | null): string[] {
  if (!result.ok) return [`Not done: ${result.message}`];
  if (result.kind === "listed") {
    const head = result.total === 0 ? "No matching tasks" : `${result.total} task${result.total === 1 ? "" : "s"}`;
    return [head, ...result.tasks.map((t) => `  ${taskLine(t, due)}`)];
  }
  return result.task ? [`${resultHeading(result)}: ${taskLine(result.task, due)}`] : [resultHeading(result)];
}
