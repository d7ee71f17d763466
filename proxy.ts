import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

// Every page but /login and /register needs a session (see authConfig.callbacks.authorized;
// its redirects and 401s are returned as they are). What it lets through gets a fresh CSP
// nonce: on the request, where Next and the theme script read it, and on the response.
const { auth } = NextAuth(authConfig);

export const proxy = auth((request) => {
  // API answers are not documents: no script runs from them, so no nonce (next.config.ts
  // gives them the policy without one).
  if (request.nextUrl.pathname.startsWith("/api/")) return;
  const nonce = newNonce();
  const policy = contentSecurityPolicy(process.env.NODE_ENV === "production", nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
});

export const config = {
  matcher: ["/((?!api/auth|api/health|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
