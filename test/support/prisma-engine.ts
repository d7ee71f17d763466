// Helpers for the schema engine program's tests: throwaway Prisma projects (config, schema,
// migrations) and throwaway databases, driven through the real Prisma CLI.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

export const root = path.resolve(import.meta.dirname, "../..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
export const engineBin = path.join(root, "scripts", "prisma-engine", "bin.mjs");
export const migrationNames = fs
  .readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A temporary Prisma project: the app's schema and migrations, plus `extraMigrations`. */
export function makeProject(extraMigrations: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doable-engine-test-"));
  fs.copyFileSync(path.join(root, "prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
  fs.cpSync(path.join(root, "prisma", "migrations"), path.join(dir, "migrations"), { recursive: true });
  for (const [name, sql] of Object.entries(extraMigrations)) {
    fs.mkdirSync(path.join(dir, "migrations", name));
    fs.writeFileSync(path.join(dir, "migrations", name, "migration.sql"), sql);
  }
  // No imports, so the config loads from outside the repository too.
  fs.writeFileSync(
    path.join(dir, "prisma.config.ts"),
    `export default { schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL } };\n`,
  );
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface Result {
  code: number;
  output: string;
}

/** Runs `prisma <args>` for the project against `databaseUrl`, through our engine program. */
export function prisma(project: { dir: string }, databaseUrl: string, ...args: string[]): Promise<Result> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PRISMA_SCHEMA_ENGINE_BINARY: engineBin,
    CHECKPOINT_DISABLE: "1",
    NO_COLOR: "1",
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [prismaCli, ...args, "--config", path.join(project.dir, "prisma.config.ts")],
      { cwd: project.dir, env, timeout: 200_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** A scratch database of one kind: its URL, a way to query it, and its removal. */
export interface TestDatabase {
  url: string;
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

/** A PGlite database in a directory of the project (created by the CLI on first use). */
export function pgliteDatabase(project: { dir: string }): TestDatabase {
  const dataDir = path.join(project.dir, "db");
  return {
    url: `file:${dataDir}`,
    // Opened only while the CLI is not running: two processes must never share a directory.
    async query<T>(sql: string) {
      const db = await PGlite.create({ dataDir });
      try {
        return (await db.query<T>(sql)).rows;
      } finally {
        await db.close();
      }
    },
    async drop() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A uniquely named database on the server of `serverUrl` (TEST_DATABASE_URL). */
export async function postgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `doable_engine_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async query<T>(sql: string) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.end();
      }
    },
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export interface MigrationRow {
  migration_name: string;
  finished: boolean;
  rolled_back: boolean;
  logs: string | null;
}

export const migrationRows = (db: TestDatabase) =>
  db.query<MigrationRow>(
    `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, logs
       FROM _prisma_migrations ORDER BY migration_name`,
  );

/**
 * The migration tests, run once per kind of database: `open` makes a fresh, empty database
 * for a project. Everything goes through the real CLI (`prisma migrate deploy|status`),
 * which starts our engine program exactly as it would for a user.
 */
export function migrateSuite(kind: string, open: (project: { dir: string }) => Promise<TestDatabase>) {
  // Each test spawns the Prisma CLI and the wasm engine: slow on a busy 2-core machine.
  describe(`prisma migrate through the engine program (${kind})`, { timeout: 240_000 }, () => {
    describe("deploy on an empty database", () => {
      let project: ReturnType<typeof makeProject>;
      let db: TestDatabase;
      beforeAll(async () => {
        project = makeProject();
        db = await open!(project);
      });
      afterAll(async () => {
        await db?.drop();
        project?.remove();
      });

      it("applies every migration", async () => {
        const result = await prisma(project, db.url, "migrate", "deploy");
        expect(result.code, result.output).toBe(0);
        for (const name of migrationNames) expect(result.output).toContain(name);

        const rows = await migrationRows(db);
        expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
        expect(rows.every((row) => row.finished && !row.rolled_back)).toBe(true);
        const tables = await db.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
        );
        expect(tables.map((t) => t.table_name)).toEqual(
          expect.arrayContaining([
            "users",
            "tasks",
            "tags",
            "task_tags",
            "conversations",
            "messages",
            "task_operation_logs",
            "rate_limits",
          ]),
        );
      });

      it("keeps the hand-written CHECK constraints of the init migration", async () => {
        await expect(
          db.query(
            `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), 'Ann@Example.com', 'Ann', 'x', now())`,
          ),
        ).rejects.toThrow(/users_email_check/);
      });

      it("is a no-op the second time", async () => {
        const result = await prisma(project, db.url, "migrate", "deploy");
        expect(result.code, result.output).toBe(0);
        expect(result.output).toContain("No pending migrations to apply");
        expect(await migrationRows(db)).toHaveLength(migrationNames.length);
      });
    });

    it("reports a failing migration with a non-zero exit and records it as failed", async () => {
      const broken = "20991231000000_broken";
      const project = makeProject({ [broken]: `CREATE TABLE "before_the_error" (id int);\nSELEC 1;\n` });
      const db = await open!(project);
      try {
        const result = await prisma(project, db.url, "migrate", "deploy");
        expect(result.code).not.toBe(0);
        expect(result.output).toContain(broken);
        expect(result.output).toMatch(/syntax error at or near "SELEC"/);

        const rows = await migrationRows(db);
        expect(rows.map((row) => row.migration_name)).toEqual([...migrationNames, broken]);
        expect(rows.filter((row) => row.migration_name !== broken).every((row) => row.finished)).toBe(true);
        const failed = rows.find((row) => row.migration_name === broken);
        expect(failed).toMatchObject({ finished: false, rolled_back: false });
        expect(failed?.logs).toMatch(/SELEC/);
        // The script ran as one transaction, like the native engine runs it: nothing of it stayed.
        const [{ present }] = await db.query<{ present: boolean }>(
          `SELECT to_regclass('public.before_the_error') IS NOT NULL AS present`,
        );
        expect(present).toBe(false);

        const status = await prisma(project, db.url, "migrate", "status");
        expect(status.code).not.toBe(0);
        expect(status.output).toMatch(/have failed/);
        expect(status.output).toContain(broken);
      } finally {
        await db.drop();
        project.remove();
      }
    });
  });
}
