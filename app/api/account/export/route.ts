import { exportAccount } from "@/lib/account/export";
import { withCurrentUser } from "@/lib/auth/api-session";
import { downloadResponse } from "@/lib/http";

// GET /api/account/export — everything the signed-in user owns, as one JSON download, streamed.
export const dynamic = "force-dynamic";

export const GET = withCurrentUser(async (_request, { user, db }) => {
  const file = await exportAccount(db, user.id);
  return downloadResponse(file.body, file.contentType, file.fileName);
});
