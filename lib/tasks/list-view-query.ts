// The task panel's views (list-views.ts) as the task service's filters, and how many tasks each
// holds. Overdue, today and upcoming are filter.ts's definitions: the lists go through the
// service's list filters, the counts compare with the same bounds in one statement.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays } from "@/lib/time/zone";
import { isoDate, todayIn } from "./dates";
import { bucketBounds, overdueBounds, upcomingBounds } from "./filter";
import type { TaskListView, TaskViewCounts } from "./list-views";
import type { ListTasksInput } from "./schemas";
import { listTasks } from "./service";
import { listTrash } from "./trash";
import type { OperationContext, TaskView, ToolError } from "./types";

/** The service's list filter for a view (all but the trash, which the service never lists). */
export function viewFilter(view: Exclude<TaskListView, "trash">, now: Date, timeZone: string): ListTasksInput {
  switch (view) {
    case "pending":
    case "completed":
      return { status: view };
    case "today":
      return { status: "pending", due: "today" };
    case "overdue":
      return { status: "pending", due: "overdue" };
    case "upcoming":
      // From tomorrow on (dueAfter is a day, inclusive).
      return { status: "pending", dueAfter: isoDate(addDays(todayIn(now, timeZone), 1)) };
  }
}

type Bounds = { gte?: Date; lt?: Date; lte?: Date };
const from = (b: Bounds) => (b.gte ? Prisma.sql`due_date >= ${b.gte}` : Prisma.sql`due_date IS NOT NULL`);
const until = (b: Bounds) =>
  b.lte ? Prisma.sql`due_date <= ${b.lte}` : b.lt ? Prisma.sql`due_date < ${b.lt}` : Prisma.sql`TRUE`;
const within = (b: { allDay: Bounds; timed: Bounds }) =>
  Prisma.sql`((due_all_day AND ${from(b.allDay)} AND ${until(b.allDay)}) OR (NOT due_all_day AND ${from(b.timed)} AND ${until(b.timed)}))`;

/** Every view's count for one user, in one statement. */
export async function countTasksByView(db: Db, userId: string, now: Date, timeZone: string): Promise<TaskViewCounts> {
  const overdue = overdueBounds(now, timeZone);
  const rows = await db.$queryRaw<Record<TaskListView, bigint | number>[]>`
    SELECT
      count(*) FILTER (WHERE deleted_at IS NULL AND status = 'pending') AS pending,
      count(*) FILTER (WHERE deleted_at IS NULL AND status = 'pending' AND ${within(bucketBounds("today", now, timeZone))}) AS today,
      count(*) FILTER (WHERE deleted_at IS NULL AND status = 'pending' AND ${within(upcomingBounds(now, timeZone))}) AS upcoming,
      count(*) FILTER (WHERE deleted_at IS NULL AND status = 'pending'
        AND ((due_all_day AND due_date < ${overdue.allDayBefore}) OR (NOT due_all_day AND due_date < ${overdue.timedBefore}))) AS overdue,
      count(*) FILTER (WHERE deleted_at IS NULL AND status = 'completed') AS completed,
      count(*) FILTER (WHERE deleted_at IS NOT NULL) AS trash
    FROM tasks WHERE user_id = ${userId}::uuid`;
  const row = rows[0];
  if (!row) throw new Error("A count(*) query returned no row.");
  return {
    pending: Number(row.pending),
    today: Number(row.today),
    upcoming: Number(row.upcoming),
    overdue: Number(row.overdue),
    completed: Number(row.completed),
    trash: Number(row.trash),
  };
}

export type ViewPage = { ok: true; tasks: TaskView[]; total: number; counts: TaskViewCounts };

/** One view's tasks (as the service lists them) with every view's count. A panel read: not logged. */
export async function readTaskView(
  db: Db,
  ctx: OperationContext,
  view: TaskListView,
  now = new Date(),
): Promise<ViewPage | ToolError> {
  const zone = ctx.timeZone ?? "UTC";
  const [page, counts] = await Promise.all([
    view === "trash"
      ? listTrash(db, ctx.userId)
      : listTasks(db, { ...ctx, source: "ui" }, viewFilter(view, now, zone), now),
    countTasksByView(db, ctx.userId, now, zone),
  ]);
  if ("ok" in page) {
    if (!page.ok) return page;
    if (page.kind !== "listed") throw new Error(`Unexpected task service result: ${page.kind}`);
    return { ok: true, tasks: page.tasks, total: page.total, counts };
  }
  return { ok: true, ...page, counts };
}
