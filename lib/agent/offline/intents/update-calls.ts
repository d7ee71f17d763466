// The update_task calls a change makes: one per task, a time alone keeping each task's day, a shift each task's date.
import { ask, result, type Ctx } from "../context";
import type { FoundDate } from "../dates";
import { cleanRefPhrase, isPluralRef, pluralCount, resolveOne, resolveSeveral } from "../references";
import { nearestHour } from "./schedule";
import { resolveTargets } from "../targets";
import { keepTimeOf } from "../dialogue";
import { addDays, dayInZone, isoDate, isoDateTime, wallOf } from "@/lib/time/zone";
import type { Interpretation, Priority, TaskSnapshot, ToolCall } from "../types";
import { messages } from "../messages";
export type Change = {
  dueDate?: string | null;
  priority?: Priority;
  addTags?: string[];
  removeTags?: string[] | "all";
  title?: string;
  description?: string | null;
  /** Move the current due date by this many days (computed per task). */
  shiftDays?: number;
  /** "push it back an hour": minutes later (or earlier), for a task due at a time. */
  shiftMinutes?: number;
  /** Only a clock time was named ("move it to 10am"): the task keeps its day. */
  timeOnly?: {
    hour: number;
    minute: number;
    value: string /** no am/pm said: the reading nearest the task's time */;
    ambiguous?: boolean;
  };
};

export const TAGLIST = String.raw`#?[\p{L}\p{N}_-]+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)#?[\p{L}\p{N}_-]+)*`;

export function tagsOf(s: string): string[] {
  // "tag it diwali too": the "too" adds it to the tags it has, it is no part of the tag.
  return s
    .replace(/\s+(?:too|also|as\s+well)$/i, "")
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((t) =>
      t
        .trim()
        .replace(/^(?:the|a)\s+/i, "")
        .replace(/^#/, "")
        .toLowerCase(),
    )
    .filter((t) => t && !/^(?:tag|tags|label)$/.test(t));
}

/** Builds one update call per task; a relative shift needs each task's current due date. */
export type TimeOnly = NonNullable<Change["timeOnly"]>;

/** A time said with no day ("at 7:30", "5pm"): the change keeps each task's own day. */
export function timeOnlyOf(found: FoundDate): TimeOnly | null {
  const said = found.text.trim();
  if (
    !found.hasTime ||
    !found.wall ||
    !/^(?:(?:at|a\s+las?|las?|à|vers|um|gegen)\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h|uhr)?$/i.test(said)
  )
    return null;
  const ambiguous =
    !/am|pm|a\.m\.|p\.m\.|uhr|\dh|\b0\d|\b(?:1[3-9]|2\d)\b|noon|midnight|morning|evening|night|afternoon/i.test(said);
  return { hour: found.wall.hour, minute: found.wall.minute, value: found.value, ambiguous };
}

/** The task's own day at the time said; with no am/pm, the reading nearest the task's current time. */
export function atTime(t: TaskSnapshot, time: TimeOnly, timeZone: string): string {
  const day = t.dueDate ? dayInZone(t.dueDate, timeZone) : null;
  let hour = time.hour;
  if (time.ambiguous && t.dueDate && /T/.test(t.dueDate))
    hour = nearestHour(hour % 12 || 12, time.minute, wallOf(new Date(t.dueDate), timeZone));
  return day ? isoDateTime({ ...day, hour, minute: time.minute }, timeZone) : time.value;
}

/** A task's new due value for a date said about it: a time alone keeps its day, a day alone its time. */
export function dueFor(t: TaskSnapshot, found: FoundDate, timeZone: string): string {
  const time = timeOnlyOf(found);
  if (time) return atTime(t, time, timeZone);
  return found.hasTime ? found.value : keepTimeOf(t, found.value, timeZone);
}

export function buildUpdates(tasks: TaskSnapshot[], change: Change, ctx: Ctx): ToolCall[] | Interpretation {
  const calls: ToolCall[] = [];
  for (const t of tasks) {
    const input: Record<string, unknown> = { task: t.number };
    if (change.title !== undefined) input.title = change.title;
    if (change.description !== undefined) input.description = change.description;
    // A new day for a timed task keeps its time of day ("move the 10:00 dentist to Friday").
    if (change.dueDate !== undefined)
      input.dueDate =
        typeof change.dueDate === "string" && !/T/.test(change.dueDate)
          ? keepTimeOf(t, change.dueDate, ctx.date.timeZone)
          : change.dueDate;
    if (change.timeOnly) input.dueDate = atTime(t, change.timeOnly, ctx.date.timeZone);
    if (change.shiftDays !== undefined) {
      input.dueDate = shiftDue(t, change.shiftDays, ctx);
    }
    if (change.shiftMinutes !== undefined) {
      // A day with no time has no hour to move: ask for the time instead of inventing one.
      if (!t.dueDate || !/T/.test(t.dueDate))
        return ask(messages(ctx.language).needsTimeToShift(`#${t.number} ${t.title}`));
      input.dueDate = isoDateTime(
        wallOf(new Date(Date.parse(t.dueDate) + change.shiftMinutes * 60_000), ctx.date.timeZone),
        ctx.date.timeZone,
      );
    }
    if (change.priority) input.priority = change.priority;
    if (change.addTags?.length) input.addTags = change.addTags;
    if (change.removeTags === "all") {
      if (!t.tags.length) return ask(messages(ctx.language).hasNoTags(`#${t.number} ${t.title}`));
      input.removeTags = [...t.tags];
    } else if (change.removeTags?.length) input.removeTags = change.removeTags;
    calls.push({ tool: "update_task", input });
  }
  return calls;
}

export function shiftDue(t: TaskSnapshot, days: number, ctx: Ctx): string {
  if (t.dueDate && /T/.test(t.dueDate)) {
    const w = wallOf(new Date(t.dueDate), ctx.date.timeZone);
    const d = addDays(w, days);
    return isoDateTime({ ...d, hour: w.hour, minute: w.minute }, ctx.date.timeZone);
  }
  const base = t.dueDate ? dayInZone(t.dueDate, ctx.date.timeZone)! : wallOf(ctx.date.now, ctx.date.timeZone);
  return isoDate(addDays(base, days));
}

export function finish(
  refPhrase: string,
  change: Change,
  ctx: Ctx,
  opts: { many?: boolean; strict?: boolean; confidence?: number } = {},
): Interpretation | null {
  // "both", "them": the tasks just talked about (the two we listed or changed), not every task.
  if (isPluralRef(refPhrase)) {
    const outs = resolveSeveral(refPhrase, ctx.tasks, { history: ctx.history, override: ctx.override });
    const tasks = outs.flatMap((o) => (o.kind === "one" ? [o.task] : []));
    const count = pluralCount(refPhrase);
    const fits = tasks.length === outs.length && tasks.length > 0 && (count === null || tasks.length === count);
    if (!fits) return ask(messages(ctx.language).whichTasks, { ref: cleanRefPhrase(refPhrase) }, 0.4);
    const calls = buildUpdates(tasks, change, ctx);
    if (!Array.isArray(calls)) return calls;
    return result(
      "update_task",
      calls,
      { tasks: tasks.map((t) => t.number), ref: cleanRefPhrase(refPhrase), ...change },
      opts.confidence ?? 0.85,
    );
  }
  const targets = resolveTargets(refPhrase || "it", ctx, {
    action: "update",
    many: opts.many ?? true,
    groupStatus: "pending",
    allowPartial: !opts.strict,
    entities: { change },
  });
  if (!targets.ok) {
    // "make the call one high priority" with two calls: which one (a strict reading is otherwise a new task's).
    const candidates = targets.reply.entities.candidates;
    return !opts.strict || (Array.isArray(candidates) && candidates.length >= 2) ? targets.reply : null;
  }
  // "take the urgent tag off all my open tasks": of a group, the tasks that have it.
  const removing = Array.isArray(change.removeTags) ? change.removeTags.map((t) => t.toLowerCase()) : null;
  const tagged =
    targets.group && removing
      ? targets.tasks.filter((t) => t.tags.some((x) => removing.includes(x.toLowerCase().replace(/^#/, ""))))
      : targets.tasks;
  if (!tagged.length) return ask(messages(ctx.language).whichTasks, { ref: cleanRefPhrase(refPhrase) }, 0.4);
  targets.tasks = tagged;
  const calls = buildUpdates(targets.tasks, change, ctx);
  if (!Array.isArray(calls)) return calls;
  const entities: Record<string, unknown> = {
    tasks: targets.tasks.map((t) => t.number),
    ref: cleanRefPhrase(refPhrase),
    ...change,
  };
  return result("update_task", calls, entities, opts.confidence ?? (targets.partial ? 0.6 : 0.9));
}

/** "rename X to Y": the first " to " whose left side names a task splits reference and title. */
export function splitRefAndValue(rest: string, sep: RegExp, ctx: Ctx): { ref: string; value: string } | null {
  const positions: Array<{ i: number; len: number }> = [];
  const re = new RegExp(sep.source, "gi");
  for (const m of rest.matchAll(re)) positions.push({ i: m.index, len: m[0].length });
  if (!positions.length) return null;
  for (const p of positions) {
    const ref = rest.slice(0, p.i);
    const out = resolveOne(ref, ctx.tasks, { history: ctx.history, override: ctx.override });
    if (out.kind === "one" && !out.partial) return { ref, value: rest.slice(p.i + p.len) };
  }
  const p = positions[0];
  return { ref: rest.slice(0, p.i), value: rest.slice(p.i + p.len) };
}
