// Route handlers that read the session themselves, once: proxy.ts lets their paths through
// without decoding the cookie (it would otherwise be decrypted there and again here). The same
// next-auth wrapper proxy.ts uses does it, so nothing else changes: no session is answered by
// authConfig.callbacks.authorized (401 JSON for /api/*), and the refreshed session cookie is set
// on the response. Nothing is taken from a request header, so there is nothing to forge.
import "server-only";
import type { NextRequest } from "next/server";
import { getDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { auth } from "./index";
import { isSessionCurrent, type SessionUser } from "./users";

/**
 * The token's user and session version. The version is not checked here: the handler checks
 * it against the user's (isSessionCurrent), where it can share a statement with other work.
 */
export type ApiSession = { user: SessionUser; sessionVersion: number | undefined };

export function withApiSession(
  handler: (request: NextRequest, session: ApiSession) => Promise<Response>,
): (request: NextRequest) => Promise<Response> {
  const wrapped = auth(async (request) => {
    const session = request.auth;
    const user = session?.user;
    // authorized() already answered 401 for a request without a session; this only narrows.
    if (!session || !user?.id)
      return Response.json({ error: { code: "unauthorized", message: "Sign in to continue." } }, { status: 401 });
    return handler(request, {
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      sessionVersion: session.sessionVersion,
    });
  });
  return async (request) => (await wrapped(request, { params: Promise.resolve({}) })) as Response;
}

/**
 * A read route of the signed-in user's own data: the session version checked (a signed-out
 * token is no session), the database at hand, and any error answered as JSON (a 4xx for the
 * client's mistakes, never a stack trace).
 */
export function withCurrentUser(
  handler: (request: NextRequest, ctx: { user: SessionUser; db: Db }) => Promise<Response>,
): (request: NextRequest) => Promise<Response> {
  return withApiSession(async (request, { user, sessionVersion }) => {
    try {
      const db = await getDb();
      if (!(await isSessionCurrent(db, user.id, sessionVersion)))
        throw new AppError("unauthorized", "Sign in to continue.");
      return await handler(request, { user, db });
    } catch (error) {
      return errorResponse(error);
    }
  });
}
