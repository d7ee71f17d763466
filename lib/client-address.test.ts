import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientAddress,
  requestedHost,
  SOCKET_ADDRESS_HEADER,
  trustedProxyHops,
  UNKNOWN_ADDRESS,
} from "./client-address";
import { installSocketAddressHook } from "./socket-address-hook";

const h = (init: Record<string, string>) => new Headers(init);

describe("client address", () => {
  it("with no trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "203.0.113.5", "x-forwarded-for": "1.2.3.4" }), 0)).toBe(
      "203.0.113.5",
    );
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "::ffff:127.0.0.1", "x-real-ip": "9.9.9.9" }), 0)).toBe(
      "127.0.0.1",
    );
    // No socket header (a request during start-up): one shared key, never the client's word.
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe(UNKNOWN_ADDRESS);
  });

  it("with N trusted proxies, is the Nth entry from the right of X-Forwarded-For", () => {
    const headers = h({ [SOCKET_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.9" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.9");
    expect(clientAddress(headers, 2)).toBe("198.51.100.7");
    // A shorter list than the hops (a request that skipped a proxy): its leftmost entry.
    expect(clientAddress(headers, 5)).toBe("6.6.6.6");
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": "[2001:db8::1]:443" }), 1)).toBe(
      "2001:db8::1",
    );
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": "203.0.113.9:5000" }), 1)).toBe(
      "203.0.113.9",
    );
    // An entry that is not an address falls back to the socket (the proxy's own address).
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": "<script>" }), 1)).toBe(
      "10.0.0.1",
    );
  });

  it("reads TRUSTED_PROXY_HOPS strictly", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: " 2 " })).toBe(2);
    for (const bad of ["-1", "1.5", "two", "99"])
      expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("takes the requested host from Host unless a proxy is trusted", () => {
    const headers = h({ host: "doable.example", "x-forwarded-host": "evil.example" });
    expect(requestedHost(headers, 0)).toBe("doable.example");
    expect(requestedHost(headers, 1)).toBe("evil.example"); // the proxy's word, when there is one
    expect(requestedHost(h({ host: "internal:3000" }), 1)).toBe("internal:3000");
  });
});

describe("the socket-address hook", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    installSocketAddressHook();
    installSocketAddressHook(); // idempotent: one wrapper however often it is called
    server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("writes the TCP peer's address over whatever the client sent under that name", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" },
    });
    const seen = (await response.json()) as Record<string, string>;
    expect(seen[SOCKET_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBe("7.7.7.7"); // left alone: trusted only with TRUSTED_PROXY_HOPS
    expect(clientAddress(new Headers(seen), 0)).toBe("127.0.0.1");
  });
});
