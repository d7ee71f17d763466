import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { createLimiter } from "./rate-limit";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

it("counts hits in the database, so two app instances share one limit", async () => {
  // Two limiter objects over the same database stand for two app servers.
  const a = createLimiter(handle.db, "login");
  const b = createLimiter(handle.db, "login");
  const key = "someone@example.com|203.0.113.7";
  for (let i = 0; i < 5; i++) await a.consume(key);
  for (let i = 0; i < 5; i++) await b.consume(key);
  await expect(a.consume(key)).rejects.toMatchObject({ remainingPoints: 0 });
  const stored = await handle.db.rateLimit.findUniqueOrThrow({ where: { key: `login:${key}` } });
  expect(stored.points).toBeGreaterThanOrEqual(10);
  // Another email from the same address is not affected.
  await expect(b.consume("other@example.com|203.0.113.7")).resolves.toMatchObject({ consumedPoints: 1 });
});
