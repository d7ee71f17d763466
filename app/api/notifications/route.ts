import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http";
import { unreadReminders } from "@/lib/notifications/bell";

// The bell polls this every few seconds: a plain read, so any app instance can answer it.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const user = await requireApiUser();
    const body = await unreadReminders(await getDb(), user.id);
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
