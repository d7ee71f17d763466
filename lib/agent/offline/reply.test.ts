// One file (over 300 lines): the tests of reply.ts, one describe per kind of reply, next to each other.
import { describe, expect, it } from "vitest";
import { composeReply } from "./reply";
import type { TaskView, ToolCall, ToolResult } from "./types";

const ctx = { now: new Date("2026-03-10T09:00:00-04:00"), timeZone: "America/New_York" };
const view = (over: Partial<TaskView> = {}): TaskView => ({
  number: 3,
  title: "Call the dentist",
  description: null,
  status: "pending",
  priority: "medium",
  dueDate: null,
  dueAllDay: false,
  tags: [],
  completedAt: null,
  ...over,
});
const call = (tool: ToolCall["tool"], input: Record<string, unknown> = {}): ToolCall => ({ tool, input });

describe("composeReply", () => {
  it("names an added task with its due date in the user's zone", () => {
    const r: ToolResult = {
      ok: true,
      kind: "added",
      task: view({
        number: 8,
        title: "Call the plumber",
        dueDate: "2026-03-11T21:00:00.000Z",
        priority: "high",
        tags: ["home"],
      }),
      operationId: "op1",
    };
    const text = composeReply([call("add_task", { title: "Call the plumber" })], [r], ctx);
    expect(text).toContain("#8 Call the plumber");
    expect(text).toContain("Wed, Mar 11, 5:00 PM");
    expect(text).toContain("high priority");
    expect(text).toContain("#home");
  });

  it("formats the same instant in another zone", () => {
    const r: ToolResult = {
      ok: true,
      kind: "added",
      task: view({ dueDate: "2026-03-11T21:00:00.000Z" }),
      operationId: "op",
    };
    expect(composeReply([call("add_task")], [r], { now: ctx.now, timeZone: "Asia/Tokyo" })).toContain(
      "Thu, Mar 12, 6:00 AM",
    );
  });

  it("shows all-day dates as the calendar day, however they are stored", () => {
    const bare: ToolResult = {
      ok: true,
      kind: "added",
      task: view({ dueDate: "2026-03-11", dueAllDay: true }),
      operationId: "op",
    };
    const utcMidnight: ToolResult = {
      ok: true,
      kind: "added",
      task: view({ dueDate: "2026-03-11T00:00:00.000Z", dueAllDay: true }),
      operationId: "op",
    };
    const zoneMidnight: ToolResult = {
      ok: true,
      kind: "added",
      task: view({ dueDate: "2026-03-11T04:00:00.000Z", dueAllDay: true }),
      operationId: "op",
    };
    for (const r of [bare, utcMidnight, zoneMidnight]) {
      const text = composeReply([call("add_task")], [r], ctx);
      expect(text).toContain("Wed, Mar 11");
      expect(text).not.toMatch(/AM|PM/);
    }
  });

  it("summarises several adds as a list", () => {
    const rs: ToolResult[] = ["Buy eggs", "Buy bread"].map((title, i) => ({
      ok: true,
      kind: "added",
      task: view({ number: 8 + i, title }),
      operationId: `op${i}`,
    }));
    const text = composeReply([call("add_task"), call("add_task")], rs, ctx);
    expect(text).toMatch(/Added 2 tasks/);
    expect(text).toContain("- #8 Buy eggs");
    expect(text).toContain("- #9 Buy bread");
  });

  it("sums a list up in one line instead of repeating the card as bullets", () => {
    const listed: ToolResult = {
      ok: true,
      kind: "listed",
      tasks: [
        view({ dueDate: "2026-03-11T21:00:00.000Z" }),
        view({ number: 4, title: "Pay bill", status: "completed" }),
      ],
      total: 3,
      filter: { due: "this_week" },
    };
    const text = composeReply([call("list_tasks", { due: "this_week" })], [listed], ctx);
    expect(text).toBe("3 tasks (due this week) — next up: **#3 Call the dentist**, tomorrow at 5:00 PM.");
    expect(text).not.toContain("\n- ");
    const empty: ToolResult = { ok: true, kind: "listed", tasks: [], total: 0, filter: { tag: "work" } };
    expect(composeReply([call("list_tasks", { tag: "work" })], [empty], ctx)).toMatch(/No tasks match/);
    const byDay: ToolResult = {
      ok: true,
      kind: "listed",
      tasks: [view({ status: "completed" })],
      total: 1,
      filter: { completedAfter: "2026-03-09", completedBefore: "2026-03-09" },
    };
    expect(composeReply([call("list_tasks")], [byDay], ctx)).toBe("You completed 1 task yesterday.");
  });

  it("says a period had no completions without calling the list empty, and names a whole month", () => {
    const listed = (filter: Record<string, unknown>, tasks: TaskView[] = []): ToolResult => ({
      ok: true,
      kind: "listed",
      tasks,
      total: tasks.length,
      filter,
    });
    const noneYesterday = listed({ completedAfter: "2026-03-09", completedBefore: "2026-03-09" });
    const text = composeReply([call("list_tasks")], [noneYesterday], ctx);
    expect(text).toBe("You didn't complete any tasks yesterday.");
    expect(text).not.toMatch(/empty/);
    const april = listed({ dueAfter: "2026-04-01", dueBefore: "2026-04-30" }, [
      view({ dueDate: "2026-04-03", dueAllDay: true }),
    ]);
    expect(composeReply([call("list_tasks")], [april], ctx)).toBe("1 task (due in April).");
    const lastMay = listed({ completedAfter: "2025-05-01", completedBefore: "2025-05-31" });
    expect(composeReply([call("list_tasks")], [lastMay], ctx)).toBe("You didn't complete any tasks in May 2025.");
    const days = listed({ dueAfter: "2026-03-16", dueBefore: "2026-03-18" });
    expect(composeReply([call("list_tasks")], [days], ctx)).toBe(
      "No tasks match (due between Mon, Mar 16 and Wed, Mar 18).",
    );
  });

  it("answers a yes/no or when question with a sentence", () => {
    const found = (over: Partial<TaskView>): ToolResult => ({
      ok: true,
      kind: "listed",
      tasks: [view(over)],
      total: 1,
      filter: { search: "dentist", status: "all" },
    });
    const done = found({ status: "completed", completedAt: "2026-03-10T12:10:00.000Z" });
    expect(composeReply([call("list_tasks")], [done], { ...ctx, question: "done" })).toBe(
      "Yes — you completed **#3 Call the dentist** today at 8:10 AM.",
    );
    const open = found({ dueDate: "2026-03-12T19:00:00.000Z" });
    expect(composeReply([call("list_tasks")], [open], { ...ctx, question: "done" })).toBe(
      "Not yet — **#3 Call the dentist** is still open, due on Thursday at 3:00 PM.",
    );
    expect(composeReply([call("list_tasks")], [open], { ...ctx, question: "when" })).toBe(
      "**#3 Call the dentist** is on Thursday at 3:00 PM.",
    );
    expect(composeReply([call("list_tasks")], [found({})], { ...ctx, question: "when" })).toBe(
      "**#3 Call the dentist** has no due date yet.",
    );
    const none: ToolResult = { ok: true, kind: "listed", tasks: [], total: 0, filter: { search: "vet" } };
    expect(composeReply([call("list_tasks")], [none], { ...ctx, question: "when" })).toBe(
      "I couldn't find a task matching “vet”.",
    );
  });

  it("confirms in Spanish and French when the user wrote in them", () => {
    const added: ToolResult = {
      ok: true,
      kind: "added",
      task: view({ number: 8, title: "Comprar pan", dueDate: "2026-03-11", dueAllDay: true }),
      operationId: "o",
    };
    expect(composeReply([call("add_task")], [added], { ...ctx, language: "es" })).toBe(
      "Añadí **#8 Comprar pan** — para el mié, 11 mar.",
    );
    const done = (n: number, title: string): ToolResult => ({
      ok: true,
      kind: "completed",
      task: view({ number: n, title, status: "completed" }),
      operationId: "o",
    });
    expect(
      composeReply([call("complete_task"), call("complete_task")], [done(5, "A"), done(7, "B")], {
        ...ctx,
        language: "fr",
      }),
    ).toBe("J'ai marqué 2 tâches comme terminées : #5 A et #7 B.");
    const listed: ToolResult = { ok: true, kind: "listed", tasks: [view()], total: 1, filter: { due: "today" } };
    expect(composeReply([call("list_tasks")], [listed], { ...ctx, language: "es" })).toBe("1 tarea (para hoy).");
    const deleted: ToolResult = { ok: true, kind: "deleted", task: view(), operationId: "o" };
    expect(composeReply([call("delete_task")], [deleted], { ...ctx, language: "fr" })).toMatch(
      /^J'ai supprimé \*\*#3 Call the dentist\*\*/,
    );
  });

  it("confirms completes, reopens and deletes, grouping bulk changes", () => {
    const done = (n: number, title: string): ToolResult => ({
      ok: true,
      kind: "completed",
      task: view({ number: n, title, status: "completed" }),
      operationId: `op${n}`,
    });
    expect(composeReply([call("complete_task", { task: 3 })], [done(3, "Call the dentist")], ctx)).toMatch(
      /Marked \*\*#3 Call the dentist\*\* as done/,
    );
    expect(
      composeReply(
        [call("complete_task"), call("complete_task")],
        [done(5, "Book flights"), done(7, "Review PR")],
        ctx,
      ),
    ).toBe("Marked 2 tasks as done: #5 Book flights and #7 Review PR.");
    const reopened: ToolResult = {
      ok: true,
      kind: "reopened",
      task: view({ number: 4, title: "Pay bill" }),
      operationId: "o",
    };
    expect(composeReply([call("complete_task", { task: 4, completed: false })], [reopened], ctx)).toMatch(
      /Reopened \*\*#4 Pay bill\*\*/,
    );
    const deleted: ToolResult = { ok: true, kind: "deleted", task: view(), operationId: "o" };
    expect(composeReply([call("delete_task", { task: 3 })], [deleted], ctx)).toMatch(
      /Deleted \*\*#3 Call the dentist\*\*.*undo/,
    );
  });

  it("describes what an update changed", () => {
    const r: ToolResult = {
      ok: true,
      kind: "updated",
      task: view({ dueDate: "2026-03-16", dueAllDay: true, priority: "high" }),
      changes: ["dueDate", "priority"],
      operationId: "o",
    };
    expect(composeReply([call("update_task", { task: 3, dueDate: "2026-03-16", priority: "high" })], [r], ctx)).toBe(
      "Updated **#3 Call the dentist**: due Mon, Mar 16, high priority.",
    );
    const cleared: ToolResult = { ok: true, kind: "updated", task: view(), operationId: "o" };
    expect(composeReply([call("update_task", { task: 3, dueDate: null })], [cleared], ctx)).toContain("no due date");
    const renamed: ToolResult = {
      ok: true,
      kind: "updated",
      task: view({ title: "Call the orthodontist" }),
      changes: ["title"],
      operationId: "o",
    };
    expect(composeReply([call("update_task", { task: 3, title: "Call the orthodontist" })], [renamed], ctx)).toContain(
      "renamed to “Call the orthodontist”",
    );
  });

  it("reports an undo by what it put back, and a whole turn by its count, never by an id", () => {
    const id = "0b8f5a52-7d7e-4a51-9d55-3f0e0c9e1a11";
    const single: ToolResult = { ok: true, kind: "undone", undoneOperation: id, task: view(), operationId: "" };
    expect(composeReply([call("undo_operation")], [single], ctx)).toBe(
      "Undone — **#3 Call the dentist** is back as it was.",
    );
    const prev = { calls: [call("delete_task", { task: 3 })], results: [{ ok: true, kind: "deleted", task: view() }] };
    expect(composeReply([call("undo_operation")], [single], { ...ctx, previousChange: prev })).toBe(
      "Undone — restored **#3 Call the dentist**.",
    );
    const a = view({ number: 8, title: "Buy eggs" });
    const b = view({ number: 2, title: "Pay rent" });
    const whole: ToolResult = {
      ok: true,
      kind: "undone",
      undoneOperation: id,
      task: a,
      count: 2,
      tasks: [a, b],
      operationId: "",
    };
    const turn = {
      calls: [call("add_task"), call("complete_task")],
      results: [
        { ok: true, kind: "added", task: a },
        { ok: true, kind: "completed", task: b },
      ],
    };
    const text = composeReply([call("undo_operation")], [whole], { ...ctx, previousChange: turn });
    expect(text).toBe("Undid 2 changes: removed #8 Buy eggs and reopened #2 Pay rent.");
    expect(composeReply([call("undo_operation")], [whole], ctx)).toBe(
      "Undid 2 changes: #8 Buy eggs and #2 Pay rent are back as they were.",
    );
    expect(composeReply([call("undo_operation")], [whole], { ...ctx, language: "es" })).toMatch(
      /^Deshice 2 cambios: #8 Buy eggs y #2 Pay rent/,
    );
    for (const t of [text, composeReply([call("undo_operation")], [single], ctx)]) expect(t).not.toContain(id);
  });

  it("passes errors through and turns ambiguity into a question", () => {
    const nf: ToolResult = { ok: false, code: "not_found", message: "There is no task #12" };
    expect(composeReply([call("delete_task", { task: 12 })], [nf], ctx)).toBe("There is no task #12.");
    const amb: ToolResult = {
      ok: false,
      code: "ambiguous",
      message: "“call” matches 2 tasks.",
      candidates: [view(), view({ number: 6, title: "Call mom" })],
    };
    const text = composeReply([call("complete_task", { task: "call" })], [amb], ctx);
    expect(text).toContain("#3 Call the dentist or #6 Call mom");
    expect(text.trim().endsWith("?")).toBe(true);
    const nothing: ToolResult = { ok: false, code: "nothing_to_undo", message: "There's nothing to undo." };
    expect(composeReply([call("undo_operation")], [nothing], ctx)).toBe("There's nothing to undo.");
  });

  it("keeps successes and failures of one turn together", () => {
    const ok: ToolResult = {
      ok: true,
      kind: "completed",
      task: view({ number: 5, title: "Book flights" }),
      operationId: "o",
    };
    const nf: ToolResult = { ok: false, code: "not_found", message: "There is no task #9." };
    const text = composeReply([call("complete_task", { task: 5 }), call("complete_task", { task: 9 })], [ok, nf], ctx);
    expect(text).toContain("#5 Book flights");
    expect(text).toContain("There is no task #9.");
  });
});
