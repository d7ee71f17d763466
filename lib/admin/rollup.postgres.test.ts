// Rollups and concurrent changes on a PostgreSQL server (runs when TEST_DATABASE_URL is set):
// PGlite has one connection, so only a server can run a change and a rollup of its day at once.
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { seedLog, seedUser } from "@/test/support/admin";
import { logFigures } from "./figures";
import { rollUpDay } from "./rollup";

const DAY = new Date(Date.now() - 5 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const RANGE = { from: DAY, to: DAY };
let handle: DbHandle;
let other: Client;
let rowId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const user = await seedUser(handle.db, "ada@example.com");
  rowId = await seedLog(handle.db, { userId: user, at: new Date(`${DAY}T10:00:00Z`), status: "pending" });
  for (let i = 1; i <= 3; i++) await seedLog(handle.db, { userId: user, at: new Date(`${DAY}T11:0${i}:00Z`) });
  // A second connection to the same scratch database, for the transaction that stays open.
  const [database] = await handle.db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${database?.name}`;
  other = new Client({ connectionString: url.toString() });
  await other.connect();
});

afterAll(async () => {
  await other?.end();
  await handle.close();
});

const fresh = async () =>
  (await handle.db.operationLogDay.findUnique({ where: { day: new Date(`${DAY}T00:00:00Z`) } }))?.fresh;

describe("a change and a rollup of its day at the same time", () => {
  it("the rollup waits for a change in progress, then counts it", async () => {
    expect((await logFigures(handle.db, RANGE)).pending).toBe(1);
    await other.query("BEGIN");
    await other.query("UPDATE task_operation_logs SET status = 'success', duration_ms = 30 WHERE id = $1", [rowId]);
    const rolling = rollUpDay(handle.db, DAY);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await other.query("COMMIT");
    expect(await rolling).toBe(true);
    expect(await fresh()).toBe(true);
    expect(await logFigures(handle.db, RANGE)).toMatchObject({ pending: 0, succeeded: 4 });
  });

  it("a change that commits after a rollup began marks the day stale again", async () => {
    // The other connection plays a rollup that has locked the day and not committed yet.
    await other.query("BEGIN");
    await other.query("UPDATE operation_log_days SET fresh = true WHERE day = $1::date", [DAY]);
    const change = handle.db.taskOperationLog.update({ where: { id: rowId }, data: { status: "failed" } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await other.query("COMMIT");
    await change;
    expect(await fresh()).toBe(false);
    expect(await logFigures(handle.db, RANGE)).toMatchObject({ failed: 1, succeeded: 3 });
  });
});
