// Reminder e-mail end to end: the outbox row, the worker, nodemailer, and a real SMTP server
// (smtp-server) listening in this process; what arrived is read back from the wire.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { createEmailChannel, smtpTransport } from "./channels/email";
import { inAppChannel } from "./channels/in-app";
import { addTask, completeTask } from "@/lib/tasks/service";
import { scheduleDigests } from "./digest";
import { readSettings } from "./settings";
import { addWithReminder, makeUser, manualClock, ok } from "@/test/support/notifications";
import { handleUnsubscribe } from "./unsubscribe-route";
import { claimDue, createWorker } from "./worker";

type Received = { raw: string; headers: Map<string, string>; body: string };

let handle: DbHandle;
let smtp: SMTPServer;
let smtpUrl: string;
let inbox: Received[] = [];
/** When set, the server refuses every message with this reply. */
let refuse: string | null = null;

const SECRET = "test-secret-for-unsubscribe-links";
const APP = "https://doable.example";
const FROM = "Doable <reminders@doable.example>";

function parse(raw: string): Received {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " "); // unfold
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { raw, headers, body: raw.slice(split + 4) };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuse) return callback(Object.assign(new Error(refuse), { responseCode: 451 }));
        inbox.push(parse(Buffer.concat(chunks).toString("utf8")));
        callback();
      });
    },
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.SMTP_URL = smtpUrl; // what makes syncReminder schedule e-mail rows
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await handle?.close();
});
beforeEach(async () => {
  inbox = [];
  refuse = null;
  await handle.db.notification.deleteMany();
});

const channels = (clock?: () => Date) => ({
  in_app: inAppChannel,
  email: createEmailChannel({
    transport: smtpTransport(smtpUrl),
    from: FROM,
    appUrl: APP,
    secret: SECRET,
    db: handle.db,
    clock,
  }),
});

async function scheduled(email: string, title: string) {
  const userId = await makeUser(handle.db, email, { timeZone: "Europe/Berlin" });
  const clock = manualClock("2026-12-02T10:00:00Z");
  await addWithReminder(
    handle.db,
    { userId, source: "ui", timeZone: "Europe/Berlin" },
    { title, dueDate: "2026-12-02T17:00" },
    clock(),
  );
  clock.set("2026-12-02T16:00:00Z");
  const row = await handle.db.notification.findFirstOrThrow({ where: { userId, channel: "email" } });
  return { userId, clock, row };
}

describe("reminder e-mail", () => {
  it("arrives with subject, text and HTML, a signed one-click List-Unsubscribe and the row's Message-ID", async () => {
    const { userId, clock, row } = await scheduled("mia@example.com", "Call the plumber");
    const result = await createWorker({ db: handle.db, channels: channels(), clock }).runOnce();
    expect(result).toMatchObject({ sent: 2, retried: 0 });
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.headers.get("subject")).toBe("Reminder: Call the plumber");
    expect(mail.headers.get("to")).toBe("mia@example.com");
    expect(mail.headers.get("from")).toBe(FROM);
    expect(mail.headers.get("message-id")).toBe(`<notification-${row.id}@doable.example>`);
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const link = /^<(.+)>$/.exec(mail.headers.get("list-unsubscribe")!)![1]!;
    expect(link).toMatch(new RegExp(`^${APP}/api/unsubscribe\\?token=${userId}\\.`));
    expect(mail.headers.get("content-type")).toMatch(/^multipart\/alternative/);
    expect(mail.body).toContain("Reminder: Call the plumber (#1), due Wednesday, December 2 at 5:00");
    expect(mail.body).toContain("text/html");
    expect(await handle.db.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "sent",
      attempts: 1,
    });

    // The link from the header, posted as a mail client's one-click does, without a session.
    const forged = await handleUnsubscribe(
      new Request(
        link.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        { method: "POST" },
      ),
      handle.db,
      SECRET,
    );
    expect(forged.status).toBe(400);
    expect((await readSettings(handle.db, userId)).emailReminders).toBe(true);
    const shown = await handleUnsubscribe(new Request(link), handle.db, SECRET); // a GET only asks
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<form method="post"');
    expect((await readSettings(handle.db, userId)).emailReminders).toBe(true);
    const done = await handleUnsubscribe(
      new Request(link, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      handle.db,
      SECRET,
    );
    expect(done.status).toBe(200);
    expect(await readSettings(handle.db, userId)).toMatchObject({ emailReminders: false, digestEnabled: false });
  });

  it("sends nothing to a user who turned e-mail off after the reminder was scheduled", async () => {
    const { userId, clock, row } = await scheduled("late@example.com", "Quiet please");
    await handle.db.userSettings.update({ where: { userId }, data: { emailReminders: false } });
    await createWorker({ db: handle.db, channels: channels(), clock }).runOnce();
    expect(inbox).toHaveLength(0);
    expect((await handle.db.notification.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("cancelled");
  });

  it("retries while the SMTP server refuses, then marks the row failed with the server's answer", async () => {
    const { clock, row } = await scheduled("down@example.com", "Unlucky");
    refuse = "Mailbox temporarily unavailable";
    const worker = createWorker({
      db: handle.db,
      channels: channels(),
      clock,
      maxAttempts: 2,
      backoffMs: () => 60_000,
    });
    expect(await worker.runOnce()).toMatchObject({ retried: 1, sent: 1 }); // in-app went, e-mail waits
    const waiting = await handle.db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toContain("Mailbox temporarily unavailable");
    clock.advance(60_000);
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    const failed = await handle.db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: "failed", attempts: 2, sentAt: null });
    expect(failed.lastError).toContain("451");
    expect(inbox).toHaveLength(0);
  });

  it("a worker killed between sending and marking: the mail is sent again once, with the same Message-ID", async () => {
    const { clock, row } = await scheduled("crash@example.com", "Survive a crash");
    await handle.db.notification.updateMany({ where: { channel: "in_app" }, data: { status: "cancelled" } });
    // Worker A claims the row and sends it, then dies before marking it sent.
    const [claimed] = await claimDue(handle.db, clock());
    expect(claimed!.id).toBe(row.id);
    await channels().email(claimed!);
    expect(inbox).toHaveLength(1);
    // Worker B must leave it alone while A's lease runs…
    const b = createWorker({ db: handle.db, channels: channels(), clock });
    clock.advance(60_000);
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    // …and sends it once the lease is over, then never again.
    clock.advance(60_000);
    expect(await b.runOnce()).toMatchObject({ sent: 1 });
    clock.advance(60 * 60_000);
    expect(await b.runOnce()).toMatchObject({ sent: 0 });
    expect(inbox).toHaveLength(2);
    expect(inbox.map((m) => m.headers.get("message-id"))).toEqual([
      `<notification-${row.id}@doable.example>`,
      `<notification-${row.id}@doable.example>`,
    ]);
    expect(await handle.db.notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "sent",
      attempts: 2,
    });
  });
});

describe("morning digest", () => {
  it("is written once per local day at the user's hour, lists overdue and due-today tasks, and skips an empty day", async () => {
    const userId = await makeUser(handle.db, "digest@example.com", { timeZone: "Europe/Berlin" });
    await handle.db.userSettings.update({ where: { userId }, data: { digestEnabled: true, digestHour: 8 } });
    const ctx = { userId, source: "ui" as const, timeZone: "Europe/Berlin" };
    ok(await addTask(handle.db, ctx, { title: "Return the library books", dueDate: "2026-12-01" }));
    ok(await addTask(handle.db, ctx, { title: "Dentist", dueDate: "2026-12-02T17:00" }));
    ok(await addTask(handle.db, ctx, { title: "Tomorrow's thing", dueDate: "2026-12-03" }));
    ok(await addTask(handle.db, ctx, { title: "Already done", dueDate: "2026-12-02" }));
    ok(await completeTask(handle.db, ctx, { task: 4 }));
    const idle = await makeUser(handle.db, "idle@example.com", { timeZone: "Europe/Berlin" });
    await handle.db.userSettings.update({ where: { userId: idle }, data: { digestEnabled: true, digestHour: 8 } });

    const clock = manualClock("2026-12-02T06:59:00Z"); // 07:59 in Berlin
    expect(await scheduleDigests(handle.db, clock())).toBe(0);
    clock.set("2026-12-02T07:00:00Z");
    // Two workers scheduling at once still make one row per user and day.
    const [a, b] = await Promise.all([scheduleDigests(handle.db, clock()), scheduleDigests(handle.db, clock())]);
    expect(a + b).toBe(2);
    expect(await scheduleDigests(handle.db, clock())).toBe(0);

    const worker = createWorker({ db: handle.db, channels: channels(clock), clock });
    expect(await worker.runOnce()).toMatchObject({ sent: 1, skipped: 1 });
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.headers.get("to")).toBe("digest@example.com");
    expect(mail.headers.get("subject")).toBe("Your day in Doable: 1 overdue, 1 due today");
    expect(mail.headers.get("list-unsubscribe")).toContain("/api/unsubscribe?token=");
    expect(mail.body).toContain("#1 Return the library books (Dec 1)");
    expect(mail.body).toContain("#2 Dentist (Dec 2, 5:00");
    expect(mail.body).not.toContain("Tomorrow's thing");
    expect(mail.body).not.toContain("Already done");
    expect((await handle.db.notification.findFirstOrThrow({ where: { userId: idle, type: "digest" } })).status).toBe(
      "cancelled",
    );

    // Later that morning nothing new; the next morning, a new one.
    clock.set("2026-12-02T09:00:00Z");
    expect(await scheduleDigests(handle.db, clock())).toBe(0);
    clock.set("2026-12-03T07:30:00Z");
    expect(await scheduleDigests(handle.db, clock())).toBe(2);
  });
});
