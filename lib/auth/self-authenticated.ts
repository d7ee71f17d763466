// Paths whose route handlers decode the session themselves (lib/auth/api-session.ts): proxy.ts
// passes them through without decoding it, so a turn decrypts the cookie once. Kept apart from
// api-session.ts so the proxy does not load the full auth setup (database, password hashing).
// Only POST skips the proxy; add a path only when its POST handler is wrapped in withApiSession.
import "server-only";
export const SELF_AUTHENTICATED_PATHS: ReadonlySet<string> = new Set(["/api/chat"]);
