import { describe, expect, it } from "vitest";
import type { TaskView } from "@/lib/tasks/types";
import { messageMarkdown } from "./message-text";

const task = (number: number, title: string, extra: Partial<TaskView> = {}): TaskView => ({
  number,
  title,
  description: null,
  status: "pending",
  priority: "medium",
  dueDate: null,
  dueAllDay: false,
  tags: [],
  completedAt: null,
  ...extra,
});
const due = (d: string | null) => (d ? "Wed, Mar 11" : null);

describe("a message as Markdown (the Copy action)", () => {
  it("copies a user's message as written", () => {
    expect(messageMarkdown({ role: "user", parts: [{ type: "text", text: "add **buy** milk\nand eggs" }] }, due)).toBe(
      "add **buy** milk\nand eggs",
    );
  });

  it("copies a reply's words, then its task cards as list lines", () => {
    const parts = [
      { type: "step-start" },
      { type: "text", text: "Done:" },
      {
        type: "tool-add_task",
        state: "output-available",
        output: {
          ok: true,
          kind: "added",
          task: task(3, "Buy milk", { dueDate: "2026-03-11T16:00:00Z", priority: "high", tags: ["home"] }),
          operationId: "x",
        },
      },
      {
        type: "tool-list_tasks",
        state: "output-available",
        output: { ok: true, kind: "listed", total: 1, filter: {}, tasks: [task(1, "Call mom")] },
      },
      { type: "tool-delete_task", state: "output-error", errorText: "No such task." },
      { type: "tool-complete_task", state: "approval-requested", approval: { requestReason: "Complete #1 Call mom" } },
    ];
    expect(messageMarkdown({ role: "assistant", parts }, due)).toBe(
      [
        "Done:",
        "",
        "- Added: #3 Buy milk — due Wed, Mar 11 · high · #home",
        "- 1 task",
        "  - #1 Call mom",
        "- Failed: No such task.",
        "- Waiting for approval: Complete #1 Call mom",
      ].join("\n"),
    );
  });

  it("copies a reply with cards only", () => {
    const parts = [
      {
        type: "tool-complete_task",
        state: "output-available",
        output: { ok: true, kind: "completed", task: task(2, "Pay rent", { status: "completed" }), operationId: "y" },
      },
    ];
    expect(messageMarkdown({ role: "assistant", parts }, due)).toBe("- Completed: #2 Pay rent (done)");
  });
});
