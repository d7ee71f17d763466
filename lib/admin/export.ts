import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
import { maskJson, maskSensitive } from "@/lib/privacy/sensitive";
import { filterConditions, LOG_FROM, olderThan, TASK_TITLE, whereClause } from "./filter-sql";
import type { Cursor, LogFilters } from "./filters";

export const EXPORT_BATCH_SIZE = 1000;

// RFC 4180 line ends. With "\r\n" as the record delimiter csv-stringify only quotes fields
// containing that exact pair, so a lone \n or \r would break the row: quote those too.
const CSV_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

export const CSV_COLUMNS = [
  "id",
  "created_at",
  "finished_at",
  "user_id",
  "user_email",
  "actor_id",
  "actor_email",
  "operation",
  "source",
  "status",
  "task_number",
  "task_title",
  "original_command",
  "duration_ms",
  "error",
  "tool_call_id",
  "conversation_id",
  "message_id",
  "undo_of_id",
  "input",
  "result",
  "before",
] as const;

type ExportRow = {
  id: string;
  createdAt: Date;
  finishedAt: Date | null;
  userId: string;
  userEmail: string;
  actorId: string | null;
  actorEmail: string | null;
  operation: string;
  source: string;
  status: string;
  taskNumber: number | null;
  taskTitle: string | null;
  originalCommand: string | null;
  durationMs: number | null;
  error: string | null;
  toolCallId: string | null;
  conversationId: string | null;
  messageId: string | null;
  undoOfId: string | null;
  input: unknown;
  result: unknown;
  before: unknown;
};

async function readBatch(db: Db, filters: LogFilters, after: Cursor | undefined, limit: number): Promise<ExportRow[]> {
  const conditions = filterConditions(filters);
  if (after) conditions.push(olderThan(after));
  return db.$queryRaw<ExportRow[]>`
    SELECT l.id, l.created_at AS "createdAt", l.finished_at AS "finishedAt", l.user_id AS "userId", u.email AS "userEmail",
           l.actor_id AS "actorId", a.email AS "actorEmail",
           l.operation::text AS operation, l.source::text AS source, l.status::text AS status,
           t.number AS "taskNumber", ${TASK_TITLE} AS "taskTitle", l.original_command AS "originalCommand",
           l.duration_ms AS "durationMs", l.error, l.tool_call_id AS "toolCallId", l.conversation_id AS "conversationId",
           l.message_id AS "messageId", l.undo_of_id AS "undoOfId", l.input, l.result, l.before
    ${LOG_FROM}
    LEFT JOIN users a ON a.id = l.actor_id
    ${whereClause(conditions)}
    ORDER BY l.created_at DESC, l.id DESC
    LIMIT ${limit}`;
}

/**
 * The filtered log as CSV, newest first, read in keyset batches as the client consumes it:
 * a pull-based stream holds one batch at a time, so a 100,000-row export never sits in memory,
 * and a client that goes away stops the reads. The first batch is read before the stream is
 * handed back, so a query that cannot run becomes an error response, not a 200 whose file
 * stops after the header.
 */
export async function logsCsvStream(
  db: Db,
  filters: LogFilters,
  batchSize = EXPORT_BATCH_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let firstBatch: ExportRow[] | null = await readBatch(db, filters, undefined, batchSize);
  let cursor: Cursor | undefined;
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          // A byte-order mark so spreadsheet apps read the file as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${stringify([[...CSV_COLUMNS]], CSV_OPTIONS)}`));
          return;
        }
        if (done) return;
        const rows = firstBatch ?? (await readBatch(db, filters, cursor, batchSize));
        firstBatch = null;
        const last = rows.at(-1);
        if (last) {
          controller.enqueue(encoder.encode(stringify(await Promise.all(rows.map(csvRecord)), CSV_OPTIONS)));
          cursor = { at: last.createdAt, id: last.id };
        }
        if (rows.length < batchSize) {
          done = true;
          controller.close();
        }
      },
      cancel() {
        done = true;
        firstBatch = null;
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * One row of the file. The users' words (task title, command, error, input, result, before) are
 * always masked (lib/privacy/sensitive.ts): a file leaves the app, so there is no reveal for it.
 * Account e-mails stay: they say whose rows these are.
 */
async function csvRecord(row: ExportRow): Promise<string[]> {
  const [taskTitle, originalCommand, error, input, result, before] = await Promise.all([
    maskSensitive(row.taskTitle),
    maskSensitive(row.originalCommand),
    maskSensitive(row.error),
    maskJson(row.input),
    maskJson(row.result),
    maskJson(row.before),
  ]);
  return [
    row.id,
    row.createdAt.toISOString(),
    row.finishedAt?.toISOString() ?? "",
    row.userId,
    text(row.userEmail),
    row.actorId ?? "",
    text(row.actorEmail),
    row.operation,
    row.source,
    row.status,
    row.taskNumber === null ? "" : String(row.taskNumber),
    text(taskTitle),
    text(originalCommand),
    row.durationMs === null ? "" : String(row.durationMs),
    text(error),
    text(row.toolCallId),
    row.conversationId ?? "",
    row.messageId ?? "",
    row.undoOfId ?? "",
    json(input),
    json(result),
    json(before),
  ];
}

/**
 * User-written text, with spreadsheet formula injection defused: a cell starting with = + - @
 * (or a tab/carriage return) would be run as a formula when the file is opened in a
 * spreadsheet, so it gets a leading apostrophe, the usual OWASP mitigation.
 */
export function text(value: string | null): string {
  if (value === null) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function json(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

export function exportFileName(now = new Date()): string {
  return `operation-logs-${now.toISOString().slice(0, 10)}.csv`;
}
