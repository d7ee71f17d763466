import { requireApiUser } from "@/lib/auth/session";
import { handleChat } from "@/lib/chat/turn";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http";

// Streams for as long as the agent needs; tools are quick, so this is generous.
export const maxDuration = 60;

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireApiUser();
    return await handleChat(await getDb(), user, request);
  } catch (error) {
    return errorResponse(error);
  }
}
