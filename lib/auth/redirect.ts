const BASE = "http://doable.invalid";

/**
 * Where to go after signing in: a path on this site, else "/". Accepts a path ("/c/1?x=y")
 * or an absolute http(s) URL of this site's host (what the proxy sent before it sent paths), and
 * refuses anything that could leave the site ("//evil", "/\\evil", "https://evil/") or
 * could not go into a Location header (control characters such as a newline: an internal
 * error before). `host` is the host this request was made to, when known.
 */
import "server-only";
export function safeRedirect(target: unknown, host?: string | null): string {
  if (typeof target !== "string" || target.length > 2000) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is this line's job.
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return "/";
  let path = target;
  if (!target.startsWith("/")) {
    const url = parseUrl(target);
    if (!url || !host || !/^https?:$/.test(url.protocol) || url.host !== host.toLowerCase()) return "/";
    path = `${url.pathname}${url.search}${url.hash}`;
  }
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  // Resolving against a placeholder origin shows where a browser would go; anything that
  // lands elsewhere (or resolves oddly) is refused, and the resolved form is what is used.
  // Dot segments can make a new "//" ("/..//evil" resolves to "//evil"): checked again after.
  const resolved = parseUrl(path, BASE);
  if (!resolved || resolved.origin !== BASE || resolved.pathname.startsWith("//")) return "/";
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

function parseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}
