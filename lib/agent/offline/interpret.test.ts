import { describe, expect, it } from "vitest";
import { interpret } from "./interpret";
import type { HistoryTurn, InterpretInput, TaskSnapshot } from "./types";

const tasks: TaskSnapshot[] = [
  {
    number: 1,
    title: "Buy groceries",
    status: "pending",
    priority: "medium",
    dueDate: "2026-03-11",
    tags: ["errands"],
  },
  {
    number: 2,
    title: "Finish quarterly report",
    status: "pending",
    priority: "high",
    dueDate: "2026-03-13T17:00:00-04:00",
    tags: ["work"],
  },
  { number: 3, title: "Call the dentist", status: "pending", priority: "low", dueDate: null, tags: [] },
  {
    number: 4,
    title: "Pay electricity bill",
    status: "completed",
    priority: "medium",
    dueDate: "2026-03-05",
    tags: [],
  },
  {
    number: 5,
    title: "Book flights to Lisbon",
    status: "pending",
    priority: "medium",
    dueDate: null,
    tags: ["travel"],
  },
  { number: 6, title: "Call mom", status: "pending", priority: "medium", dueDate: "2026-03-10", tags: [] },
  {
    number: 7,
    title: "Review pull request from Sam",
    status: "pending",
    priority: "high",
    dueDate: null,
    tags: ["work"],
  },
];
const run = (text: string, extra: Partial<InterpretInput> = {}) =>
  interpret({ text, now: new Date("2026-03-10T09:00:00-04:00"), timeZone: "America/New_York", tasks, ...extra });

describe("interpret", () => {
  it("returns the contract's shape with intent, entities and a confidence in 0..1", () => {
    const out = run("remind me to ring the electrician tomorrow at 4pm, high priority #home");
    expect(out.intent).toBe("add_task");
    expect(out.intent.length).toBeLessThanOrEqual(50);
    expect(out.calls).toEqual([
      {
        tool: "add_task",
        input: {
          title: "Ring the electrician",
          dueDate: "2026-03-11T16:00:00-04:00",
          priority: "high",
          tags: ["home"],
        },
      },
    ]);
    expect(out.entities).toMatchObject({ titles: ["Ring the electrician"], priority: "high", tags: ["home"] });
    expect(out.confidence).toBeGreaterThan(0);
    expect(out.confidence).toBeLessThanOrEqual(1);
  });

  it("never invents list filters", () => {
    expect(run("list my to-dos").calls).toEqual([{ tool: "list_tasks", input: {} }]);
    expect(run("list everything").calls).toEqual([{ tool: "list_tasks", input: {} }]);
    expect(run("what have I got today?").calls).toEqual([{ tool: "list_tasks", input: { due: "today" } }]);
  });

  it("asks instead of guessing when a reference is ambiguous, unknown or missing", () => {
    for (const text of [
      "tick off the call task",
      "delete task 12",
      "delete it",
      "check off the work task",
      "finish the slides",
    ]) {
      const out = run(text);
      expect(out.calls, text).toEqual([]);
      expect(out.reply?.trim().endsWith("?"), text).toBe(true);
    }
    expect(run("tick off the call task").reply).toContain("#3 Call the dentist or #6 Call mom");
  });

  it("asks about dates that do not exist", () => {
    const out = run("add pay the nanny on February 30");
    expect(out.calls).toEqual([]);
    expect(out.reply).toMatch(/February 30.*\?$/s);
  });

  it("prefers pending tasks to complete and completed ones to reopen", () => {
    const withDup: TaskSnapshot[] = [...tasks, { ...tasks[3], number: 8, status: "pending" }];
    expect(run("complete the electricity bill", { tasks: withDup }).calls).toEqual([
      { tool: "complete_task", input: { task: 8 } },
    ]);
    expect(run("reopen the electricity bill", { tasks: withDup }).calls).toEqual([
      { tool: "complete_task", input: { task: 4, completed: false } },
    ]);
  });

  it("resolves 'it' from the previous turn's results", () => {
    const history: HistoryTurn[] = [
      { role: "user", text: "add order printer paper" },
      {
        role: "assistant",
        text: "Added #8 Order printer paper.",
        calls: [{ tool: "add_task", input: { title: "Order printer paper" } }],
        results: [
          {
            ok: true,
            kind: "added",
            task: {
              number: 8,
              title: "Order printer paper",
              description: null,
              status: "pending",
              priority: "medium",
              dueDate: null,
              dueAllDay: false,
              tags: [],
              completedAt: null,
            },
            operationId: "op",
          },
        ],
      },
    ];
    expect(run("push it to Thursday", { history }).calls).toEqual([
      { tool: "update_task", input: { task: 8, dueDate: "2026-03-12" } },
    ]);
    // Without results, the previous calls' task numbers count.
    const callsOnly: HistoryTurn[] = [
      { role: "assistant", text: "Done.", calls: [{ tool: "complete_task", input: { task: 3 } }] },
    ];
    expect(run("actually reopen it", { history: callsOnly }).calls).toEqual([
      { tool: "complete_task", input: { task: 3, completed: false } },
    ]);
    // Two tasks touched: "it" is ambiguous.
    const two: HistoryTurn[] = [
      {
        role: "assistant",
        text: "Done.",
        calls: [
          { tool: "complete_task", input: { task: 5 } },
          { tool: "complete_task", input: { task: 7 } },
        ],
      },
    ];
    expect(run("delete it", { history: two }).calls).toEqual([]);
  });

  it("takes an answer to its own clarifying question", () => {
    const history: HistoryTurn[] = [
      { role: "user", text: "remove the call task" },
      {
        role: "assistant",
        text: '"call task" matches 2 tasks. Which one should I delete: #3 Call the dentist or #6 Call mom?',
      },
    ];
    expect(run("mom", { history }).calls).toEqual([{ tool: "delete_task", input: { task: 6 } }]);
    expect(run("#3", { history }).calls).toEqual([{ tool: "delete_task", input: { task: 3 } }]);
    expect(run("the first one", { history }).calls).toEqual([{ tool: "delete_task", input: { task: 3 } }]);
    expect(run("never mind", { history }).calls).toEqual([]);
    // A fresh command is not an answer.
    expect(run("list my to-dos", { history }).calls).toEqual([{ tool: "list_tasks", input: {} }]);
  });

  it("handles bulk requests with one call per task", () => {
    expect(run("complete 2 and 6").calls.map((c) => c.input.task)).toEqual([2, 6]);
    expect(run("mark all work tasks done").calls.map((c) => c.input.task)).toEqual([2, 7]);
    expect(run("delete all completed tasks").calls).toEqual([{ tool: "delete_task", input: { task: 4 } }]);
  });

  it("answers small talk without tools", () => {
    expect(run("hi").calls).toEqual([]);
    expect(run("hi").intent).toBe("greeting");
    expect(run("thanks!").intent).toBe("thanks");
    // Thanks, then news that asks for nothing: the thanks is answered, not an offer to add the news.
    const news = run("thanks!! she comes home next week");
    expect(news.calls).toEqual([]);
    expect(news.intent).toBe("thanks");
    const help = run("what are you able to do?");
    expect(help.intent).toBe("help");
    expect(help.reply).toMatch(/add/i);
    expect(help.reply).toMatch(/“.+”/);
    const unknown = run("blorp zzz");
    expect(unknown.calls).toEqual([]);
    expect(unknown.reply?.trim().endsWith("?")).toBe(true);
  });

  it("survives odd input", () => {
    expect(run("").calls).toEqual([]);
    expect(run("   ").calls).toEqual([]);
    expect(run("add").calls).toEqual([]);
    expect(() => run("x".repeat(5000))).not.toThrow();
    expect(run("add buy stamps", { timeZone: "Not/AZone" }).calls).toEqual([
      { tool: "add_task", input: { title: "Buy stamps" } },
    ]);
  });
});
