// Reading a Todoist CSV export (its documented template: TYPE, CONTENT, DESCRIPTION, PRIORITY,
// INDENT, AUTHOR, RESPONSIBLE, DATE, DATE_LANG, TIMEZONE, …) into task inputs for the service's
// addTasks. The same reading serves the preview and the import, so what the user confirmed is
// what gets added; the rows are checked with the shared addTaskInput schema. Todoist's DATE column
// is date words ("every monday", "Dec 24 5pm"), read by the offline interpreter's date reader —
// which is why the import lives here, outside lib/tasks (the domain depends on none of its clients).
import "server-only";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { Db } from "@/lib/db/client";
import { findDates } from "@/lib/agent/offline/dates";
import { extractRepeat } from "@/lib/agent/offline/recurrence";
import { isValidTimeZone } from "@/lib/time/zone";
import { parseDue } from "@/lib/tasks/dates";
import { normalizeRepeat, repeatInWords } from "@/lib/tasks/repeat";
import { addTaskInput, type AddTaskInput } from "@/lib/tasks/schemas";
import { addTasks } from "@/lib/tasks/service";
import type { OperationContext, Priority, TaskView } from "@/lib/tasks/types";

/** A Todoist export of a few thousand tasks is well under this; a server action body is capped at 1 MB. */
export const IMPORT_MAX_BYTES = 500_000;
// One import is one transaction, and so is its undo (every row put back and logged), which must
// finish within the database client's transaction timeout (lib/db/client.ts): 2,000 rows took
// over 15 s to undo on PostgreSQL on a busy 2-core machine; 500 took about 7 s there.
export const IMPORT_MAX_ROWS = 500;

export type ImportRow =
  | {
      row: number;
      ok: true;
      input: AddTaskInput /** What could not be carried over as such (kept in the notes). */;
      notice: string | null;
    }
  | { row: number; ok: false; error: string };

export type TodoistFile =
  | { ok: true; rows: ImportRow[] /** Sections and notes with no task above them. */; skipped: number }
  | { ok: false; message: string };

/** What the preview shows of a row. */
export type PreviewRow =
  | {
      row: number;
      ok: true;
      title: string;
      dueDate: string | null;
      repeatText: string | null;
      priority: Priority;
      tags: string[];
      notice: string | null;
    }
  | { row: number; ok: false; error: string };

// Todoist's p1 is its highest priority and p4 its default ("no priority"); Doable's default is
// medium, so p4 (and an empty cell) stays medium rather than making every imported task low.
const PRIORITY: Record<string, Priority> = { "1": "high", "2": "high", "3": "medium", "4": "medium" };

// Todoist labels are written into CONTENT as @name.
const LABEL = /(^|\s)@([\p{L}\p{N}_\-./]+)/gu;

const cell = (record: Record<string, string>, name: string) => (record[name] ?? "").trim();

/** Reads the file, or says why it cannot be imported at all. */
export function readTodoistCsv(text: string, options: { timeZone: string; now: Date }): TodoistFile {
  if (new TextEncoder().encode(text).byteLength > IMPORT_MAX_BYTES) {
    return { ok: false, message: `That file is too large to import (at most ${IMPORT_MAX_BYTES / 1000} kB).` };
  }
  // A spreadsheet or other binary file read as text is full of NULs and replacement characters.
  if (text.includes("\u0000") || text.includes("\uFFFD"))
    return { ok: false, message: "That is not a CSV file. Export your Todoist project as CSV and choose that file." };
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toUpperCase()),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid /, "invalid ") : "it could not be read";
    return { ok: false, message: `That file is not a CSV file that can be read: ${reason}` };
  }
  const first = records[0];
  if (!first || !Object.hasOwn(first, "CONTENT")) {
    // parse gives no records for a header alone: check the header itself.
    const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
    if (!/(^|,)\s*"?CONTENT"?\s*(,|$)/i.test(header))
      return { ok: false, message: "That file has no CONTENT column, so it is not a Todoist CSV export." };
    return { ok: false, message: "That file has no tasks in it." };
  }
  if (records.length > IMPORT_MAX_ROWS)
    return {
      ok: false,
      message: `That file has ${records.length.toLocaleString("en-US")} rows; at most ${IMPORT_MAX_ROWS.toLocaleString("en-US")} can be imported at once.`,
    };

  const rows: ImportRow[] = [];
  let skipped = 0;
  // The task a note row comments on: the last task, unless a section came between.
  let above: ImportRow | null = null;
  for (const [index, record] of records.entries()) {
    // Row 1 is the header, as a spreadsheet numbers them.
    const row = index + 2;
    if (Object.values(record).every((v) => !v.trim())) continue; // Todoist leaves blank rows between items
    const type = (Object.hasOwn(record, "TYPE") ? cell(record, "TYPE") : "task").toLowerCase();
    if (type === "section") {
      above = null;
      skipped++;
      continue;
    }
    if (type === "note") {
      if (!above?.ok) {
        skipped++;
        continue;
      }
      const task: ImportRow = above;
      task.input.description = [task.input.description, cell(record, "CONTENT")].filter(Boolean).join("\n\n");
      const checked = addTaskInput.safeParse(task.input);
      if (!checked.success)
        rows[rows.indexOf(task)] = above = {
          row: task.row,
          ok: false,
          error:
            `Row ${task.row}: the notes with its comments are too long: ${checked.error.issues[0]?.message ?? ""}`.trim(),
        };
      continue;
    }
    const next: ImportRow =
      type === "task"
        ? taskRow(record, row, options)
        : { row, ok: false, error: `Row ${row}: TYPE is "${type.slice(0, 40)}", not task, section or note.` };
    rows.push(next);
    above = next;
  }
  return { ok: true, rows, skipped };
}

function taskRow(record: Record<string, string>, row: number, options: { timeZone: string; now: Date }): ImportRow {
  const content = cell(record, "CONTENT");
  const tags = [...content.matchAll(LABEL)].map(([, , name = ""]) => name);
  const title = content.replace(LABEL, "$1").replace(/\s+/g, " ").trim();
  if (!title) return { row, ok: false, error: `Row ${row}: the task has no name (CONTENT is empty).` };
  const priorityCell = cell(record, "PRIORITY");
  const priority = priorityCell ? PRIORITY[priorityCell] : "medium";
  if (!priority)
    return {
      row,
      ok: false,
      error: `Row ${row}: PRIORITY is "${priorityCell.slice(0, 20)}"; Todoist priorities are 1 to 4.`,
    };
  const zone = isValidTimeZone(cell(record, "TIMEZONE")) ? cell(record, "TIMEZONE") : options.timeZone;
  const when = readDate(cell(record, "DATE"), { now: options.now, timeZone: zone });
  const notes = [cell(record, "DESCRIPTION"), when.kept ? `Todoist date: ${when.kept}` : ""]
    .filter(Boolean)
    .join("\n\n");
  const input: AddTaskInput = {
    title,
    priority,
    ...(notes ? { description: notes } : {}),
    ...(when.dueDate ? { dueDate: when.dueDate } : {}),
    ...(when.repeat ? { repeat: when.repeat } : {}),
    ...(tags.length ? { tags } : {}),
  };
  const checked = addTaskInput.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field =
      issue?.path[0] === "description"
        ? "DESCRIPTION"
        : issue?.path[0] === "title"
          ? "CONTENT"
          : issue?.path[0] === "tags"
            ? "the labels"
            : String(issue?.path[0] ?? "the row");
    return { row, ok: false, error: `Row ${row}: ${field}: ${issue?.message ?? "not valid."}` };
  }
  return {
    row,
    ok: true,
    input,
    notice: when.kept ? `"${when.kept.slice(0, 60)}" is not a date Doable can use; it is kept in the notes.` : null,
  };
}

/**
 * A Todoist DATE ("2026-12-24", "Dec 24 5pm", "every monday") → a due date and repeat rule.
 * A simple "every …" becomes a repeat; anything not read whole (a complex rule, another
 * language) is kept, for the notes, rather than guessed.
 */
function readDate(
  text: string,
  ctx: { now: Date; timeZone: string },
): { dueDate?: string; repeat?: string; kept?: string } {
  if (!text) return {};
  const bare = parseDue(text, ctx.timeZone);
  if (bare) return { dueDate: text };
  // Todoist's "every!" repeats from the completion date; Doable repeats from the due date.
  const plain = text
    .replace(/\bevery!/gi, "every")
    .replace(/\s+/g, " ")
    .trim();
  if (/\b(?:every|each|daily|weekly|monthly|yearly|annually|weekdays)\b/i.test(plain)) {
    const repeat = extractRepeat(plain, ctx);
    const rule = repeat && !repeat.rest ? normalizeRepeat(repeat.rule) : null;
    return rule && repeat ? { repeat: rule, dueDate: repeat.dueDate } : { kept: text };
  }
  const { dates } = findDates(plain, ctx);
  const only = dates.length === 1 ? dates[0] : null;
  if (only && !plain.slice(0, only.index).trim() && !plain.slice(only.end).trim()) return { dueDate: only.value };
  return { kept: text };
}

/** The preview of the rows: what each would become, or why it cannot be imported. */
export function previewRows(rows: ImportRow[]): PreviewRow[] {
  return rows.map((r) => {
    if (!r.ok) return r;
    const repeat = r.input.repeat ?? null;
    return {
      row: r.row,
      ok: true,
      title: r.input.title,
      dueDate: r.input.dueDate ?? null,
      repeatText: repeat ? repeatInWords(repeat) : null,
      priority: r.input.priority ?? "medium",
      tags: [...new Set((r.input.tags ?? []).map((t) => t.toLowerCase()))],
      notice: r.notice,
    };
  });
}

export type ImportPreview =
  | { ok: true; rows: PreviewRow[]; tasks: number; errors: number; skipped: number }
  | { ok: false; message: string };
export type ImportOutcome = { ok: true; tasks: TaskView[]; operationIds: string[] } | { ok: false; message: string };

const read = (text: string, ctx: OperationContext) =>
  readTodoistCsv(text, { timeZone: ctx.timeZone ?? "UTC", now: ctx.now ?? new Date() });

/** What importing the file would add, row by row. Changes nothing. */
export function previewTodoist(text: string, ctx: OperationContext): ImportPreview {
  const file = read(text, ctx);
  if (!file.ok) return file;
  const rows = previewRows(file.rows);
  const errors = rows.filter((r) => !r.ok).length;
  return { ok: true, rows, tasks: rows.length - errors, errors, skipped: file.skipped };
}

/**
 * Adds the file's tasks as one change (service addTasks: one transaction, one undo). Rows with
 * problems stop the import unless the user chose to skip them.
 */
export async function importTodoist(
  db: Db,
  ctx: OperationContext,
  text: string,
  options: { skipBad: boolean },
): Promise<ImportOutcome> {
  const file = read(text, ctx);
  if (!file.ok) return file;
  const bad = file.rows.filter((r): r is Extract<ImportRow, { ok: false }> => !r.ok);
  if (bad.length && !options.skipBad) {
    const first = bad[0]?.error ?? "";
    return {
      ok: false,
      message: `${bad.length === 1 ? "1 row has a problem" : `${bad.length} rows have problems`} (${first}). Nothing was imported; import only the good rows, or fix the file.`,
    };
  }
  const good = file.rows.filter((r): r is Extract<ImportRow, { ok: true }> => r.ok);
  if (!good.length) return { ok: false, message: "There are no tasks in that file to import." };
  const result = await addTasks(db, ctx, {
    id: randomUUID(),
    items: good.map((r) => ({ input: r.input, row: r.row })),
  });
  return result.ok ? result : { ok: false, message: result.message };
}
