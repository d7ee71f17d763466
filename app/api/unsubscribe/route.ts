import { runtimeAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/http";
import { handleUnsubscribe } from "@/lib/notifications/unsubscribe-route";

// Public (lib/auth/config.ts PUBLIC_PATHS): the signed token is the permission.
export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  try {
    return await handleUnsubscribe(request, await getDb(), runtimeAuthSecret());
  } catch (error) {
    return errorResponse(error);
  }
}

export const GET = handle;
export const POST = handle;
