// proxy.ts skips the session for these paths; their handlers must then read it themselves,
// every exported method of them, or the path would be open.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SELF_AUTHENTICATED_PATHS } from "./self-authenticated";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const root = path.resolve(import.meta.dirname, "../..");

describe("paths the proxy lets through undecoded", () => {
  for (const route of SELF_AUTHENTICATED_PATHS) {
    it(`${route}: every handler is wrapped in withApiSession`, () => {
      const source = fs.readFileSync(path.join(root, "app", route, "route.ts"), "utf8");
      const exported = METHODS.filter((m) =>
        new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${m}\\b`).test(source),
      );
      expect(exported.length).toBeGreaterThan(0);
      for (const method of exported) expect(source).toMatch(new RegExp(`export const ${method} = withApiSession\\(`));
      // Re-exports could bring in a handler the patterns above do not see.
      expect(source).not.toMatch(/export\s*\{|export\s+\*/);
    });
  }
});
