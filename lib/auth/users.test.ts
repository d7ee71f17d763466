import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { AppError } from "@/lib/errors";
import { authenticate, registerUser } from "./users";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe("accounts", () => {
  it("makes the first account the admin and later ones plain users, storing only a hash", async () => {
    const [first, second] = [
      await registerUser(handle.db, { email: "First@Example.com ", name: "First", password: "password-one" }),
      await registerUser(handle.db, { email: "second@example.com", name: "Second", password: "password-two" }),
    ];
    expect(first).toMatchObject({ email: "first@example.com", role: "admin" });
    expect(second.role).toBe("user");
    const row = await handle.db.user.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.passwordHash).not.toContain("password-one");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("gives exactly one admin when many people register at once", async () => {
    const fresh = await createTestDatabase();
    try {
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          registerUser(fresh.db, { email: `u${i}@example.com`, name: `U${i}`, password: "password-x" }),
        ),
      );
      expect(await fresh.db.user.count({ where: { role: "admin" } })).toBe(1);
    } finally {
      await fresh.close();
    }
    // A fresh database (every migration) plus six argon2 hashes: minutes on a loaded 2-core CI machine.
  }, 240_000);

  it("refuses a duplicate email, whatever its case, and stores nothing", async () => {
    const before = await handle.db.user.count();
    const attempt = registerUser(handle.db, { email: "FIRST@example.com", name: "Again", password: "password-three" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(/already exists/);
    expect(await handle.db.user.count()).toBe(before);
  });

  it("rejects short passwords, bad emails and over-long names before storing anything", async () => {
    const before = await handle.db.user.count();
    await expect(registerUser(handle.db, { email: "x@example.com", name: "X", password: "short" })).rejects.toThrow(
      /at least 8/,
    );
    await expect(registerUser(handle.db, { email: "nope", name: "X", password: "long enough" })).rejects.toThrow(
      /valid email/,
    );
    await expect(
      registerUser(handle.db, { email: "y@example.com", name: "n".repeat(101), password: "long enough" }),
    ).rejects.toThrow(/at most 100/);
    expect(await handle.db.user.count()).toBe(before);
  });

  it("authenticates with the right password only", async () => {
    expect(await authenticate(handle.db, "first@example.com", "password-one")).toMatchObject({
      name: "First",
      role: "admin",
    });
    expect(await authenticate(handle.db, "FIRST@example.com", "password-one")).not.toBeNull();
    expect(await authenticate(handle.db, "first@example.com", "password-two")).toBeNull();
    expect(await authenticate(handle.db, "nobody@example.com", "password-one")).toBeNull();
  });
});
