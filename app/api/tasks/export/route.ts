import { z } from "zod";
import { clientInfo } from "@/lib/audit/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { withCurrentUser } from "@/lib/auth/api-session";
import { AppError } from "@/lib/errors";
import { downloadResponse } from "@/lib/http";
import { readSettings } from "@/lib/notifications/settings";
import { tasksCsvStream } from "@/lib/tasks/export-csv";
import { tasksIcsStream } from "@/lib/tasks/export-ics";
import { isValidTimeZone } from "@/lib/time/zone";

// GET /api/tasks/export?format=csv|ics&tz=Europe/Berlin — a download of the signed-in user's
// tasks (never anyone else's; nothing from the trash), streamed in batches. tz is the browser's
// zone, used when the user has not chosen one in /settings (it places repeating timed tasks in
// the .ics).
export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(["csv", "ics"], { error: "format must be csv or ics." }).default("csv"),
  tz: z.string().refine(isValidTimeZone, "tz must be an IANA time zone such as Europe/Berlin.").optional(),
});

export const GET = withCurrentUser(async (request, { user, db }) => {
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "That request is not valid.");
  const day = new Date().toISOString().slice(0, 10);
  const { format } = parsed.data;
  const stream =
    format === "csv"
      ? await tasksCsvStream(db, user.id)
      : await tasksIcsStream(db, user.id, (await readSettings(db, user.id)).timeZone ?? parsed.data.tz ?? "UTC");
  // Before anything is sent: an export that cannot be recorded is not made.
  await recordAuditEvent(db, {
    kind: "tasks_exported",
    actorId: user.id,
    subjectId: user.id,
    client: clientInfo(request.headers),
    detail: { format },
  });
  return format === "csv"
    ? downloadResponse(stream, "text/csv; charset=utf-8", `doable-tasks-${day}.csv`)
    : downloadResponse(stream, "text/calendar; charset=utf-8", `doable-tasks-${day}.ics`);
});
