import { describe, expect, it } from "vitest";
import { nextOccurrence } from "./repeat-next";

const local = (d: Date, zone: string) => d.toLocaleString("sv-SE", { timeZone: zone }); // "2026-03-30 09:00:00"

describe("nextOccurrence", () => {
  it("keeps 09:00 local across Berlin's spring-forward and fall-back", () => {
    const zone = "Europe/Berlin";
    let due = new Date("2026-03-27T08:00:00Z"); // Friday 09:00 CET
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      due = nextOccurrence("FREQ=DAILY", due, false, zone)!;
      seen.push(local(due, zone));
    }
    expect(seen).toEqual(["2026-03-28 09:00:00", "2026-03-29 09:00:00", "2026-03-30 09:00:00", "2026-03-31 09:00:00"]);
    expect(nextOccurrence("FREQ=DAILY", new Date("2026-03-28T08:00:00Z"), false, zone)).toEqual(
      new Date("2026-03-29T07:00:00Z"),
    );
    // Last Sunday of October: back to CET.
    expect(nextOccurrence("FREQ=DAILY", new Date("2026-10-24T07:00:00Z"), false, zone)).toEqual(
      new Date("2026-10-25T08:00:00Z"),
    );
  });

  it("follows weekly and monthly rules in the user's zone", () => {
    // Monday 9:00 in New York, every Monday: across the US spring-forward (8 March 2026).
    expect(nextOccurrence("FREQ=WEEKLY;BYDAY=MO", new Date("2026-03-02T14:00:00Z"), false, "America/New_York")).toEqual(
      new Date("2026-03-09T13:00:00Z"),
    );
    expect(
      nextOccurrence("FREQ=WEEKLY;BYDAY=MO,TH", new Date("2026-03-02T14:00:00Z"), false, "America/New_York"),
    ).toEqual(new Date("2026-03-05T14:00:00Z"));
    // A late-evening time whose UTC day differs from the local day.
    expect(
      local(
        nextOccurrence("FREQ=WEEKLY;BYDAY=MO", new Date("2026-12-07T22:30:00Z"), false, "Europe/Berlin")!,
        "Europe/Berlin",
      ),
    ).toBe("2026-12-14 23:30:00");
    expect(
      nextOccurrence("FREQ=MONTHLY;BYMONTHDAY=1", new Date("2026-12-01T00:00:00Z"), true, "Europe/Berlin"),
    ).toEqual(new Date("2027-01-01T00:00:00Z"));
  });

  it("keeps all-day tasks all-day (UTC midnight of the day)", () => {
    expect(nextOccurrence("FREQ=DAILY", new Date("2026-03-28T00:00:00Z"), true, "Europe/Berlin")).toEqual(
      new Date("2026-03-29T00:00:00Z"),
    );
    expect(nextOccurrence("FREQ=WEEKLY;BYDAY=FR", new Date("2026-12-04T00:00:00Z"), true, "Pacific/Auckland")).toEqual(
      new Date("2026-12-11T00:00:00Z"),
    );
  });

  it("moves past the completion moment when asked (an overdue daily task goes to the next day, not one already gone)", () => {
    const zone = "Europe/Berlin";
    const due = new Date("2026-11-28T08:00:00Z"); // Saturday 09:00, done on Wednesday 2 December 10:00
    expect(nextOccurrence("FREQ=DAILY", due, false, zone, new Date("2026-12-02T09:00:00Z"))).toEqual(
      new Date("2026-12-03T08:00:00Z"),
    );
    // Done at 08:00, before today's 09:00: today's occurrence is next.
    expect(nextOccurrence("FREQ=DAILY", due, false, zone, new Date("2026-12-02T07:00:00Z"))).toEqual(
      new Date("2026-12-02T08:00:00Z"),
    );
    expect(
      nextOccurrence("FREQ=DAILY", new Date("2026-11-28T00:00:00Z"), true, zone, new Date("2026-12-02T09:00:00Z")),
    ).toEqual(new Date("2026-12-03T00:00:00Z"));
  });

  it("answers null for an unusable or finished rule", () => {
    expect(nextOccurrence("FREQ=SOMETIMES", new Date("2026-12-01T00:00:00Z"), true, "UTC")).toBeNull();
    expect(
      nextOccurrence("FREQ=DAILY;UNTIL=20261202T000000Z", new Date("2026-12-02T00:00:00Z"), true, "UTC"),
    ).toBeNull();
  });
});
