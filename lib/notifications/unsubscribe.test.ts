import { describe, expect, it } from "vitest";
import { unsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from "./unsubscribe";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

describe("unsubscribe tokens", () => {
  it("verify for the user they were made for, under the same secret only", () => {
    expect(verifyUnsubscribeToken(unsubscribeToken(A, "s1"), "s1")).toBe(A);
    expect(verifyUnsubscribeToken(unsubscribeToken(A, "s1"), "s2")).toBeNull();
  });

  it("refuse another user's id with someone's valid signature, tampering, and junk", () => {
    const [, sig] = unsubscribeToken(A, "s1").split(".");
    expect(verifyUnsubscribeToken(`${B}.${sig}`, "s1")).toBeNull();
    const token = unsubscribeToken(A, "s1");
    expect(verifyUnsubscribeToken(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), "s1")).toBeNull();
    for (const junk of [null, undefined, 42, "", "forged", `${A}.`, `${A}.${"x".repeat(500)}`, { token }])
      expect(verifyUnsubscribeToken(junk, "s1")).toBeNull();
  });

  it("builds a link under the site's address", () => {
    expect(unsubscribeUrl("https://doable.example", A, "s1")).toBe(
      `https://doable.example/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(A, "s1"))}`,
    );
  });
});
