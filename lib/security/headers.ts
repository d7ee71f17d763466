// Security headers for every response (used by next.config.ts `headers()`), and the per-request
// Content-Security-Policy that proxy.ts puts on every page.
//
// CSP: a page's scripts run only with the nonce the proxy made for that request ('strict-dynamic'
// lets them load the app's chunks), so an injected <script> or inline handler never runs: no
// 'unsafe-inline' for scripts. Next reads the nonce from the request's CSP header and puts it on
// its own scripts; our one inline script (the theme, before paint) reads it from x-nonce.
// Responses that are not pages (API, static files, redirects) get the same policy without a
// nonce, so no script runs from them at all. Development needs 'unsafe-eval' for React's dev
// tooling and Fast Refresh. Styles keep 'unsafe-inline' (style attributes; no script runs).

export type Header = { key: string; value: string };

export function contentSecurityPolicy(production: boolean, nonce?: string): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []),
      ...(production ? [] : ["'unsafe-eval'"]),
    ],
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
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    },
    // Browsers ignore it over plain http, so it is safe on a local http server too.
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000" }] : []),
  ];
}

/** A fresh nonce for one page response: 128 random bits. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
