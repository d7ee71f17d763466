import { withCurrentUser } from "@/lib/auth/api-session";
import { listConversations } from "@/lib/conversations/list";
import type { ListInput } from "@/lib/conversations/schemas";

// GET /api/conversations?view=active|archived&q=words&cursor=… — one page of the sidebar's list
// (SWR reads it, components/data/keys.ts). lib/conversations validates the view, search and cursor.
export const dynamic = "force-dynamic";

export const GET = withCurrentUser(async (request, { user, db }) => {
  const params = new URL(request.url).searchParams;
  const input = {
    view: params.get("view") ?? undefined,
    query: params.get("q") ?? undefined,
    cursor: params.get("cursor"),
  } as ListInput;
  const page = await listConversations(db, user.id, input);
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});
