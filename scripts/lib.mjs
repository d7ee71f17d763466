// Helpers shared by the start, test and CI scripts (plain Node, no build step).
import { spawn } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

/** Loads .env into process.env (without overriding what is set), as Next does for the app. */
export function loadDotEnv() {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
}

/** The settings in .env (none when there is no such file), leaving process.env alone. */
export function dotEnv() {
  return fs.existsSync(".env") ? parseEnv(fs.readFileSync(".env", "utf8")) : {};
}

/** Whether the module at `moduleUrl` (its import.meta.url) is the script Node was started with. */
export function isMain(moduleUrl) {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

export function isEmbedded(url = process.env.DATABASE_URL) {
  return !url || url.startsWith("file:") || url === "memory:";
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrExit(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) process.exit(code);
}

export const PRISMA_CLI = "node_modules/prisma/build/index.js";
export const NEXT_CLI = "node_modules/next/dist/bin/next";
