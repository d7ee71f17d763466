import { z } from "zod";
import { withApiSession } from "@/lib/auth/api-session";
import { isSessionCurrent } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
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

export const GET = withApiSession(async (request, { user, sessionVersion }) => {
  try {
    const db = await getDb();
    if (!(await isSessionCurrent(db, user.id, sessionVersion))) throw new AppError("unauthorized", "Sign in to continue.");
    const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "That request is not valid.");
    const day = new Date().toISOString().slice(0, 10);
    if (parsed.data.format === "csv") {
      return download(await tasksCsvStream(db, user.id), "text/csv; charset=utf-8", `doable-tasks-${day}.csv`);
    }
    const zone = (await readSettings(db, user.id)).timeZone ?? parsed.data.tz ?? "UTC";
    return download(await tasksIcsStream(db, user.id, zone), "text/calendar; charset=utf-8", `doable-tasks-${day}.ics`);
  } catch (error) {
    return errorResponse(error);
  }
});

function download(body: ReadableStream<Uint8Array>, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
