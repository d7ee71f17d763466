import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { outboxPolicyFromEnv, purgeOutbox } from "./retention";
import { makeUser } from "@/test/support/notifications";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe("outbox retention", () => {
  it("deletes sent and cancelled rows after 30 days and failed ones after 7, never pending ones; a dry run only counts", async () => {
    const userId = await makeUser(handle.db, "keep@example.com");
    const now = new Date("2026-12-02T00:00:00Z");
    const ago = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const row = (title: string, data: object) => ({
      userId,
      channel: "in_app" as const,
      type: "reminder" as const,
      payload: { title },
      ...data,
    });
    await handle.db.notification.createMany({
      data: [
        row("old sent", { status: "sent", sentAt: ago(31), createdAt: ago(31) }),
        row("recent sent", { status: "sent", sentAt: ago(29), createdAt: ago(40) }),
        row("old cancelled", { status: "cancelled", createdAt: ago(31) }),
        row("old failed", { status: "failed", createdAt: ago(8) }),
        row("recent failed", { status: "failed", createdAt: ago(6) }),
        row("ancient pending", { status: "pending", createdAt: ago(400), nextAttemptAt: ago(400) }),
      ],
    });
    expect(await purgeOutbox(handle.db, { now, dryRun: true })).toEqual({ notificationsDeleted: 3 });
    expect(await handle.db.notification.count()).toBe(6);
    expect(await purgeOutbox(handle.db, { now })).toEqual({ notificationsDeleted: 3 });
    const left = await handle.db.notification.findMany({ select: { payload: true } });
    expect(left.map((r) => (r.payload as { title: string }).title).sort()).toEqual([
      "ancient pending",
      "recent failed",
      "recent sent",
    ]);
    expect(await purgeOutbox(handle.db, { now })).toEqual({ notificationsDeleted: 0 });
  });

  it("reads its periods from the environment, refusing bad values clearly", () => {
    expect(outboxPolicyFromEnv({})).toEqual({ sentDays: 30, failedDays: 7 });
    expect(
      outboxPolicyFromEnv({ RETENTION_NOTIFICATIONS_SENT_DAYS: "60", RETENTION_NOTIFICATIONS_FAILED_DAYS: "14" }),
    ).toEqual({ sentDays: 60, failedDays: 14 });
    expect(() => outboxPolicyFromEnv({ RETENTION_NOTIFICATIONS_FAILED_DAYS: "0" })).toThrow(
      "RETENTION_NOTIFICATIONS_FAILED_DAYS must be at least 1 day.",
    );
    expect(() => outboxPolicyFromEnv({ RETENTION_NOTIFICATIONS_SENT_DAYS: "soon" })).toThrow("whole number of days");
  });
});
