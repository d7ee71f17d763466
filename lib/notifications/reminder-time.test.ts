import { describe, expect, it } from "vitest";
import { reminderTime } from "./reminder-time";

const berlin = { timeZone: "Europe/Berlin", leadMinutes: 0, allDayHour: 9 };
const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("reminderTime", () => {
  it("uses remindAt when set, whatever the due date and lead time", () => {
    const remindAt = new Date("2026-12-03T07:30:00Z");
    expect(
      reminderTime(
        { dueDate: new Date("2026-12-04T10:00:00Z"), dueAllDay: false, remindAt },
        { ...berlin, leadMinutes: 60 },
      ),
    ).toEqual(remindAt);
    expect(reminderTime({ dueDate: null, dueAllDay: false, remindAt }, berlin)).toEqual(remindAt);
  });

  it("has no reminder without a due date or remindAt", () => {
    expect(reminderTime({ dueDate: null, dueAllDay: false, remindAt: null }, berlin)).toBeNull();
  });

  it("reminds a timed task at its time, or the lead time before", () => {
    const due = new Date("2026-12-03T16:00:00Z");
    expect(reminderTime({ dueDate: due, dueAllDay: false, remindAt: null }, berlin)).toEqual(due);
    for (const [lead, iso] of [
      [5, "2026-12-03T15:55:00Z"],
      [15, "2026-12-03T15:45:00Z"],
      [30, "2026-12-03T15:30:00Z"],
      [60, "2026-12-03T15:00:00Z"],
      [1440, "2026-12-02T16:00:00Z"],
    ] as const) {
      expect(
        reminderTime({ dueDate: due, dueAllDay: false, remindAt: null }, { ...berlin, leadMinutes: lead }),
        `lead ${lead}`,
      ).toEqual(new Date(iso));
    }
  });

  it("reminds an all-day task at the all-day hour in the user's zone", () => {
    expect(reminderTime({ dueDate: utcDay("2026-12-03"), dueAllDay: true, remindAt: null }, berlin)).toEqual(
      new Date("2026-12-03T08:00:00Z"),
    );
    expect(
      reminderTime(
        { dueDate: utcDay("2026-12-03"), dueAllDay: true, remindAt: null },
        { ...berlin, timeZone: "America/New_York", allDayHour: 7 },
      ),
    ).toEqual(new Date("2026-12-03T12:00:00Z"));
    // Short leads mean nothing without a time; a day's lead is the day before at the same hour.
    expect(
      reminderTime({ dueDate: utcDay("2026-12-03"), dueAllDay: true, remindAt: null }, { ...berlin, leadMinutes: 30 }),
    ).toEqual(new Date("2026-12-03T08:00:00Z"));
    expect(
      reminderTime(
        { dueDate: utcDay("2026-12-03"), dueAllDay: true, remindAt: null },
        { ...berlin, leadMinutes: 1440 },
      ),
    ).toEqual(new Date("2026-12-02T08:00:00Z"));
  });

  it("keeps 09:00 local across Berlin's spring-forward (last Sunday of March)", () => {
    // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST.
    const at = (day: string) => reminderTime({ dueDate: utcDay(day), dueAllDay: true, remindAt: null }, berlin)!;
    expect(at("2026-03-28")).toEqual(new Date("2026-03-28T08:00:00Z")); // CET, UTC+1
    expect(at("2026-03-29")).toEqual(new Date("2026-03-29T07:00:00Z")); // CEST, UTC+2
    expect(at("2026-03-30")).toEqual(new Date("2026-03-30T07:00:00Z"));
    for (const day of ["2026-03-28", "2026-03-29", "2026-03-30"]) {
      expect(at(day).toLocaleTimeString("en-GB", { timeZone: "Europe/Berlin" }), day).toBe("09:00:00");
    }
    // A day's lead before Monday's task lands on the DST Sunday, still at 09:00 local.
    expect(
      reminderTime(
        { dueDate: utcDay("2026-03-30"), dueAllDay: true, remindAt: null },
        { ...berlin, leadMinutes: 1440 },
      ),
    ).toEqual(new Date("2026-03-29T07:00:00Z"));
    // An hour that does not exist that night (02:30) moves forward by the jump.
    expect(
      reminderTime({ dueDate: utcDay("2026-03-29"), dueAllDay: true, remindAt: null }, { ...berlin, allDayHour: 2 }),
    ).toEqual(new Date("2026-03-29T01:00:00Z"));
  });

  it("counts a timed task's lead in real minutes across the DST change", () => {
    // Due 03:30 CEST on the DST night; one hour earlier in real time is 01:30 CET.
    const due = new Date("2026-03-29T01:30:00Z");
    expect(reminderTime({ dueDate: due, dueAllDay: false, remindAt: null }, { ...berlin, leadMinutes: 60 })).toEqual(
      new Date("2026-03-29T00:30:00Z"),
    );
  });
});
