// Several app processes on one PostgreSQL each run a worker: two workers, each on its own
// connection pool, race over the same due rows and every row is delivered exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import type { Channel } from "./channels/types";
import { makeUser, manualClock } from "@/test/support/notifications";
import { createWorker } from "./worker";

let handle: DbHandle;
let second: DbHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  if (handle.target.kind !== "postgres") throw new Error("needs TEST_DATABASE_URL");
  second = await openDatabase(handle.target.url); // another process's pool
});
afterAll(async () => {
  await second?.close();
  await handle?.close();
});

describe("two workers on one PostgreSQL", () => {
  it("never deliver one notification twice", async () => {
    const userId = await makeUser(handle.db, "race@example.com");
    const total = 300;
    await handle.db.notification.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        userId,
        channel: "in_app" as const,
        type: "reminder" as const,
        payload: { title: `R${i}`, at: "2026-12-02T10:00:00.000Z" },
        nextAttemptAt: new Date("2026-12-02T10:00:00Z"),
      })),
    });
    const deliveries = new Map<string, string[]>();
    const recording =
      (name: string): Channel =>
      async (d) => {
        deliveries.set(d.id, [...(deliveries.get(d.id) ?? []), name]);
        await new Promise((r) => setImmediate(r)); // let the other worker's claim interleave
        return "sent";
      };
    const clock = manualClock("2026-12-02T10:00:00Z");
    const workers = [
      createWorker({ db: handle.db, channels: { in_app: recording("a") }, clock, batchSize: 7 }),
      createWorker({ db: second.db, channels: { in_app: recording("b") }, clock, batchSize: 7 }),
      createWorker({ db: second.db, channels: { in_app: recording("c") }, clock, batchSize: 7 }),
    ];
    // Each keeps claiming until a pass finds nothing; all run at once.
    await Promise.all(
      workers.map(async (w) => {
        while ((await w.runOnce()).sent > 0);
      }),
    );
    expect(deliveries.size).toBe(total);
    const twice = [...deliveries].filter(([, by]) => by.length > 1);
    expect(twice).toEqual([]);
    // All three took part (the claims really raced).
    expect(new Set([...deliveries.values()].flat()).size).toBeGreaterThan(1);
    expect(await handle.db.notification.count({ where: { status: "sent", attempts: 1 } })).toBe(total);
  });
});
