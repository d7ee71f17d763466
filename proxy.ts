import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { checkActionBody } from "@/lib/auth/action-body";
import { isCrossOriginPost, withCheckedHost } from "@/lib/auth/action-origin";
import { SELF_AUTHENTICATED_PATHS } from "@/lib/auth/self-authenticated";
import { authConfig } from "@/lib/auth/config";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

// Every page but /login and /register needs a session (see authConfig.callbacks.authorized;
// its redirects and 401s are returned as they are). What it lets through gets a fresh CSP
// nonce: on the request, where Next and the theme script read it, and on the response.
const { auth } = NextAuth(authConfig);

const guarded = auth((request) => {
  // API answers are not documents: no script runs from them, so no nonce (next.config.ts
  // gives them the policy without one).
  if (request.nextUrl.pathname.startsWith("/api/")) return;
  const nonce = newNonce();
  const policy = contentSecurityPolicy(process.env.NODE_ENV === "production", nonce);
  const headers = withCheckedHost(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
});

// Server actions are POSTs to pages. Checked before the session, so the sign-in pages' own
// actions are covered too; Next's own answers to both cases are 500s (lib/auth/action-*.ts).
export async function proxy(...args: Parameters<typeof guarded>) {
  const [request] = args;
  // Their POST handlers decode the session themselves, with the same rule and 401
  // (lib/auth/api-session.ts): decoding it here too would decrypt the cookie twice. Nothing is
  // passed on to them. Other methods have no handler there and still get the proxy's 401.
  if (request.method === "POST" && SELF_AUTHENTICATED_PATHS.has(request.nextUrl.pathname)) return NextResponse.next();
  if (request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/")) {
    if (isCrossOriginPost(request)) {
      return Response.json(
        { error: { code: "forbidden", message: "This request did not come from Doable." } },
        { status: 403 },
      );
    }
    const body = await checkActionBody(request);
    if (!body.ok) return Response.json({ error: { code: "bad_request", message: body.reason } }, { status: 400 });
  }
  return guarded(...args);
}

export const config = {
  matcher: ["/((?!api/auth|api/health|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
