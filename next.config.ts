import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Separate build directories let several checkouts' browser tests run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Loaded at run time from node_modules rather than bundled: PGlite ships its own WASM
  // files, the argon2 and pg drivers load native or optional modules, and rrule's ES module build
  // does not load in Node (its CommonJS build does); OpenRedaction keeps optional require()s
  // (document parsers, NER) that a bundler would try to resolve.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "rrule",
    "@openredaction/core",
  ],
  // Security headers on every response: pages, API routes, static assets (lib/security/headers.ts).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
