// Changing a task: due date (move/push/reschedule, or clear it), title (rename),
// priority, tags (add/remove) and description ("add a note to task 2: …").
import { ask, clarifyReference, result, type Ctx } from "../context";
import { findDates, extractDate, type FoundDate } from "../dates";
import { extractPriority, extractTags } from "../modifiers";
import { cleanRefPhrase, isPluralRef, pluralCount, resolveOne, resolveSeveral } from "../references";
import { nearestHour, withoutRebuttal } from "./schedule";
import { resolveTargets } from "../targets";
import { keepTimeOf } from "../dialogue";
import { baseOfPastVerb, capitalize, NUMBER_WORDS, tidyTitle } from "../text";
import { addDays, dayInZone, isoDate, isoDateTime, wallOf } from "@/lib/time/zone";
import type { Interpretation, Priority, TaskSnapshot, ToolCall } from "../types";
import { messages } from "../messages";

type Change = {
  dueDate?: string | null;
  priority?: Priority;
  addTags?: string[];
  removeTags?: string[] | "all";
  title?: string;
  description?: string | null;
  /** Move the current due date by this many days (computed per task). */
  shiftDays?: number;
  /** Only a clock time was named ("move it to 10am"): the task keeps its day. */
  timeOnly?: {
    hour: number;
    minute: number;
    value: string /** no am/pm said: the reading nearest the task's time */;
    ambiguous?: boolean;
  };
};

const TAGLIST = String.raw`#?[\p{L}\p{N}_-]+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)#?[\p{L}\p{N}_-]+)*`;

function tagsOf(s: string): string[] {
  return s
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
type TimeOnly = NonNullable<Change["timeOnly"]>;

/** A time said with no day ("at 7:30", "5pm"): the change keeps each task's own day. */
export function timeOnlyOf(found: FoundDate): TimeOnly | null {
  const said = found.text.trim();
  if (!found.hasTime || !found.wall || !/^(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?$/i.test(said))
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

function buildUpdates(tasks: TaskSnapshot[], change: Change, ctx: Ctx): ToolCall[] | Interpretation {
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

function shiftDue(t: TaskSnapshot, days: number, ctx: Ctx): string {
  if (t.dueDate && /T/.test(t.dueDate)) {
    const w = wallOf(new Date(t.dueDate), ctx.date.timeZone);
    const d = addDays(w, days);
    return isoDateTime({ ...d, hour: w.hour, minute: w.minute }, ctx.date.timeZone);
  }
  const base = t.dueDate ? dayInZone(t.dueDate, ctx.date.timeZone)! : wallOf(ctx.date.now, ctx.date.timeZone);
  return isoDate(addDays(base, days));
}

function finish(
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
  if (!targets.ok) return opts.strict ? null : targets.reply;
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
function splitRefAndValue(rest: string, sep: RegExp, ctx: Ctx): { ref: string; value: string } | null {
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

function clearDue(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  const DUE = String.raw`(?:due[\s-]*dates?|deadlines?|due|dates?|reminder\s+time)`;
  const pats: RegExp[] = [
    new RegExp(
      String.raw`^(?:remove|clear|delete|drop|unset|erase|take\s+(?:off|away)|get\s+rid\s+of|wipe|cancel|reset)\s+(?:the\s+)?${DUE}\s+(?:from|of|on|for|in)\s+(.+)$`,
      "i",
    ),
    new RegExp(String.raw`^(?:remove|clear|delete|drop|unset|erase|wipe|reset)\s+(.+?)(?:'s|s')\s+${DUE}$`, "i"),
    new RegExp(
      String.raw`^(.+?)\s+(?:has|needs|should\s+have|doesn'?t\s+(?:have|need)|does\s+not\s+(?:have|need)|shouldn'?t\s+have)\s+(?:no|a|any)\s+${DUE}(?:\s+anymore)?$`,
      "i",
    ),
    new RegExp(
      String.raw`^(?:make|set|mark|leave)\s+(.+?)\s+(?:as\s+)?(?:undated|unscheduled|no\s+${DUE}|without\s+(?:a\s+)?${DUE})$`,
      "i",
    ),
    /^(?:unschedule|undate)\s+(.+)$/i,
    new RegExp(
      String.raw`^(?:remove|clear|delete|drop|unset|erase|take\s+off|get\s+rid\s+of)\s+(?:the\s+|its\s+|that\s+)?${DUE}$`,
      "i",
    ),
    new RegExp(String.raw`^no\s+${DUE}\s+(?:for|on)\s+(.+)$`, "i"),
    // "take the due date off the ironing", "strip the deadline off of task 4", "knock the date off it"
    new RegExp(
      String.raw`^(?:take|strip|knock|pull|get)\s+(?:the\s+|its\s+|that\s+)?${DUE}\s+off(?:\s+of)?(?:\s+(.+))?$`,
      "i",
    ),
  ];
  for (const re of pats) {
    const m = re.exec(t);
    if (m) return finish(m[1] ?? "it", { dueDate: null }, ctx);
  }
  return null;
}

function removeTags(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  const VERB = String.raw`(?:remove|delete|drop|take\s+(?:off|away)|clear|strip|untag|detach)`;
  let m: RegExpExecArray | null;
  m =
    /^(?:remove|delete|clear|drop|strip)\s+(?:all\s+)?(?:the\s+|its\s+)?(?:tags|labels)\s+(?:from|on|of|off)\s+(.+)$/i.exec(
      t,
    );
  if (m) return finish(m[1], { removeTags: "all" }, ctx);
  m = new RegExp(
    String.raw`^${VERB}\s+(?:the\s+)?(${TAGLIST})\s+(?:tags?|labels?)\s+(?:from|off(?:\s+of)?|on|of)\s+(.+)$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[2], { removeTags: tagsOf(m[1]) }, ctx);
  m = new RegExp(
    String.raw`^${VERB}\s+(?:the\s+)?(?:tags?|labels?)\s+(${TAGLIST})\s+(?:from|off(?:\s+of)?|on)\s+(.+)$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[2], { removeTags: tagsOf(m[1]) }, ctx);
  m =
    /^(?:remove|delete|drop|take|strip|untag)\s+(#[\p{L}\p{N}_-]+(?:(?:\s*,\s*|\s+and\s+|\s+)#[\p{L}\p{N}_-]+)*)\s+(?:from|off(?:\s+of)?)\s+(.+)$/iu.exec(
      t,
    );
  if (m) return finish(m[2], { removeTags: tagsOf(m[1].replace(/\s+(?=#)/g, ",")) }, ctx);
  m = /^take\s+(?:the\s+)?(#?[\p{L}\p{N}_-]+)\s+(?:tag|label)\s+off\s+(?:of\s+)?(.+)$/iu.exec(t);
  if (m) return finish(m[2], { removeTags: tagsOf(m[1]) }, ctx);
  m = new RegExp(String.raw`^untag\s+(${TAGLIST})\s+from\s+(.+)$`, "iu").exec(t);
  if (m) return finish(m[2], { removeTags: tagsOf(m[1]) }, ctx);
  m = /^untag\s+(.+?)(?:\s+(?:as|from)\s+#?([\p{L}\p{N}_-]+))?$/iu.exec(t);
  if (m) return finish(m[1], { removeTags: m[2] ? tagsOf(m[2]) : "all" }, ctx);
  m =
    /^(.+?)\s+(?:is|are|'s)\s+(?:not|no\s+longer)\s+(?:a\s+)?(?:tagged\s+)?#?([\p{L}\p{N}_-]+)(?:\s+(?:task|item|thing))?(?:\s+anymore)?$/iu.exec(
      t,
    );
  if (m) {
    const tag = m[2].toLowerCase();
    const known = ctx.tasks.some((x) => x.tags.some((g) => g.toLowerCase() === tag));
    if (known) return finish(m[1], { removeTags: [tag] }, ctx, { strict: true });
  }
  return null;
}

function addTags(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  let m: RegExpExecArray | null;
  m =
    /^(?:tag|label)\s+(.+?)\s+(?:with|as|under)\s+(?:the\s+|a\s+)?(?:tags?\s+|labels?\s+)?(.+?)(?:\s+(?:tags?|labels?))?$/i.exec(
      t,
    );
  if (m) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx);
  m = /^(?:tag|label)\s+(.+?)\s+(#[\p{L}\p{N}_-]+(?:(?:\s*,\s*|\s+and\s+|\s+)#[\p{L}\p{N}_-]+)*)$/iu.exec(t);
  if (m) return finish(m[1], { addTags: tagsOf(m[2].replace(/\s+(?=#)/g, ",")) }, ctx);
  m = new RegExp(
    String.raw`^(?:add|put|attach|apply|give\s+it|stick)\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+(${TAGLIST})\s+(?:to|on|onto)\s+(.+)$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[2], { addTags: tagsOf(m[1]) }, ctx);
  m = new RegExp(
    String.raw`^(?:add|put|attach|apply|stick)\s+(?:the\s+|a\s+|an\s+)?(${TAGLIST})\s+(?:tags?|labels?)\s+(?:to|on|onto)\s+(.+)$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[2], { addTags: tagsOf(m[1]) }, ctx);
  m =
    /^(?:add|put|attach|apply|stick)\s+(#[\p{L}\p{N}_-]+(?:(?:\s*,\s*|\s+and\s+|\s+)#[\p{L}\p{N}_-]+)*)\s+(?:to|on|onto)\s+(.+)$/iu.exec(
      t,
    );
  if (m) return finish(m[2], { addTags: tagsOf(m[1].replace(/\s+(?=#)/g, ",")) }, ctx);
  m = new RegExp(
    String.raw`^(?:give|add\s+to|put\s+on)\s+(.+?)\s+(?:the\s+|a\s+|an\s+)?(?:tags?|labels?)\s+(${TAGLIST})$`,
    "iu",
  ).exec(t);
  if (m) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx);
  m = /^(?:give|mark)\s+(.+?)\s+(?:the\s+|a\s+|an\s+)?(#?[\p{L}\p{N}_-]+)\s+(?:tag|label)$/iu.exec(t);
  if (m) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx);
  m = /^tag\s+(.+)\s+([\p{L}\p{N}_-]+)$/iu.exec(t);
  if (m) {
    const out = resolveOne(m[1], ctx.tasks, { history: ctx.history, override: ctx.override });
    if (out.kind === "one" && !out.partial) return finish(m[1], { addTags: tagsOf(m[2]) }, ctx);
  }
  return null;
}

function description(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  const NOTE = `(?:note|notes|description|details?|comment|memo)`;
  const pats: Array<[RegExp, number, number]> = [
    [
      new RegExp(
        String.raw`^(?:add|attach|put|write|append|leave|set|include)\s+(?:a\s+|the\s+|this\s+|some\s+)?${NOTE}\s+(?:to|on|for|in)\s+(.+?)\s*(?::|\s-\s|,|\s+saying|\s+that\s+says|\s+reading|\s+that)\s*(.+)$`,
        "i",
      ),
      1,
      2,
    ],
    [
      new RegExp(
        String.raw`^(?:set|change|update|edit|make|replace)\s+(?:the\s+)?${NOTE}\s+(?:of|on|for|in)\s+(.+?)\s+(?:to|as|with)\s*:?\s*(.+)$`,
        "i",
      ),
      1,
      2,
    ],
    [new RegExp(String.raw`^(?:set|change|update|edit)\s+(.+?)(?:'s)\s+${NOTE}\s+(?:to|as)\s*:?\s*(.+)$`, "i"), 1, 2],
    [/^describe\s+(.+?)\s+as\s+(.+)$/i, 1, 2],
    [new RegExp(String.raw`^${NOTE}\s+(?:for|on|to)\s+(.+?)\s*[:\-]\s*(.+)$`, "i"), 1, 2],
    [
      new RegExp(
        String.raw`^(?:add|attach|put|write|append)\s+(?:a\s+|the\s+)?${NOTE}\s*[:\-]\s*(.+?)\s+(?:to|on|for)\s+((?:task\s+)?#?\d+)$`,
        "i",
      ),
      2,
      1,
    ],
  ];
  for (const [re, refGroup, valueGroup] of pats) {
    const m = re.exec(t);
    if (!m) continue;
    const value = capitalize(
      m[valueGroup]
        .trim()
        .replace(/^["']|["']$/g, "")
        .replace(/\.+$/, ""),
    );
    return finish(m[refGroup], { description: value }, ctx);
  }
  const clear = new RegExp(
    String.raw`^(?:clear|remove|delete|erase|drop)\s+(?:the\s+)?${NOTE}\s+(?:from|of|on|for)\s+(.+)$`,
    "i",
  ).exec(t);
  if (clear) return finish(clear[1], { description: null }, ctx);
  return null;
}

function rename(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  let ref: string | undefined;
  let value: string | undefined;
  const renameVerb = /^(?:rename|retitle|re-title|re-name)\s+(.+)$/i.exec(t);
  const titleOf =
    /^(?:change|update|edit|set|modify|fix|correct)\s+(?:the\s+)?(?:title|name|wording|text)\s+(?:of|on|for)\s+(.+)$/i.exec(
      t,
    );
  const possessive = /^(?:change|update|edit|set|modify)\s+(.+?)(?:'s|s')\s+(?:title|name)\s+(?:to|as)\s+(.+)$/i.exec(
    t,
  );
  const callIt = /^(?:call|name)\s+(.+?)\s+(?:instead\s+)?["'](.+)["']$/i.exec(t);
  if (renameVerb) {
    const split = splitRefAndValue(renameVerb[1], /\s+(?:to|as|into)\s+/, ctx);
    if (!split) return ask(messages(ctx.language).newName, { ref: renameVerb[1] });
    ({ ref, value } = split);
  } else if (titleOf) {
    const split = splitRefAndValue(titleOf[1], /\s+(?:to|as|into)\s+/, ctx);
    if (!split) return null;
    ({ ref, value } = split);
  } else if (possessive) {
    ref = possessive[1];
    value = possessive[2];
  } else if (callIt) {
    ref = callIt[1];
    value = callIt[2];
  }
  if (ref === undefined || value === undefined) return null;
  const title = tidyTitle(value.replace(/^["']|["']$/g, ""));
  if (!title) return ask(messages(ctx.language).newName, { ref });
  return finish(ref, { title }, ctx, { many: false });
}

const UPDATE_VERB =
  /^(make|set|change|update|edit|modify|mark|flag|move|push|reschedule|re-schedule|postpone|delay|shift|bump|defer|schedule|put|prioriti[sz]e|deprioriti[sz]e|de-prioriti[sz]e|raise|lower|increase|decrease|bring\s+forward|pull\s+forward|move\s+up|push\s+back|push\s+out|give|switch|adjust|extend|snooze|drop|knock\s+down|knock|downgrade|demote|upgrade|promote)\s+(.+)$/i;

const SHIFT =
  /\s+(?:back\s+|out\s+|forward\s+|ahead\s+|up\s+)?(?:by\s+|for\s+|another\s+|an\s+extra\s+)?(a|an|one|another|\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|couple\s+of)\s+(day|week)s?(?:\s+(?:later|earlier|back|forward))?$/i;

function pickDate(rest: string, ctx: Ctx): { rest: string; date: FoundDate | null; invalid: string | null } {
  const scan = findDates(rest, ctx.date);
  if (scan.invalid) {
    const ex = extractDate(rest, ctx.date);
    return { rest: ex.rest, date: null, invalid: scan.invalid.message };
  }
  if (scan.dates.length > 1) {
    // "from Monday to Friday": the target is the one introduced by "to"/"until".
    const target =
      scan.dates.find((d) => /\b(?:to|until|till|for|on|by)\s+$/i.test(rest.slice(0, d.index))) ??
      scan.dates[scan.dates.length - 1];
    // "everything due today to monday": "due today" picks the tasks; it stays in the reference.
    const others = scan.dates.filter((d) => d !== target && !/\bdue\s+$/i.test(rest.slice(0, d.index)));
    let cut = rest;
    for (const d of [target, ...others].sort((a, b) => b.index - a.index)) {
      if (d !== target && !others.includes(d)) continue;
      const before = cut.slice(0, d.index).replace(/(?:\s*\b(?:from|to|until|till|for|on|by|due|at)\s*)+$/i, " ");
      cut = `${before} ${cut.slice(d.end)}`;
    }
    return { rest: cut.replace(/\s+/g, " ").trim(), date: target, invalid: null };
  }
  const ex = extractDate(rest, ctx.date);
  return { rest: ex.rest, date: ex.date, invalid: null };
}

// A task that can wait, or be moved, said with the task first.
const WAITS =
  /^(.+?)\s+(?:(?:can|could|will|should|may|might|has\s+to|have\s+to|is\s+going\s+to)\s+)?(?:wait|slide|slip|keep|be\s+(?:moved|pushed(?:\s+back)?|postponed|bumped|shifted|rescheduled|delayed|put\s+off))\s+(?:till|until|'?til|to|for|(?:un)?til\s+after)\s+(.+)$/i;
const LET_WAIT = /^let\s+(.+?)\s+(?:wait|slide|slip)\s+(?:till|until|'?til|to)\s+(.+)$/i;

/** Whether a phrase starts as a report of something done ("I paid …", "watered the …"), not as a task's name. */
function reportsDeed(phrase: string): boolean {
  const first = phrase.trim().split(/\s+/)[0] ?? "";
  return /^(?:i|we)$/i.test(first) || !!baseOfPastVerb(first);
}

function modifierUpdate(ctx: Ctx): Interpretation | null {
  let t = ctx.text;
  // "add a deadline of Friday to the report", "the due date for task 3 is Friday"
  t = t
    .replace(/^(?:add|put|attach)\s+(?=(?:a\s+|the\s+)?(?:due[\s-]*date|deadline)\b)/i, "set ")
    .replace(
      /^(?:the\s+)?(?:due[\s-]*date|deadline)\s+(?:for|of|on)\s+(.+?)\s+(?:is|should\s+be|will\s+be|becomes)\s+/i,
      "set $1 to ",
    );
  // "X is due Friday", "X should be high priority"
  t = t.replace(/\s*[,;]\s*(?:please\s+)?(?:change|update|fix|correct)\s+(?:the|its|that)\s+(?:due\s+)?date$/i, "");
  const subj =
    /^(.+?)\s+(?:is|was|should\s+be|should\s+have\s+been|needs\s+to\s+be|must\s+be|has\s+to\s+be|will\s+be)\s+(?:now\s+|actually\s+|really\s+)?((?:due|a\s+|an\s+|high|low|medium|urgent|important|tagged).+)$/i.exec(
      t,
    );
  let verb: string;
  let rest: string;
  let strictRef = false;
  const verbed = UPDATE_VERB.exec(t);
  // "watered the tomatoes and the bins can wait": a report leads; that is two thoughts (interpret.ts), not one subject.
  const waited = verbed ? null : (LET_WAIT.exec(t) ?? WAITS.exec(t));
  const waits = waited && !reportsDeed(waited[1]!) ? waited : null;
  if (verbed) {
    verb = verbed[1].toLowerCase();
    rest = verbed[2];
  } else if (waits) {
    // "the squeaky door can wait till saturday", "let the report slide to monday": a move of that task.
    verb = "move";
    rest = `${waits[1]} to ${waits[2]}`;
    strictRef = true;
  } else if (subj) {
    verb = "be";
    rest = `${subj[1]} ${subj[2]}`;
    strictRef = true;
  } else return null;

  const change: Change = {};
  if (/^prioriti[sz]e$/.test(verb) || /^(?:raise|increase)$/.test(verb)) change.priority = "high";
  if (/^(?:de-?prioriti[sz]e|lower|decrease|downgrade|demote)$/.test(verb)) change.priority = "low";
  if (/^(?:upgrade|promote)$/.test(verb)) change.priority = "high";
  // "drop the report to low priority", "knock it down to medium": only a priority; "drop X" alone deletes.
  const priorityOnly = /^(?:drop|knock(?:\s+down)?)$/.test(verb);
  if (priorityOnly) rest = rest.replace(/^(.+?)\s+down(?=\s+to\b)/i, "$1");
  rest = rest.replace(/^(?:the\s+)?(?:priority|importance)\s+(?:of|on|for)\s+/i, "");
  rest = rest.replace(/(?:'s|s')\s+priority\b/i, "");

  // "a due date of Friday for X", "X a deadline of Friday"
  rest = rest
    .replace(/(?:^|\s)(?:a|the|its)\s+(?:new\s+)?(?:due[\s-]*date|deadline)(?:\s+(?:of|to|for|on|at))?(?=\s)/i, " ")
    .trim();
  // "the due date of X to Y", "X's deadline to Y"
  rest = rest.replace(/^(?:the\s+)?(?:due[\s-]*date|deadline|date|due|time)\s+(?:of|on|for)\s+/i, "");
  rest = rest.replace(/(?:'s|s')\s+(?:due[\s-]*date|deadline|date|time)\b/i, "");

  // "and set it to low priority" joins a second change on the same task.
  rest = rest.replace(
    /\s*,?\s+and\s+(?:also\s+)?(?:make|set|mark|change|move|push|tag|give|put)\s+(?:it|that|them)\b/gi,
    " and ",
  );

  const pr = extractPriority(rest);
  if (pr.value && !change.priority) change.priority = pr.value;
  rest = pr.rest;
  const pr2 = /\s+(?:to|as)\s+(high|low|medium|normal|urgent|important)$/i.exec(rest);
  if (pr2 && !change.priority) {
    change.priority = pr2[1].toLowerCase() === "low" ? "low" : /medium|normal/i.test(pr2[1]) ? "medium" : "high";
    rest = rest.slice(0, pr2.index);
  }
  const tg = extractTags(rest);
  if (tg.value) {
    change.addTags = tg.value;
    rest = tg.rest;
  }

  const isMove =
    /^(?:move|push|reschedule|re-schedule|postpone|delay|shift|bump|defer|bring\s+forward|pull\s+forward|move\s+up|push\s+back|push\s+out|extend|snooze)$/.test(
      verb,
    );
  const sh = SHIFT.exec(rest);
  if (sh && (isMove || /\bby\b/.test(sh[0]))) {
    const nWord = sh[1].toLowerCase().replace(/^a\s+couple\s+of$|^couple\s+of$/, "two");
    const n = /^\d+$/.test(nWord) ? +nWord : (NUMBER_WORDS[nWord] ?? (nWord === "another" ? 1 : 1));
    const days = n * (sh[2].toLowerCase() === "week" ? 7 : 1);
    const back =
      /^(?:bring\s+forward|pull\s+forward|move\s+up)$/.test(verb) || /\b(?:earlier|forward|ahead|up)\b/i.test(sh[0]);
    change.shiftDays = back ? -days : days;
    rest = rest.slice(0, sh.index);
  } else {
    // "everything due today to monday": "due today" chooses the tasks; only "monday" is the change.
    const guarded = rest.replace(
      /\bdue\s+(today|tomorrow|this\s+week)\b/gi,
      (_m, w: string) => `due_${w.replace(/\s+/g, "_")}`,
    );
    const d = pickDate(guarded, ctx);
    d.rest = d.rest.replace(/\bdue_(\w+)/g, (_m, w: string) => `due ${w.replace(/_/g, " ")}`);
    if (d.invalid) return ask(messages(ctx.language).whichDate(d.invalid), { ref: cleanRefPhrase(d.rest) }, 0.7);
    const time = d.date ? timeOnlyOf(d.date) : null;
    if (time) {
      change.timeOnly = time;
      rest = d.rest;
    } else if (d.date) {
      change.dueDate = (d.date.until ?? d.date).value;
      rest = d.rest;
    } else if (isMove && /\b(?:to\s+)?(?:later|some\s*other\s+time|another\s+day)$/i.test(rest)) {
      return ask(messages(ctx.language).moveWhen, { ref: cleanRefPhrase(rest) }, 0.6);
    }
  }

  if (priorityOnly && (!change.priority || Object.keys(change).length > 1)) return null;
  const hasChange = Object.keys(change).length > 0;
  if (!hasChange) {
    // "change 'Call mom' to 'Call mom and dad'": no modifier, so a new title.
    if (/^(?:change|update|edit|modify|switch)$/.test(verb)) {
      const split = splitRefAndValue(rest, /\s+(?:to|into)\s+/, ctx);
      if (split) {
        const out = resolveOne(split.ref, ctx.tasks, { history: ctx.history, override: ctx.override });
        const title = tidyTitle(split.value.replace(/^["']|["']$/g, ""));
        if (out.kind === "one" && !out.partial && title) return finish(split.ref, { title }, ctx, { many: false });
      }
    }
    // "move task 3", "update the report": the task is clear, the change is not.
    if (isMove || /^(?:change|update|edit|modify|adjust)$/.test(verb)) {
      const out = resolveOne(rest, ctx.tasks, { history: ctx.history, override: ctx.override });
      if (out.kind === "one" && !out.partial) {
        const label = `#${out.task.number} ${out.task.title}`;
        return ask(
          isMove ? messages(ctx.language).moveTaskWhen(label) : messages(ctx.language).whatToChange(label),
          { tasks: [out.task.number], ref: cleanRefPhrase(rest) },
          0.6,
        );
      }
      if (isMove && out.kind !== "one")
        return clarifyReference(out, "move", { ref: cleanRefPhrase(rest) }, ctx.language);
    }
    return null;
  }

  let ref = rest
    .replace(/^(?:for|to|on|of)\s+/i, "")
    .replace(/\s+(?:to|as|for|until|till|by|on|and|with|at|into|back|out|up|forward|due|in)$/gi, "")
    .replace(/\s+(?:to|as|for|and)\s*$/i, "")
    .replace(/^(?:to|as)\s+/i, "")
    .trim();
  ref = ref.replace(/[,;]+$/, "").trim();
  // "schedule a call for Friday" is a new task, not a change.
  if (/^(?:a|an|another|new|some)\s/i.test(ref)) return null;
  const strict = strictRef || /^(?:schedule|put|set|make|give|mark|flag|switch|be)$/.test(verb);
  return finish(ref || "it", change, ctx, { strict: strict && !!ref && !/^(?:it|that|this)$/i.test(ref) });
}

export function update(ctx: Ctx): Interpretation | null {
  const text = withoutRebuttal(ctx.text);
  if (text !== ctx.text) ctx = { ...ctx, text, lower: text.toLowerCase() };
  return clearDue(ctx) ?? removeTags(ctx) ?? description(ctx) ?? addTags(ctx) ?? rename(ctx) ?? modifierUpdate(ctx);
}
