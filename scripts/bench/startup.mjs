// How long `npm start` takes, on a build that is up to date and a database that is migrated,
// from the command to the first HTTP 200. Starts it several times and prints each time and the
// median; the first run (which may build and migrate) is reported apart and not counted.
//
//   node scripts/bench/startup.mjs [--runs 5] [--path /api/health] [--port 3000] [--command "npm start"]…
//
// With several --command options their runs alternate (A B A B …), so that a machine whose load
// changes meanwhile weighs on each alike: the way to compare two versions.
//
// The database is whatever DATABASE_URL names (unset: .data/pglite), as for `npm start`; the
// build directory is NEXT_DIST_DIR's (.next). Other settings (WEB_CONCURRENCY, AUTH_SECRET)
// pass through. The server is stopped (SIGTERM) after each run.
import { spawn } from "node:child_process";
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    path: { type: "string", default: "/api/health" },
    port: { type: "string", default: process.env.PORT || "3000" },
    command: { type: "string", multiple: true, default: ["npm start"] },
    verbose: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const url = `http://127.0.0.1:${values.port}${values.path}`;

const status = () =>
  new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
  });

async function once(line) {
  const [command, ...args] = line.split(" ");
  const started = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, PORT: values.port },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let ms = null;
  for (;;) {
    if (child.exitCode !== null) break;
    if ((await status()) === 200) {
      ms = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  await exited;
  // The next run starts only when every process of this one is gone (the server may still be
  // closing the embedded database after npm has exited).
  for (;;) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (ms === null) throw new Error(`the server stopped before answering:\n${output}`);
  return { ms, output };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const times = new Map(values.command.map((c) => [c, []]));
for (const command of values.command) {
  const first = await once(command);
  console.log(`${command}: first start (may build or migrate): ${seconds(first.ms)}`);
  if (values.verbose) console.log(first.output);
}
for (let i = 0; i < runs; i++) {
  for (const command of values.command) {
    const { ms } = await once(command);
    times.get(command).push(ms);
    console.log(`${command}: run ${i + 1}: ${seconds(ms)}`);
  }
}
for (const [command, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(
    `${command}: median of ${runs} ${seconds(sorted[Math.floor(runs / 2)])} (min ${seconds(sorted[0])}) to the first 200 from ${values.path}`,
  );
}
