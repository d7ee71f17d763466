import { exportFileName, logsCsvStream } from "@/lib/admin/export";
import { parseLogQuery } from "@/lib/admin/filters";
import { requireApiAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { downloadResponse, errorResponse } from "@/lib/http";

// The CSV of the filtered operation log (same URL filters as /admin/logs), streamed.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireApiAdmin();
    const parsed = parseLogQuery(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError("bad_request", parsed.message, { fields: parsed.fields });
    const stream = await logsCsvStream(await getDb(), parsed.query.filters);
    return downloadResponse(stream, "text/csv; charset=utf-8", exportFileName());
  } catch (error) {
    return errorResponse(error);
  }
}
