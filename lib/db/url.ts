import "server-only";
import path from "node:path";
import { setting } from "@/lib/env";

/** Where the data lives, from DATABASE_URL: the embedded PGlite (default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: "pglite"; dir: string | null } // null: in memory (tests)
  | { kind: "postgres"; url: string };

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/** The target `url` names, or without one the DATABASE_URL setting (lib/env.ts checks its form). */
export function databaseTarget(url?: string): DatabaseTarget {
  const value = setting("DATABASE_URL", url === undefined ? process.env : { DATABASE_URL: url });
  if (!value) return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ DEFAULT_PGLITE_DIR) };
  if (value === "memory:" || value === "file::memory:") return { kind: "pglite", dir: null };
  if (value.startsWith("file:"))
    return {
      kind: "pglite",
      dir: path.resolve(/*turbopackIgnore: true*/ value.slice("file:".length) || DEFAULT_PGLITE_DIR),
    };
  return { kind: "postgres", url: value };
}

export function isEmbedded(url?: string): boolean {
  return databaseTarget(url).kind === "pglite";
}
