// Retention on backdated rows: what is past each cut-off goes, everything else stays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { DEFAULT_POLICY, policyFromEnv, runRetention } from "./retention";
import { seedLog, seedMessage, seedUser } from "@/test/support/admin";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000);

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

async function conversation(userId: string, lastActive: Date | null, updatedAt: Date, title: string) {
  const row = await handle.db.conversation.create({
    data: { userId, title, updatedAt, lastMessageAt: lastActive },
    select: { id: true },
  });
  return row.id;
}

describe("retention", () => {
  it("counts in a dry run, then deletes old messages and logs and archives inactive conversations", async () => {
    const db = handle.db;
    const user = await seedUser(db, "old@example.com");
    // An old conversation still in use: its year-old messages go, recent ones stay.
    const busy = await conversation(user, daysAgo(1), daysAgo(1), "Busy");
    await db.conversation.update({ where: { id: busy }, data: { messageCount: 3 } });
    const oldMessage = await seedMessage(db, {
      conversationId: busy,
      userId: user,
      role: "user",
      content: "ancient",
      at: daysAgo(366),
    });
    await seedMessage(db, {
      conversationId: busy,
      userId: user,
      role: "assistant",
      content: "ancient reply",
      at: daysAgo(400),
    });
    await seedMessage(db, { conversationId: busy, userId: user, role: "user", content: "recent", at: daysAgo(1) });
    // Inactive for 91 days → archived; 89 days → stays; an empty one is judged by updated_at.
    const stale = await conversation(user, daysAgo(91), daysAgo(91), "Stale");
    const fresh = await conversation(user, daysAgo(89), daysAgo(89), "Fresh");
    const emptyStale = await conversation(user, null, daysAgo(120), "Empty");
    // Logs: one past two years (and pointing at the old message), one just inside.
    const oldLog = await seedLog(db, { userId: user, at: daysAgo(731), operation: "list", messageId: oldMessage });
    const keptLog = await seedLog(db, { userId: user, at: daysAgo(729), operation: "list", messageId: oldMessage });

    const dry = await runRetention(db, { now: NOW, dryRun: true });
    expect(dry).toEqual({ messagesDeleted: 2, logsDeleted: 1, conversationsArchived: 2 });
    expect(await db.message.count()).toBe(3);
    expect(await db.conversation.count({ where: { status: "archived" } })).toBe(0);

    const applied = await runRetention(db, { now: NOW });
    expect(applied).toEqual(dry);
    expect((await db.message.findMany({ select: { content: true } })).map((m) => m.content)).toEqual(["recent"]);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: busy } })).messageCount).toBe(1);
    expect(await db.taskOperationLog.findUnique({ where: { id: oldLog } })).toBeNull();
    // The kept log loses its link to the deleted message, not its row.
    expect(await db.taskOperationLog.findUniqueOrThrow({ where: { id: keptLog } })).toMatchObject({ messageId: null });
    const statuses = Object.fromEntries(
      (await db.conversation.findMany({ select: { id: true, status: true, updatedAt: true } })).map((c) => [c.id, c]),
    );
    expect([
      statuses[stale]!.status,
      statuses[emptyStale]!.status,
      statuses[fresh]!.status,
      statuses[busy]!.status,
    ]).toEqual(["archived", "archived", "active", "active"]);
    // Archiving is not activity: the conversation keeps its place in the sidebar.
    expect(statuses[stale]!.updatedAt.toISOString()).toBe(daysAgo(91).toISOString());

    // Safe to run again: nothing left to do.
    expect(await runRetention(db, { now: NOW })).toEqual({
      messagesDeleted: 0,
      logsDeleted: 0,
      conversationsArchived: 0,
    });
  });

  it("honours shorter periods", async () => {
    const db = handle.db;
    const user = await seedUser(db, "short@example.com");
    await seedLog(db, { userId: user, at: daysAgo(11), operation: "list" });
    const counts = await runRetention(db, {
      now: NOW,
      dryRun: true,
      policy: { messagesDays: 10, logsDays: 10, archiveDays: 10 },
    });
    expect(counts.logsDeleted).toBeGreaterThanOrEqual(1);
  });

  it("reads the periods from the environment, with defaults and clear errors", () => {
    expect(policyFromEnv({})).toEqual(DEFAULT_POLICY);
    expect(
      policyFromEnv({ RETENTION_MESSAGES_DAYS: "30", RETENTION_LOGS_DAYS: " 60 ", RETENTION_ARCHIVE_DAYS: "" }),
    ).toEqual({ messagesDays: 30, logsDays: 60, archiveDays: 90 });
    expect(() => policyFromEnv({ RETENTION_LOGS_DAYS: "two years" })).toThrow(
      "RETENTION_LOGS_DAYS must be a whole number of days.",
    );
    expect(() => policyFromEnv({ RETENTION_ARCHIVE_DAYS: "0" })).toThrow(
      "RETENTION_ARCHIVE_DAYS must be at least 1 day.",
    );
  });
});
