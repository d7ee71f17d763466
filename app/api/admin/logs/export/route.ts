import { exportFileName, logsCsvStream } from "@/lib/admin/export";
import { parseLogQuery } from "@/lib/admin/filters";
import { requireApiAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// The CSV of the filtered operation log (same URL filters as /admin/logs), streamed.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireApiAdmin();
    const parsed = parseLogQuery(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError("bad_request", parsed.message, { fields: parsed.fields });
    const stream = await logsCsvStream(await getDb(), parsed.query.filters);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName()}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
