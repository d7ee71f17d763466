// The panel's quick-add through a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// the line is read as the chat reads an add, each task goes through the service's add and is
// logged with the line as the user's words; a line it cannot read changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { interpret } from "@/lib/agent/offline/interpret";
import { readQuickAdd } from "./quick-add";
import { quickAddTasks } from "@/lib/tasks/service";
import type { OperationContext } from "@/lib/tasks/types";

let handle: DbHandle;
let users = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

// Thursday 2026-12-03, 10:00 in Berlin.
const now = new Date("2026-12-03T09:00:00Z");
const zone = { now, timeZone: "Europe/Berlin" };

async function user(): Promise<OperationContext> {
  const row = await handle.db.user.create({
    data: { email: `quick-${++users}@example.com`, name: "Q", passwordHash: "x" },
  });
  return { userId: row.id, source: "ui", timeZone: "Europe/Berlin", now };
}

describe("reading a quick-add line", () => {
  it("reads the date, time, tags and bangs", () => {
    expect(readQuickAdd("call the plumber friday 5pm #home !!", zone)).toEqual({
      ok: true,
      inputs: [{ title: "Call the plumber", dueDate: "2026-12-04T17:00:00+01:00", tags: ["home"], priority: "high" }],
    });
    expect(readQuickAdd("!! renew the insurance", zone)).toMatchObject({
      ok: true,
      inputs: [{ title: "Renew the insurance", priority: "high" }],
    });
  });

  it("reads a line as the chat reads the same line typed as a message", () => {
    for (const line of [
      "finish report by friday high priority #work #q4",
      "pay rent every month on the 1st",
      "remind me to call bob tmrw",
      "buy milk and call mom",
    ]) {
      const chat = interpret({ text: line, now, timeZone: "Europe/Berlin", tasks: [] });
      const quick = readQuickAdd(line, zone);
      expect(quick.ok && quick.inputs, line).toEqual(chat.calls.map((c) => c.input));
    }
  });

  it("answers what the chat would ask back when it cannot add", () => {
    expect(readQuickAdd("call mom on feb 30", zone)).toEqual({
      ok: false,
      message: expect.stringContaining("February 30 isn't a real date"),
    });
    expect(readQuickAdd("#home", zone)).toMatchObject({ ok: false });
  });
});

describe("quick-adding", () => {
  it("adds through the service, source ui, logged with the typed line", async () => {
    const ctx = await user();
    const result = await quickAddTasks(handle.db, ctx, "  call the plumber friday 5pm #home !!  ", readQuickAdd);
    if (!result.ok) throw new Error(result.message);
    expect(result.tasks).toMatchObject([
      { number: 1, title: "Call the plumber", dueDate: "2026-12-04T16:00:00.000Z", tags: ["home"], priority: "high" },
    ]);
    const rows = await handle.db.taskOperationLog.findMany({ where: { userId: ctx.userId } });
    expect(rows).toMatchObject([
      { operation: "add", status: "success", source: "ui", originalCommand: "call the plumber friday 5pm #home !!" },
    ]);
    expect(result.operationIds).toEqual([rows[0]!.id]);
  });

  it("adds every task a line names", async () => {
    const ctx = await user();
    const result = await quickAddTasks(handle.db, ctx, "buy milk and call mom", readQuickAdd);
    expect(result.ok && result.tasks.map((t) => `#${t.number} ${t.title}`)).toEqual(["#1 Buy milk", "#2 Call mom"]);
  });

  it("refuses an empty, unreadable or too long line with a clear message and adds nothing", async () => {
    const ctx = await user();
    const cases: [unknown, string][] = [
      ["", "Type a task to add."],
      ["   ", "Type a task to add."],
      [42, "Type a task to add."],
      ["call mom on feb 30", "February 30 isn't a real date"],
      ["x".repeat(501), "at most 500 characters"],
      // The title is read but longer than a title may be: the service's own refusal.
      [`${"word ".repeat(45)}tomorrow`, "Task titles can be at most 200 characters."],
    ];
    for (const [line, message] of cases) {
      const result = await quickAddTasks(handle.db, ctx, line, readQuickAdd);
      expect(result, String(line).slice(0, 40)).toMatchObject({
        ok: false,
        code: "invalid_input",
        message: expect.stringContaining(message),
      });
    }
    expect(await handle.db.task.count({ where: { userId: ctx.userId } })).toBe(0);
    // Only the service's refusal reached the log (as a refused add from chat does).
    const rows = await handle.db.taskOperationLog.findMany({ where: { userId: ctx.userId } });
    expect(rows.map((r) => [r.operation, r.status])).toEqual([["add", "failed"]]);
  });
});
