import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { authenticate, isSessionCurrent, registerUser, revokeSessions } from "./users";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

it("a session is good until its user signs out; then only sessions issued after that are", async () => {
  const user = await registerUser(handle.db, {
    email: "rev@example.com",
    name: "Rev",
    password: "correct horse battery",
  });
  const first = await authenticate(handle.db, "rev@example.com", "correct horse battery");
  expect(first?.sessionVersion).toBe(0);
  expect(await isSessionCurrent(handle.db, user.id, 0)).toBe(true);
  expect(await isSessionCurrent(handle.db, user.id, undefined)).toBe(true); // a token from before versions: 0

  expect(await revokeSessions(handle.db, user.id)).toBe(1);
  expect(await isSessionCurrent(handle.db, user.id, 0)).toBe(false);
  expect(await isSessionCurrent(handle.db, user.id, undefined)).toBe(false);

  const second = await authenticate(handle.db, "rev@example.com", "correct horse battery");
  expect(second?.sessionVersion).toBe(1);
  expect(await isSessionCurrent(handle.db, user.id, 1)).toBe(true);
  expect(await isSessionCurrent(handle.db, user.id, 2)).toBe(false); // a forged future version
});

it("a deleted user's session is not good", async () => {
  const user = await registerUser(handle.db, {
    email: "gone@example.com",
    name: "Gone",
    password: "correct horse battery",
  });
  await handle.db.user.delete({ where: { id: user.id } });
  expect(await isSessionCurrent(handle.db, user.id, 0)).toBe(false);
});
