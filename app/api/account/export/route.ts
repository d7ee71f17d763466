import { exportAccount } from "@/lib/account/export";
import { clientInfo } from "@/lib/audit/client";
import { withCurrentUser } from "@/lib/auth/api-session";
import { downloadResponse } from "@/lib/http";

// GET /api/account/export — everything the signed-in user owns, as one JSON download, streamed.
export const dynamic = "force-dynamic";

export const GET = withCurrentUser(async (request, { user, db }) => {
  const file = await exportAccount(db, user.id, { client: clientInfo(request.headers) });
  return downloadResponse(file.body, file.contentType, file.fileName);
});
