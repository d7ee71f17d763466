#!/usr/bin/env node
// Doable's schema engine program: a stand-in for Prisma's native `schema-engine` binary,
// which the CLI would otherwise download from the internet before every command.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here (unless it is already set).
//
// It runs the official WebAssembly build of the very same engine (@prisma/schema-engine-wasm)
// through a driver adapter, and speaks the native binary's command line:
//
//   bin.mjs --version                              → "schema-engine-cli <engine hash>"
//   bin.mjs [--datamodels <file>]… [--datasource <json>]
//                                                  → JSON-RPC on stdin/stdout (rpc.mjs)
//   bin.mjs --datasource <json> cli <command>      → can-connect-to-database | create-database
//                                                    | drop-database (oneshot.mjs)
//
// See docs/prisma-offline.md. PRISMA_SHIM_TRACE=1 (or =<file>) traces all traffic.
import { closeAll } from "./adapters.mjs";
import { loadWasm, takePanicMessage } from "./engine.mjs";
import { ONESHOT_COMMANDS } from "./oneshot.mjs";
import { prismaErrorCode, serve } from "./rpc.mjs";
import { trace } from "./trace.mjs";

// Prisma's update check and telemetry must never be attempted from here (no network).
process.env.CHECKPOINT_DISABLE ??= "1";

function parseArgs(argv) {
  const args = { datamodelPaths: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodelPaths.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types")
      i++; // nothing to do with them
    else if (arg === "cli") args.cli = argv[++i];
  }
  return args;
}

/** Writes a log record shaped like the native engine's. */
function log(level, fields, target = "schema_engine::logger") {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target })}\n`);
}

let shuttingDown = false;
async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  trace("exit", `code ${code}`);
  await closeAll(); // close PGlite cleanly, end pg pools, drop leftover shadow databases
  process.exit(code);
}
// The CLI ends stdin and then sends SIGTERM straight away: close cleanly on either.
process.on("SIGTERM", () => shutdown(0));
process.on("SIGINT", () => shutdown(130));

// A Rust panic inside the engine traps the wasm from within a callback, out of reach of the
// request's promise. Answer the pending request as a panic (the CLI reports it like a native
// engine panic) and exit with the native engine's panic status.
let server;
function crash(error) {
  trace("crash", String(error?.stack ?? error));
  const panic = takePanicMessage();
  const message = panic ?? String(error?.stack ?? error);
  server?.failInFlight(Object.assign(new Error(message), { isPanic: true }));
  log("ERROR", { is_panic: true, message });
  shutdown(101);
}
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

async function main() {
  trace("start", process.argv.slice(2));
  const args = parseArgs(process.argv.slice(2));

  if (args.version) {
    const { version } = await loadWasm();
    process.stdout.write(`schema-engine-cli ${version()}\n`);
    return;
  }

  if (args.cli) {
    const command = ONESHOT_COMMANDS[args.cli];
    // The CLI skips the first stderr line and parses the rest as JSON log records, taking
    // the ERROR record's error_code and message as the outcome.
    log("INFO", { message: `Starting schema engine CLI (${args.cli})` }, "schema_engine_cli");
    try {
      if (!command) throw new Error(`Unknown command \`cli ${args.cli}\`.`);
      const result = await command(args.datasource?.url, process.cwd());
      if (typeof result === "string") process.stdout.write(`${result}\n`);
      await shutdown(0);
    } catch (error) {
      trace("error", String(error?.stack ?? error));
      log("ERROR", {
        is_panic: false,
        error_code: prismaErrorCode(error) ?? "",
        message: String(error?.message ?? error),
      });
      await shutdown(1);
    }
    return;
  }

  server = serve({ datasource: args.datasource, datamodelPaths: args.datamodelPaths, onShutdown: () => shutdown(0) });
}

main().catch((error) => {
  trace("fatal", String(error?.stack ?? error));
  log("ERROR", { is_panic: false, message: String(error?.stack ?? error) });
  shutdown(1);
});
