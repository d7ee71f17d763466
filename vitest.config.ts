import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules say `import "server-only"`; a test is the server.
      "server-only": path.resolve(import.meta.dirname, "test/support/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["{lib,app,scripts,components}/**/*.test.ts"],
    // Tests that need a PostgreSQL server run only when TEST_DATABASE_URL names one (CI does);
    // every other integration test runs on PGlite, or on that server when it is set.
    exclude: process.env.TEST_DATABASE_URL ? ["**/node_modules/**"] : ["**/node_modules/**", "**/*.postgres.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite start-up is CPU heavy; two workers match the 2-core machines we run on.
    maxWorkers: 2,
  },
});
