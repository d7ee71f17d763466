// The filter vocabulary of the operation log, free of server-only code so the browser's
// filter bar can share it with the server's parser.

export const OPERATIONS = ["add", "list", "complete", "reopen", "update", "delete", "restore", "undo"] as const;
export const STATUSES = ["pending", "success", "failed", "rejected"] as const;
export const SOURCES = ["chat", "ui", "admin"] as const;

export type OperationName = (typeof OPERATIONS)[number];
export type StatusName = (typeof STATUSES)[number];
export type SourceName = (typeof SOURCES)[number];

/** The URL search params that hold filters (cursors are separate: a new filter starts at the top). */
export const FILTER_KEYS = ["user", "operation", "status", "source", "from", "to", "q"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const OPERATION_LABELS: Record<OperationName, string> = {
  add: "Add",
  list: "List",
  complete: "Complete",
  reopen: "Reopen",
  update: "Update",
  delete: "Delete",
  restore: "Restore",
  undo: "Undo",
};

export const STATUS_LABELS: Record<StatusName, string> = {
  pending: "Pending",
  success: "Success",
  failed: "Failed",
  rejected: "Rejected",
};

export const SOURCE_LABELS: Record<SourceName, string> = { chat: "Chat", ui: "App", admin: "Admin" };
