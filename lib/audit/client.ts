import { clientAddress, UNKNOWN_ADDRESS } from "@/lib/client-address";

/**
 * Where a request came from, as the audit trail records it: the trusted client address
 * (lib/client-address.ts: never the client's own X-Forwarded-For) and the User-Agent header.
 * `ip` is clientAddress's answer, "unknown" included: the sign-in limits key on it as it is.
 * Services take one (default NO_CLIENT); route handlers make it with clientInfo, server
 * actions and pages with requestClient (./request.ts).
 */
export type ClientInfo = { ip: string; userAgent: string | null };

/** A caller with no request behind it (a script, a test calling a service directly). */
export const NO_CLIENT: ClientInfo = { ip: UNKNOWN_ADDRESS, userAgent: null };

export const USER_AGENT_MAX = 512;

export function clientInfo(requestHeaders: Headers): ClientInfo {
  return { ip: clientAddress(requestHeaders), userAgent: userAgentOf(requestHeaders.get("user-agent")) };
}

/** A header value fit to store: control characters dropped, cut to USER_AGENT_MAX; null when empty. */
function userAgentOf(raw: string | null): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point.
  const text = raw?.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return text ? text.slice(0, USER_AGENT_MAX).toWellFormed() : null;
}
