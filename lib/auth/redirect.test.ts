import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

const HOST = "doable.example:3000";

describe("where sign-in sends you", () => {
  it("keeps same-site paths and same-host URLs (deep links survive sign-in)", () => {
    expect(safeRedirect("/c/0b9a1c2e-1111-4222-8333-444455556666")).toBe("/c/0b9a1c2e-1111-4222-8333-444455556666");
    expect(safeRedirect("/admin/logs?operation=add&status=failed")).toBe("/admin/logs?operation=add&status=failed");
    // What the proxy used to send: an absolute URL of this very site.
    expect(safeRedirect(`http://${HOST}/admin/logs?operation=add`, HOST)).toBe("/admin/logs?operation=add");
    expect(safeRedirect(`https://${HOST}/c/1#end`, HOST)).toBe("/c/1#end");
  });

  it("sends everything else to /", () => {
    for (const target of [
      undefined,
      null,
      42,
      ["/c/1"],
      "",
      "c/1",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example/",
      `https://evil.example/${HOST}`,
      `http://${HOST}.evil.example/`,
      `http://${HOST}//evil.example/`,
      `javascript:alert(1)`,
      `ftp://${HOST}/`,
      "/\n",
      "/c/1\nSet-Cookie: x=1",
      "/c/1\r\n",
      "/\t/evil.example",
      "/..//evil.example",
      `http://${HOST}/..//evil.example`,
      "\u0000/",
      `/${"a".repeat(2001)}`,
    ]) {
      expect(safeRedirect(target, HOST), JSON.stringify(target)).toBe("/");
    }
    // Without a known host, no absolute URL is trusted.
    expect(safeRedirect(`http://${HOST}/c/1`)).toBe("/");
  });

  it("whatever it is given, answers a path on this site that a Location header can carry", () => {
    const base = `http://${HOST}`;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `/${s}`),
          fc.string().map((s) => `//${s}`),
          fc.webUrl().map(String),
          fc.webPath(),
          fc.webPath().map((p) => `${base}${p}`),
          fc.constantFrom(
            "/\\",
            "/%0a",
            "/%2f%2fevil",
            "/..//evil",
            "/./\\evil",
            "http:evil",
            "http:/evil",
            `${base}@evil.example/`,
          ),
        ),
        (target) => {
          const out = safeRedirect(target, HOST);
          expect(out.startsWith("/")).toBe(true);
          expect(out.startsWith("//")).toBe(false);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the property is that no control character gets out.
          expect(out).not.toMatch(/[\u0000-\u001f\u007f\\]/);
          expect(new URL(out, base).origin).toBe(base);
        },
      ),
      { seed: 20260310, numRuns: 500 },
    );
  });
});
