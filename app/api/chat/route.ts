import { withApiSession } from "@/lib/auth/api-session";
import { handleChat } from "@/lib/chat/turn";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http";

// Streams for as long as the agent needs; tools are quick, so this is generous.
export const maxDuration = 60;

// The session is decoded once, here (proxy.ts skips this path); its version is checked by the
// turn's first statement.
export const POST = withApiSession(async (request, { user, sessionVersion }) => {
  try {
    return await handleChat(await getDb(), user, request, new Date(), { sessionVersion: sessionVersion ?? null });
  } catch (error) {
    return errorResponse(error);
  }
});
