import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Every page but /login and /register needs a session (see authConfig.callbacks.authorized).
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  matcher: ["/((?!api/auth|api/health|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
