// Titles made without a model: from what a turn did with tasks, else the first message tidied.
import { describe, expect, it } from "vitest";
import type { TaskView, ToolResult } from "@/lib/tasks/types";
import { cleanModelTitle } from "./model-title";
import { draftTitle, taskSubject, turnTitle } from "./title";

const view = (title: string, number = 1): TaskView => ({
  number,
  title,
  description: null,
  status: "pending",
  priority: "medium",
  dueDate: null,
  dueAllDay: false,
  tags: [],
  completedAt: null,
});
const added = (title: string, number = 1): ToolResult => ({
  ok: true,
  kind: "added",
  task: view(title, number),
  operationId: `op-${number}`,
});
const part = (output: ToolResult, state = "output-available") => ({
  type: "tool-add_task",
  toolCallId: crypto.randomUUID(),
  state,
  output,
});
const listed = (filter: Record<string, unknown>): ToolResult => ({
  ok: true,
  kind: "listed",
  tasks: [],
  total: 0,
  filter,
});
const text = (t: string) => ({ type: "text", text: t });

describe("turnTitle", () => {
  it("names the task a turn added by what it is about", () => {
    expect(turnTitle([part(added("Buy oat milk")), text("Added it.")], "add buy oat milk")).toBe("Oat milk");
    expect(turnTitle([part(added("Water the plants"))], "add water the plants")).toBe("Water the plants");
    expect(turnTitle([part(added("Renew passport"))], "renew passport")).toBe("Passport");
  });

  it("joins two tasks, and says how many more when there are many", () => {
    expect(
      turnTitle([part(added("Buy oat milk")), part(added("Call the dentist", 2))], "buy oat milk and call the dentist"),
    ).toBe("Oat milk and the dentist");
    const many = [
      "Buy oat milk",
      "Call the dentist",
      "Book flights to Lisbon",
      "Pay electricity bill",
      "Finish quarterly report",
    ].map((t, i) => part(added(t, i + 1)));
    const title = turnTitle(many, "a lot")!;
    expect(title).toMatch(/^Oat milk, the dentist.* and \d more$/);
    expect(title.length).toBeLessThanOrEqual(50);
  });

  it("names changed, completed, deleted and undone tasks too", () => {
    const done: ToolResult = { ok: true, kind: "completed", task: view("Call the dentist"), operationId: "o" };
    const undone: ToolResult = {
      ok: true,
      kind: "undone",
      undoneOperation: "x",
      task: null,
      operationId: "u",
      count: 2,
      tasks: [view("Buy oat milk"), view("Get stamps", 2)],
    };
    expect(turnTitle([part(done)], "done with the dentist")).toBe("The dentist");
    expect(turnTitle([part(undone)], "undo that")).toBe("Oat milk and stamps");
  });

  it("names a list question by what it asked for", () => {
    expect(turnTitle([part(listed({ due: "this_week" }))], "what's due this week?")).toBe("What's due this week");
    expect(turnTitle([part(listed({}))], "show my tasks")).toBe("Open tasks");
    expect(turnTitle([part(listed({ search: "passport", status: "all" }))], "is the passport done?")).toBe("Passport");
    expect(turnTitle([part(listed({ tag: "home" }))], "what's tagged home")).toBe("Tasks tagged #home");
    expect(turnTitle([part(listed({ status: "completed" }))], "what did I finish")).toBe("Finished tasks");
    // A change says more than a look at the list.
    expect(turnTitle([part(listed({})), part(added("Buy oat milk"))], "add oat milk and show me")).toBe("Oat milk");
  });

  it("keeps the user's language: Spanish, French, German", () => {
    expect(
      turnTitle(
        [part(added("Compra leche de avena")), part(added("Llamar al dentista", 2))],
        "compra leche de avena mañana y llamar al dentista",
      ),
    ).toBe("Leche de avena y el dentista");
    expect(
      turnTitle(
        [part(added("Achète du lait d'avoine")), part(added("Appeler le dentiste", 2))],
        "achète du lait d'avoine demain et appeler le dentiste",
      ),
    ).toBe("Lait d'avoine et le dentiste");
    expect(
      turnTitle(
        [part(added("Kauf Hafermilch")), part(added("Zahnarzt anrufen", 2))],
        "kauf Hafermilch morgen und füge Zahnarzt anrufen hinzu",
      ),
    ).toBe("Hafermilch und Zahnarzt");
    expect(turnTitle([part(listed({ due: "this_week" }))], "¿qué tengo esta semana?")).toBe("Tareas de esta semana");
    expect(turnTitle([part(listed({ due: "this_week" }))], "qu'est-ce que j'ai cette semaine")).toBe(
      "À faire cette semaine",
    );
    expect(turnTitle([part(listed({ due: "today" }))], "was steht heute an")).toBe("Heute fällig");
  });

  it("is null when the turn did nothing with tasks", () => {
    expect(turnTitle([text("Hello! How can I help?")], "hi")).toBeNull();
    expect(turnTitle([part({ ok: false, code: "not_found", message: "No task 9." })], "delete task 9")).toBeNull();
    expect(turnTitle([{ type: "tool-delete_task", state: "approval-requested" }], "delete the dentist")).toBeNull();
  });
});

describe("taskSubject", () => {
  it("drops the errand verb in front (or German's at the end), keeps verbs that carry the meaning", () => {
    expect(taskSubject("Pick up the dry cleaning")).toBe("the dry cleaning");
    expect(taskSubject("Schedule a meeting with Sam")).toBe("a meeting with Sam");
    expect(taskSubject("Clean the kitchen")).toBe("Clean the kitchen");
    expect(taskSubject("Ruf den Zahnarzt an")).toBe("Zahnarzt");
    expect(taskSubject("Hafermilch kaufen")).toBe("Hafermilch");
    expect(taskSubject("Buy")).toBe("Buy");
  });
});

describe("draftTitle", () => {
  it("tidies the first message: no greeting, no trailing punctuation, sentence case", () => {
    expect(draftTitle("hey, can you remind me about the plumber??")).toBe("Remind me about the plumber");
    expect(draftTitle("   ")).toBe("New chat");
    expect(draftTitle("¿Qué tengo que hacer esta semana?")).toBe("Qué tengo que hacer esta semana");
    expect(draftTitle("bonjour, qu'est-ce que j'ai demain ?")).toBe("Qu'est-ce que j'ai demain");
    expect(draftTitle("bitte was steht morgen an?")).toBe("Was steht morgen an");
  });

  it("cuts a long message at a word boundary, without an ellipsis", () => {
    const title = draftTitle(
      "I need to sort out the insurance paperwork for the car before the end of the month and also the house...",
    );
    expect(title).toBe("I need to sort out the insurance paperwork");
    expect(title.length).toBeLessThanOrEqual(50);
    expect(title).not.toMatch(/…|\.\.\./);
    expect(draftTitle("x".repeat(80))).toBe(`X${"x".repeat(49)}`);
  });
});

describe("cleanModelTitle", () => {
  it("keeps a model's title plain: one line, no quotes, label, markup, ellipsis or final punctuation", () => {
    expect(cleanModelTitle("“Groceries and the dentist.”")).toBe("Groceries and the dentist");
    expect(cleanModelTitle("Title: **weekly planning**\nHere you go")).toBe("Weekly planning");
    expect(cleanModelTitle("Courses et dentiste…")).toBe("Courses et dentiste");
    expect(cleanModelTitle("  \n ")).toBeNull();
    expect(cleanModelTitle("a ".repeat(60))!.length).toBeLessThanOrEqual(50);
  });
});
