// `npm start`: migrate, build when the sources changed since the last build, then serve (one
// process, or WEB_CONCURRENCY of them on PostgreSQL: scripts/cluster.mjs).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { serve } from "./cluster.mjs";
import { NEXT_CLI, runOrExit } from "./lib.mjs";
import { prestart } from "./prestart.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

await prestart();

const DIST = process.env.NEXT_DIST_DIR || ".next";
const STAMP = path.join(DIST, "doable-source-stamp");
const stamp = sourceStamp();
const built =
  fs.existsSync(path.join(DIST, "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === stamp;
if (!built) {
  console.log("Building Doable (first start or changed sources)…");
  await runOrExit(process.execPath, [NEXT_CLI, "build"]);
  fs.writeFileSync(STAMP, stamp);
}

serve(process.argv.slice(2));

/** A fingerprint of everything that goes into a build: paths, sizes and modification times. */
function sourceStamp() {
  const hash = createHash("sha256");
  const roots = [
    "app",
    "components",
    "lib",
    "public",
    "generated",
    "proxy.ts",
    "next.config.ts",
    "postcss.config.mjs",
    "package-lock.json",
    "tsconfig.json",
  ];
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!name.endsWith(".test.ts")) visit(path.join(p, name));
    } else {
      hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  roots.forEach(visit);
  return hash.digest("hex");
}
