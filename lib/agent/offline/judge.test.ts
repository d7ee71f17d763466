import { describe, expect, it } from "vitest";
import { callMatches, judge, type EvalCase } from "./judge";
import type { TaskSnapshot, ToolCall } from "./types";

const tasks: TaskSnapshot[] = [
  { number: 1, title: "Buy groceries", status: "pending", priority: "medium", dueDate: null, tags: ["errands"] },
  { number: 2, title: "Call mom", status: "pending", priority: "medium", dueDate: null, tags: [] },
  { number: 3, title: "Call the dentist", status: "pending", priority: "low", dueDate: null, tags: [] },
];
const base = { timeZone: "America/New_York", tasks };
const c = (expect: EvalCase["expect"]) => ({ ...base, expect });
const add = (input: Record<string, unknown>): ToolCall => ({ tool: "add_task", input });

describe("judge", () => {
  it("pairs calls one-to-one by tool name, in any order", () => {
    const expected = [add({ title: "Buy eggs" }), add({ title: "Buy bread" })];
    expect(judge(c(expected), [add({ title: "Buy bread" }), add({ title: "Buy eggs" })]).pass).toBe(true);
    expect(judge(c(expected), [add({ title: "Buy bread" }), add({ title: "Buy bread" })]).pass).toBe(false);
    expect(judge(c(expected), [add({ title: "Buy eggs" })]).pass).toBe(false);
    expect(
      judge(c([{ tool: "delete_task", input: { task: 1 } }]), [{ tool: "complete_task", input: { task: 1 } }]).pass,
    ).toBe(false);
  });

  it("compares titles and descriptions trimmed, case-insensitively, ignoring a final period", () => {
    expect(
      judge(c([add({ title: "Buy milk", description: "Oat milk" })]), [
        add({ title: " buy MILK. ", description: "oat milk." }),
      ]).pass,
    ).toBe(true);
    expect(judge(c([add({ title: "Buy milk" })]), [add({ title: "Buy milk!" })]).pass).toBe(false);
  });

  it("rejects fields the case does not list and requires every listed field", () => {
    expect(judge(c([add({ title: "Buy milk" })]), [add({ title: "Buy milk", priority: "medium" })]).pass).toBe(false);
    expect(judge(c([add({ title: "Buy milk", priority: "high" })]), [add({ title: "Buy milk" })]).pass).toBe(false);
    expect(judge(c([add({ title: "Buy milk" })]), [add({ title: "Buy milk", priority: undefined })]).pass).toBe(true);
  });

  it("compares tags as sets, ignoring case and a leading #", () => {
    expect(
      judge(c([add({ title: "X", tags: ["work", "home"] })]), [add({ title: "X", tags: ["#Home", "WORK"] })]).pass,
    ).toBe(true);
    expect(judge(c([add({ title: "X", tags: ["work"] })]), [add({ title: "X", tags: ["work", "home"] })]).pass).toBe(
      false,
    );
    const upd = (input: Record<string, unknown>): ToolCall => ({ tool: "update_task", input: { task: 1, ...input } });
    expect(judge(c([upd({ removeTags: ["errands"] })]), [upd({ removeTags: ["#errands"] })]).pass).toBe(true);
  });

  it("matches a bare expected date against any moment of that day in the case's zone", () => {
    const exp = c([add({ title: "X", dueDate: "2026-03-11" })]);
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-11" })]).pass).toBe(true);
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-11T23:30:00-04:00" })]).pass).toBe(true);
    // 23:30 in New York is already the 12th in UTC; the zone decides.
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-12T03:30:00Z" })]).pass).toBe(true);
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-12T05:00:00Z" })]).pass).toBe(false);
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-12" })]).pass).toBe(false);
  });

  it("matches an expected date-time to the same instant, to the minute", () => {
    const exp = c([add({ title: "X", dueDate: "2026-03-11T17:00:00-04:00" })]);
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-11T21:00:00Z" })]).pass).toBe(true);
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-11T21:00:45.000Z" })]).pass).toBe(true);
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-11T17:01:00-04:00" })]).pass).toBe(false);
    expect(judge(exp, [add({ title: "X", dueDate: "2026-03-11" })]).pass).toBe(false);
  });

  it("matches null only with null", () => {
    const exp = c([{ tool: "update_task", input: { task: 1, dueDate: null } }]);
    expect(judge(exp, [{ tool: "update_task", input: { task: 1, dueDate: null } }]).pass).toBe(true);
    expect(judge(exp, [{ tool: "update_task", input: { task: 1, dueDate: "2026-03-11" } }]).pass).toBe(false);
    expect(judge(exp, [{ tool: "update_task", input: { task: 1 } }]).pass).toBe(false);
  });

  it("accepts a task number or a text naming exactly that one task", () => {
    const exp = c([{ tool: "delete_task", input: { task: 3 } }]);
    expect(judge(exp, [{ tool: "delete_task", input: { task: 3 } }]).pass).toBe(true);
    expect(judge(exp, [{ tool: "delete_task", input: { task: "dentist" } }]).pass).toBe(true);
    expect(judge(exp, [{ tool: "delete_task", input: { task: "Call" } }]).pass).toBe(false); // two tasks
    expect(judge(exp, [{ tool: "delete_task", input: { task: 2 } }]).pass).toBe(false);
  });

  it("compares other fields exactly", () => {
    const exp = c([{ tool: "list_tasks", input: { search: "flights" } }]);
    expect(judge(exp, [{ tool: "list_tasks", input: { search: "flights" } }]).pass).toBe(true);
    expect(judge(exp, [{ tool: "list_tasks", input: { search: "Flights" } }]).pass).toBe(false);
    expect(judge(c([{ tool: "undo_operation", input: {} }]), [{ tool: "undo_operation", input: {} }]).pass).toBe(true);
  });

  it("judges clarify and no-call expectations", () => {
    expect(judge(c({ clarify: true }), [], "Which one do you mean?").pass).toBe(true);
    expect(judge(c({ clarify: true }), [], "I deleted nothing.").pass).toBe(false);
    expect(judge(c({ clarify: true }), [{ tool: "delete_task", input: { task: 1 } }], "Which?").pass).toBe(false);
    expect(judge(c([]), [], "Hi!").pass).toBe(true);
    expect(judge(c([]), [{ tool: "list_tasks", input: {} }]).pass).toBe(false);
  });
});

describe("repeat rules are judged by their occurrences", () => {
  const c = { timeZone: "America/New_York", tasks: [] };
  const add = (repeat: string, dueDate: string) => ({
    tool: "add_task" as const,
    input: { title: "Yoga", repeat, dueDate },
  });
  it("a weekly rule on a Monday due date equals the same rule naming Monday", () => {
    expect(
      callMatches(
        add("FREQ=WEEKLY;BYDAY=MO", "2026-03-16T09:00:00-04:00"),
        add("FREQ=WEEKLY", "2026-03-16T09:00:00-04:00"),
        c,
      ),
    ).toBe(true);
    expect(callMatches(add("FREQ=MONTHLY;BYMONTHDAY=1", "2026-04-01"), add("FREQ=MONTHLY", "2026-04-01"), c)).toBe(
      true,
    );
  });
  it("different days, intervals or weekday sets do not match", () => {
    expect(
      callMatches(
        add("FREQ=WEEKLY;BYDAY=TU", "2026-03-16T09:00:00-04:00"),
        add("FREQ=WEEKLY", "2026-03-16T09:00:00-04:00"),
        c,
      ),
    ).toBe(false);
    expect(callMatches(add("FREQ=WEEKLY;INTERVAL=2", "2026-03-16"), add("FREQ=WEEKLY", "2026-03-16"), c)).toBe(false);
    expect(callMatches(add("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-03-16"), add("FREQ=DAILY", "2026-03-16"), c)).toBe(
      false,
    );
    expect(callMatches(add("FREQ=DAILY", "2026-03-16"), add("not a rule", "2026-03-16"), c)).toBe(false);
  });
  it("a rule changed alone starts at the task's own due date", () => {
    const due: TaskSnapshot = {
      number: 8,
      title: "Call the accountant",
      status: "pending",
      priority: "medium",
      dueDate: "2026-09-20",
      tags: [],
    };
    const update = (repeat: string): ToolCall => ({ tool: "update_task", input: { task: 8, repeat } });
    const withTask = { timeZone: "Asia/Kolkata", tasks: [due] };
    expect(
      callMatches(update("FREQ=MONTHLY;INTERVAL=3"), update("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20"), withTask),
    ).toBe(true);
    expect(
      callMatches(update("FREQ=MONTHLY;INTERVAL=3"), update("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=21"), withTask),
    ).toBe(false);
  });
});
