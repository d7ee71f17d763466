import "server-only";
import type { NextAuthConfig } from "next-auth";
import { safeRedirect } from "./redirect";
import { authSecret } from "./secret";

// /api/unsubscribe: the one-click link in e-mails, authorised by its signature, not a session.
const PUBLIC_PATHS = ["/login", "/register", "/api/unsubscribe"];

/**
 * The part of the auth setup that needs no database, shared by the proxy (which guards every
 * page) and the full setup in ./index.ts.
 */
export const authConfig = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      const signedIn = Boolean(auth?.user);
      // Signed-in people are sent on from the sign-in pages by the pages themselves, which
      // also check that the session was not signed out (here only the signature is checked;
      // bouncing on that would loop between /login and a page refusing a revoked session).
      if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return true;
      if (signedIn) return true;
      if (pathname.startsWith("/api/")) {
        return Response.json({ error: { code: "unauthorized", message: "Sign in to continue." } }, { status: 401 });
      }
      // Explicitly rather than `return false`: with a handler (proxy.ts), next-auth would run
      // the handler instead of redirecting. A path, not a URL: the sign-in action accepts
      // same-site paths (lib/auth/redirect.ts), and a path needs no trusted host.
      const signIn = new URL("/login", request.nextUrl);
      signIn.searchParams.set("callbackUrl", `${pathname}${request.nextUrl.search}`);
      return Response.redirect(signIn, 307); // as next-auth's own: a POST stays a POST
    },
    // next-auth's own routes (and signIn/signOut) follow the sign-in form's rule: a path on
    // this site, else "/" (its default throws on some inputs, and passes control characters).
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirect(url, new URL(baseUrl).host)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = (user as { role?: "user" | "admin" }).role ?? "user";
        // The version this session was issued under; signing out bumps the user's (./session.ts).
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.id as string;
      session.user.role = (token.role as "user" | "admin") ?? "user";
      session.sessionVersion = typeof token.sv === "number" ? token.sv : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: "user" | "admin" };
    sessionVersion?: number;
  }
}
