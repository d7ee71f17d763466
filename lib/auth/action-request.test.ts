// The checks proxy.ts runs on POSTs to pages (server actions) before Next sees them. The same
// requests are sent over HTTP to the built app in e2e/auth-trust.spec.ts.
import { describe, expect, it } from "vitest";
import { checkActionBody } from "./action-body";
import { isCrossOriginPost, withCheckedHost } from "./action-origin";

const ACTION = "60eb04a27ca0f3ed977a5416a51f9d4b7794502f13";

function post(headers: Record<string, string>, body?: BodyInit): Request {
  return new Request("http://doable.example/login", {
    method: "POST",
    headers: { host: "doable.example", ...headers },
    body,
  });
}

describe("server action origin", () => {
  it("refuses another site, an opaque origin and garbage; lets this site and origin-less requests through", () => {
    expect(isCrossOriginPost(post({ origin: "http://doable.example" }), 0)).toBe(false);
    expect(isCrossOriginPost(post({}), 0)).toBe(false);
    for (const origin of [
      "http://evil.example",
      "null",
      "garbage",
      "http://doable.example.evil.example",
      "file://doable.example",
    ]) {
      expect(isCrossOriginPost(post({ origin }), 0), origin).toBe(true);
    }
    // A client's X-Forwarded-Host is not believed without a trusted proxy…
    expect(isCrossOriginPost(post({ origin: "http://evil.example", "x-forwarded-host": "evil.example" }), 0)).toBe(
      true,
    );
    // …and is the proxy's word with one.
    expect(isCrossOriginPost(post({ origin: "https://public.example", "x-forwarded-host": "public.example" }), 1)).toBe(
      false,
    );
    expect(
      isCrossOriginPost(new Request("http://doable.example/", { headers: { origin: "http://evil.example" } }), 0),
    ).toBe(false); // GET
  });

  it("passes Next the host it checked, so Next's own check cannot disagree", () => {
    const headers = withCheckedHost(new Headers({ host: "doable.example", "x-forwarded-host": "evil.example" }), 0);
    expect(headers.get("x-forwarded-host")).toBe("doable.example");
  });
});

describe("server action body", () => {
  const fetchAction = (body: BodyInit, type = "text/plain;charset=UTF-8") =>
    post({ "next-action": ACTION, "content-type": type }, body);

  it("accepts what React's client sends: argument lists, standalone values, FormData arguments", async () => {
    for (const body of [
      '[{},"$K1"]',
      '["$undefined",1,"$D2026-03-10T14:00:00.000Z","$n12","$$literal",{"a":["$-0"]}]',
      '[{"a":1},"$0:0"]',
      "[]",
    ]) {
      expect(await checkActionBody(fetchAction(body)), body).toEqual({ ok: true });
    }
    const form = new FormData();
    form.set("0", '["$K1", "$Q2"]');
    form.set("1_email", "a@example.com");
    form.set("2", '[["k","$undefined"]]');
    expect(await checkActionBody(post({ "next-action": ACTION }, form))).toEqual({ ok: true });
  });

  it("refuses what Next could not decode (each was a 500)", async () => {
    for (const body of [
      "garbage{",
      "",
      "[",
      '{"a":1}',
      '"$@1"',
      '["$Q"]',
      '["$Q1"]',
      '["$@1"]',
      '["$1"]',
      '["$h1"]',
      '["$R1"]',
      '["$nxyz"]',
      "[".repeat(100_000),
    ]) {
      expect(await checkActionBody(fetchAction(body)), body.slice(0, 20)).toMatchObject({ ok: false });
    }
    expect(await checkActionBody(fetchAction("garbage", "multipart/form-data; boundary=xyz"))).toMatchObject({
      ok: false,
    });
    expect(
      await checkActionBody(post({ "content-type": "multipart/form-data; boundary=xyz" }, "garbage")),
    ).toMatchObject({ ok: false });
    const missing = new FormData();
    missing.set("0", '["$Q5"]');
    expect(await checkActionBody(post({ "next-action": ACTION }, missing))).toMatchObject({
      ok: false,
      reason: "Part 5 of the request is missing.",
    });
  });

  it("leaves other requests alone", async () => {
    expect(await checkActionBody(new Request("http://doable.example/"))).toEqual({ ok: true });
    expect(await checkActionBody(post({ "content-type": "application/json" }, "{}"))).toEqual({ ok: true });
  });
});
