// `npm test`: every test. Unit and integration tests (Vitest: PGlite, and PostgreSQL too when
// TEST_DATABASE_URL is set), then the browser tests (Playwright against a production build).
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { run } from "./lib.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const bin = (name) => path.join("node_modules", ".bin", name);

const unit = await run(bin("vitest"), ["run"]);

const hasSystemChromium = fs.existsSync("/usr/bin/chromium");
const hasPlaywrightBrowser = fs.existsSync(path.join(os.homedir(), ".cache", "ms-playwright"));
let browser = 1;
if (!hasSystemChromium && !hasPlaywrightBrowser) {
  console.error(
    "\nBrowser tests need Chromium: install Debian's (apt-get install chromium) or Playwright's own browser (see README, \"Tests\").",
  );
} else {
  browser = await run(bin("playwright"), ["test"]);
}

console.log(
  `\nunit and integration tests: ${unit === 0 ? "passed" : "FAILED"}; browser tests: ${browser === 0 ? "passed" : "FAILED"}`,
);
process.exit(unit || browser);
