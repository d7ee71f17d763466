// Scores an interpreter's output against a case, exactly as docs/agent-contract.md
// ("How a case is judged") describes, so any model behind the same tools can be compared.
import type { HistoryTurn, TaskSnapshot, ToolCall } from "./types";
import rrule from "rrule";
import { dayInZone, compareDay, wallOf } from "@/lib/time/zone";

// rrule's ES module build does not load in plain Node: its CommonJS default export it is.
const { RRule } = rrule;

export type Expectation = ToolCall[] | { clarify: true };

export type EvalCase = {
  id: string;
  now: string;
  timeZone: string;
  tasks: TaskSnapshot[];
  text: string;
  expect: Expectation;
  /** Optional earlier turns (not in the shared format, used by our own cases). */
  history?: HistoryTurn[];
};

export type Verdict = { pass: boolean; reason?: string };

const BARE = /^\d{4}-\d{2}-\d{2}$/;

function normText(v: unknown): string | null {
  return typeof v === "string" ? v.trim().toLowerCase().replace(/\.$/, "").trim() : null;
}

function tagSet(v: unknown): string[] | null {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) return null;
  return [...new Set((v as string[]).map((t) => t.trim().toLowerCase().replace(/^#/, "")))].sort();
}

function dateMatches(expected: unknown, actual: unknown, timeZone: string): boolean {
  if (expected === null) return actual === null;
  if (typeof expected !== "string" || typeof actual !== "string") return false;
  if (BARE.test(expected)) {
    if (BARE.test(actual)) return actual === expected;
    if (Number.isNaN(Date.parse(actual))) return false;
    const a = dayInZone(actual, timeZone);
    const e = dayInZone(expected, timeZone);
    return !!a && !!e && compareDay(a, e) === 0;
  }
  if (BARE.test(actual)) return false;
  const e = Date.parse(expected);
  const a = Date.parse(actual);
  if (Number.isNaN(e) || Number.isNaN(a)) return false;
  return Math.floor(e / 60000) === Math.floor(a / 60000);
}

function taskMatches(expected: unknown, actual: unknown, tasks: TaskSnapshot[]): boolean {
  if (typeof actual === "number") return actual === expected;
  if (typeof actual !== "string") return false;
  if (/^#?\d+$/.test(actual.trim())) return Number(actual.trim().replace("#", "")) === expected;
  const needle = actual.trim().toLowerCase();
  if (!needle) return false;
  const exact = tasks.filter((t) => t.title.toLowerCase() === needle);
  const hits = exact.length ? exact : tasks.filter((t) => t.title.toLowerCase().includes(needle));
  return hits.length === 1 && hits[0].number === expected;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function fieldMatches(
  key: string,
  expected: unknown,
  actual: unknown,
  c: Pick<EvalCase, "timeZone" | "tasks">,
): boolean {
  switch (key) {
    case "title":
    case "description":
      if (expected === null || actual === null) return expected === actual;
      return normText(expected) !== null && normText(expected) === normText(actual);
    case "tags":
    case "addTags":
    case "removeTags": {
      const e = tagSet(expected);
      const a = tagSet(actual);
      return !!e && !!a && deepEqual(e, a);
    }
    case "dueDate":
    case "dueBefore":
    case "dueAfter":
    case "remindAt":
    case "completedAfter":
    case "completedBefore":
      return dateMatches(expected, actual, c.timeZone);
    case "task":
      return taskMatches(expected, actual, c.tasks);
    default:
      return deepEqual(expected, actual);
  }
}

/** Fields set on a call; undefined counts as absent. */
function presentKeys(input: Record<string, unknown>): string[] {
  return Object.keys(input).filter((k) => input[k] !== undefined);
}

/** "pending" and no status are judged alike for list_tasks (shared README). */
function normalizedInput(call: ToolCall): Record<string, unknown> {
  const input = { ...(call.input ?? {}) };
  if (call.tool === "list_tasks" && input.status === "pending") delete input.status;
  return input;
}

/**
 * The first ten occurrences of a rule started at a due value, as wall-clock instants of the
 * case's zone (rrule works on "floating" UTC dates), or null when the rule does not parse.
 */
function occurrences(rule: string, due: string | undefined, timeZone: string): number[] | null {
  try {
    const options = RRule.parseString(rule.replace(/^RRULE:/i, ""));
    let start = new Date(Date.UTC(2026, 0, 5));
    if (due && /^\d{4}-\d{2}-\d{2}$/.test(due)) start = new Date(`${due}T00:00:00Z`);
    else if (due && !Number.isNaN(Date.parse(due))) {
      const w = wallOf(new Date(due), timeZone);
      start = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute));
    }
    return new RRule({ ...options, dtstart: start, count: 10 }).all().map((d) => d.getTime());
  } catch {
    return null;
  }
}

/** `repeat`: the same rule, judged by its occurrences (shared README): both started at the call's dueDate. */
export function repeatMatches(expected: unknown, actual: unknown, due: string | undefined, timeZone: string): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected !== "string" || typeof actual !== "string") return false;
  if (expected.trim().toUpperCase() === actual.trim().toUpperCase()) return true;
  const e = occurrences(expected, due, timeZone);
  const a = occurrences(actual, due, timeZone);
  return !!e && !!a && e.length === a.length && e.every((t, i) => t === a[i]);
}

export function callMatches(expected: ToolCall, actual: ToolCall, c: Pick<EvalCase, "timeZone" | "tasks">): boolean {
  if (expected.tool !== actual.tool) return false;
  expected = { ...expected, input: normalizedInput(expected) };
  actual = { ...actual, input: normalizedInput(actual) };
  const eKeys = presentKeys(expected.input ?? {}).sort();
  const aKeys = presentKeys(actual.input ?? {}).sort();
  if (!deepEqual(eKeys, aKeys)) return false;
  // A change of rule alone keeps the task's due date: its occurrences start there.
  const kept = c.tasks?.find((t) => t.number === actual.input.task)?.dueDate ?? undefined;
  const due =
    typeof actual.input.dueDate === "string"
      ? actual.input.dueDate
      : actual.tool === "update_task" && kept
        ? kept
        : undefined;
  return eKeys.every((k) =>
    k === "repeat"
      ? repeatMatches(expected.input[k], actual.input[k], due, c.timeZone)
      : fieldMatches(k, expected.input[k], actual.input[k], c),
  );
}

/** Whether the reply asks the user something. */
export function asksQuestion(reply: string | undefined): boolean {
  return typeof reply === "string" && reply.includes("?");
}

export function judge(c: Pick<EvalCase, "expect" | "timeZone" | "tasks">, calls: ToolCall[], reply?: string): Verdict {
  if (!Array.isArray(c.expect)) {
    if (calls.length) return { pass: false, reason: "expected a clarifying question, got tool calls" };
    if (!asksQuestion(reply)) return { pass: false, reason: "expected the reply to ask a question" };
    return { pass: true };
  }
  const expected = c.expect;
  if (expected.length !== calls.length) {
    return { pass: false, reason: `expected ${expected.length} call(s), got ${calls.length}` };
  }
  // One-to-one pairing by backtracking; cases are small.
  const used = new Array(calls.length).fill(false);
  const pair = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < calls.length; j++) {
      if (used[j] || !callMatches(expected[i], calls[j], c)) continue;
      used[j] = true;
      if (pair(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return pair(0) ? { pass: true } : { pass: false, reason: "calls do not match the expected calls" };
}
