import "server-only";
import { requestedHost } from "@/lib/client-address";

/**
 * Server actions are POSTs to pages (with a Next-Action header, or a form post). Next checks
 * their Origin itself, but answers a mismatch with a 500 (and an unparsable Origin throws),
 * and it compares with X-Forwarded-Host, which a client may set. This check runs first, in
 * proxy.ts: a POST whose Origin is not this site is refused with 403.
 * Requests without Origin pass, as with Next: browsers always send it on POST, and a
 * hand-made request carries no one else's cookies.
 */
export function isCrossOriginPost(request: Request, hops?: number): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = requestedHost(request.headers, hops);
  if (!host) return true;
  try {
    const url = new URL(origin);
    return !/^https?:$/.test(url.protocol) || url.host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
}

/** The request headers to pass on, with X-Forwarded-Host set to the host that was checked, so
 * Next's own Origin check compares with the same value instead of one a client sent. */
export function withCheckedHost(headers: Headers, hops?: number): Headers {
  const out = new Headers(headers);
  const host = requestedHost(headers, hops);
  if (host) out.set("x-forwarded-host", host);
  return out;
}
