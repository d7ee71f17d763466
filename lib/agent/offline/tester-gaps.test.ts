import { describe, expect, it } from "vitest";
import { interpret, replyHints } from "./interpret";
import { searchable } from "./intents/list-search";
import { composeReply } from "./reply";
import type { TaskSnapshot } from "./types";

const tasks: TaskSnapshot[] = [
  { number: 1, title: "Renew car insurance", status: "pending", priority: "medium", dueDate: "2026-04-10", tags: [] },
  { number: 2, title: "Renew home insurance", status: "pending", priority: "medium", dueDate: null, tags: [] },
  {
    number: 3,
    title: "Haircut",
    status: "pending",
    priority: "medium",
    dueDate: "2026-04-10T17:00:00+02:00",
    tags: [],
  },
];
const now = new Date("2026-04-08T10:00:00+02:00");
const timeZone = "Europe/Berlin";
const run = (text: string) => interpret({ text, now, timeZone, tasks });

describe("out-of-scope requests and closings", () => {
  it.each(["recite us a haiku", "got any puns?", "brew me an espresso", "can you grab me a towel"])(
    "%s gets a short answer and no tool",
    (text) => {
      const out = run(text);
      expect(out.calls).toEqual([]);
      expect(out.reply).toBeTruthy();
    },
  );
  it.each(["make a vet appointment", "make soup for the party"])("%s is still a task", (text) => {
    expect(run(text).calls[0]?.tool).toBe("add_task");
  });
  it.each(["nothing more, thanks", "alright, that's everything", "thank you, I'm done"])(
    "%s closes without a tool",
    (text) => {
      const out = run(text);
      expect(out.calls).toEqual([]);
      expect(out.reply).not.toMatch(/new task/);
    },
  );
});

describe("search terms the service can find", () => {
  it("sends the singular when only it is in a title", () => {
    expect(searchable("insurances", tasks)).toBe("insurance");
    expect(searchable("haircuts", tasks)).toBe("haircut");
    expect(searchable("car insurance", tasks)).toBe("car insurance");
    expect(searchable("boats", tasks)).toBe("boats");
  });
});

describe("yes/no questions about a task's timing", () => {
  const reply = (text: string, task: TaskSnapshot) => {
    const it = run(text);
    const hints = replyHints({ text, now, timeZone, tasks: [] });
    const view = { ...task, dueAllDay: !!task.dueDate && !/T/.test(task.dueDate), completedAt: null };
    return composeReply(
      it.calls,
      [{ ok: true, kind: "listed", tasks: [view], total: 1, filter: it.calls[0]!.input } as never],
      { now, timeZone, ...hints },
    );
  };
  it("answers yes, no, or that there is no due date", () => {
    expect(reply("is the haircut due this week?", tasks[2]!)).toMatch(/^Yes — /);
    expect(reply("is my haircut tomorrow?", tasks[2]!)).toMatch(/^No — .*Friday/);
    expect(reply("is the home insurance next week?", tasks[1]!)).toMatch(/no due date/);
  });
});
