// Shared by the benchmarks: percentiles, a description of the machine, and writing a
// benchmark's section of docs/benchmarks.md (between its markers, so each sub-command
// updates only its own figures and the hand-written text around them stays).
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DOC = path.join(ROOT, "docs/benchmarks.md");

/** The q-th percentile (0–100) of the samples, nearest-rank. */
export function percentile(samples: number[], q: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const ms = (value: number) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : "–";

/** Machine, software and how busy the machine was: figures mean little without them. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const ramGb = (os.totalmem() / 1024 ** 3).toFixed(1);
  const [l1, l5] = os.loadavg();
  let pg = "";
  try {
    pg = execSync("psql --version", { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    pg = "psql not found";
  }
  return [
    `${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
    `${execSync("nproc", { encoding: "utf8" }).trim()} cores (${cpu}), ${ramGb} GB RAM`,
    `Node ${process.version}, ${pg}`,
    `load average ${l1!.toFixed(2)} (1 min) / ${l5!.toFixed(2)} (5 min) when the run started`,
  ].join(" · ");
}

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** Replaces the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in docs/benchmarks.md. */
export function writeSection(name: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : "# Benchmarks\n";
  const block = `${start}\n${body.trim()}\n${end}`;
  const at = doc.indexOf(start);
  const until = doc.indexOf(end);
  const next =
    at >= 0 && until > at ? doc.slice(0, at) + block + doc.slice(until + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(DOC, next);
  console.log(`Wrote the ${name} figures to ${path.relative(ROOT, DOC)}.`);
}

/** Runs fn n times one after another; returns each run's milliseconds. */
export async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    out.push(performance.now() - started);
  }
  return out;
}

/**
 * How fast this machine is right now, in a unit anyone can compare: the client CPU a trivial
 * node-pg round trip (`SELECT 1`) costs, and its wall time. On an idle modern 2-core machine
 * both are a few hundredths of a millisecond; when they are ten times that, so is everything else.
 */
export async function calibration(databaseUrl: string): Promise<string> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 300; i++) await client.query("SELECT 1");
    const cpu = process.cpuUsage();
    const started = performance.now();
    const n = 2000;
    for (let i = 0; i < n; i++) await client.query("SELECT 1");
    const used = process.cpuUsage(cpu);
    const wall = (performance.now() - started) / n;
    return `calibration: a node-pg \`SELECT 1\` round trip took ${(wall * 1000).toFixed(0)} µs wall and ${(((used.user + used.system) / 1000 / n) * 1000).toFixed(0)} µs client CPU`;
  } finally {
    await client.end();
  }
}
