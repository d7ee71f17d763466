import { withCurrentUser } from "@/lib/auth/api-session";
import { AppError } from "@/lib/errors";
import { readTaskView } from "@/lib/tasks/list-view-query";
import { taskListView, type ListTasksInput } from "@/lib/tasks/schemas";
import { listTasks } from "@/lib/tasks/service";
import { isValidTimeZone } from "@/lib/time/zone";

// GET /api/tasks?view=pending|today|upcoming|overdue|completed|trash&tz=Europe/Berlin — the task
// panel's list for one view with every view's count (SWR reads it, components/data/keys.ts).
// ?status=pending|completed|all lists by status alone. The same task service as the agent's
// list_tasks, which validates the status; a read from the panel is not logged (source "ui").
export const dynamic = "force-dynamic";

export const GET = withCurrentUser(async (request, { user, db }) => {
  const params = new URL(request.url).searchParams;
  const tz = params.get("tz") ?? "UTC";
  if (!isValidTimeZone(tz)) throw new AppError("bad_request", "tz must be an IANA time zone such as Europe/Berlin.");
  const ctx = { userId: user.id, source: "ui" as const, timeZone: tz };
  const view = params.get("view");
  if (view !== null) {
    const parsed = taskListView.safeParse(view);
    if (!parsed.success)
      throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "That is not a task view.");
    const page = await readTaskView(db, ctx, parsed.data);
    if (!page.ok) throw new AppError("bad_request", page.message);
    return Response.json(
      { tasks: page.tasks, total: page.total, counts: page.counts },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  const result = await listTasks(db, ctx, { status: params.get("status") ?? "pending" } as ListTasksInput);
  if (!result.ok) throw new AppError("bad_request", result.message);
  if (result.kind !== "listed") throw new Error(`Unexpected task service result: ${result.kind}`);
  return Response.json({ tasks: result.tasks, total: result.total }, { headers: { "Cache-Control": "no-store" } });
});
