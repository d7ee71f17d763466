// Migrations that change existing rows, run on rows saved before them.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "./client";

const DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
const names = fs
  .readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const sqlOf = (name: string) => fs.readFileSync(path.join(DIR, name, "migration.sql"), "utf8");

let handle: DbHandle;
beforeAll(async () => {
  handle = await openDatabase("memory:");
});
afterAll(() => handle?.close());

describe("message_reply_to", () => {
  it("links each reply saved before it to the user message it answers, and nothing else", async () => {
    const target = names.findIndex((n) => n.endsWith("_message_reply_to"));
    expect(target).toBeGreaterThan(0);
    for (const name of names.slice(0, target)) await handle.exec(sqlOf(name));
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    await handle.exec(`
      INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ('${id(1)}', 'a@example.com', 'A', 'x', now());
      INSERT INTO conversations (id, user_id) VALUES ('${id(2)}', '${id(1)}');
      INSERT INTO messages (id, conversation_id, user_id, role, content, created_at) VALUES
        ('${id(10)}', '${id(2)}', '${id(1)}', 'user', 'first', '2026-01-01T10:00:00Z'),
        ('${id(11)}', '${id(2)}', '${id(1)}', 'assistant', 'answer to first', '2026-01-01T10:00:01Z'),
        ('${id(12)}', '${id(2)}', '${id(1)}', 'user', 'lost its reply', '2026-01-01T10:01:00Z'),
        ('${id(13)}', '${id(2)}', '${id(1)}', 'user', 'third', '2026-01-01T10:02:00Z'),
        ('${id(14)}', '${id(2)}', '${id(1)}', 'system', 'note', '2026-01-01T10:02:01Z'),
        ('${id(15)}', '${id(2)}', '${id(1)}', 'assistant', 'answer to third', '2026-01-01T10:02:02Z'),
        ('${id(16)}', '${id(2)}', '${id(1)}', 'assistant', 'a second assistant message', '2026-01-01T10:02:03Z');`);
    await handle.exec(sqlOf(names[target]!));
    const rows = await handle.db.message.findMany({
      where: { conversationId: id(2) },
      orderBy: { createdAt: "asc" },
      select: { content: true, replyToId: true },
    });
    expect(rows).toEqual([
      { content: "first", replyToId: null },
      { content: "answer to first", replyToId: id(10) },
      { content: "lost its reply", replyToId: null },
      { content: "third", replyToId: null },
      { content: "note", replyToId: null },
      { content: "answer to third", replyToId: id(13) },
      { content: "a second assistant message", replyToId: null },
    ]);
  });
});
