import { describe, expect, it } from "vitest";
import { countOf } from "./format";

describe("countOf", () => {
  it("says 1 character, and characters for every other count", () => {
    expect(countOf(1, "character")).toBe("1 character");
    expect(countOf(0, "character")).toBe("0 characters");
    expect(countOf(2, "character")).toBe("2 characters");
    expect(countOf(1_000, "character")).toBe("1,000 characters");
    expect(countOf(10_001, "character")).toBe("10,001 characters");
  });

  it("takes an irregular plural", () => {
    expect(countOf(1, "reply", "replies")).toBe("1 reply");
    expect(countOf(3, "reply", "replies")).toBe("3 replies");
  });
});
