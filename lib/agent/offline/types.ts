// Shapes of the offline interpreter. The tool names and inputs are a contract
// (docs/agent-contract.md). The task shapes (TaskSnapshot, TaskView, ToolResult, …)
// belong to the task service (lib/tasks/types.ts); they are re-exported here for the interpreter.
import type { TaskSnapshot } from "@/lib/tasks/types";

export type { Priority, Status, TaskSnapshot, TaskView, ToolError, ToolResult } from "@/lib/tasks/types";

export type ToolName = "add_task" | "list_tasks" | "complete_task" | "update_task" | "delete_task" | "undo_operation";

export type ToolCall = { tool: ToolName; input: Record<string, unknown> };

export type HistoryTurn = {
  role: "user" | "assistant";
  text: string;
  calls?: ToolCall[];
  results?: unknown[];
};

export type InterpretInput = {
  text: string;
  now: Date;
  timeZone: string;
  tasks: TaskSnapshot[];
  history?: HistoryTurn[];
};

export type Interpretation = {
  /** [] when answering directly. */
  calls: ToolCall[];
  /** The direct answer when calls is [] (greeting, help, thanks, a clarifying question). */
  reply?: string;
  /** ≤50 chars, e.g. "add_task", "list_tasks", "greeting", "clarify", "unknown". */
  intent: string;
  /** What was recognised: titles, dates, priority, tags, task refs. */
  entities: Record<string, unknown>;
  /** 0..1 */
  confidence: number;
};
