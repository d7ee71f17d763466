// prestart's "is anything pending?" answer, without Prisma's engine: the comparison with
// _prisma_migrations, and the PGlite stamp kept in the data directory. (The PostgreSQL side
// against the real engine's table: scripts/cluster.postgres.test.ts.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  clearPgliteStamp,
  compareMigrations,
  localMigrations,
  pendingOnPglite,
  pgliteDir,
  writePgliteStamp,
} from "./migrations-pending.mjs";

const local = [
  { name: "20260101000000_init", checksum: "aa" },
  { name: "20260102000000_more", checksum: "bb" },
];
const row = (migration_name: string, checksum: string, finished = true, rolled_back = false) => ({
  migration_name,
  checksum,
  finished,
  rolled_back,
});

describe("compareMigrations", () => {
  it("is up to date when every folder has a finished row with its checksum", () => {
    expect(compareMigrations(local, [row("20260101000000_init", "aa"), row("20260102000000_more", "bb")])).toEqual({
      pending: false,
      reason: "up to date",
    });
    // A rolled-back attempt followed by a successful one is applied.
    expect(
      compareMigrations(local, [
        row("20260101000000_init", "aa"),
        row("20260102000000_more", "bb", false, true),
        row("20260102000000_more", "bb"),
      ]).pending,
    ).toBe(false);
  });

  it("runs the engine for a new folder, a changed one, a failed one, or one only the database has", () => {
    expect(compareMigrations(local, [row("20260101000000_init", "aa")])).toEqual({
      pending: true,
      reason: "1 to apply",
    });
    expect(compareMigrations(local, [])).toEqual({ pending: true, reason: "2 to apply" });
    expect(compareMigrations(local, [row("20260101000000_init", "aa"), row("20260102000000_more", "cc")]).pending).toBe(
      true,
    );
    expect(
      compareMigrations(local, [row("20260101000000_init", "aa"), row("20260102000000_more", "bb", false)]).reason,
    ).toMatch(/failed/);
    expect(
      compareMigrations(local, [...local.map((m) => row(m.name, m.checksum)), row("20260103000000_newer", "dd")])
        .reason,
    ).toMatch(/lacks/);
    expect(
      compareMigrations([{ name: "20260101000000_init", checksum: null }], [row("20260101000000_init", "aa")]).pending,
    ).toBe(true);
  });
});

describe("localMigrations", () => {
  it("lists prisma/migrations in order with the SHA-256 of each migration.sql", () => {
    const found = localMigrations();
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((m) => m.name)).toEqual([...found.map((m) => m.name)].sort());
    for (const m of found) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the PGlite stamp", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A directory that looks like a database PGlite created (only pg_control matters here). */
  function database(systemIdentifier: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doable-stamp-"));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, "global"));
    fs.writeFileSync(
      path.join(dir, "global", "pg_control"),
      Buffer.concat([Buffer.from(systemIdentifier, "hex"), Buffer.alloc(100)]),
    );
    return dir;
  }

  it("says up to date only after a deploy wrote it, for the same migrations and the same database", () => {
    const dir = database("0102030405060708");
    expect(pendingOnPglite(dir, local).pending).toBe(true); // never deployed through prestart
    writePgliteStamp(dir, local);
    expect(pendingOnPglite(dir, local)).toEqual({ pending: false, reason: "up to date" });
    // A new migration, or a changed one.
    expect(pendingOnPglite(dir, [...local, { name: "20260103000000_newer", checksum: "dd" }]).pending).toBe(true);
    expect(pendingOnPglite(dir, [local[0]!, { ...local[1]!, checksum: "cc" }]).pending).toBe(true);
    // Another database in the same place (recreated: initdb picks a new system identifier).
    fs.writeFileSync(
      path.join(dir, "global", "pg_control"),
      Buffer.concat([Buffer.from("0807060504030201", "hex"), Buffer.alloc(100)]),
    );
    expect(pendingOnPglite(dir, local).pending).toBe(true);
  });

  it("is gone before the engine runs, so a failed deploy leaves none", () => {
    const dir = database("0102030405060708");
    writePgliteStamp(dir, local);
    clearPgliteStamp(dir);
    expect(pendingOnPglite(dir, local).pending).toBe(true);
  });

  it("a directory with no database yet, or an in-memory one, is always pending", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "doable-stamp-"));
    dirs.push(empty);
    writePgliteStamp(empty, local); // writes nothing: there is no database to vouch for
    expect(fs.readdirSync(empty)).toEqual([]);
    expect(pendingOnPglite(empty, local)).toEqual({ pending: true, reason: "new database" });
    expect(pendingOnPglite(path.join(empty, "missing"), local).pending).toBe(true);
    expect(pendingOnPglite(pgliteDir("memory:"), local)).toEqual({ pending: true, reason: "in memory" });
  });

  it("reads the directory from DATABASE_URL as the app does", () => {
    expect(pgliteDir(undefined)).toBe(path.resolve(".data/pglite"));
    expect(pgliteDir("file:/tmp/x")).toBe("/tmp/x");
    expect(pgliteDir("file:")).toBe(path.resolve(".data/pglite"));
    expect(pgliteDir("memory:")).toBeNull();
  });
});
