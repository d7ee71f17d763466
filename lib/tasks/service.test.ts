// The task service through a real database: PGlite in memory, or PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { addTask, completeTask, deleteTask, listTasks, restoreTask, undoOperation, updateTask } from "./service";
import type { OperationContext, ToolResult } from "./types";

let handle: DbHandle;
let alice: OperationContext;
let bob: OperationContext;

async function makeUser(email: string): Promise<string> {
  const user = await handle.db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: "x" } });
  return user.id;
}

function ok<T extends ToolResult>(result: T): Extract<T, { ok: true }> & { operationId: string } {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result as Extract<T, { ok: true }> & { operationId: string };
}

const logs = (userId: string) =>
  handle.db.taskOperationLog.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  handle = await createTestDatabase();
  alice = { userId: await makeUser("alice@example.com"), source: "chat", timeZone: "America/New_York" };
  bob = { userId: await makeUser("bob@example.com"), source: "chat", timeZone: "Europe/Berlin" };
});
afterAll(() => handle?.close());

describe("adding", () => {
  it("numbers each user's tasks from 1 and logs one success row with input and result", async () => {
    const u = { ...alice, userId: await makeUser("numbers@example.com") };
    const first = ok(await addTask(handle.db, u, { title: "Buy milk", dueDate: "2026-03-11", tags: ["#Errands"] }));
    const second = ok(
      await addTask(handle.db, u, { title: "Call mom", dueDate: "2026-03-11T17:00", priority: "high" }),
    );
    expect(first.kind === "added" && first.task).toMatchObject({
      number: 1,
      dueDate: "2026-03-11",
      dueAllDay: true,
      tags: ["errands"],
    });
    // A date-time without an offset is read in the user's zone (New York, EDT on March 11).
    expect(second.kind === "added" && second.task).toMatchObject({
      number: 2,
      dueDate: "2026-03-11T21:00:00.000Z",
      priority: "high",
    });
    const rows = await logs(u.userId);
    expect(rows.map((r) => [r.operation, r.status])).toEqual([
      ["add", "success"],
      ["add", "success"],
    ]);
    expect(rows[0]).toMatchObject({
      input: { title: "Buy milk", dueDate: "2026-03-11", tags: ["#Errands"] },
      source: "chat",
    });
    expect((rows[0]!.result as { operationId: string }).operationId).toBe(rows[0]!.id);
    expect(rows[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(rows[0]!.finishedAt).not.toBeNull();
  });

  it("never gives two concurrent adds the same number", async () => {
    const u = { ...alice, userId: await makeUser("race@example.com") };
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => addTask(handle.db, u, { title: `Task ${i}` })),
    );
    const numbers = results.map((r) => ok(r)).map((r) => (r.kind === "added" ? r.task.number : 0));
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("runs a tool call id once: a retry returns the first result and adds nothing", async () => {
    const u = { ...alice, userId: await makeUser("retry@example.com"), toolCallId: `call-${Date.now()}` };
    const [a, b] = await Promise.all([
      addTask(handle.db, u, { title: "Only once" }),
      addTask(handle.db, u, { title: "Only once" }),
    ]);
    const c = await addTask(handle.db, u, { title: "Only once" });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await handle.db.task.count({ where: { userId: u.userId } })).toBe(1);
    expect(await handle.db.taskOperationLog.count({ where: { userId: u.userId } })).toBe(1);
  });

  it.each([
    [{ title: "   " }, /needs a title/],
    [{ title: "x".repeat(201) }, /at most 200/],
    [{ title: "Dentist", dueDate: "2026-03-35" }, /not a date/],
    [{ title: "Dentist", priority: "urgent" }, /low, medium or high/],
    [{ title: "Dentist", owner: "someone-else" }, /Unknown field: owner/],
  ])("refuses %j with a clear error, changing nothing but a failed log row", async (input, message) => {
    const u = { ...alice, userId: await makeUser(`bad-${Math.random()}@example.com`) };
    const result = await addTask(handle.db, u, input as never);
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.message).toMatch(message);
    expect(await handle.db.task.count({ where: { userId: u.userId } })).toBe(0);
    const rows = await logs(u.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "failed", operation: "add" });
    expect(rows[0]!.error).toMatch(message);
    expect((await handle.db.user.findUniqueOrThrow({ where: { id: u.userId } })).lastTaskNumber).toBe(0);
  });
});

describe("ownership", () => {
  it("treats another user's task as not found and changes nothing", async () => {
    const mine = ok(await addTask(handle.db, alice, { title: "Alice's secret plan" }));
    const number = mine.kind === "added" ? mine.task.number : 0;
    const attempts = await Promise.all([
      completeTask(handle.db, bob, { task: number }),
      updateTask(handle.db, bob, { task: number, title: "Hijacked" }),
      deleteTask(handle.db, bob, { task: number }),
      completeTask(handle.db, bob, { task: "secret plan" }),
      undoOperation(handle.db, bob, { operationId: mine.operationId }),
    ]);
    for (const attempt of attempts)
      expect(attempt).toMatchObject({ ok: false, code: expect.stringMatching(/not_found|nothing_to_undo/) });
    const task = await handle.db.task.findFirstOrThrow({ where: { userId: alice.userId, number } });
    expect(task).toMatchObject({ title: "Alice's secret plan", status: "pending", deletedAt: null });
    const listed = ok(await listTasks(handle.db, bob, { status: "all" }));
    expect(listed.kind === "listed" && listed.tasks.map((t) => t.title)).not.toContain("Alice's secret plan");
  });
});

describe("references", () => {
  it("changes nothing when text matches several tasks, and returns the candidates", async () => {
    const u = { ...alice, userId: await makeUser("ambiguous@example.com") };
    await addTask(handle.db, u, { title: "Call the dentist" });
    await addTask(handle.db, u, { title: "Call the plumber" });
    const result = await completeTask(handle.db, u, { task: "call" });
    expect(result).toMatchObject({ ok: false, code: "ambiguous" });
    expect(!result.ok && result.candidates?.map((c) => c.number)).toEqual([1, 2]);
    expect(await handle.db.task.count({ where: { userId: u.userId, status: "completed" } })).toBe(0);
    ok(await completeTask(handle.db, u, { task: "the plumber" }));
    expect((await handle.db.task.findFirstOrThrow({ where: { userId: u.userId, number: 2 } })).status).toBe(
      "completed",
    );
    expect(await completeTask(handle.db, u, { task: 99 })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("undo", () => {
  async function fresh() {
    const u = { ...alice, userId: await makeUser(`undo-${Math.random()}@example.com`), conversationId: null };
    const added = ok(await addTask(handle.db, u, { title: "Write report", dueDate: "2026-03-13", tags: ["work"] }));
    return { u, added };
  }
  const task = (userId: string) =>
    handle.db.task.findFirstOrThrow({ where: { userId, number: 1 }, include: { tags: { include: { tag: true } } } });

  it("undoes an add by deleting the task (softly)", async () => {
    const { u, added } = await fresh();
    const undone = ok(await undoOperation(handle.db, u, { operationId: added.operationId }));
    expect(undone).toMatchObject({ kind: "undone", undoneOperation: added.operationId });
    expect((await task(u.userId)).deletedAt).not.toBeNull();
    const row = await handle.db.taskOperationLog.findUniqueOrThrow({ where: { id: undone.operationId } });
    expect(row).toMatchObject({ operation: "undo", undoOfId: added.operationId, status: "success" });
  });

  it("undoes complete and reopen", async () => {
    const { u } = await fresh();
    const done = ok(await completeTask(handle.db, u, { task: 1 }));
    expect((await task(u.userId)).status).toBe("completed");
    ok(await undoOperation(handle.db, u, { operationId: done.operationId }));
    expect(await task(u.userId)).toMatchObject({ status: "pending", completedAt: null });
    ok(await completeTask(handle.db, u, { task: 1 }));
    const reopened = ok(await completeTask(handle.db, u, { task: 1, completed: false }));
    expect(reopened.kind).toBe("reopened");
    ok(await undoOperation(handle.db, u, {})); // the latest: the reopen
    expect((await task(u.userId)).status).toBe("completed");
  });

  it("undoes an update, tags included", async () => {
    const { u } = await fresh();
    const updated = ok(
      await updateTask(handle.db, u, {
        task: 1,
        title: "Write the final report",
        dueDate: null,
        priority: "high",
        addTags: ["urgent"],
        removeTags: ["work"],
      }),
    );
    expect(updated.kind === "updated" && updated.changes).toEqual(["title", "priority", "dueDate", "tags"]);
    ok(await undoOperation(handle.db, u, { operationId: updated.operationId }));
    const t = await task(u.userId);
    expect(t).toMatchObject({ title: "Write report", priority: "medium", dueAllDay: true });
    expect(t.dueDate?.toISOString()).toBe("2026-03-13T00:00:00.000Z");
    expect(t.tags.map((x) => x.tag.name)).toEqual(["work"]);
  });

  it("undoes a delete and a restore", async () => {
    const { u } = await fresh();
    const deleted = ok(await deleteTask(handle.db, u, { task: 1 }));
    expect(ok(await listTasks(handle.db, { ...u, source: "ui" }, { status: "all" }))).toMatchObject({ total: 0 });
    ok(await undoOperation(handle.db, u, { operationId: deleted.operationId }));
    expect((await task(u.userId)).deletedAt).toBeNull();
    ok(await deleteTask(handle.db, u, { task: 1 }));
    const restored = ok(await restoreTask(handle.db, u, { task: 1 }));
    expect((await task(u.userId)).deletedAt).toBeNull();
    ok(await undoOperation(handle.db, u, { operationId: restored.operationId }));
    expect((await task(u.userId)).deletedAt).not.toBeNull();
  });

  it("explains instead of undoing twice or over newer changes", async () => {
    const { u } = await fresh();
    const done = ok(await completeTask(handle.db, u, { task: 1 }));
    ok(await undoOperation(handle.db, u, { operationId: done.operationId }));
    expect(await undoOperation(handle.db, u, { operationId: done.operationId })).toMatchObject({
      ok: false,
      code: "cannot_undo",
      message: expect.stringMatching(/already undone/),
    });
    const renamed = ok(await updateTask(handle.db, u, { task: 1, title: "Renamed" }));
    ok(await updateTask(handle.db, u, { task: 1, priority: "low" }));
    const stale = await undoOperation(handle.db, u, { operationId: renamed.operationId });
    expect(stale).toMatchObject({ ok: false, code: "cannot_undo", message: expect.stringMatching(/changed since/) });
    expect((await task(u.userId)).title).toBe("Renamed");
    const failed = await handle.db.taskOperationLog.findFirstOrThrow({
      where: { userId: u.userId, status: "failed" },
      orderBy: { createdAt: "desc" },
    });
    expect(failed).toMatchObject({ operation: "undo", error: expect.stringMatching(/changed since/) });
  });
});

describe("listing", () => {
  it("finds a task whether or not the search and the title carry accents", async () => {
    const u = { ...alice, userId: await makeUser("accents@example.com") };
    await addTask(handle.db, u, { title: "Turno con el cardiólogo" });
    await addTask(handle.db, u, { title: "Appeler le vétérinaire", description: "Rappel pour Éloïse" });
    await addTask(handle.db, u, { title: "Strand cafe brunch" });
    await addTask(handle.db, u, { title: "Send birthday card" });
    const titles = async (search: string) => {
      const r = ok(await listTasks(handle.db, u, { search }));
      return r.kind === "listed" ? r.tasks.map((t) => t.title) : [];
    };
    expect(await titles("cardiologo")).toEqual(["Turno con el cardiólogo"]);
    expect(await titles("CARDIÓLOGO")).toEqual(["Turno con el cardiólogo"]);
    expect(await titles("veterinaire")).toEqual(["Appeler le vétérinaire"]);
    expect(await titles("eloise")).toEqual(["Appeler le vétérinaire"]);
    expect(await titles("café")).toEqual(["Strand cafe brunch"]);
    // Setting accents aside finds more, never a different word: "card" is still only the card.
    expect(await titles("card")).toEqual(["Turno con el cardiólogo", "Send birthday card"]);
    expect(await titles("cardiólogos")).toEqual([]);
  });

  it("filters by due bucket in the user's zone, overdue, tag, priority and text", async () => {
    const u = { ...bob, userId: await makeUser("list@example.com") };
    const now = new Date("2026-03-10T23:30:00Z"); // already March 11 in Berlin
    await addTask(handle.db, u, { title: "Today all day", dueDate: "2026-03-11", tags: ["home"] });
    await addTask(handle.db, u, { title: "Today evening", dueDate: "2026-03-11T19:00:00+01:00", priority: "high" });
    await addTask(handle.db, u, { title: "Yesterday", dueDate: "2026-03-10" });
    await addTask(handle.db, u, { title: "Next week", dueDate: "2026-03-17" });
    await addTask(handle.db, u, { title: "Whenever" });
    const titles = async (input: object) => {
      const r = ok(await listTasks(handle.db, u, input, now));
      return r.kind === "listed" ? r.tasks.map((t) => t.title) : [];
    };
    expect(await titles({ due: "today" })).toEqual(["Today all day", "Today evening"]);
    expect(await titles({ due: "overdue" })).toEqual(["Yesterday"]);
    expect(await titles({ due: "next_week" })).toEqual(["Next week"]);
    expect(await titles({ tag: "#Home" })).toEqual(["Today all day"]);
    expect(await titles({ priority: "high" })).toEqual(["Today evening"]);
    expect(await titles({ search: "EVENING" })).toEqual(["Today evening"]);
    expect(await titles({ dueBefore: "2026-03-11" })).toEqual(["Yesterday", "Today all day", "Today evening"]);
    // Both bounds are days, each inclusive: a one-day range is that day.
    expect(await titles({ dueAfter: "2026-03-11" })).toEqual(["Today all day", "Today evening", "Next week"]);
    expect(await titles({ dueAfter: "2026-03-12" })).toEqual(["Next week"]);
    expect(await titles({ dueAfter: "2026-03-11", dueBefore: "2026-03-11" })).toEqual([
      "Today all day",
      "Today evening",
    ]);
    expect(await listTasks(handle.db, u, { due: "someday" } as never, now)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    // Chat lists are logged; the UI's panel reads are not.
    const before = await handle.db.taskOperationLog.count({ where: { userId: u.userId, operation: "list" } });
    await listTasks(handle.db, { ...u, source: "ui" }, {}, now);
    expect(await handle.db.taskOperationLog.count({ where: { userId: u.userId, operation: "list" } })).toBe(before);
  });
});
