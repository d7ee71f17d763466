// What an approval card lists for each change: the task's number and title and what would change.
import { describe, expect, it } from "vitest";
import { describeChange } from "./approval";

const task = { number: 3, title: "Buy milk" };
const when = { timeZone: "Europe/Berlin", now: new Date("2026-03-10T09:00:00Z") };

describe("describeChange", () => {
  it("names the verb and the task for deletes, completions and reopenings", () => {
    expect(describeChange("delete_task", { task: 3 }, task)).toBe("Delete #3 Buy milk");
    expect(describeChange("complete_task", { task: "milk" }, task)).toBe("Complete #3 Buy milk");
    expect(describeChange("complete_task", { task: 3, completed: false }, task)).toBe("Reopen #3 Buy milk");
  });

  it("says what an update would change, dates in the user's time zone", () => {
    expect(
      describeChange(
        "update_task",
        {
          task: 3,
          title: "Buy oat milk",
          dueDate: "2026-03-13",
          priority: "high",
          addTags: ["errands"],
          removeTags: ["home"],
        },
        task,
        when,
      ),
    ).toBe("Change #3 Buy milk: rename to “Buy oat milk”, due Fri, Mar 13, high priority, add #errands, remove #home");
    expect(
      describeChange(
        "update_task",
        { task: 3, dueDate: "2026-03-13T16:00:00Z", remindAt: null, description: null, repeat: null },
        task,
        when,
      ),
    ).toBe("Change #3 Buy milk: due Fri, Mar 13, 5:00 PM, remove the notes, stop repeating, no reminder");
    expect(describeChange("update_task", { task: 3, dueDate: null }, task, when)).toBe(
      "Change #3 Buy milk: no due date",
    );
    expect(describeChange("update_task", { task: 3 }, task, when)).toBe("Change #3 Buy milk");
  });
});
