import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT, E2E_OUTPUT_DIR, E2E_DATA_DIR and NEXT_DIST_DIR let two runs share a checkout.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const OUTPUT_DIR = process.env.E2E_OUTPUT_DIR ?? "test-results";
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Debian's Chromium where it is installed (Playwright cannot download browsers offline),
// otherwise the browser Playwright manages.
const launchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  outputDir: OUTPUT_DIR,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ["list"],
    [
      "html",
      { open: "never", outputFolder: process.env.E2E_OUTPUT_DIR ? `${OUTPUT_DIR}-report` : "playwright-report" },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { ...process.env, PORT: String(PORT) } as Record<string, string>,
  },
});
