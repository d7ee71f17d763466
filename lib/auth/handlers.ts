import "server-only";
import { NextRequest } from "next/server";
import { requestedHost } from "@/lib/client-address";
import { getDb } from "@/lib/db/client";
import { handlers } from "./index";
import { watchSignIn } from "./rate-limited";
import { safeRedirect } from "./redirect";
import { isSessionCurrent } from "./users";

/**
 * next-auth's routes, with answers of our own: a sign-in stopped by a rate limit is a 429
 * with Retry-After (next-auth would redirect to the sign-in page, which a script reads as
 * success or failure), /api/auth/session says null for a session that was signed out, and a
 * callbackUrl next-auth cannot parse (a newline, say) is replaced before it sees it (it
 * answered those with a 500 "server configuration" error).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const { response, limited } = await watchSignIn(async () => handlers.POST(await withSafeCallbackUrl(request)));
  if (!limited) return response;
  return Response.json(
    { error: { code: "rate_limited", message: limited.userMessage } },
    { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } },
  );
}

export async function GET(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(await withSafeCallbackUrl(request));
  if (!request.nextUrl.pathname.endsWith("/session") || !response.ok) return response;
  const session = (await response
    .clone()
    .json()
    .catch(() => null)) as { user?: { id?: string }; sessionVersion?: number } | null;
  if (!session?.user?.id || (await isSessionCurrent(await getDb(), session.user.id, session.sessionVersion)))
    return response;
  return Response.json(null, { headers: { "Cache-Control": "private, no-cache, no-store" } });
}

// next-auth checks the callbackUrl query parameter and its callback-url cookie on every route.
const CALLBACK_COOKIE = /(^|;\s*)((?:__Secure-)?authjs\.callback-url)=([^;]*)/g;

async function withSafeCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const host = requestedHost(request.headers);
  const url = request.nextUrl.clone();
  const given = url.searchParams.get("callbackUrl");
  if (given !== null) url.searchParams.set("callbackUrl", safeRedirect(given, host));
  const cookie = request.headers.get("cookie");
  const safeCookie = cookie?.replace(
    CALLBACK_COOKIE,
    (_, before: string, name: string, value: string) =>
      `${before}${name}=${encodeURIComponent(safeRedirect(decode(value), host))}`,
  );
  if (given === null && safeCookie === cookie) return request;
  const headers = new Headers(request.headers);
  if (safeCookie !== undefined) headers.set("cookie", safeCookie);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new NextRequest(url, { method: request.method, headers, body });
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}
