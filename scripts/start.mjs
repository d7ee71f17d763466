// `npm start`: migrate, build when the sources changed since the last build, then serve.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { NEXT_CLI, runOrExit } from "./lib.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

await runOrExit(process.execPath, ["scripts/prestart.mjs"]);

const DIST = process.env.NEXT_DIST_DIR || ".next";
const STAMP = path.join(DIST, "doable-source-stamp");
const stamp = sourceStamp();
const built = fs.existsSync(path.join(DIST, "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === stamp;
if (!built) {
  console.log("Building Doable (first start or changed sources)…");
  await runOrExit(process.execPath, [NEXT_CLI, "build"]);
  fs.writeFileSync(STAMP, stamp);
}

// The child is the server itself (not npx), so signals reach it and stopping this stops it.
const server = spawn(process.execPath, [NEXT_CLI, "start", ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

/** A fingerprint of everything that goes into a build: paths, sizes and modification times. */
function sourceStamp() {
  const hash = createHash("sha256");
  const roots = ["app", "components", "lib", "public", "generated", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
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
