import { withApiSession } from "@/lib/auth/api-session";
import { isSessionCurrent } from "@/lib/auth/users";
import { listConversations } from "@/lib/conversations/list";
import type { ListInput } from "@/lib/conversations/schemas";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// GET /api/conversations?view=active|archived&q=words&cursor=… — one page of the sidebar's list
// (SWR reads it, components/data/keys.ts). lib/conversations validates the view, search and cursor.
export const dynamic = "force-dynamic";

export const GET = withApiSession(async (request, { user, sessionVersion }) => {
  try {
    const db = await getDb();
    // A signed-out token (older session version) is no session (lib/auth/session.ts).
    if (!(await isSessionCurrent(db, user.id, sessionVersion))) throw new AppError("unauthorized", "Sign in to continue.");
    const params = new URL(request.url).searchParams;
    const input = { view: params.get("view") ?? undefined, query: params.get("q") ?? undefined, cursor: params.get("cursor") } as ListInput;
    const page = await listConversations(db, user.id, input);
    return Response.json(page, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
});
