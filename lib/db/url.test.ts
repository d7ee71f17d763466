import path from "node:path";
import { expect, it } from "vitest";
import { databaseTarget } from "./url";

it("picks the embedded PGlite by default, a directory with file:, and PostgreSQL for postgresql:// URLs", () => {
  expect(databaseTarget(undefined)).toEqual({ kind: "pglite", dir: path.resolve(".data/pglite") });
  expect(databaseTarget("")).toEqual({ kind: "pglite", dir: path.resolve(".data/pglite") });
  expect(databaseTarget("file:./tmp/db")).toEqual({ kind: "pglite", dir: path.resolve("tmp/db") });
  expect(databaseTarget("memory:")).toEqual({ kind: "pglite", dir: null });
  expect(databaseTarget("postgresql://u@127.0.0.1:5432/x")).toEqual({
    kind: "postgres",
    url: "postgresql://u@127.0.0.1:5432/x",
  });
  expect(databaseTarget("postgres://u@h/x").kind).toBe("postgres");
});

it("explains an unsupported DATABASE_URL without echoing its credentials", () => {
  expect(() => databaseTarget("mysql://root:secret@h/x")).toThrow(/DATABASE_URL must be/);
  expect(() => databaseTarget("mysql://root:secret@h/x")).not.toThrow(/secret/);
});
