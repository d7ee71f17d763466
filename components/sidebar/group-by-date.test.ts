import { describe, expect, it } from "vitest";
import { groupByDate, sidebarGroups } from "./group-by-date";

const at = (y: number, m: number, d: number, h = 12) => ({
  updatedAt: new Date(y, m - 1, d, h).toISOString(),
  name: `${m}/${d} ${h}h`,
});

describe("groupByDate", () => {
  const now = new Date(2026, 10, 23, 9, 30); // Monday 23 November 2026, 09:30 local

  it("puts each conversation in the first group whose day range holds it, in order", () => {
    const items = [
      at(2026, 11, 23, 0),
      at(2026, 11, 22, 23),
      at(2026, 11, 22, 0),
      at(2026, 11, 21),
      at(2026, 11, 16, 0),
      at(2026, 11, 15, 23),
      at(2026, 10, 24, 0),
      at(2026, 10, 23, 23),
    ];
    expect(groupByDate(items, now).map((group) => [group.label, group.items.map((item) => item.name)])).toEqual([
      ["Today", ["11/23 0h"]],
      ["Yesterday", ["11/22 23h", "11/22 0h"]],
      ["Previous 7 days", ["11/21 12h", "11/16 0h"]],
      ["Previous 30 days", ["11/15 23h", "10/24 0h"]],
      ["Older", ["10/23 23h"]],
    ]);
  });

  it("leaves out empty groups", () => {
    expect(groupByDate([at(2025, 1, 1)], now).map((group) => group.label)).toEqual(["Older"]);
    expect(groupByDate([], now)).toEqual([]);
  });

  it("keeps something updated a moment from now (clock skew) under Today", () => {
    expect(groupByDate([at(2026, 11, 23, 10)], now)[0]!.label).toBe("Today");
  });
});

describe("sidebarGroups", () => {
  const now = new Date(2026, 10, 23, 9, 30);

  it("puts the pinned chats on top in the order given (newest pin first), whatever their dates", () => {
    const pinned = [at(2025, 1, 1), at(2026, 11, 23, 8)];
    expect(
      sidebarGroups(pinned, [at(2026, 11, 23, 1)], now).map((group) => [
        group.label,
        group.items.map((item) => item.name),
      ]),
    ).toEqual([
      ["Pinned", ["1/1 12h", "11/23 8h"]],
      ["Today", ["11/23 1h"]],
    ]);
  });

  it("has no Pinned section when nothing is pinned", () => {
    expect(sidebarGroups([], [at(2026, 11, 23, 1)], now).map((group) => group.label)).toEqual(["Today"]);
  });
});
