// The engine's JSON-RPC 2.0 protocol as the Prisma CLI speaks it: one JSON message per line
// on stdin (requests) and stdout (responses). Logs go to stderr as JSON lines, which the CLI
// reads to build its error messages.
import readline from "node:readline";
import { createEngine, loadWasm, takePanicMessage } from "./engine.mjs";
import { createDatabase } from "./oneshot.mjs";
import { trace } from "./trace.mjs";

// Methods the WebAssembly engine implements itself, with the same names and parameters.
const ENGINE_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "diff",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

/** Turns an engine failure into the error object the CLI expects from the native engine. */
export function toRpcError(error) {
  const panic = takePanicMessage() ?? (error?.isPanic ? error.message : null);
  if (panic || error instanceof WebAssembly.RuntimeError) {
    // A Rust panic: the wasm trapped ("unreachable") after handing its message to the hook.
    const message = panic ?? String(error?.message ?? error);
    return {
      code: 4466,
      message: "The schema engine panicked.",
      data: { is_panic: true, message, backtrace: error?.stack ?? null, error: { message } },
    };
  }
  const message = String(error?.message ?? error);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, error_code: prismaErrorCode(error), meta: error?.meta ?? null },
  };
}

/** Prisma's own error codes (P1001, P3018, …) only: not Node's (ECONNREFUSED, …). */
export const prismaErrorCode = (error) => (/^P\d{4}$/.test(String(error?.code)) ? error.code : null);

export function serve({ datasource, datamodelPaths, cwd = process.cwd(), onShutdown }) {
  const send = (message) => {
    trace("→", message);
    process.stdout.write(`${JSON.stringify(message)}\n`);
  };
  const onLog = (line) => {
    trace("log", line);
    process.stderr.write(`${String(line).trimEnd()}\n`);
  };

  // One engine per process, created on the first request that needs it. (The wasm engine
  // keeps state between calls that `migrate dev` relies on; see evaluateDataLoss below.)
  // A diff that involves no database gets its own engine that never opens it.
  const engines = {};
  const getEngine = (databaseFree = false) =>
    (engines[databaseFree] ??= createEngine({ datasource, datamodelPaths, cwd, databaseFree, onLog }));

  // Requests the engine sends to the CLI (only "print"), waiting for the CLI's answer.
  const pendingPrints = new Map();
  let printId = 0;
  const print = (content) =>
    new Promise((resolve) => {
      const id = `print-${++printId}`;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  async function call(method, params) {
    if (ENGINE_METHODS.has(method)) {
      const e = await getEngine(method === "diff" && isDatabaseFreeDiff(params));
      if (method === "evaluateDataLoss") return evaluateDataLoss(e, params);
      if (method === "diff") {
        // The native engine prints the diff through a "print" request to the CLI (that is
        // how `--output` captures it); the wasm engine returns it instead.
        const result = await e.diff(params);
        if (result.stdout) await print(result.stdout.replace(/\n$/, ""));
        return { exitCode: result.exitCode, stdout: null };
      }
      return e[method](params);
    }
    switch (method) {
      case "getDatabaseVersion":
        // The wasm engine's `version` is the database's version string.
        return (await getEngine()).version(params ?? null);
      case "version":
        return (await loadWasm()).version();
      case "createDatabase": {
        const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : datasource?.url;
        return { databaseName: await createDatabase(url, cwd) };
      }
      default:
        throw Object.assign(new Error(`The schema engine program does not support \`${method}\`.`), {
          rpcCode: -32601,
        });
    }
  }

  let inFlight = null;
  async function handle(request) {
    inFlight = request;
    try {
      const result = await call(request.method, request.params);
      send({ jsonrpc: "2.0", id: request.id, result: result ?? {} });
    } catch (error) {
      trace("error", String(error?.stack ?? error));
      const rpcError = toRpcError(error);
      if (error?.rpcCode) rpcError.code = error.rpcCode;
      send({ jsonrpc: "2.0", id: request.id, error: rpcError });
    } finally {
      inFlight = null;
    }
  }

  // Requests are handled one at a time, in order: the engine is not re-entrant and PGlite
  // is a single connection.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    trace("←", line);
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)();
      pendingPrints.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  // The CLI ends stdin when it is done with the engine.
  lines.on("close", () => queue.then(onShutdown));

  return {
    /** Answers the request being handled with `error` (used when the engine crashed). */
    failInFlight(error) {
      if (inFlight) send({ jsonrpc: "2.0", id: inFlight.id, error: toRpcError(error) });
      inFlight = null;
    },
  };
}

/** A diff between "empty", schema files and migration directories (replayed in a shadow database). */
function isDatabaseFreeDiff(params) {
  return [params?.from?.tag, params?.to?.tag].every((tag) => ["empty", "schemaDatamodel", "migrations"].includes(tag));
}

/**
 * `migrate dev` calls evaluateDataLoss after applying pending migrations; the wasm engine
 * then fails with "shadow DB must be provided through an external factory" although it has
 * one. Running diagnoseMigrationHistory (which sets the shadow database up again) on the
 * same engine and retrying succeeds.
 */
async function evaluateDataLoss(engine, params) {
  try {
    return await engine.evaluateDataLoss(params);
  } catch (error) {
    if (!/shadow DB must be provided through an external factory/i.test(String(error?.message))) throw error;
    trace("retry", "evaluateDataLoss after diagnoseMigrationHistory");
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters,
    });
    return engine.evaluateDataLoss(params);
  }
}
