// Listing tasks: the agent's list_tasks and the panel's reads, one definition of every filter
// ("overdue", "this week", completed on a day…) in SQL. Logged from chat (admins see what the
// agent looked at); the panel's reads are not.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { bucketRange, dayRangeBounds, todayIn, type DayRange } from "./dates";
import { fold, foldedSql } from "./fold";
import { due, parse } from "./input";
import { runLogged, type Tx } from "./log";
import { listTasksInput, type ListTasksInput } from "./schemas";
import type { OperationContext, ToolError, ToolResult } from "./types";
import { toView, taskWithTags } from "./view";

const LIST_LIMIT = 200;

function dueWhere(range: DayRange, ctx: OperationContext): Prisma.TaskWhereInput {
  const b = dayRangeBounds(range, ctx.timeZone ?? "UTC");
  return {
    OR: [
      { dueAllDay: true, dueDate: b.allDay },
      { dueAllDay: false, dueDate: b.timed },
    ],
  };
}

const UNACCENTED_LIMIT = 1000;

/**
 * The user's tasks whose title or description holds the text once accents are set aside on both
 * sides ("cardiologo" and "cardiólogo"). Added to the plain case-insensitive match, never in place
 * of it, so it can only find more.
 */
async function unaccentedMatches(tx: Tx, userId: string, search: string): Promise<string[]> {
  const text = fold(search);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM tasks
    WHERE user_id = ${userId}::uuid AND deleted_at IS NULL
      AND (strpos(${foldedSql(Prisma.sql`title`)}, ${text}) > 0
        OR strpos(${foldedSql(Prisma.sql`coalesce(description, '')`)}, ${text}) > 0)
    LIMIT ${UNACCENTED_LIMIT}`;
  return rows.map((r) => r.id);
}

async function listed(tx: Tx, ctx: OperationContext, input: ListTasksInput, now: Date): Promise<ToolResult> {
  const f = parse(listTasksInput, input);
  const zone = ctx.timeZone ?? "UTC";
  const and: Prisma.TaskWhereInput[] = [{ userId: ctx.userId, deletedAt: null }];
  const byCompletion = Boolean(f.completedAfter || f.completedBefore);
  // "Show my tasks" means what is left to do (the contract judges no status as pending); a
  // search looks everywhere, so "is the MOT booked yet?" finds a finished task too.
  const status = f.status ?? (byCompletion ? "completed" : f.search ? "all" : "pending");
  if (status !== "all") and.push({ status });
  if (f.priority) and.push({ priority: f.priority });
  if (f.tag) and.push({ tags: { some: { tag: { name: f.tag } } } });
  if (f.search) {
    const unaccented = await unaccentedMatches(tx, ctx.userId, f.search);
    and.push({
      OR: [
        { title: { contains: f.search, mode: "insensitive" } },
        { description: { contains: f.search, mode: "insensitive" } },
        ...(unaccented.length ? [{ id: { in: unaccented } }] : []),
      ],
    });
  }
  if (f.due === "overdue") {
    const today = todayIn(now, zone);
    and.push({
      OR: [
        { dueAllDay: true, dueDate: { lt: new Date(Date.UTC(today.year, today.month - 1, today.day)) } },
        { dueAllDay: false, dueDate: { lt: now } },
      ],
    });
  } else if (f.due) {
    and.push(dueWhere(bucketRange(f.due, now, zone), ctx));
  }
  const dayOfInput = (s: string) => {
    const d = due(s, ctx);
    return d.allDay
      ? { year: d.date.getUTCFullYear(), month: d.date.getUTCMonth() + 1, day: d.date.getUTCDate() }
      : todayIn(d.date, zone);
  };
  // dueBefore/dueAfter name days, each inclusive (the contract's reading, like completedAfter/
  // completedBefore): "next month" is dueAfter = the 1st, dueBefore = the 30th.
  if (f.dueBefore || f.dueAfter) {
    const to = f.dueBefore ? dayOfInput(f.dueBefore) : null;
    const from = f.dueAfter ? dayOfInput(f.dueAfter) : null;
    and.push(dueWhere({ from, to }, ctx));
  }
  // completedAfter/completedBefore name days in the user's zone, each inclusive.
  if (byCompletion) {
    const from = f.completedAfter
      ? dayRangeBounds({ from: dayOfInput(f.completedAfter), to: null }, zone).timed.gte
      : undefined;
    const to = f.completedBefore
      ? dayRangeBounds({ from: null, to: dayOfInput(f.completedBefore) }, zone).timed.lt
      : undefined;
    and.push({ completedAt: { not: null, gte: from, lt: to } });
  }
  const where: Prisma.TaskWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    tx.task.findMany({
      where,
      include: taskWithTags,
      orderBy: [{ status: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { number: "asc" }],
      take: LIST_LIMIT,
    }),
    tx.task.count({ where }),
  ]);
  const filter = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  return { ok: true, kind: "listed", tasks: rows.map(toView), total, filter };
}

/** Lists the user's tasks. From chat it is logged (admins see what the agent looked at); the UI's panel reads are not. */
export async function listTasks(
  db: Db,
  ctx: OperationContext,
  input: ListTasksInput = {},
  now = new Date(),
): Promise<ToolResult> {
  if (ctx.source === "ui") {
    try {
      return await listed(db as unknown as Tx, ctx, input, now);
    } catch (error) {
      const result = (error as { result?: ToolError }).result;
      if (result) return result;
      throw error;
    }
  }
  return runLogged(db, ctx, { operation: "list", input }, async (tx) => ({
    result: await listed(tx, ctx, input, now),
  }));
}
