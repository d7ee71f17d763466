// The task service's public shapes. Tools, UI server actions, the admin area and the offline
// interpreter all use these; the tool results are part of the contract (docs/agent-contract.md).

export type Priority = "low" | "medium" | "high";
export type Status = "pending" | "completed";

/** What the interpreter knows about a task before the request (the caller's snapshot; see toSnapshot in view.ts). */
export type TaskSnapshot = {
  number: number;
  title: string;
  status: Status;
  priority: Priority;
  dueDate: string | null;
  tags: string[];
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

/** Who is acting and where: every operation-log row is stamped with this. */
export type OperationContext = {
  /** The owner of the tasks. Never taken from a model. */
  userId: string;
  /** Where the change was made: the chat, the app's task panel, or an admin's undo on /admin/logs. */
  source: "chat" | "ui" | "admin";
  conversationId?: string | null;
  /** The user message that caused the operation. */
  messageId?: string | null;
  /** A tool call id that already ran returns its earlier result and changes nothing. */
  toolCallId?: string | null;
  /** The user's own words, for the admin log. */
  originalCommand?: string | null;
  approval?: "approved" | "rejected" | null;
  /** The user's IANA zone: dates without an offset and "today" are read in it. */
  timeZone?: string;
  /** Who made the change when it is not the owner (an admin's undo): the log row's actor. Defaults to userId. */
  actorId?: string | null;
  /** The moment the change is made at ("is this reminder in the past?"): the clock of a caller that keeps its own (the notification worker's, in tests). Defaults to now. */
  now?: Date;
};
