// Whether `prisma migrate deploy` has anything to do, found without starting Prisma's schema
// engine (which takes 2–3 s even when every migration is applied). prestart.mjs asks this first
// and runs the engine only when the answer is not a clear "nothing to do".
//
// - PostgreSQL: reads the engine's own table, _prisma_migrations. Up to date means: every
//   folder in prisma/migrations has a finished, not rolled-back row with the same checksum
//   (the SHA-256 of its migration.sql, as Prisma computes it), there is no such row the folders
//   lack, and no migration is left failed. Anything else, a missing table or a database that
//   cannot be reached runs the engine, which applies, or reports, as it always did.
// - PGlite: opening the database costs more than the engine's check, so a stamp file is kept
//   INSIDE the database directory, written after a successful deploy: the migrations' names and
//   checksums plus the database's system identifier (from global/pg_control, set once when the
//   directory is created). A deleted or recreated directory has no stamp or another identifier;
//   a directory restored from a backup brings back the stamp of its own time; a new or changed
//   migration changes the list. The directory is never opened here, so prestart still finishes
//   before the server is the one process that opens it.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MIGRATIONS_DIR = "prisma/migrations";
export const PGLITE_STAMP = "doable-migrations.json";

/** The migration folders in the order Prisma applies them, with their checksums (null: no migration.sql). */
export function localMigrations(dir = MIGRATIONS_DIR) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        name,
        checksum: fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : null,
      };
    });
}

/**
 * Compares the applied migrations (rows of _prisma_migrations) with the folders.
 * @returns {{ pending: boolean, reason: string }}
 */
export function compareMigrations(local, rows) {
  const failed = rows.filter((r) => !r.finished && !r.rolled_back);
  if (failed.length > 0) return { pending: true, reason: `migration ${failed[0].migration_name} failed` };
  const applied = new Map(rows.filter((r) => r.finished && !r.rolled_back).map((r) => [r.migration_name, r.checksum]));
  const missing = local.filter((m) => !applied.has(m.name));
  if (missing.length > 0) return { pending: true, reason: `${missing.length} to apply` };
  const changed = local.find((m) => m.checksum === null || applied.get(m.name) !== m.checksum);
  if (changed) return { pending: true, reason: `${changed.name} differs from the applied one` };
  const names = new Set(local.map((m) => m.name));
  const unknown = [...applied.keys()].find((name) => !names.has(name));
  if (unknown) return { pending: true, reason: `the database has ${unknown}, which prisma/migrations lacks` };
  return { pending: false, reason: "up to date" };
}

/** PostgreSQL: reads _prisma_migrations (in the URL's ?schema=, default public) with one connection. */
export async function pendingOnPostgres(url, local = localMigrations()) {
  const { default: pg } = await import("pg");
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") || "public";
  parsed.searchParams.delete("schema"); // Prisma's parameter; the server would refuse it
  const client = new pg.Client({ connectionString: parsed.toString(), connectionTimeoutMillis: 5000 });
  client.on("error", () => {}); // a connection dropped after the query changes nothing here
  try {
    await client.connect();
    const table = `"${schema.replaceAll('"', '""')}"._prisma_migrations`;
    const exists = await client.query("SELECT to_regclass($1) IS NOT NULL AS found", [table]);
    if (!exists.rows[0].found) return { pending: true, reason: "no migrations table yet" };
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM ${table}`,
    );
    return compareMigrations(local, rows);
  } catch (error) {
    return { pending: true, reason: `could not check (${error.message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

/** The embedded database's directory from DATABASE_URL (as lib/db/url.ts), or null for memory:. */
export function pgliteDir(url = process.env.DATABASE_URL) {
  const value = url?.trim();
  if (!value) return path.resolve(".data/pglite");
  if (value === "memory:" || value === "file::memory:") return null;
  return path.resolve(value.slice("file:".length) || ".data/pglite");
}

/** The stamp that says `local` is applied to the database in `dir`, or null when there is no database there. */
function pgliteStamp(dir, local) {
  let control;
  try {
    control = fs.readFileSync(path.join(dir, "global", "pg_control"));
  } catch {
    return null;
  }
  // ControlFileData starts with the 64-bit system identifier initdb chose for this database.
  return {
    systemIdentifier: control.subarray(0, 8).toString("hex"),
    migrations: local.map((m) => `${m.name} ${m.checksum}`),
  };
}

/** PGlite: pending unless the stamp in the directory matches. */
export function pendingOnPglite(dir, local = localMigrations()) {
  if (!dir) return { pending: true, reason: "in memory" };
  const expected = pgliteStamp(dir, local);
  if (!expected) return { pending: true, reason: "new database" };
  let stored;
  try {
    stored = JSON.parse(fs.readFileSync(path.join(dir, PGLITE_STAMP), "utf8"));
  } catch {
    return { pending: true, reason: "not checked since the last change" };
  }
  const same =
    stored?.systemIdentifier === expected.systemIdentifier &&
    JSON.stringify(stored.migrations) === JSON.stringify(expected.migrations);
  return same
    ? { pending: false, reason: "up to date" }
    : { pending: true, reason: "migrations changed since the last deploy" };
}

/** Removed before the engine runs, so a failed or interrupted deploy leaves no stamp behind. */
export function clearPgliteStamp(dir) {
  if (dir) fs.rmSync(path.join(dir, PGLITE_STAMP), { force: true });
}

/** Written after a successful deploy, while no process has the database open. */
export function writePgliteStamp(dir, local = localMigrations()) {
  const stamp = dir && pgliteStamp(dir, local);
  if (!stamp) return;
  const file = path.join(dir, PGLITE_STAMP);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(stamp, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}
