import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { DEFAULT_SETTINGS, readSettings, saveSettings, settingsInput } from "./settings";
import { addWithReminder, makeUser } from "@/test/support/notifications";

const form = {
  timeZone: "Europe/Berlin",
  reminderLeadMinutes: "15",
  allDayHour: "9",
  emailReminders: "on",
  digestHour: "8",
};

describe("settingsInput", () => {
  it("reads the form: numbers from text, checkboxes from 'on' or nothing, the zone in Intl's spelling", () => {
    expect(settingsInput.parse({ ...form, timeZone: "europe/berlin" })).toEqual({
      timeZone: "Europe/Berlin",
      reminderLeadMinutes: 15,
      allDayHour: 9,
      emailReminders: true,
      digestEnabled: false,
      digestHour: 8,
    });
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "timeZone", "is not a time zone I know"],
    [{ timeZone: "" }, "timeZone", "Choose a time zone."],
    [{ timeZone: "x".repeat(65) }, "timeZone", "too long"],
    [{ reminderLeadMinutes: "7" }, "reminderLeadMinutes", "5, 15, 30, 60 minutes or 1 day before"],
    [{ reminderLeadMinutes: "-5" }, "reminderLeadMinutes", "Choose when to be reminded."],
    [{ allDayHour: "24" }, "allDayHour", "an hour from 0 to 23"],
    [{ allDayHour: "9.5" }, "allDayHour", "an hour from 0 to 23"],
    [{ digestHour: "" }, "digestHour", "an hour from 0 to 23"],
  ])("refuses %o with a message for its field", (bad, field, message) => {
    const result = settingsInput.safeParse({ ...form, ...bad });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(message);
  });

  it("refuses unknown fields", () => {
    expect(settingsInput.safeParse({ ...form, userId: "someone-else" }).success).toBe(false);
  });
});

describe("saving settings", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  it("defaults before anything is saved, and reschedules coming reminders by the new settings", async () => {
    const userId = await makeUser(handle.db, "saver@example.com");
    expect(await readSettings(handle.db, userId)).toEqual(DEFAULT_SETTINGS);
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      const now = new Date("2026-12-02T10:00:00Z");
      await addWithReminder(
        handle.db,
        { userId, source: "ui", timeZone: "Europe/Berlin" },
        { title: "Team call", dueDate: "2026-12-03T15:00" },
        now,
      );
      await addWithReminder(
        handle.db,
        { userId, source: "ui", timeZone: "Europe/Berlin" },
        { title: "Rent", dueDate: "2026-12-04" },
        now,
      );
      await saveSettings(
        handle.db,
        userId,
        settingsInput.parse({
          ...form,
          timeZone: "America/New_York",
          reminderLeadMinutes: "30",
          allDayHour: "7",
          emailReminders: undefined,
        }),
        now,
      );
      expect(await readSettings(handle.db, userId)).toMatchObject({
        timeZone: "America/New_York",
        reminderLeadMinutes: 30,
        allDayHour: 7,
        emailReminders: false,
      });
      const pending = await handle.db.notification.findMany({
        where: { userId, status: "pending" },
        orderBy: { nextAttemptAt: "asc" },
      });
      // E-mail off: only in-app rows remain, at the new times (14:30 UTC; 07:00 in New York).
      expect(pending.map((r) => [r.channel, r.nextAttemptAt.toISOString()])).toEqual([
        ["in_app", "2026-12-03T13:30:00.000Z"],
        ["in_app", "2026-12-04T12:00:00.000Z"],
      ]);
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});
