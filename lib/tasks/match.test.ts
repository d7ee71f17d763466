import { describe, expect, it } from "vitest";
import { CLIPPINGS, resolveTitle } from "./match";
import type { TaskSnapshot } from "./types";

const task = (number: number, title: string): TaskSnapshot => ({
  number,
  title,
  status: "pending",
  priority: "medium",
  dueDate: null,
  tags: [],
});

describe("short forms of a title's words", () => {
  const tasks = [
    task(1, "Rendez-vous chez le vétérinaire pour Moka"),
    task(2, "Prendre rendez-vous chez l'ophtalmologue"),
    task(3, "Séance chez le kinésithérapeute"),
    task(4, "Dentist appointment"),
    task(5, "Vétérinaire : vaccins du chat"),
  ];

  it("reads a clipped word as the word it stands for", () => {
    expect(resolveTitle("le rdv du véto", tasks)).toMatchObject({ kind: "one", task: { number: 1 } });
    expect(resolveTitle("l'ophtalmo", tasks)).toMatchObject({ kind: "one", task: { number: 2 } });
    expect(resolveTitle("le kiné", tasks)).toMatchObject({ kind: "one", task: { number: 3 } });
    expect(resolveTitle("dentist appt", tasks)).toMatchObject({ kind: "one", task: { number: 4 } });
  });

  it("still asks when the short form fits several titles", () => {
    expect(resolveTitle("le véto", tasks)).toMatchObject({ kind: "many" });
  });

  it("lists only short forms, written without accents as titles are compared", () => {
    for (const [short, long] of Object.entries(CLIPPINGS)) {
      expect(short).toMatch(/^[a-z]+$/);
      expect(long.length).toBeGreaterThan(short.length);
    }
  });
});
