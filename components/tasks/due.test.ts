import { describe, expect, it } from "vitest";
import { dueInput, dueParts, dueState, formatDue } from "./due";

// Runs in the process's zone; the instants below are built from local wall times so the
// expectations hold in any zone (CI's UTC, a developer's Berlin).
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).toISOString();
const now = new Date(2026, 10, 23, 12, 0); // 23 Nov 2026, 12:00 local

describe("dueState", () => {
  it("marks pending tasks overdue once the moment or, for all-day tasks, the day has passed", () => {
    expect(dueState({ status: "pending", dueDate: local(2026, 11, 23, 11, 59) }, now)).toBe("overdue");
    expect(dueState({ status: "pending", dueDate: local(2026, 11, 23, 12, 1) }, now)).toBe("today");
    expect(dueState({ status: "pending", dueDate: "2026-11-23" }, now)).toBe("today");
    expect(dueState({ status: "pending", dueDate: "2026-11-22" }, now)).toBe("overdue");
    expect(dueState({ status: "pending", dueDate: local(2026, 11, 22, 23, 30) }, now)).toBe("overdue");
    expect(dueState({ status: "pending", dueDate: "2026-11-24" }, now)).toBe("upcoming");
    expect(dueState({ status: "pending", dueDate: null }, now)).toBe("none");
  });

  it("never calls a completed task overdue", () => {
    expect(dueState({ status: "completed", dueDate: "2026-11-01" }, now)).toBe("upcoming");
    expect(dueState({ status: "completed", dueDate: local(2026, 11, 23, 8) }, now)).toBe("today");
  });
});

describe("dueParts and dueInput", () => {
  it("round-trips a timed due through the form fields in local time", () => {
    const parts = dueParts(local(2026, 12, 1, 17, 5))!;
    expect(parts).toEqual({ day: "2026-12-01", time: "17:05" });
    expect(dueInput(parts.day, parts.time)).toBe("2026-12-01T17:05");
  });

  it("keeps an all-day due as a bare date and clears with an empty day", () => {
    expect(dueParts("2026-12-01")).toEqual({ day: "2026-12-01", time: "" });
    expect(dueInput("2026-12-01", "")).toBe("2026-12-01");
    expect(dueInput("", "10:00")).toBeNull();
    expect(dueParts(null)).toBeNull();
  });
});

describe("formatDue", () => {
  it("names nearby days and gives dates otherwise", () => {
    expect(formatDue("2026-11-23", now)).toBe("Today");
    expect(formatDue("2026-11-24", now)).toBe("Tomorrow");
    expect(formatDue("2026-11-22", now)).toBe("Yesterday");
    expect(formatDue(local(2026, 11, 24, 17), now)).toMatch(/^Tomorrow .*5/);
    expect(formatDue("2027-01-12", now)).toMatch(/2027/);
    expect(formatDue(null, now)).toBeNull();
  });
});
