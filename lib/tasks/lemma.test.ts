import { describe, expect, it } from "vitest";
import { baseOfPastVerb, stem } from "./lemma";
import { resolveTitle } from "./match";
import type { TaskSnapshot } from "./types";

describe("word forms", () => {
  it("turns irregular and regular past tenses into the verb", () => {
    expect(baseOfPastVerb("bought")).toBe("buy");
    expect(baseOfPastVerb("written")).toBe("write");
    expect(baseOfPastVerb("went")).toBe("go");
    expect(baseOfPastVerb("called")).toBe("call");
    expect(baseOfPastVerb("tidied")).toBe("tidy");
    expect(baseOfPastVerb("washed")).toBe("wash");
  });

  it("leaves words that only end like a past tense alone", () => {
    for (const w of ["need", "bed", "speed", "feed", "red", "dentist"]) expect(baseOfPastVerb(w)).toBeNull();
  });

  it("gives one stem to every inflection", () => {
    expect(stem("flights")).toBe(stem("flight"));
    expect(stem("groceries")).toBe(stem("grocery"));
    expect(stem("prepared")).toBe(stem("prepare"));
    expect(stem("Paid")).toBe(stem("pay"));
    expect(stem("mom's")).toBe(stem("mom"));
  });
});

describe("title matching on stems", () => {
  const task = (number: number, title: string): TaskSnapshot => ({
    number,
    title,
    status: "pending",
    tags: [],
    priority: "medium",
    dueDate: null,
  });
  const tasks = [task(1, "Buy groceries"), task(2, "Write the quarterly report"), task(3, "Book flights")];

  it("finds a task by an inflected or misspelt word", () => {
    expect(resolveTitle("the grocery", tasks)).toMatchObject({ kind: "one", task: { number: 1 } });
    expect(resolveTitle("bought groceries", tasks)).toMatchObject({ kind: "one", task: { number: 1 } });
    expect(resolveTitle("the quartrly report", tasks)).toMatchObject({ kind: "one", task: { number: 2 } });
    expect(resolveTitle("flight", tasks)).toMatchObject({ kind: "one", task: { number: 3 } });
  });
});
