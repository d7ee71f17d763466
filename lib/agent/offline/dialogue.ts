// Dialogue state, read from the stored conversation (the history the chat turn passes in,
// never process memory): what we last showed, what the last changing turn did, and the
// question we asked. "the second one", "it", "no, the other one", "same for X" resolve here.
import type { HistoryTurn, TaskSnapshot, ToolCall } from "./types";
import { dayInZone, isoDate, isoDateTime, wallOf, weekdayOf } from "@/lib/time/zone";
import { isTimeOnly, LEAD, SAME_DAY_SAID } from "./reminders";
import { normalizeWords } from "./normalize";
import { findDates, type DateContext } from "./dates";

const LEAD_SAID = new RegExp(LEAD, "i");

export type Change = { userText: string; calls: ToolCall[]; results: unknown[]; touched: number[] };

export type DialogueState = {
  /** The task numbers of the latest list we showed (a list result or the options of a question), in order. */
  shown: number[];
  /** Whether `shown` is the options of a question of ours that a later turn answered. */
  shownAnswered: boolean;
  /** The task numbers of the latest list result (never a question's options), or null if none. */
  listed: number[] | null;
  /** The latest turn that changed tasks, and the tasks it touched. */
  lastChange: Change | null;
  /** Whether that change was made by the turn just before this message. */
  changeIsLatest: boolean;
  /** The latest changing calls we made, whatever came of them, and whether the user rejected them. */
  lastAttempt: { calls: ToolCall[]; rejected: boolean } | null;
  /** The user's previous message. */
  previousUserText: string | null;
};

const CHANGING = new Set(["add_task", "complete_task", "update_task", "delete_task"]);

function resultTask(r: unknown): number | null {
  const t = (r as { task?: { number?: unknown } } | null)?.task;
  return r && (r as { ok?: unknown }).ok === true && t && typeof t.number === "number" ? t.number : null;
}

export function dialogueState(history: HistoryTurn[] | undefined): DialogueState {
  const state: DialogueState = {
    shown: [],
    shownAnswered: false,
    listed: null,
    lastChange: null,
    changeIsLatest: false,
    lastAttempt: null,
    previousUserText: null,
  };
  if (!history?.length) return state;
  let shownFound = false;
  let latestAssistant = true;
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    if (turn.role === "user") {
      if (state.previousUserText === null) state.previousUserText = turn.text;
      continue;
    }
    const calls = turn.calls ?? [];
    const results = turn.results ?? [];
    const listed = (
      results.find((r) => (r as { kind?: string } | null)?.kind === "listed") as
        | { tasks?: Array<{ number: number }> }
        | undefined
    )?.tasks?.map((t) => t.number);
    if (state.listed === null && listed) state.listed = listed;
    if (!shownFound) {
      if (listed) {
        state.shown = listed;
        shownFound = true;
      } else if (!calls.length) {
        const named = [...new Set([...turn.text.matchAll(/#(\d+)/g)].map((m) => +m[1]!))];
        if (named.length > 1) {
          state.shown = named;
          state.shownAnswered = !latestAssistant;
          shownFound = true;
        }
      }
    }
    if (!state.lastAttempt && calls.some((c) => CHANGING.has(c.tool))) {
      state.lastAttempt = {
        calls: calls.filter((c) => CHANGING.has(c.tool)),
        rejected: results.some((r) => (r as { code?: string } | null)?.code === "rejected"),
      };
    }
    if (!state.lastChange && calls.some((c) => CHANGING.has(c.tool))) {
      const changing = calls
        .map((c, k) => ({ c, r: results[k] }))
        .filter(
          ({ c, r }) => CHANGING.has(c.tool) && (r === undefined || r === null || (r as { ok?: unknown }).ok === true),
        );
      if (changing.length) {
        const user = history
          .slice(0, i)
          .reverse()
          .find((t) => t.role === "user");
        const touched = changing
          .map(({ c, r }) => resultTask(r) ?? (typeof c.input.task === "number" ? c.input.task : null))
          .filter((n): n is number => n !== null);
        state.lastChange = {
          userText: user?.text ?? "",
          calls: changing.map(({ c }) => c),
          results: changing.map(({ r }) => r),
          touched,
        };
        state.changeIsLatest = latestAssistant;
      }
    }
    if (calls.length) latestAssistant = false;
    if (shownFound && state.lastChange && state.listed !== null) break;
  }
  return state;
}

/**
 * The change the latest turn took back, when that turn was an undo ("push those to sunday", "undo
 * that", then "ok only move the grocery run": that one's move again).
 */
export function undoneChange(history: HistoryTurn[] | undefined): Change | null {
  const latest = history?.findLast((t) => t.role === "assistant" && t.calls?.length);
  if (!latest?.calls?.every((c) => c.tool === "undo_operation")) return null;
  return dialogueState(history).lastChange;
}

/**
 * The last change's calls, aimed at another task instead ("same for the piano one", "no, the
 * other one"): a moved day keeps the new task's own time of day, like any move.
 */
export function retarget(
  calls: ToolCall[],
  task: TaskSnapshot,
  date: DateContext,
  from?: { task?: TaskSnapshot; said: string },
): ToolCall[] {
  const { timeZone } = date;
  // "remind me 45 min before the vet" then "same for the haircut": as long before the haircut. "remind me
  // at noon that day" then "no, the other one": noon on the other one's day.
  const said = from && calls.some((c) => typeof c.input.remindAt === "string") ? normalizeWords(from.said).text : "";
  const daySaid = SAME_DAY_SAID.test(said) && !LEAD_SAID.test(said);
  // "move it to sunday 10am" then "and the hedge one too": a time the user said with the new day goes
  // with it; a time kept from the first task's own due ("move the 10am meeting to friday") gives way
  // to the other task's own.
  const timed = calls.flatMap((c) =>
    typeof c.input.dueDate === "string" && c.input.dueDate.includes("T") ? [c.input.dueDate] : [],
  );
  const timeSaid =
    from && timed.length
      ? findDates(normalizeWords(from.said).text, date).dates.some(
          (d) => d.hasTime && !isTimeOnly(d.text) && timed.some((due) => Date.parse(due) === Date.parse(d.value)),
        )
      : false;
  return calls
    .filter((c) => c.tool !== "add_task")
    .map((c) => {
      const input: Record<string, unknown> = { ...c.input, task: task.number };
      if (typeof input.dueDate === "string" && !(timeSaid && input.dueDate.includes("T")))
        input.dueDate = keepTimeOf(task, input.dueDate, timeZone);
      const was = from?.task;
      const lead =
        !daySaid && was?.dueDate && typeof input.remindAt === "string"
          ? Date.parse(was.dueDate) - Date.parse(input.remindAt)
          : NaN;
      if (lead >= 0 && /T/.test(was!.dueDate!) && task.dueDate && /T/.test(task.dueDate) && input.dueDate === undefined)
        input.remindAt = new Date(Date.parse(task.dueDate) - lead).toISOString();
      else if (daySaid && typeof input.remindAt === "string" && task.dueDate && input.dueDate === undefined)
        input.remindAt = keepTimeOf({ dueDate: input.remindAt }, task.dueDate, timeZone);
      if (typeof input.repeat === "string" && input.dueDate === undefined)
        input.repeat = ownDayRule(input.repeat, from?.task, task, timeZone);
      return { tool: c.tool, input };
    });
}

const RULE_DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/**
 * "make the electric bill monthly" then "same for the gas bill": a rule whose day was the first
 * task's own due day (the 12th, a Tuesday) runs on the other task's own day instead.
 */
function ownDayRule(rule: string, from: TaskSnapshot | undefined, task: TaskSnapshot, timeZone: string): string {
  const was = from?.dueDate ? dayInZone(from.dueDate, timeZone) : null;
  const own = task.dueDate ? dayInZone(task.dueDate, timeZone) : null;
  if (!was || !own) return rule;
  const weekday = (d: NonNullable<typeof own>) => RULE_DAYS[weekdayOf(d)]!;
  return rule
    .replace(new RegExp(`(FREQ=MONTHLY.*;BYMONTHDAY=)${was.day}(?!\\d)`), `$1${own.day}`)
    .replace(new RegExp(`(FREQ=WEEKLY.*;BYDAY=)${weekday(was)}$`), `$1${weekday(own)}`);
}

/** A new due day for a task: a timed task keeps its time of day, an untimed one stays a bare date. */
export function keepTimeOf(task: Pick<TaskSnapshot, "dueDate">, value: string, timeZone: string): string {
  const day = dayInZone(value, timeZone);
  if (!day) return value;
  if (task.dueDate && /T/.test(task.dueDate)) {
    const w = wallOf(new Date(task.dueDate), timeZone);
    return isoDateTime({ ...day, hour: w.hour, minute: w.minute }, timeZone);
  }
  return isoDate(day);
}
