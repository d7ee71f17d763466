import { withApiSession } from "@/lib/auth/api-session";
import { isSessionCurrent } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import type { ListTasksInput } from "@/lib/tasks/schemas";
import { listTasks } from "@/lib/tasks/service";
import { isValidTimeZone } from "@/lib/time/zone";

// GET /api/tasks?status=pending|completed|all&tz=Europe/Berlin — the task panel's list (SWR
// reads it, components/data/keys.ts). The same task service as the agent's list_tasks, which
// validates the status; a read from the panel is not logged (source "ui").
export const dynamic = "force-dynamic";

export const GET = withApiSession(async (request, { user, sessionVersion }) => {
  try {
    const db = await getDb();
    // A signed-out token (older session version) is no session (lib/auth/session.ts).
    if (!(await isSessionCurrent(db, user.id, sessionVersion))) throw new AppError("unauthorized", "Sign in to continue.");
    const params = new URL(request.url).searchParams;
    const tz = params.get("tz") ?? "UTC";
    if (!isValidTimeZone(tz)) throw new AppError("bad_request", "tz must be an IANA time zone such as Europe/Berlin.");
    const result = await listTasks(db, { userId: user.id, source: "ui", timeZone: tz }, { status: params.get("status") ?? "pending" } as ListTasksInput);
    if (!result.ok) throw new AppError("bad_request", result.message);
    if (result.kind !== "listed") throw new Error(`Unexpected task service result: ${result.kind}`);
    return Response.json({ tasks: result.tasks, total: result.total }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
});
