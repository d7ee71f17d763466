/**
 * Who is asking: the client's address and the host it asked for, trusting the forwarding
 * headers only as far as TRUSTED_PROXY_HOPS says.
 *
 * What `next start` gives us (next 16.4, node_modules/next/dist/server/base-server.js,
 * handleRequestImpl): `req.headers['x-forwarded-for'] ??= req.socket.remoteAddress`, and the
 * same `??=` for x-forwarded-host (from Host). It only fills a header the client did not send:
 * a client that sends `X-Forwarded-For: 1.2.3.4` reaches every route handler, server action
 * and next-auth authorize() with exactly that value, and the socket address is then nowhere
 * in the request. So with no trusted proxy in front, no forwarding header may be believed,
 * and the socket address comes from SOCKET_ADDRESS_HEADER, which ./socket-address-hook.ts
 * writes on every incoming request (overwriting whatever the client sent under that name).
 */
import { setting, type EnvSource } from "@/lib/env";

export const SOCKET_ADDRESS_HEADER = "x-doable-socket-address";

/** What the address is when nothing trustworthy says otherwise (requests in the first moments
 * after start-up, before the hook is installed, or a server started some other way). */
export const UNKNOWN_ADDRESS = "unknown";

/** How many reverse proxies in front of Doable append to X-Forwarded-For (default 0). */
export function trustedProxyHops(env: EnvSource = process.env): number {
  return setting("TRUSTED_PROXY_HOPS", env);
}

/**
 * The client's address. With 0 hops: the socket's. With N hops: the Nth entry from the right
 * of X-Forwarded-For (each trusted proxy appends the address it was connected from, so the
 * entries further left were written by the client and are not believed). A list shorter than
 * N (a request that did not pass every proxy) gives its leftmost entry, as Express does.
 */
export function clientAddress(headers: Headers, hops = trustedProxyHops()): string {
  if (hops === 0) return normalise(headers.get(SOCKET_ADDRESS_HEADER)) ?? UNKNOWN_ADDRESS;
  const chain = splitList(headers.get("x-forwarded-for"));
  const entry = chain.length >= hops ? chain[chain.length - hops] : chain[0];
  return normalise(entry) ?? normalise(headers.get(SOCKET_ADDRESS_HEADER)) ?? UNKNOWN_ADDRESS;
}

/**
 * The host the client asked for: Host with 0 hops (X-Forwarded-Host is the client's word
 * then), else the Nth entry from the right of X-Forwarded-Host, or Host when no proxy set it.
 */
export function requestedHost(headers: Headers, hops = trustedProxyHops()): string | null {
  const host = headers.get("host")?.trim().toLowerCase() || null;
  if (hops === 0) return host;
  const chain = splitList(headers.get("x-forwarded-host"));
  if (chain.length === 0) return host;
  return (chain.length >= hops ? chain[chain.length - hops] : chain[0])?.toLowerCase() ?? host;
}

function splitList(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

// Keys must be short and mean one address: "::ffff:127.0.0.1" and "127.0.0.1" are one client,
// and a forwarded entry may carry a port or brackets ("[::1]:443", "203.0.113.7:5000").
function normalise(raw: string | null | undefined): string | null {
  let value = raw?.trim().toLowerCase();
  if (!value) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)?.[1];
  if (bracketed) value = bracketed;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.startsWith("::ffff:") && /^[\d.]+$/.test(value.slice(7))) value = value.slice(7);
  return /^[0-9a-f.:]{2,45}$/.test(value) ? value : null;
}
