// Loads the official WebAssembly build of Prisma's schema engine and creates one engine per
// process on top of a driver adapter (see adapters.mjs).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { adapterFactoryFor } from "./adapters.mjs";
import { trace } from "./trace.mjs";

const require = createRequire(import.meta.url);

let wasmBindings;
let lastPanic = null;

/** The message of the last Rust panic inside the engine (the trap itself says "unreachable"). */
export const takePanicMessage = () => {
  const message = lastPanic;
  lastPanic = null;
  return message;
};

/**
 * The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
 * only allows behind --experimental-wasm-modules. Instantiate the module by hand instead and
 * hand it to the generated JS bindings, which is all that entry does.
 */
export async function loadWasm() {
  if (wasmBindings) return wasmBindings;
  // The engine's panic hook hands the panic message to this global before the wasm traps;
  // without it the hook itself throws a TypeError and the message is lost.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      lastPanic = message;
      trace("panic", message);
    },
  };
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(pathToFileURL(bindingsPath).href);
  const bytes = fs.readFileSync(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmBindings = bindings;
  return bindings;
}

/**
 * Wraps the adapter factory in the error-capturing interface the engine calls. The helper
 * comes from @prisma/driver-adapter-utils, resolved through @prisma/adapter-pg so it is the
 * exact version the adapters (and this engine release) are built against, without being a
 * separate dependency of the project.
 */
async function bindFactory(factory) {
  const fromAdapterPg = createRequire(require.resolve("@prisma/adapter-pg"));
  const utilsPath = fromAdapterPg.resolve("@prisma/driver-adapter-utils");
  const { bindMigrationAwareSqlAdapterFactory } = await import(pathToFileURL(utilsPath).href);
  return bindMigrationAwareSqlAdapterFactory(factory);
}

/**
 * Creates the engine. `datamodelPaths` are the schema files the CLI passed with
 * `--datamodels`; `onLog` receives the engine's JSON log lines; `databaseFree` promises the
 * engine will not be asked to touch the main database.
 */
export async function createEngine({ datasource, datamodelPaths, cwd = process.cwd(), databaseFree = false, onLog }) {
  const { SchemaEngine } = await loadWasm();
  const datamodels = datamodelPaths.length
    ? datamodelPaths.map((file) => [file, fs.readFileSync(path.resolve(cwd, file), "utf8")])
    : undefined;
  const factory = await bindFactory(adapterFactoryFor(datasource, { cwd, databaseFree }));
  trace("engine", `new (${datamodelPaths.join(", ") || "no schema"})`);
  return SchemaEngine.new({ datamodels }, onLog, factory);
}
