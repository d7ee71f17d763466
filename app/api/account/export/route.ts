import { exportAccount } from "@/lib/account/export";
import { withApiSession } from "@/lib/auth/api-session";
import { isSessionCurrent } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// GET /api/account/export — everything the signed-in user owns, as one JSON download, streamed.
export const dynamic = "force-dynamic";

export const GET = withApiSession(async (_request, { user, sessionVersion }) => {
  try {
    const db = await getDb();
    if (!(await isSessionCurrent(db, user.id, sessionVersion))) throw new AppError("unauthorized", "Sign in to continue.");
    const file = await exportAccount(db, user.id);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
});
