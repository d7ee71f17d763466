import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { openDatabase, type DbHandle } from "@/lib/db/client";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The migration scripts in the order Prisma applies them. */
export function migrationScripts(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
}

/**
 * A fresh, migrated database for one test file: a scratch database on the PostgreSQL server
 * named by TEST_DATABASE_URL (dropped on close), or else an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<DbHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase("memory:");
    for (const sql of migrationScripts()) await handle.exec(sql);
    return handle;
  }
  const { Client } = await import("pg");
  const name = `doable_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase(url.toString());
  for (const sql of migrationScripts()) await handle.exec(sql);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
