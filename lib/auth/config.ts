import type { NextAuthConfig } from "next-auth";
import { authSecret } from "./secret";

const PUBLIC_PATHS = ["/login", "/register"];

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
      if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
        // Signed-in people have no use for the sign-in pages.
        return signedIn ? Response.redirect(new URL("/", request.nextUrl)) : true;
      }
      if (signedIn) return true;
      if (pathname.startsWith("/api/")) {
        return Response.json({ error: { code: "unauthorized", message: "Sign in to continue." } }, { status: 401 });
      }
      // Explicitly rather than `return false`: with a handler (proxy.ts), next-auth would run
      // the handler instead of redirecting.
      const signIn = new URL("/login", request.nextUrl);
      signIn.searchParams.set("callbackUrl", request.nextUrl.href);
      return Response.redirect(signIn, 307); // as next-auth's own: a POST stays a POST
    },
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = (user as { role?: "user" | "admin" }).role ?? "user";
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.id as string;
      session.user.role = (token.role as "user" | "admin") ?? "user";
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: "user" | "admin" };
  }
}
