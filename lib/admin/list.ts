import "server-only";
import { encodeCursor } from "@/lib/cursor";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import {
  containsPattern,
  filterConditions,
  filteredFrom,
  newerThan,
  olderThan,
  TASK_TITLE,
  textArms,
  whereClause,
} from "./filter-sql";
import { maskSensitive } from "@/lib/privacy/sensitive";
import { isUuid } from "@/lib/validation";
import type { Cursor, LogFilters, LogQuery, OperationName, SourceName, StatusName } from "./filters";

export const PAGE_SIZE = 50;

/** One row of the log table. */
export type LogRow = {
  id: string;
  createdAt: Date;
  finishedAt: Date | null;
  userId: string;
  userEmail: string;
  userName: string;
  /** Who made the change: the user, or an admin (undo from the log); null once that account is gone. */
  actorId: string | null;
  actorEmail: string | null;
  operation: OperationName;
  source: SourceName;
  status: StatusName;
  taskId: string | null;
  taskNumber: number | null;
  taskTitle: string | null;
  originalCommand: string | null;
  durationMs: number | null;
  error: string | null;
  undoOfId: string | null;
  /** A successful undo of this operation exists. */
  undone: boolean;
  /** Some of the row's text (task title, command, error) holds sensitive values, shown masked. */
  masked?: boolean;
};

export type LogPage = {
  rows: LogRow[];
  /** Cursor of the next (older) page, when there is one. */
  older?: string;
  /** Cursor of the previous (newer) page, when this is not the first page. */
  newer?: string;
};

const ROW_COLUMNS = Prisma.sql`
  l.id, l.created_at AS "createdAt", l.finished_at AS "finishedAt",
  l.user_id AS "userId", u.email AS "userEmail", u.name AS "userName",
  l.actor_id AS "actorId", a.email AS "actorEmail",
  l.operation::text AS operation, l.source::text AS source, l.status::text AS status,
  l.task_id AS "taskId", t.number AS "taskNumber", ${TASK_TITLE} AS "taskTitle",
  l.original_command AS "originalCommand", l.duration_ms AS "durationMs", l.error,
  l.undo_of_id AS "undoOfId",
  EXISTS (SELECT 1 FROM task_operation_logs x WHERE x.undo_of_id = l.id AND x.status = 'success') AS undone`;

/**
 * The rows with the users' words masked (e-mail addresses, phone, card and IBAN numbers,
 * lib/privacy/sensitive.ts): the list is never revealed, an admin reveals one entry at a time.
 */
async function masked(rows: LogRow[]): Promise<LogRow[]> {
  return Promise.all(
    rows.map(async (row) => {
      const [taskTitle, originalCommand, error] = await Promise.all([
        maskSensitive(row.taskTitle),
        maskSensitive(row.originalCommand),
        maskSensitive(row.error),
      ]);
      const changed = taskTitle !== row.taskTitle || originalCommand !== row.originalCommand || error !== row.error;
      return changed ? { ...row, taskTitle, originalCommand, error, masked: true } : row;
    }),
  );
}

/**
 * One page of the log, newest first, its text masked. Keyset pagination on (created_at, id): a page is "the 50
 * rows just older (or newer) than this row", so rows arriving meanwhile never shift a page and
 * the database never scans skipped rows as it would with OFFSET.
 */
export async function listLogPage(db: Db, query: LogQuery, pageSize = PAGE_SIZE): Promise<LogPage> {
  if (query.before) {
    const newerRows = await readRows(db, query.filters, { newerThan: query.before, limit: pageSize + 1 });
    // Fewer than a full page newer than the cursor: that is the top of the log, so show the
    // first page (which also picks up rows that arrived since).
    if (newerRows.length <= pageSize) return listLogPage(db, { filters: query.filters }, pageSize);
    const rows = await masked(newerRows.slice(0, pageSize).reverse());
    return { rows, newer: cursorOf(rows[0]), older: cursorOf(rows.at(-1)) };
  }
  const fetched = await readRows(db, query.filters, { olderThan: query.after, limit: pageSize + 1 });
  const rows = await masked(fetched.slice(0, pageSize));
  return {
    rows,
    older: fetched.length > pageSize ? cursorOf(rows.at(-1)) : undefined,
    newer: query.after ? cursorOf(rows[0]) : undefined,
  };
}

/** A user filter (name or email text) matching at most this many accounts reads them one by one. */
const FEW_USERS = 20;

/** Rows in log order from a cursor on: olderThan reads newest first, newerThan oldest first. */
export async function readRows(
  db: Db,
  filters: LogFilters,
  page: { olderThan?: Cursor; newerThan?: Cursor; limit: number },
): Promise<LogRow[]> {
  // Text naming a few accounts: each account's rows come from its own index in log order,
  // whatever its size. (A join cannot tell that one account has 100,000 rows and reads them all.)
  const userIds = filters.user && !isUuid(filters.user) ? await fewUsersMatching(db, filters.user) : null;
  const rest = userIds ? { ...filters, user: undefined } : filters;
  const conditions = filterConditions({ ...rest, q: undefined });
  if (page.olderThan) conditions.push(olderThan(page.olderThan));
  if (page.newerThan) conditions.push(newerThan(page.newerThan));
  const direction = page.newerThan ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const first = (rows: Prisma.Sql) =>
    Prisma.sql`${rows} ORDER BY created_at ${direction}, id ${direction} LIMIT ${page.limit}`;
  const pick = (where: Prisma.Sql[]) =>
    first(Prisma.sql`SELECT l.id, l.created_at ${filteredFrom(rest)} ${whereClause(where)}`);
  const picks = (filters.q ? textArms(filters.q) : [null]).map((arm) => {
    const where = arm ? [...conditions, arm] : conditions;
    if (!userIds) return pick(where);
    return first(Prisma.sql`SELECT x.id, x.created_at FROM unnest(${userIds}::uuid[]) AS chosen(id)
      CROSS JOIN LATERAL (${pick([...where, Prisma.sql`l.user_id = chosen.id`])}) x`);
  });
  // Free text: the page of each alternative, merged (see textArms).
  const [only] = picks;
  const picked =
    picks.length === 1 && only
      ? only
      : first(
          Prisma.sql`SELECT id, created_at FROM (${Prisma.join(
            picks.map((q) => Prisma.sql`(${q})`),
            " UNION ",
          )}) m`,
        );
  // The page's rows are picked first, with only the joins the filters need; the user and task
  // shown on each row are joined to those few rows, not to every row the filters pass.
  return db.$queryRaw<LogRow[]>`
    SELECT ${ROW_COLUMNS}
    FROM (${picked}) p
    JOIN task_operation_logs l ON l.id = p.id
    JOIN users u ON u.id = l.user_id
    LEFT JOIN users a ON a.id = l.actor_id
    LEFT JOIN tasks t ON t.id = l.task_id
    ORDER BY l.created_at ${direction}, l.id ${direction}`;
}

/** The accounts whose email or name contains the text, or null when there are more than a few. */
async function fewUsersMatching(db: Db, text: string): Promise<string[] | null> {
  const pattern = containsPattern(text);
  const rows = await db.$queryRaw<
    { id: string }[]
  >`SELECT id FROM users WHERE email ILIKE ${pattern} OR name ILIKE ${pattern} LIMIT ${FEW_USERS + 1}`;
  return rows.length > FEW_USERS ? null : rows.map((r) => r.id);
}

export function toCursor(row: { createdAt: Date; id: string }): Cursor {
  return { at: row.createdAt, id: row.id };
}

/** The encoded cursor of a page's edge row; none when the page is empty. */
function cursorOf(row: { createdAt: Date; id: string } | undefined): string | undefined {
  return row ? encodeCursor(toCursor(row)) : undefined;
}
