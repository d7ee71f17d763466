import { z } from "zod";
import { clientInfo } from "@/lib/audit/client";
import { recordAuditEvent } from "@/lib/audit/record";
import { requireApiUser } from "@/lib/auth/session";
import { conversationIdSchema } from "@/lib/conversations/schemas";
import { EXPORT_FORMATS, exportConversation } from "@/lib/conversations/export";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { isValidTimeZone } from "@/lib/time/zone";

// GET /api/conversations/:id/export?format=md|json&tz=Europe/Berlin — a download of one of the
// signed-in user's conversations (another user's is not found).
export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "format must be md or json." }).default("md"),
  tz: z.string().refine(isValidTimeZone, "tz must be an IANA time zone such as Europe/Berlin.").default("UTC"),
});

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireApiUser();
    const id = conversationIdSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("not_found", "That conversation does not exist.");
    const url = new URL(request.url);
    const parsed = query.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success)
      throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "That request is not valid.");
    const db = await getDb();
    const file = await exportConversation(db, user.id, id.data, parsed.data.format, parsed.data.tz);
    // Once the conversation is found to be theirs, before anything is sent.
    await recordAuditEvent(db, {
      kind: "conversation_exported",
      actorId: user.id,
      subjectId: user.id,
      targetId: id.data,
      client: clientInfo(request.headers),
      detail: { format: parsed.data.format },
    });
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
