import { exportFileName, logsCsvStream } from "@/lib/admin/export";
import { type LogFilters, parseLogQuery } from "@/lib/admin/filters";
import { clientInfo } from "@/lib/audit/client";
import { type AuditDetail, recordAuditEvent } from "@/lib/audit/record";
import { requireApiAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { downloadResponse, errorResponse } from "@/lib/http";
import { isUuid } from "@/lib/validation";

// The CSV of the filtered operation log (same URL filters as /admin/logs), streamed.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const admin = await requireApiAdmin();
    const parsed = parseLogQuery(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError("bad_request", parsed.message, { fields: parsed.fields });
    const { filters } = parsed.query;
    const db = await getDb();
    const stream = await logsCsvStream(db, filters);
    // Recorded once the first rows are read and before any is sent: an export that cannot be
    // recorded is not made.
    await recordAuditEvent(db, {
      kind: "logs_exported",
      actorId: admin.id,
      subjectId: filters.user && isUuid(filters.user) ? filters.user : null,
      client: clientInfo(request.headers),
      detail: exportDetail(filters),
    });
    return downloadResponse(stream, "text/csv; charset=utf-8", exportFileName());
  } catch (error) {
    return errorResponse(error);
  }
}

/** Which rows the file held. Free text (the user filter, the search) may be personal: only whether it was used. */
function exportDetail(filters: LogFilters): AuditDetail {
  const { user, q, ...choices } = filters;
  return { ...choices, byUser: Boolean(user), bySearch: Boolean(q) };
}
