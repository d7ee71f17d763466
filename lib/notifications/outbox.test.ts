// The outbox on a real database (PGlite in memory, or PostgreSQL with TEST_DATABASE_URL): tasks
// are changed through the task service, then syncReminder runs as the service will run it, and
// the worker delivers with an injected clock (no waiting on real time anywhere).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { completeTask, deleteTask, updateTask } from "@/lib/tasks/service";
import type { OperationContext } from "@/lib/tasks/types";
import { markRead, unreadReminders } from "./bell";
import { inAppChannel } from "./channels/in-app";
import { actOnReminder } from "./reminder-actions";
import { addWithReminder, makeUser, manualClock, ok, sync } from "@/test/support/notifications";
import { createWorker } from "./worker";

let handle: DbHandle;
const NOW = "2026-12-02T10:00:00Z";

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());
// Workers claim every user's due rows: each test starts with an empty outbox.
beforeEach(() => handle.db.notification.deleteMany());
afterEach(() => {
  delete process.env.SMTP_URL;
});

const rows = (userId: string) =>
  handle.db.notification.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { channel: "asc" }] });

async function user(name: string, settings?: Parameters<typeof makeUser>[2]): Promise<OperationContext> {
  return {
    userId: await makeUser(handle.db, `${name}@example.com`, settings),
    source: "ui",
    timeZone: "Europe/Berlin",
  };
}

describe("syncReminder", () => {
  it("schedules an in-app reminder at the task's time, and e-mail only when SMTP is configured and the user wants it", async () => {
    const u = await user("schedule");
    await addWithReminder(handle.db, u, { title: "Call the plumber", dueDate: "2026-12-02T17:00" }, new Date(NOW));
    expect(await rows(u.userId)).toMatchObject([
      {
        channel: "in_app",
        type: "reminder",
        status: "pending",
        attempts: 0,
        nextAttemptAt: new Date("2026-12-02T16:00:00Z"),
      },
    ]);
    const [row] = await rows(u.userId);
    expect(row!.payload).toMatchObject({
      title: "Call the plumber",
      taskNumber: 1,
      at: "2026-12-02T16:00:00.000Z",
      dueAllDay: false,
      timeZone: "Europe/Berlin",
    });

    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    await addWithReminder(handle.db, u, { title: "Pay rent", dueDate: "2026-12-03" }, new Date(NOW));
    const rent = (await rows(u.userId)).filter((r) => (r.payload as { title: string }).title === "Pay rent");
    // All-day: 09:00 in Berlin.
    expect(rent.map((r) => [r.channel, r.nextAttemptAt.toISOString()]).sort()).toEqual([
      ["email", "2026-12-03T08:00:00.000Z"],
      ["in_app", "2026-12-03T08:00:00.000Z"],
    ]);

    const quiet = await user("quiet", { emailReminders: false });
    await addWithReminder(handle.db, quiet, { title: "Pay rent", dueDate: "2026-12-03" }, new Date(NOW));
    expect((await rows(quiet.userId)).map((r) => r.channel)).toEqual(["in_app"]);
  });

  it("uses the user's lead time and zone from /settings over the browser's", async () => {
    const u = await user("lead", { reminderLeadMinutes: 15, timeZone: "America/New_York", allDayHour: 7 });
    await addWithReminder(handle.db, u, { title: "Stand-up", dueDate: "2026-12-02T17:00:00Z" }, new Date(NOW));
    await addWithReminder(handle.db, u, { title: "Taxes", dueDate: "2026-12-04" }, new Date(NOW));
    expect((await rows(u.userId)).map((r) => r.nextAttemptAt.toISOString())).toEqual([
      "2026-12-02T16:45:00.000Z",
      "2026-12-04T12:00:00.000Z",
    ]);
  });

  it("schedules nothing without a due date or remindAt, or when the moment has passed", async () => {
    const u = await user("nothing");
    await addWithReminder(handle.db, u, { title: "Someday" }, new Date(NOW));
    await addWithReminder(handle.db, u, { title: "This morning", dueDate: "2026-12-02T09:00" }, new Date(NOW));
    expect(await rows(u.userId)).toEqual([]);
  });

  it("moves the reminder when the task changes, keeps it on a rename, and cancels it when completed or deleted", async () => {
    const u = await user("changes");
    const n = await addWithReminder(handle.db, u, { title: "Dentist", dueDate: "2026-12-04T10:00" }, new Date(NOW));
    const first = (await rows(u.userId))[0]!;
    const at = { ...u, now: new Date(NOW) }; // the service syncs at the test's clock too

    ok(await updateTask(handle.db, at, { task: n, title: "Dentist appointment" }));
    await sync(handle.db, u.userId, n, new Date(NOW));
    expect(await rows(u.userId)).toMatchObject([
      { id: first.id, status: "pending", payload: { title: "Dentist appointment" } },
    ]);

    ok(await updateTask(handle.db, at, { task: n, remindAt: "2026-12-03T18:00" }));
    await sync(handle.db, u.userId, n, new Date(NOW));
    expect((await rows(u.userId)).map((r) => [r.status, r.nextAttemptAt.toISOString()])).toEqual([
      ["cancelled", "2026-12-04T09:00:00.000Z"],
      ["pending", "2026-12-03T17:00:00.000Z"],
    ]);

    ok(await completeTask(handle.db, at, { task: n }));
    await sync(handle.db, u.userId, n, new Date(NOW));
    expect((await rows(u.userId)).every((r) => r.status === "cancelled")).toBe(true);

    ok(await completeTask(handle.db, at, { task: n, completed: false })); // reopened: scheduled again
    await sync(handle.db, u.userId, n, new Date(NOW));
    expect((await rows(u.userId)).filter((r) => r.status === "pending")).toHaveLength(1);

    ok(await deleteTask(handle.db, at, { task: n }));
    await sync(handle.db, u.userId, n, new Date(NOW));
    expect((await rows(u.userId)).filter((r) => r.status === "pending")).toHaveLength(0);
  });
});

describe("the worker", () => {
  it("sends a due reminder once, at its time and not before", async () => {
    const u = await user("once");
    const clock = manualClock(NOW);
    await addWithReminder(handle.db, u, { title: "Water the plants", dueDate: "2026-12-02T11:01" }, clock());
    const worker = createWorker({ db: handle.db, channels: { in_app: inAppChannel }, clock });

    clock.set("2026-12-02T10:00:59Z");
    await worker.runOnce();
    expect((await unreadReminders(handle.db, u.userId)).unread).toBe(0);

    clock.set("2026-12-02T10:01:00Z");
    await worker.runOnce();
    clock.advance(60 * 60_000);
    await worker.runOnce();
    await worker.runOnce();
    const bell = await unreadReminders(handle.db, u.userId);
    expect(bell).toMatchObject({
      unread: 1,
      items: [{ title: "Water the plants", taskNumber: 1, at: "2026-12-02T10:01:00.000Z" }],
    });
    expect(await rows(u.userId)).toMatchObject([
      { status: "sent", attempts: 1, sentAt: new Date("2026-12-02T10:01:00Z"), lastError: null },
    ]);
  });

  it("sends a reminder that fell due while the server was down when it comes back, once", async () => {
    const u = await user("downtime");
    const clock = manualClock(NOW);
    await addWithReminder(handle.db, u, { title: "Overnight", dueDate: "2026-12-02T12:00" }, clock());
    // No worker ran at 11:00 UTC; a fresh one (a restarted server) starts at 15:00.
    clock.set("2026-12-02T15:00:00Z");
    const restarted = createWorker({ db: handle.db, channels: { in_app: inAppChannel }, clock });
    expect(await restarted.runOnce()).toMatchObject({ sent: 1 });
    expect(await restarted.runOnce()).toMatchObject({ sent: 0 });
    expect((await unreadReminders(handle.db, u.userId)).unread).toBe(1);
  });

  it("retries a failing channel with exponential backoff, then marks the row failed with the error kept", async () => {
    const u = await user("failing");
    const clock = manualClock(NOW);
    await addWithReminder(handle.db, u, { title: "Flaky", dueDate: "2026-12-02T11:30" }, clock());
    let calls = 0;
    const broken = async () => {
      calls++;
      throw new Error(`connect ECONNREFUSED 127.0.0.1:25 (try ${calls})`);
    };
    const worker = createWorker({
      db: handle.db,
      channels: { in_app: broken },
      clock,
      maxAttempts: 3,
      backoffMs: (n) => 60_000 * 2 ** (n - 1),
    });
    clock.set("2026-12-02T10:30:00Z");
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    expect(await rows(u.userId)).toMatchObject([
      {
        status: "pending",
        attempts: 1,
        lastError: "connect ECONNREFUSED 127.0.0.1:25 (try 1)",
        nextAttemptAt: new Date("2026-12-02T10:31:00Z"),
      },
    ]);

    clock.advance(59_999); // not yet
    expect(await worker.runOnce()).toMatchObject({ retried: 0 });
    clock.set("2026-12-02T10:31:00Z");
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    expect((await rows(u.userId))[0]!.nextAttemptAt).toEqual(new Date("2026-12-02T10:33:00Z")); // 2 min: doubled

    clock.set("2026-12-02T10:33:00Z");
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    clock.advance(24 * 60 * 60_000);
    expect(await worker.runOnce()).toMatchObject({ failed: 0, retried: 0 });
    expect(calls).toBe(3);
    expect(await rows(u.userId)).toMatchObject([
      { status: "failed", attempts: 3, lastError: "connect ECONNREFUSED 127.0.0.1:25 (try 3)", sentAt: null },
    ]);
    expect((await unreadReminders(handle.db, u.userId)).unread).toBe(0);
  });

  it("fails an e-mail row when this server has no SMTP configured, rather than losing it silently", async () => {
    const u = await user("nosmtp");
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const clock = manualClock(NOW);
    await addWithReminder(handle.db, u, { title: "Mail me", dueDate: "2026-12-02T11:30" }, clock());
    const worker = createWorker({ db: handle.db, channels: { in_app: inAppChannel }, clock, maxAttempts: 1 });
    clock.set("2026-12-02T10:30:00Z");
    await worker.runOnce();
    expect((await rows(u.userId)).map((r) => [r.channel, r.status, r.lastError]).sort()).toEqual([
      ["email", "failed", "E-mail is not configured on this server (SMTP_URL is not set)."],
      ["in_app", "sent", null],
    ]);
  });
});

describe("the bell and its actions", () => {
  async function fired(u: OperationContext, title: string) {
    const clock = manualClock(NOW);
    const n = await addWithReminder(handle.db, u, { title, dueDate: "2026-12-02T11:05" }, clock());
    clock.set("2026-12-02T10:05:00Z");
    await createWorker({ db: handle.db, channels: { in_app: inAppChannel }, clock }).runOnce();
    const item = (await unreadReminders(handle.db, u.userId)).items.find((i) => i.title === title)!;
    return { n, item, clock };
  }

  it("Done completes the task through the service (logged) and clears the bell", async () => {
    const u = await user("done");
    const { n, item } = await fired(u, "Take out the bins");
    const result = ok(
      await actOnReminder(
        handle.db,
        u.userId,
        "Europe/Berlin",
        { id: item.id, action: "done" },
        new Date("2026-12-02T10:06:00Z"),
      ),
    );
    expect(result).toMatchObject({ kind: "completed", task: { number: n, status: "completed" } });
    expect((await unreadReminders(handle.db, u.userId)).unread).toBe(0);
    const log = await handle.db.taskOperationLog.findFirst({ where: { userId: u.userId, operation: "complete" } });
    expect(log).toMatchObject({ status: "success", source: "ui" });
  });

  it("Snooze moves the task's remindAt through the service; the synced reminder replaces the one in the bell", async () => {
    const u = await user("snooze");
    const { n, item } = await fired(u, "Stretch");
    const now = new Date("2026-12-02T10:06:00Z");
    ok(
      await actOnReminder(handle.db, u.userId, "Europe/Berlin", { id: item.id, action: "snooze", snooze: "10m" }, now),
    );
    await sync(handle.db, u.userId, n, now);
    const task = await handle.db.task.findUniqueOrThrow({ where: { userId_number: { userId: u.userId, number: n } } });
    expect(task.remindAt).toEqual(new Date("2026-12-02T10:16:00Z"));
    expect((await rows(u.userId)).filter((r) => r.status === "pending").map((r) => r.nextAttemptAt)).toEqual([
      new Date("2026-12-02T10:16:00Z"),
    ]);
    expect((await unreadReminders(handle.db, u.userId)).unread).toBe(0);

    // Tomorrow morning is the all-day hour in the user's zone.
    ok(
      await actOnReminder(
        handle.db,
        u.userId,
        "Europe/Berlin",
        { id: item.id, action: "snooze", snooze: "tomorrow" },
        now,
      ),
    );
    expect((await handle.db.task.findUniqueOrThrow({ where: { id: task.id } })).remindAt).toEqual(
      new Date("2026-12-03T08:00:00Z"),
    );
    expect(
      await handle.db.taskOperationLog.count({ where: { userId: u.userId, operation: "update", status: "success" } }),
    ).toBe(2);
  });

  it("treats another user's reminder id as not found, and bad input as a clear error, changing nothing", async () => {
    const owner = await user("owner");
    const other = await user("other");
    const { item } = await fired(owner, "Private");
    const before = await rows(owner.userId);
    expect(await actOnReminder(handle.db, other.userId, "UTC", { id: item.id, action: "done" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await actOnReminder(handle.db, other.userId, "UTC", { id: "not-a-uuid", action: "done" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(
      await actOnReminder(handle.db, owner.userId, "UTC", { id: item.id, action: "snooze", snooze: "forever" }),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await markRead(handle.db, other.userId, [item.id])).toBe(0);
    expect((await unreadReminders(handle.db, other.userId)).unread).toBe(0);
    expect(await rows(owner.userId)).toEqual(before);
    expect(await handle.db.task.count({ where: { userId: owner.userId, status: "completed" } })).toBe(0);
  });
});
