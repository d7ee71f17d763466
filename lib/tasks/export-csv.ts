// A user's tasks as CSV (the task panel's "Export CSV"), streamed in batches.
import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
import { text } from "@/lib/admin/export";
import { batchedStream, EXPORT_BATCH_SIZE, taskBatches } from "./export-stream";
import { toView, type TaskRow } from "./view";

// RFC 4180 line ends, and a lone \n or \r inside a field quoted too (as the admin log export).
const CSV_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

export const TASK_CSV_COLUMNS = [
  "number",
  "title",
  "notes",
  "status",
  "priority",
  "due",
  "all_day",
  "repeat",
  "repeat_text",
  "tags",
  "remind_at",
  "completed_at",
  "created_at",
] as const;

function record(task: TaskRow): string[] {
  const view = toView(task);
  return [
    String(view.number),
    text(view.title),
    text(view.description),
    view.status,
    view.priority,
    view.dueDate ?? "",
    view.dueDate ? String(view.dueAllDay) : "",
    view.repeat ?? "",
    view.repeatText ?? "",
    text(view.tags.join(", ")),
    view.remindAt ?? "",
    view.completedAt ?? "",
    task.createdAt.toISOString(),
  ];
}

/** Every task of the user but those in the trash, by number. Dates are UTC instants or bare days (all-day). */
export function tasksCsvStream(
  db: Db,
  userId: string,
  batchSize = EXPORT_BATCH_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  return batchedStream(taskBatches(db, userId, {}, batchSize), {
    // A byte-order mark so spreadsheet apps read the file as UTF-8.
    head: `\uFEFF${stringify([[...TASK_CSV_COLUMNS]], CSV_OPTIONS)}`,
    body: (rows) => stringify(rows.map(record), CSV_OPTIONS),
    batchSize,
  });
}
