import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { type Cursor, encodeCursor } from "@/lib/cursor";
import type { Db } from "@/lib/db/client";
import { type AccountRef, type AuditFilters, type AuditQuery, dayRange } from "./filters";
import type { AuditKind, AuditTarget } from "./kinds";

export const AUDIT_PAGE_SIZE = 50;

/** One row of the audit table. */
export type AuditRow = {
  id: string;
  kind: AuditKind;
  createdAt: Date;
  actorId: string | null;
  /** null once that account is deleted. */
  actorEmail: string | null;
  subjectId: string | null;
  /** null once that account is deleted. */
  subjectEmail: string | null;
  targetType: AuditTarget | null;
  targetId: string | null;
  /** For an operation target: whether its log row is still there to link to. */
  targetExists: boolean;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown>;
};

export type AuditPage = {
  rows: AuditRow[];
  /** Cursor of the next (older) page, when there is one. */
  older?: string;
  /** Cursor of the previous (newer) page, when this is not the first page. */
  newer?: string;
};

/**
 * One page of the audit trail, newest first, keyset-paged on (created_at, id) like the
 * operation log (lib/admin/list.ts): events recorded meanwhile never shift a page.
 */
export async function listAuditPage(db: Db, query: AuditQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where = await filterWhere(db, query.filters);
  if (query.before) {
    const newer = await readRows(db, [where, newerThan(query.before)], "asc", pageSize + 1);
    // Less than a full page newer than the cursor: that is the top, so show the first page.
    if (newer.length <= pageSize) return listAuditPage(db, { filters: query.filters }, pageSize);
    const rows = newer.slice(0, pageSize).reverse();
    return { rows, newer: cursorOf(rows[0]), older: cursorOf(rows.at(-1)) };
  }
  const fetched = await readRows(db, query.after ? [where, olderThan(query.after)] : [where], "desc", pageSize + 1);
  const rows = fetched.slice(0, pageSize);
  return {
    rows,
    older: fetched.length > pageSize ? cursorOf(rows.at(-1)) : undefined,
    newer: query.after ? cursorOf(rows[0]) : undefined,
  };
}

/** The newest events of these kinds (the account history on /admin/users). */
export async function recentAuditEvents(db: Db, kinds: AuditKind[], limit: number): Promise<AuditRow[]> {
  return readRows(db, [{ kind: { in: kinds } }], "desc", limit);
}

type Where = Prisma.AuditEventWhereInput;

const NOTHING: Where = { id: { in: [] } };

async function filterWhere(db: Db, filters: AuditFilters): Promise<Where> {
  const and: Where[] = [];
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.actor) and.push("id" in filters.actor ? { actorId: filters.actor.id } : { actor: { is: filters.actor } });
  if (filters.subject) {
    // The subject has no foreign key (rows outlive accounts): an e-mail names an account that still exists.
    const id = await accountId(db, filters.subject);
    and.push(id ? { subjectId: id } : NOTHING);
  }
  const range = dayRange(filters);
  if (range.gte || range.lt) and.push({ createdAt: range });
  return { AND: and };
}

async function accountId(db: Db, ref: AccountRef): Promise<string | null> {
  if ("id" in ref) return ref.id;
  const user = await db.user.findUnique({ where: { email: ref.email }, select: { id: true } });
  return user?.id ?? null;
}

// The redundant bound on created_at lets the (…, created_at DESC, id DESC) indexes start at the cursor.
const olderThan = ({ at, id }: Cursor): Where => ({
  createdAt: { lte: at },
  OR: [{ createdAt: { lt: at } }, { id: { lt: id } }],
});
const newerThan = ({ at, id }: Cursor): Where => ({
  createdAt: { gte: at },
  OR: [{ createdAt: { gt: at } }, { id: { gt: id } }],
});

async function readRows(db: Db, where: Where[], direction: "asc" | "desc", limit: number): Promise<AuditRow[]> {
  const rows = await db.auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: limit,
    include: { actor: { select: { email: true } } },
  });
  // Subjects and targets have no foreign key: look up the ones that still exist, for this page only.
  const subjectIds = [...new Set(rows.flatMap((r) => (r.subjectId ? [r.subjectId] : [])))];
  const operationIds = rows.flatMap((r) => (r.targetType === "operation" && r.targetId ? [r.targetId] : []));
  const [subjects, operations] = await Promise.all([
    subjectIds.length
      ? db.user.findMany({ where: { id: { in: subjectIds } }, select: { id: true, email: true } })
      : Promise.resolve([]),
    operationIds.length
      ? db.taskOperationLog.findMany({ where: { id: { in: operationIds } }, select: { id: true } })
      : Promise.resolve([]),
  ]);
  const emailOf = new Map(subjects.map((s) => [s.id, s.email]));
  const existing = new Set(operations.map((o) => o.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    createdAt: r.createdAt,
    actorId: r.actorId,
    actorEmail: r.actor?.email ?? null,
    subjectId: r.subjectId,
    subjectEmail: r.subjectId ? (emailOf.get(r.subjectId) ?? null) : null,
    targetType: r.targetType,
    targetId: r.targetId,
    targetExists: r.targetId !== null && (r.targetType !== "operation" || existing.has(r.targetId)),
    ip: r.ip,
    userAgent: r.userAgent,
    detail:
      r.detail && typeof r.detail === "object" && !Array.isArray(r.detail) ? (r.detail as Record<string, unknown>) : {},
  }));
}

function cursorOf(row: AuditRow | undefined): string | undefined {
  return row ? encodeCursor({ at: row.createdAt, id: row.id }) : undefined;
}
