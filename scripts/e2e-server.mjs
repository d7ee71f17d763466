// The server the browser tests run against: a production build on a fresh embedded database.
import fs from "node:fs";
import { run } from "./lib.mjs";

const dir = process.env.E2E_DATA_DIR || ".data/e2e-pglite";
fs.rmSync(dir, { recursive: true, force: true });
process.env.DATABASE_URL = `file:${dir}`;
process.env.HOSTNAME = "127.0.0.1";
// Browser tests sign in many times from one address.
process.env.LOGIN_RATE_LIMIT ??= "1000";
process.env.LOGIN_EMAIL_RATE_LIMIT ??= "1000";
// …and register many accounts from it.
process.env.REGISTER_RATE_LIMIT ??= "1000";
process.exit(await run(process.execPath, ["scripts/start.mjs", "--hostname", "127.0.0.1"]));
