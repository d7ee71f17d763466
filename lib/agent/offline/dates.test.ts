import { describe, expect, it } from "vitest";
import { findDates, extractDate } from "./dates";
import { instantOf, isoDateTime, offsetMinutes } from "@/lib/time/zone";

const at = (now: string, timeZone: string) => ({ now: new Date(now), timeZone });
const first = (text: string, ctx: Parameters<typeof findDates>[1]) => findDates(text, ctx).dates[0]?.value;

describe("dates in the user's zone", () => {
  const ny = at("2026-03-10T09:00:00-04:00", "America/New_York");

  it("gives a bare date when no time was named, a zoned date-time otherwise", () => {
    expect(first("tomorrow", ny)).toBe("2026-03-11");
    expect(first("tomorrow at 5pm", ny)).toBe("2026-03-11T17:00:00-04:00");
    expect(first("tonight at 9", ny)).toBe("2026-03-10T21:00:00-04:00");
    expect(first("Friday", ny)).toBe("2026-03-13");
    expect(first("on the 17th", ny)).toBe("2026-03-17");
    expect(first("3/18 at 10:30am", ny)).toBe("2026-03-18T10:30:00-04:00");
    expect(first("in 3 days", ny)).toBe("2026-03-13");
    expect(first("next week", ny)).toBe("2026-03-16");
    expect(first("end of the month", ny)).toBe("2026-03-31");
  });

  it("reads a French, Spanish or German date whole, not English's 'N d' (N days) inside it", () => {
    const paris = { ...at("2026-11-04T18:00:00+01:00", "Europe/Paris"), language: "fr" as const };
    expect(first("3 décembre", paris)).toBe("2026-12-03");
    expect(first("au 1 décembre", paris)).toBe("2026-12-01");
    expect(first("vendredi à 17h", paris)).toBe("2026-11-06T17:00:00+01:00");
    expect(first("3 de diciembre", { ...paris, language: "es" as const })).toBe("2026-12-03");
  });

  it("reads a clock time, its day and then its part of the day as one moment", () => {
    expect(first("at 8 tomorrow evening", ny)).toBe("2026-03-11T20:00:00-04:00");
    expect(first("at 8:30 tomorrow morning", ny)).toBe("2026-03-11T08:30:00-04:00");
  });

  it("reads a weekday said on that weekday as next week's, and a bare small hour as PM", () => {
    expect(first("Tuesday", ny)).toBe("2026-03-17");
    expect(first("at 5", ny)).toBe("2026-03-10T17:00:00-04:00");
  });

  it("uses the user's calendar day, not the machine's or UTC's", () => {
    // 07:00 on Mar 11 in Tokyo is still Mar 10 in UTC.
    const tokyo = at("2026-03-11T07:00:00+09:00", "Asia/Tokyo");
    expect(first("today", tokyo)).toBe("2026-03-11");
    expect(first("tomorrow at 8pm", tokyo)).toBe("2026-03-12T20:00:00+09:00");
    // 22:30 on Mar 10 in New York is already Mar 11 in UTC.
    const late = at("2026-03-10T22:30:00-04:00", "America/New_York");
    expect(first("tomorrow", late)).toBe("2026-03-11");
    expect(first("at 11pm", late)).toBe("2026-03-10T23:00:00-04:00");
    const kolkata = at("2026-03-10T09:00:00+05:30", "Asia/Kolkata");
    expect(first("tomorrow at 5pm", kolkata)).toBe("2026-03-11T17:00:00+05:30");
  });

  it("crosses DST changes with the offset of the target day", () => {
    expect(first("tomorrow at 9am", at("2026-03-07T12:00:00-05:00", "America/New_York"))).toBe(
      "2026-03-08T09:00:00-04:00",
    );
    expect(first("tomorrow at 10am", at("2026-03-28T10:00:00+01:00", "Europe/Berlin"))).toBe(
      "2026-03-29T10:00:00+02:00",
    );
    expect(first("tomorrow at 4pm", at("2026-10-24T12:00:00+02:00", "Europe/Berlin"))).toBe(
      "2026-10-25T16:00:00+01:00",
    );
    expect(first("tomorrow at 4pm", at("2026-04-04T12:00:00+11:00", "Australia/Sydney"))).toBe(
      "2026-04-05T16:00:00+10:00",
    );
  });

  it("measures 'in N hours' on the real timeline across a DST jump", () => {
    expect(first("in 2 hours", at("2026-03-08T01:30:00-05:00", "America/New_York"))).toBe("2026-03-08T04:30:00-04:00");
  });

  it("pushes a skipped time forward and takes the first of a repeated one", () => {
    expect(first("tomorrow at 2:30am", at("2026-03-07T23:30:00-05:00", "America/New_York"))).toBe(
      "2026-03-08T03:30:00-04:00",
    );
    expect(first("tomorrow at 2:30am", at("2026-03-28T23:30:00+01:00", "Europe/Berlin"))).toBe(
      "2026-03-29T03:30:00+02:00",
    );
    expect(first("tomorrow at 2:30am", at("2026-10-24T12:00:00+02:00", "Europe/Berlin"))).toBe(
      "2026-10-25T02:30:00+02:00",
    );
    expect(first("tomorrow at 1:30am", at("2026-10-31T12:00:00-04:00", "America/New_York"))).toBe(
      "2026-11-01T01:30:00-04:00",
    );
  });

  it("flags dates that do not exist instead of inventing one", () => {
    expect(findDates("on the 35th", ny).invalid?.message).toMatch(/35th/);
    expect(findDates("February 30", ny).invalid?.message).toMatch(/February 30/);
    expect(findDates("March 32", ny).invalid).not.toBeNull();
    expect(findDates("April 31st", ny).invalid).not.toBeNull();
    expect(findDates("on 13/45", ny).invalid).not.toBeNull();
    expect(findDates("plan the 50th anniversary", ny).invalid).toBeNull();
  });

  it("ignores words that only look like dates", () => {
    for (const t of [
      "buy sun cream",
      "I may go",
      "a second opinion",
      "march in the parade",
      "buy 1/2 gallon milk",
      "sat down",
    ]) {
      expect(findDates(t, ny).dates, t).toEqual([]);
    }
  });

  it("removes the date and its connector words from the text", () => {
    const r = extractDate("submit expense report by Friday", ny);
    expect(r.rest).toBe("submit expense report");
    expect(extractDate("email Sarah, due tonight at 9", ny).rest).toBe("email Sarah");
    expect(extractDate("pay rent by the end of the month", ny).rest).toBe("pay rent");
  });
});

describe("zone arithmetic", () => {
  it("computes offsets for both signs and fractional zones", () => {
    expect(offsetMinutes(new Date("2026-07-01T00:00:00Z"), "America/New_York")).toBe(-240);
    expect(offsetMinutes(new Date("2026-01-01T00:00:00Z"), "Asia/Tokyo")).toBe(540);
    expect(offsetMinutes(new Date("2026-01-01T00:00:00Z"), "Asia/Kathmandu")).toBe(345);
    expect(isoDateTime({ year: 2026, month: 1, day: 1, hour: 9, minute: 0 }, "UTC")).toBe("2026-01-01T09:00:00+00:00");
  });

  it("maps wall time to the instant", () => {
    expect(instantOf({ year: 2026, month: 3, day: 11, hour: 17, minute: 0 }, "America/New_York").toISOString()).toBe(
      "2026-03-11T21:00:00.000Z",
    );
    expect(instantOf({ year: 2026, month: 3, day: 11, hour: 8, minute: 0 }, "Asia/Tokyo").toISOString()).toBe(
      "2026-03-10T23:00:00.000Z",
    );
  });
});
