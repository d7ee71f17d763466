// Security headers for every response (used by next.config.ts `headers()`).
//
// CSP: Next's App Router streams inline <script> tags (RSC payload, bootstrap) and the theme
// toggle sets the colour scheme inline before paint, so scripts need 'unsafe-inline' unless every
// response carries a per-request nonce (possible through proxy.ts, but it makes every page
// dynamic and the proxy does not run for static assets; not worth the risk here). What matters
// most is kept strict: no 'unsafe-eval' in production, no third-party origins at all, no
// plugins, no framing, forms and <base> only to this origin. Development needs 'unsafe-eval'
// for React's dev tooling and Fast Refresh.

export type Header = { key: string; value: string };

export function contentSecurityPolicy(production: boolean): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(production ? [] : ["ws:"])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(production = process.env.NODE_ENV === "production"): Header[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(production) },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Doable uses none of these; a script that got in could not either.
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
    // Browsers ignore it over plain http, so it is safe on a local http server too.
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000" }] : []),
  ];
}
