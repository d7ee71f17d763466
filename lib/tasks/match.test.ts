import { describe, expect, it } from "vitest";
import { CLIPPINGS, parseTaskNumber, resolveTitle } from "./match";
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

  // A counterexample of lib/security/bad-input.test.ts: a word that is also an Object property.
  it("reads a word like 'constructor' as a word, not as a property of the table", () => {
    for (const phrase of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(resolveTitle(phrase, tasks)).toMatchObject({ kind: "none" });
      expect(parseTaskNumber(`task ${phrase}`)).toBeNull();
    }
  });

  it("still asks when the short form fits several titles", () => {
    expect(resolveTitle("le véto", tasks)).toMatchObject({ kind: "many" });
  });

  it("lists only short forms, written without accents as titles are compared", () => {
    for (const [short, long] of CLIPPINGS) {
      expect(short).toMatch(/^[a-z]+$/);
      expect(long.length).toBeGreaterThan(short.length);
    }
  });
});

describe("how sure a half match is", () => {
  const tasks = [
    task(1, "Call the dentist"),
    task(2, "Envoyer les cartes de vœux aux clients"),
    task(3, "Book flights"),
  ];

  it("marks a phrase that shares only the title's verb as loose, to be asked about", () => {
    expect(resolveTitle("my call with the bank", tasks)).toMatchObject({ kind: "one", partial: true, loose: true });
    expect(resolveTitle("call the dentist's office", tasks)).toMatchObject({ kind: "one", task: { number: 1 } });
    expect(resolveTitle("the dentist call", tasks)).not.toHaveProperty("loose");
  });

  it("reads œ typed as oe", () => {
    expect(resolveTitle("les cartes de voeux", tasks)).toMatchObject({
      kind: "one",
      task: { number: 2 },
      partial: false,
    });
  });
});
