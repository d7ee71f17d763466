// The task service's public shapes. Tools, UI server actions and the admin area all use these.
export type { Priority, Status, TaskView, ToolError, ToolResult } from "@/lib/agent/offline/types";

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
};
