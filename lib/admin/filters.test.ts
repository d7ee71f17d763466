import { describe, expect, it } from "vitest";
import { containsPattern } from "./filter-sql";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { dayAfter, parseLogQuery, toSearchParams } from "./filters";

const ID = "0b8f1a52-5c1e-4a57-9d7e-1f1b2c3d4e5f";

describe("parsing the log filters from the URL", () => {
  it("reads every filter, trims text and treats empty fields as no filter", () => {
    const parsed = parseLogQuery({
      user: " ada@example.com ",
      operation: "complete",
      status: "failed",
      source: "ui",
      from: "2026-11-01",
      to: "2026-11-23",
      q: "  milk ",
      extra: "ignored",
    });
    expect(parsed).toEqual({
      ok: true,
      query: {
        filters: {
          user: "ada@example.com",
          operation: "complete",
          status: "failed",
          source: "ui",
          from: "2026-11-01",
          to: "2026-11-23",
          q: "milk",
        },
      },
    });
    expect(parseLogQuery({ user: "", operation: "", status: "", q: "   " })).toEqual({
      ok: true,
      query: { filters: {} },
    });
  });

  it("accepts URLSearchParams and repeated keys (first wins)", () => {
    const parsed = parseLogQuery(new URLSearchParams("status=success&status=failed&q=a"));
    expect(parsed.ok && parsed.query.filters).toEqual({ status: "success", q: "a" });
    expect(parseLogQuery({ status: ["failed", "success"] })).toMatchObject({
      ok: true,
      query: { filters: { status: "failed" } },
    });
  });

  it("explains bad values instead of failing", () => {
    expect(parseLogQuery({ operation: "explode" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Operation must be one of: add, list"),
    });
    expect(parseLogQuery({ status: "weird" })).toMatchObject({
      ok: false,
      fields: { status: expect.stringContaining("Status must be one of") },
    });
    expect(parseLogQuery({ from: "yesterday" })).toMatchObject({
      ok: false,
      message: "From must be a date like 2026-11-23.",
    });
    expect(parseLogQuery({ to: "2026-02-30" })).toMatchObject({
      ok: false,
      message: "To must be a date like 2026-11-23.",
    });
    expect(parseLogQuery({ from: "2026-11-23", to: "2026-11-01" })).toMatchObject({
      ok: false,
      message: "“To” must be on or after “From”.",
    });
    expect(parseLogQuery({ q: "x".repeat(201) })).toMatchObject({
      ok: false,
      message: "Search text can be at most 200 characters.",
    });
    expect(parseLogQuery({ q: "milk\u0000" })).toMatchObject({
      ok: false,
      message: "Search text cannot contain a NUL character.",
    });
    expect(parseLogQuery({ user: "\u0000" })).toMatchObject({
      ok: false,
      message: "User cannot contain a NUL character.",
    });
    expect(parseLogQuery({ after: "not-a-cursor" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("page link is not valid"),
    });
  });

  it("refuses dates PostgreSQL cannot take, and takes the first and last it can", () => {
    // Year 0000 is a valid JS Date but not a PostgreSQL timestamp: it used to reach the query and fail with a 500.
    expect(parseLogQuery({ from: "0000-01-01" })).toMatchObject({
      ok: false,
      message: "From must be a date between 0001-01-01 and 9999-12-31.",
      fields: { from: expect.any(String) },
    });
    expect(parseLogQuery({ to: "0000-12-31" })).toMatchObject({
      ok: false,
      message: "To must be a date between 0001-01-01 and 9999-12-31.",
    });
    expect(parseLogQuery({ from: "10000-01-01" })).toMatchObject({
      ok: false,
      message: "From must be a date like 2026-11-23.",
    });
    expect(parseLogQuery({ from: "+002026-01-01" })).toMatchObject({ ok: false });
    expect(parseLogQuery({ from: "0001-01-01", to: "9999-12-31" })).toEqual({
      ok: true,
      query: { filters: { from: "0001-01-01", to: "9999-12-31" } },
    });
    expect(dayAfter("9999-12-31")).toBeNull();
    expect(dayAfter("2026-12-31")).toEqual(new Date("2027-01-01T00:00:00.000Z"));
  });

  it("refuses a cursor from year 0000 as a bad page link", () => {
    const yearZero = Buffer.from(`0000-01-01T00:00:00.000Z_${ID}`).toString("base64url");
    expect(decodeCursor(yearZero)).toBeNull();
    expect(parseLogQuery({ after: yearZero })).toMatchObject({
      ok: false,
      message: expect.stringContaining("page link is not valid"),
    });
    expect(parseLogQuery({ before: yearZero })).toMatchObject({
      ok: false,
      fields: { before: expect.stringContaining("page link is not valid") },
    });
    expect(decodeCursor(Buffer.from(`0001-01-01T00:00:00.000Z_${ID}`).toString("base64url"))).toEqual({
      at: new Date("0001-01-01T00:00:00.000Z"),
      id: ID,
    });
  });

  it("round-trips cursors and rejects tampered ones", () => {
    const cursor = { at: new Date("2026-11-23T10:11:12.345Z"), id: ID };
    const encoded = encodeCursor(cursor);
    expect(decodeCursor(encoded)).toEqual(cursor);
    expect(parseLogQuery({ after: encoded })).toEqual({ ok: true, query: { filters: {}, after: cursor } });
    expect(decodeCursor(Buffer.from(`2026-11-23T10:11:12.345Z_${ID.slice(0, 30)}`).toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from(`2026-13-45T10:11:12.345Z_${ID}`).toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from(`2026-02-30T10:11:12.345Z_${ID}`).toString("base64url"))).toBeNull();
    expect(parseLogQuery({ after: encoded, before: encoded }).ok).toBe(false);
  });

  it("writes filters back to search params, leaving empty ones out", () => {
    expect(toSearchParams({ status: "failed", q: "a b" }, { after: "xyz" }).toString()).toBe(
      "status=failed&q=a+b&after=xyz",
    );
    expect(toSearchParams({}).toString()).toBe("");
  });

  it("takes the user's % _ and \\ literally in free-text search", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
