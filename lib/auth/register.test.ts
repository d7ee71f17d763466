import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import type { ClientInfo } from "@/lib/audit/client";
import { AppError } from "@/lib/errors";
import { createLimiter } from "@/lib/rate-limit";
import { registerFrom } from "./register";

vi.hoisted(() => {
  process.env.REGISTER_RATE_LIMIT = "5";
});

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

const by = (ip: string): ClientInfo => ({ ip, userAgent: null });
const input = (n: string) => ({ email: `reg-${n}@example.com`, name: `Reg ${n}`, password: "correct horse battery" });

it("creates at most 5 accounts an hour from one address, even when 25 arrive at once", async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 25 }, (_, i) => registerFrom(handle.db, input(`burst${i}`), by("198.51.100.20"))),
  );
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
  const refused = results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => r.reason as AppError);
  expect(refused).toHaveLength(20);
  for (const error of refused) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "rate_limited",
      status: 429,
      message: expect.stringMatching(
        /^Too many accounts were created from your network\. Try again in (59|60) minutes\.$/,
      ),
    });
  }
  expect(await handle.db.user.count({ where: { email: { startsWith: "reg-burst" } } })).toBe(5);
  // Another address is not affected.
  await expect(registerFrom(handle.db, input("elsewhere"), by("198.51.100.21"))).resolves.toMatchObject({
    email: "reg-elsewhere@example.com",
  });
});

it("keeps the count in the database, so every app instance sees it", async () => {
  await registerFrom(handle.db, input("shared"), by("198.51.100.30"));
  // A limiter object of its own stands for another app server.
  const elsewhere = await createLimiter(handle.db, "register").get("198.51.100.30");
  expect(elsewhere?.consumedPoints).toBe(1);
});

it("counts a refused duplicate email too (slows probing for accounts), and stores nothing for it", async () => {
  await registerFrom(handle.db, input("dup"), by("198.51.100.40"));
  const before = await handle.db.user.count();
  await expect(registerFrom(handle.db, input("dup"), by("198.51.100.40"))).rejects.toThrow(/already exists/);
  expect(await handle.db.user.count()).toBe(before);
  expect((await createLimiter(handle.db, "register").get("198.51.100.40"))?.consumedPoints).toBe(2);
});
