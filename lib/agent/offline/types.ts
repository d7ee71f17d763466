// Shared shapes of the offline interpreter. The tool names and inputs are a contract
// (shared/agent-eval/README.md); the task service returns the ToolResult shapes below.

export type Priority = "low" | "medium" | "high";
export type Status = "pending" | "completed";

/** What the interpreter knows about a task before the request (the caller's snapshot). */
export type TaskSnapshot = {
  number: number;
  title: string;
  status: Status;
  priority: Priority;
  dueDate: string | null;
  tags: string[];
};

export type ToolName =
  | "add_task"
  | "list_tasks"
  | "complete_task"
  | "update_task"
  | "delete_task"
  | "undo_operation";

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

export type TaskView = {
  number: number;
  title: string;
  description: string | null;
  status: Status;
  priority: Priority;
  /** ISO instant */
  dueDate: string | null;
  /** The user gave a day but no time. */
  dueAllDay: boolean;
  tags: string[];
  completedAt: string | null;
  /** RFC 5545 recurrence rule without "RRULE:" (contract v2), or null. */
  repeat?: string | null;
  /** The rule in words ("every week on Monday"). */
  repeatText?: string | null;
  /** ISO instant of an explicit reminder (contract v2), or null. */
  remindAt?: string | null;
};

export type ToolError = {
  ok: false;
  code:
    | "not_found"
    | "ambiguous"
    | "invalid_input"
    | "nothing_to_undo"
    | "cannot_undo"
    | "rejected"
    | "conflict"
    | "limit"
    | "internal";
  message: string;
  candidates?: TaskView[];
};

export type ToolResult =
  | { ok: true; kind: "added"; task: TaskView; operationId: string }
  | { ok: true; kind: "listed"; tasks: TaskView[]; total: number; filter: Record<string, unknown> }
  | {
      ok: true;
      kind: "completed" | "reopened" | "updated" | "deleted";
      task: TaskView;
      changes?: string[];
      operationId: string;
    }
  | {
      ok: true;
      kind: "undone";
      undoneOperation: string;
      task: TaskView | null;
      operationId: string;
      /** A whole turn undone: how many changes, and their tasks (newest first). */
      count?: number;
      tasks?: TaskView[];
    }
  | ToolError;
