// The admin's notification view on a real database: filters, counts, and Retry on failed rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { listNotifications, notificationFilters, retryNotification } from "./notifications";

let handle: DbHandle;
let ann: string;
let bob: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  ann = (await db.user.create({ data: { email: "ann@example.com", name: "Ann", passwordHash: "x" } })).id;
  bob = (await db.user.create({ data: { email: "bob@example.com", name: "Bob", passwordHash: "x" } })).id;
  const row = async (key: string, userId: string, data: object) =>
    (ids[key] = (
      await db.notification.create({
        data: { userId, type: "reminder", channel: "in_app", payload: { title: key }, ...data },
      })
    ).id);
  await row("ann-sent", ann, { status: "sent", sentAt: new Date() });
  await row("ann-failed-mail", ann, { status: "failed", channel: "email", attempts: 5, lastError: "451 try later" });
  await row("bob-pending", bob, {});
  await row("bob-digest", bob, { type: "digest", status: "cancelled" });
});
afterAll(() => handle?.close());

describe("the admin's notifications", () => {
  it("filters by status, channel, type and user (email text or id), and counts per status", async () => {
    const all = await listNotifications(handle.db, {});
    expect(all.rows).toHaveLength(4);
    expect(all.counts).toEqual({ pending: 1, sent: 1, failed: 1, cancelled: 1 });
    const failed = await listNotifications(handle.db, { status: "failed" });
    expect(failed.rows.map((r) => [r.title, r.lastError, r.userEmail])).toEqual([
      ["ann-failed-mail", "451 try later", "ann@example.com"],
    ]);
    expect((await listNotifications(handle.db, { channel: "email" })).rows.map((r) => r.title)).toEqual([
      "ann-failed-mail",
    ]);
    expect((await listNotifications(handle.db, { type: "digest" })).rows.map((r) => r.title)).toEqual(["bob-digest"]);
    const byEmail = await listNotifications(handle.db, { user: "BOB@" });
    expect(byEmail.rows.map((r) => r.title).sort()).toEqual(["bob-digest", "bob-pending"]);
    expect(byEmail.counts).toEqual({ pending: 1, sent: 0, failed: 0, cancelled: 1 });
    expect((await listNotifications(handle.db, { user: ann })).rows).toHaveLength(2);
  });

  it("refuses unknown filter values with a clear message", () => {
    const parsed = notificationFilters.safeParse({ status: "exploded" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Unknown status.");
    expect(notificationFilters.parse({ status: "", user: "  ann " })).toEqual({ user: "ann" });
  });

  it("retries a failed row (pending again, due now, attempts and error cleared) and nothing else", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    await retryNotification(handle.db, ids["ann-failed-mail"]!, now);
    expect(await handle.db.notification.findUnique({ where: { id: ids["ann-failed-mail"] } })).toMatchObject({
      status: "pending",
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
    });
    await expect(retryNotification(handle.db, ids["ann-sent"]!)).rejects.toMatchObject({
      code: "conflict",
      message: "Only failed notifications can be retried; this one is sent.",
    });
    await expect(retryNotification(handle.db, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(retryNotification(handle.db, "not-an-id")).rejects.toMatchObject({ code: "not_found" });
    expect(await handle.db.notification.findUnique({ where: { id: ids["ann-sent"] } })).toMatchObject({
      status: "sent",
    });
  });
});
