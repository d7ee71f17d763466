import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { isUuid } from "@/lib/validation";
import { dayAfter, dayStart, type Cursor, type LogFilters } from "./filters";

// One translation of the filters into SQL, used by the page, the figures and the export,
// so they always agree on which rows are "the filtered set".
// Aliases: l = task_operation_logs, u = users, t = tasks (left-joined).

export const LOG_FROM = Prisma.sql`
  FROM task_operation_logs l
  JOIN users u ON u.id = l.user_id
  LEFT JOIN tasks t ON t.id = l.task_id`;

/**
 * The task title shown for a row: the task's current title, or for an add that made no task
 * (it failed) the title it was asked to use. Other operations' input titles are new titles,
 * not the task's, so they are not shown as if they were.
 */
/**
 * The FROM clause with only the joins the filters read: the users table for a user name or
 * email. Aggregates over many rows (the figures) skip joins
 * that would only slow them down.
 */
export function filteredFrom(filters: LogFilters): Prisma.Sql {
  const users = filters.user && !isUuid(filters.user) ? Prisma.sql`JOIN users u ON u.id = l.user_id` : Prisma.empty;
  return Prisma.sql`FROM task_operation_logs l ${users}`;
}

export const TASK_TITLE = Prisma.sql`COALESCE(t.title, CASE WHEN l.operation = 'add' THEN l.input->>'title' END)`;

export function filterConditions(filters: LogFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.user) {
    if (isUuid(filters.user)) {
      conditions.push(Prisma.sql`l.user_id = ${filters.user}::uuid`);
    } else {
      const pattern = containsPattern(filters.user);
      conditions.push(Prisma.sql`(u.email ILIKE ${pattern} OR u.name ILIKE ${pattern})`);
    }
  }
  // Parameters are cast to the enum types so the comparisons can use the indexes.
  if (filters.operation) conditions.push(Prisma.sql`l.operation = CAST(${filters.operation} AS "Operation")`);
  if (filters.status) conditions.push(Prisma.sql`l.status = CAST(${filters.status} AS "OperationStatus")`);
  if (filters.source) conditions.push(Prisma.sql`l.source = CAST(${filters.source} AS "OperationSource")`);
  if (filters.from) conditions.push(Prisma.sql`l.created_at >= ${dayStart(filters.from)}::timestamptz`);
  const end = filters.to ? dayAfter(filters.to) : null;
  if (end) conditions.push(Prisma.sql`l.created_at < ${end}::timestamptz`);
  if (filters.q) conditions.push(Prisma.sql`(${Prisma.join(textArms(filters.q), " OR ")})`);
  return conditions;
}

/**
 * The free-text filter (the user's words, or TASK_TITLE, contain the text) as alternatives that
 * an index can each serve (trigram indexes, see the admin_text_search migration). The log page
 * runs them as separate ordered queries (see readRows), so a rare or absent word reads only
 * the rows that match and a common one stops after a page.
 */
export function textArms(q: string): Prisma.Sql[] {
  const pattern = containsPattern(q);
  return [
    Prisma.sql`l.original_command ILIKE ${pattern}`,
    Prisma.sql`l.task_id IN (SELECT id FROM tasks WHERE title ILIKE ${pattern})`,
    Prisma.sql`(l.operation = 'add' AND l.task_id IS NULL AND l.input ->> 'title' ILIKE ${pattern})`,
  ];
}

/** Rows strictly older than the cursor in (created_at desc, id desc) order. */
export function olderThan(cursor: Cursor): Prisma.Sql {
  return Prisma.sql`(l.created_at, l.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

/** Rows strictly newer than the cursor. */
export function newerThan(cursor: Cursor): Prisma.Sql {
  return Prisma.sql`(l.created_at, l.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

export function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/** An ILIKE pattern matching the text anywhere, with the user's own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
