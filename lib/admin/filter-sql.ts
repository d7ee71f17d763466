import { Prisma } from "@/generated/prisma/client";
import { dayAfter, dayStart, isUuid, type Cursor, type LogFilters } from "./filters";

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
  if (filters.to) conditions.push(Prisma.sql`l.created_at < ${dayAfter(filters.to)}::timestamptz`);
  if (filters.q) {
    // TASK_TITLE ILIKE p, written so that each arm can use a trigram index (see the
    // admin_text_search migration): a search that matches few rows reads only those rows.
    const pattern = containsPattern(filters.q);
    conditions.push(Prisma.sql`(l.original_command ILIKE ${pattern}
      OR l.task_id = ANY (ARRAY(SELECT id FROM tasks WHERE title ILIKE ${pattern}))
      OR (l.operation = 'add' AND l.task_id IS NULL AND l.input ->> 'title' ILIKE ${pattern}))`);
  }
  return conditions;
}

/** Rows strictly older than the cursor in (created_at desc, id desc) order. */
export function olderThan(cursor: Cursor): Prisma.Sql {
  return Prisma.sql`(l.created_at, l.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
}

/** Rows strictly newer than the cursor. */
export function newerThan(cursor: Cursor): Prisma.Sql {
  return Prisma.sql`(l.created_at, l.id) > (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
}

export function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/** An ILIKE pattern matching the text anywhere, with the user's own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
