// The PostgreSQL server ending the app's connections (a restart, a failover, an operator's
// pg_terminate_backend) while they sit idle in the pool and while queries run: the process
// must neither crash nor report an uncaught error, the loss is logged in one line, and the next
// query works on a fresh connection. Only this file's scratch database is touched.
import { Client } from "pg";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DbHandle } from "./client";
import { createTestDatabase } from "@/test/support/db";
import { isDatabaseUnavailable, retryWhenUnavailable } from "./unavailable";

let handle: DbHandle;
let admin: Client;
let database: string;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  handle = await createTestDatabase();
  admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const [{ db }] = await handle.db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
  database = db;
  process.on("uncaughtException", onUncaught);
});
afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  await admin?.end();
  await handle?.close();
});

const terminate = () =>
  admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
    database,
  ]);

it("survives its pooled connections being ended, idle and busy, and works again after", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    // Several idle connections in the pool, and one held inside a transaction.
    await Promise.all(Array.from({ length: 5 }, () => handle.db.$queryRaw`SELECT pg_sleep(0.05)::text`));
    const busy = handle.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await tx.$queryRaw`SELECT pg_sleep(2)::text`;
    });
    const outcome = busy.then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((r) => setTimeout(r, 300));
    await terminate();
    const failed = await outcome;
    // The query that was running fails, and is recognised as the database going away (503, not 500).
    expect(failed).not.toBeNull();
    expect(isDatabaseUnavailable(failed)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    let rows: { ok: number }[] = [];
    for (let i = 0; i < 20 && rows.length === 0; i++) {
      rows = await handle.db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`.catch(() => []);
    }
    expect(rows).toEqual([{ ok: 1 }]);
    expect(uncaught).toEqual([]);
    expect(
      logged.mock.calls.some(([line]) => typeof line === "string" && line.startsWith("database connection lost")),
    ).toBe(true);
  } finally {
    logged.mockRestore();
  }
});

it("repeats an idempotent write cut off by the drop, and never repeats a query that is simply wrong", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    await handle.exec("CREATE TABLE IF NOT EXISTS upserts (id int PRIMARY KEY, n int NOT NULL)");
    // Idle pooled connections that the drop turns into dead ones.
    await Promise.all(Array.from({ length: 5 }, () => handle.db.$queryRaw`SELECT pg_sleep(0.02)::text`));
    let attempts = 0;
    const write = () => handle.db.$executeRaw`INSERT INTO upserts VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = 1`;
    // The drop lands while the first attempt runs.
    const slow = () => {
      attempts++;
      return attempts === 1 ? handle.db.$executeRaw`SELECT pg_sleep(1)` : write();
    };
    const outcome = retryWhenUnavailable(slow, 5, 50);
    await new Promise((r) => setTimeout(r, 300));
    await terminate();
    await outcome;
    expect(attempts).toBeGreaterThan(1);
    expect(await handle.db.$queryRaw`SELECT id, n FROM upserts`).toEqual([{ id: 1, n: 1 }]);

    let wrong = 0;
    const bad = retryWhenUnavailable(() => {
      wrong++;
      return handle.db.$executeRaw`INSERT INTO upserts VALUES (2, NULL)`;
    });
    await expect(bad).rejects.toThrow();
    expect(wrong).toBe(1);
  } finally {
    logged.mockRestore();
  }
});
