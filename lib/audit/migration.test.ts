// The migration that turns account_events into audit_events, run on rows saved before it (on
// PGlite, or on the PostgreSQL server TEST_DATABASE_URL names, as CI runs it): every row stays,
// with its target filled in, and the new kinds, columns and a missing subject can be written.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";

const DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
const names = fs
  .readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const sqlOf = (name: string) => fs.readFileSync(path.join(DIR, name, "migration.sql"), "utf8");
const target = names.findIndex((n) => n.endsWith("_audit_events"));

let handle: DbHandle;
let drop = async () => {};

beforeAll(async () => {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    handle = await openDatabase("memory:");
    return;
  }
  const { Client } = await import("pg");
  const name = `doable_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  handle = await openDatabase(url.toString());
  drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
});
afterAll(async () => {
  await handle?.close();
  await drop();
});

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

it("keeps every account event, fills in its target, and takes the new kinds and columns", async () => {
  expect(target).toBeGreaterThan(0);
  for (const name of names.slice(0, target)) await handle.exec(sqlOf(name));
  await handle.exec(`
    INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ('${id(1)}', 'a@example.com', 'A', 'x', now());
    INSERT INTO account_events (id, kind, subject_id, actor_id, detail, created_at) VALUES
      ('${id(10)}', 'role_granted', '${id(1)}', '${id(1)}', '{"from":"user","to":"admin"}', '2026-12-01T10:00:00Z'),
      ('${id(11)}', 'password_changed', '${id(1)}', '${id(1)}', '{}', '2026-12-01T10:01:00Z'),
      ('${id(12)}', 'data_exported', '${id(1)}', '${id(1)}', '{}', '2026-12-01T10:02:00Z'),
      ('${id(13)}', 'account_deleted', '${id(2)}', NULL, '{"role":"user","tasks":3}', '2026-12-01T10:03:00Z');`);
  // As Prisma's engine sends it: the whole script as one query, one implicit transaction.
  await handle.exec(sqlOf(names[target] ?? ""));

  const rows = await handle.db.auditEvent.findMany({ orderBy: { createdAt: "asc" } });
  expect(rows.map((r) => [r.id, r.kind, r.subjectId, r.actorId, r.targetType, r.targetId, r.ip, r.userAgent])).toEqual([
    [id(10), "role_granted", id(1), id(1), "user", id(1), null, null],
    [id(11), "password_changed", id(1), id(1), "user", id(1), null, null],
    [id(12), "data_exported", id(1), id(1), "export", null, null, null],
    [id(13), "account_deleted", id(2), null, "user", id(2), null, null],
  ]);
  expect(rows[3]?.detail).toEqual({ role: "user", tasks: 3 });

  await handle.db.auditEvent.create({
    data: { kind: "sign_in_failed", subjectId: null, ip: "2001:db8::1", userAgent: "x".repeat(512), detail: {} },
  });
  await expect(
    handle.db.auditEvent.create({ data: { kind: "signed_in", userAgent: "x".repeat(513) } }),
  ).rejects.toThrow();
  // The actor's foreign key kept its behaviour under its new name: a deleted actor leaves the row.
  await handle.db.user.delete({ where: { id: id(1) } });
  expect(await handle.db.auditEvent.count({ where: { actorId: null } })).toBe(5);
});
