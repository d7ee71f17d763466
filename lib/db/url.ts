import "server-only";
import path from "node:path";

/** Where the data lives, from DATABASE_URL: the embedded PGlite (default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: "pglite"; dir: string | null } // null: in memory (tests)
  | { kind: "postgres"; url: string };

export const DEFAULT_PGLITE_DIR = ".data/pglite";

export function databaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ DEFAULT_PGLITE_DIR) };
  if (value === "memory:" || value === "file::memory:") return { kind: "pglite", dir: null };
  if (value.startsWith("file:")) return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ value.slice("file:".length) || DEFAULT_PGLITE_DIR) };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  throw new Error(`DATABASE_URL must be unset, "file:<dir>" (embedded PGlite) or "postgresql://…"; got "${value.split(":")[0]}:…"`);
}

export function isEmbedded(url = process.env.DATABASE_URL): boolean {
  return databaseTarget(url).kind === "pglite";
}
