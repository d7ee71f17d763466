// Optional tracing of everything the Prisma CLI and this program say to each other.
//
//   PRISMA_SHIM_TRACE=1            → stderr
//   PRISMA_SHIM_TRACE=/tmp/x.log   → appended to that file (the easiest to read: the CLI
//                                    hides the engine's stderr unless DEBUG=prisma:schemaEngine*)
//
// Lines written to stderr are JSON log records shaped like the native engine's
// ({level, target, fields: {message}}): the CLI parses the engine's stderr as JSON lines
// (and the one-shot `cli …` commands fail on anything else), so plain text would break it.
import fs from "node:fs";

const setting = process.env.PRISMA_SHIM_TRACE ?? "";
const toStderr = setting === "1" || setting === "true" || setting === "stderr";
const toFile = setting !== "" && setting !== "0" && setting !== "false" && !toStderr ? setting : null;

export const tracing = toStderr || toFile !== null;

/** Log one traced event; `data` is stringified when it is not a string already. */
export function trace(label, data) {
  if (!tracing) return;
  const text = typeof data === "string" ? data : JSON.stringify(data);
  if (toStderr) {
    const record = { level: "DEBUG", target: "prisma_engine_shim", fields: { message: `${label} ${text}` } };
    process.stderr.write(`${JSON.stringify(record)}\n`);
  } else {
    // Synchronous on purpose: the process may be killed right after a response.
    fs.appendFileSync(toFile, `${new Date().toISOString()} [${process.pid}] ${label} ${text}\n`);
  }
}
