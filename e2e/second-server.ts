// A second server from the suite's build, for tests that need other settings (low rate limits)
// or its output: own port and data directory, migrated, then `next start` on the build as it
// is. Not scripts/start.mjs: that rebuilds into the same build directory when a source file
// changed meanwhile, under the suite's running server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type SecondServer = { url: string; output: () => string; stop: () => Promise<void> };

export async function startSecondServer({
  port,
  dataDir,
  env,
}: {
  port: number;
  dataDir: string;
  env: Record<string, string>;
}): Promise<SecondServer> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const url = `http://127.0.0.1:${port}`;
  const fullEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(port),
    DATABASE_URL: `file:${dataDir}`,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next",
    ...env,
  };
  const migrated = spawnSync(process.execPath, ["scripts/prestart.mjs"], { env: fullEnv, encoding: "utf8" });
  if (migrated.status !== 0)
    throw new Error(`migrating the second server's database failed:\n${migrated.stdout}${migrated.stderr}`);
  const server: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(port)],
    { env: fullEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (server.exitCode !== null || i > 1200) throw new Error(`the second server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
