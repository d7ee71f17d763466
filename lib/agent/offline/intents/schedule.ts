// Changes to when a task repeats or reminds (contract v2): "stop repeating the yoga class",
// "make it monthly instead", "make it repeat every 3 weeks", "remind me at 7pm
// about it", "remind me 2 hours before the meeting with omar", "cancel the reminder".
import { clarifyReference, result, type Ctx } from "../context";
import { extractRepeat } from "../recurrence";
import { OFFSET, offsetMinutes, remindBefore, reminderFromDate, isTimeOnly } from "../reminders";
import { extractDate } from "../dates";
import { isPluralRef, pluralCount, resolveOne, resolveSeveral } from "../references";
import { formatDue, formatDueIn } from "../format";
import { dayInZone, isoDateTime, wallOf } from "@/lib/time/zone";
import type { Interpretation, TaskSnapshot } from "../types";
import { messages, type Action } from "../messages";
import { NOUN_DELETE_VERBS } from "../lexicon";

const STOP_REPEAT =
  /^(?:stop|quit|don'?t\s+keep|no\s+longer|never\s+mind)\s+(?:repeating|recurring)\s*(.*)$|^(?:don'?t|do\s+not)\s+repeat\s*(.*?)(?:\s+any\s*more)?$|^(?:make|set)\s+(.+?)\s+(?:not\s+repeat(?:ing)?|(?:a\s+)?one[- ]off|(?:a\s+)?one[- ]time(?:\s+(?:task|thing))?|non[- ]recurring)$|^(?:remove|clear|delete|cancel|drop|turn\s+off|switch\s+off|get\s+rid\s+of)\s+(?:the\s+|its\s+)?(?:repeat|recurrence|repetition)s?(?:\s+(?:from|on|of|for)\s+(.+))?$|^(?:stop|keep)\s+(.+?)\s+from\s+(?:repeating|recurring)(?:\s+(?:every|each)\s+\w+|\s+(?:daily|weekly|monthly))?(?:\s+any\s*more)?$|^(.+?)\s+(?:doesn'?t|don'?t|does\s+not|do\s+not|no\s+longer|won'?t|shouldn'?t)\s+(?:need\s+to\s+|have\s+to\s+)?(?:repeat|recur)(?:\s+any\s*more|\s+now|\s+after\s+all)?$/i;
const TOPIC_REPEAT =
  /^(.{3,}?)\s*[,:–—-]\s*(?:it|that|this|c'est|es|ist|das\s+ist)(?:'s|\s+is|\s+should\s+be)?\s+(?:actually\s+|really\s+|only\s+|just\s+)*((?:every|each|daily|weekly|fortnightly|bi-?weekly|monthly|yearly|annually)\b.*)$/i;
const SET_REPEAT =
  /^(?:make|set|change|have|put)\s+(?!(?:up\s+)?(?:a|an)\s+(?:new\s+)?(?:recurring|repeating)\b)(.+?)\s+(?:to\s+)?(?:repeat\s+|recur\s+)?((?:on\s+the|every|each|daily|weekly|fortnightly|bi-?weekly|monthly|yearly|annually|on\s+\w+days).*?)(?:\s+instead(?:\s+of\s+(?:just\s+|only\s+)?(?:on\s+)?(?:every\s+)?[a-z]+)?)?$|^(?:let'?s\s+)?(?:make\s+)?(it|that|this)\s+repeat\s+(.+?)(?:\s+(?:instead|then))?$|^repeat\s+(.+?)\s+((?:every|each|daily|weekly|monthly|on\s+the).*)$|^(?:(?:hmm+|ok|so|well|actually)[\s,]+)*(.+?)\s+(?:(?:only|really|just)\s+)?(?:(?:should|needs\s+to|has\s+to|must|will|is\s+going\s+to|is\s+supposed\s+to)\s+(?:repeat|recur|happen)|needs?\s+(?:doing|done|to\s+be\s+done))\s+((?:every|each|daily|weekly|monthly|yearly|annually|fortnightly|on\s+\w+days|on\s+the).*?)(?:\s+(?:instead|tbh|honestly|from\s+now\s+on|going\s+forward))?$|^(it|that|this)(?:'s|\s+is|\s+should\s+be)\s+((?:every|each|daily|weekly|monthly|yearly|annually|fortnightly).*?)(?:,?\s+not\s+(?:every|each|daily|weekly|monthly|yearly).*)?$|^((?:every|each|once|twice|daily|weekly|fortnightly|monthly)\b.*?)\s+(?:is|'s|would\s+be|should\s+be|will\s+be)\s+(?:enough|fine|plenty|better|ok|okay|good)$/i;
// "scrap the reminder": the deleting verbs that are also nouns delete too, said of a reminder.
const CANCEL_REMINDER = new RegExp(
  String.raw`^(?:cancel|remove|delete|clear|drop|turn\s+off|get\s+rid\s+of|no|${NOUN_DELETE_VERBS.join("|")})\s+(?:the\s+|my\s+|that\s+)?reminders?(?:\s+(?:for|on|of|about|from|de|del|du|des|pour|para|für|von|vom|zum|zur)\s+(.+))?$|^(?:don'?t|do\s+not)\s+remind\s+me(?:\s+about\s+(.+?))?(?:\s+any\s*more)?$|^(?:take|get)\s+(?:the\s+|my\s+|that\s+)?reminders?\s+off(?:\s+(?:of\s+)?(.+))?$|^(.+?)\s+(?:doesn'?t|don'?t|does\s+not|do\s+not)\s+need\s+(?:a\s+|the\s+|any\s+)?reminders?(?:\s+any\s*more|\s+now)?$`,
  "i",
);

const TOPIC_REMIND = new RegExp(
  String.raw`^(.+?)\s*(?:[,;:]|\s[-–—])\s*(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+)?remind\s+me\s+(${OFFSET})$`,
  "i",
);

function target(phrase: string | undefined, ctx: Ctx, action: Action): TaskSnapshot | Interpretation {
  const out = resolveOne(phrase?.trim() || "it", ctx.tasks, { history: ctx.history, override: ctx.override });
  return out.kind === "one" ? out.task : clarifyReference(out, action, {}, ctx.language);
}

const isTask = (x: TaskSnapshot | Interpretation): x is TaskSnapshot => "number" in x;

/** The task's rule set to what the phrase says in full ("every other week": on the day it is due), or null. */
function newRepeat(task: TaskSnapshot, phrase: string, ctx: Ctx): Interpretation | null {
  const anchor = task.dueDate ? (dayInZone(task.dueDate, ctx.date.timeZone) ?? undefined) : undefined;
  const rep = extractRepeat(phrase, ctx.date, anchor);
  return rep && !rep.rest ? update(task, { repeat: rep.rule }, "update_task") : null;
}

function update(task: TaskSnapshot, input: Record<string, unknown>, intent: string): Interpretation {
  return result(
    intent,
    [{ tool: "update_task", input: { task: task.number, ...input } }],
    { tasks: [task.number], ...input },
    0.85,
  );
}

// "no, …", "hmm nope, …" in front of a new command: the command is what counts.
const REBUTTAL =
  /^(?:(?:no|nope|nah|wait|sorry|oops|actually|instead)\b[\s,.!;:-]*)+(?=(?:make|set|change|move|push|put|have|stop|don'?t|do\s+not|cancel|remove|clear|delete|drop|remind|ping|nudge|let'?s|just|only|repeat)\b)/i;

/** The message without a leading "no, " or "actually, " that only rejects what came before. */
export function withoutRebuttal(text: string): string {
  return text
    .replace(REBUTTAL, "")
    .replace(/^just\s+/i, "")
    .trim();
}

const SO_I_CAN = /\s+so\s+(?:that\s+)?(?:i|we)\s+(?:can|could|have\s+time\s+to|remember\s+to)\s+.+$/i;
// Asking for a reminder: "remind me …", "ping me …", "set a reminder …".
const REMIND =
  /^(?:(?:remind|ping|nudge|alert|notify|buzz)\s+me|(?:set|add|put|create|schedule|give\s+(?:me|it|them)|i\s+(?:want|need)|i'd\s+like|i\s+would\s+like)\s+(?:me\s+)?(?:a|an|the)\s+reminder)\s+(.+)$/i;

export function schedule(ctx: Ctx): Interpretation | null {
  // "remind me about it wednesday at 6pm so I can charge the batteries": why is no part of it.
  const t = withoutRebuttal(ctx.text).replace(SO_I_CAN, "");
  let m: RegExpExecArray | null;

  // "… shouldn't repeat after all, the mill keeps changing their days": why, after a comma, is no part of it.
  m = STOP_REPEAT.exec(t) ?? STOP_REPEAT.exec(t.replace(/\s*,\s*[^,]+$/, ""));
  if (m) {
    const task = target(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6], ctx, "stop repeating");
    return isTask(task) ? update(task, { repeat: null }, "update_task") : task;
  }
  m = CANCEL_REMINDER.exec(t);
  if (m) {
    const task = target(m[1] ?? m[2] ?? m[3] ?? m[4], ctx, "remove the reminder from");
    return isTask(task) ? update(task, { remindAt: null }, "update_task") : task;
  }
  // "cat feeding at 6 tonight - can u remind me 15 min before": a task named (its time said again),
  // then a reminder ahead of it. Only a task we have: "call mom at 5, remind me an hour before" is new.
  m = TOPIC_REMIND.exec(t);
  if (m) {
    const topic = extractDate(m[1]!, ctx.date);
    const named = resolveOne(topic.rest, ctx.tasks, { history: ctx.history });
    const due = named.kind === "one" && !named.partial ? named.task.dueDate : null;
    // The time said again must be the task's own; another time is a change (or another task).
    const said = topic.date;
    const same =
      !said ||
      !due ||
      (said.hasTime ? Date.parse(said.value) === Date.parse(due) : due.startsWith(said.value.slice(0, 10)));
    const at = due && same ? remindBefore(due, m[2]!, null, ctx.date.timeZone) : null;
    if (named.kind === "one" && at) return update(named.task, { remindAt: at }, "update_task");
  }
  // "the committee, it's actually every other week": the task named, then how often it really is.
  m = TOPIC_REPEAT.exec(t);
  if (m) {
    const out = resolveOne(m[1]!, ctx.tasks, { history: ctx.history });
    const changed = out.kind === "one" && !out.partial ? newRepeat(out.task, m[2]!, ctx) : null;
    if (changed) return changed;
  }
  // Only a phrase that really is a repeat ("set a reminder for 10 on the day" is not one).
  // "put it every week" (a foreign "ponla cada semana"); "put the bins out every thursday" is a new task.
  m = SET_REPEAT.exec(t);
  if (
    m &&
    !/^put\s+(?!(?:it|that|this)\s)/i.test(t) &&
    ((p) => !!p && extractRepeat(p, ctx.date)?.rest === "")(m[2] ?? m[4] ?? m[6] ?? m[8] ?? m[10] ?? m[11])
  ) {
    const ref = m[1] ?? m[3] ?? m[5] ?? m[7] ?? m[9];
    // "every other week is enough": a new repeat for the task just talked about.
    const phrase = m[2] ?? m[4] ?? m[6] ?? m[8] ?? m[10] ?? m[11];
    // "the standup should happen every weekday", "have the kids tidy up every saturday": a task only if one is named.
    const soft = m[7] !== undefined || /^have\s/i.test(t);
    if (soft && resolveOne(ref ?? "it", ctx.tasks, { history: ctx.history, override: ctx.override }).kind !== "one")
      return null;
    const task = target(ref, ctx, "repeat");
    if (!isTask(task) || !phrase) return isTask(task) ? null : task;
    return newRepeat(task, phrase, ctx);
  }

  // "make that 6", "change it to 6:45": a new time of day for the task we just talked about.
  m =
    /^(?:make|change|move|set)\s+(?:it|that|this)\s+(?:to\s+)?(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s+instead)?$/i.exec(
      t,
    );
  if (m) {
    const task = target("it", ctx, "change");
    if (!isTask(task)) return task;
    if (!task.dueDate || !/T/.test(task.dueDate)) return null;
    const w = wallOf(new Date(task.dueDate), ctx.date.timeZone);
    const minute = m[2] ? +m[2] : 0;
    const hour = m[3] ? (+m[1]! % 12) + (/^p/i.test(m[3]) ? 12 : 0) : nearestHour(+m[1]!, minute, w);
    if (hour > 23) return null;
    return update(
      task,
      { dueDate: isoDateTime({ year: w.year, month: w.month, day: w.day, hour, minute }, ctx.date.timeZone) },
      "update_task",
    );
  }

  // Reminders on an existing task.
  const r = REMIND.exec(t);
  if (!r) {
    // "and 10 minutes before the second one": a reminder offset said on its own.
    const bare = new RegExp(`^(?:and\\s+)?(?:also\\s+)?(${OFFSET})(?:\\s*,?\\s+(.+))?$`, "i").exec(t);
    if (!bare) return null;
    return offsetReminder(bare[1]!, bare[2] ?? "", ctx);
  }
  const spec = r[1]!;
  // "an hour before", "about the dentist an hour before", "the night before at 8pm".
  const off = new RegExp(`(?:^|\\s)(${OFFSET})(?=$|[\\s,])`, "i").exec(spec);
  if (off)
    return offsetReminder(off[1]!, `${spec.slice(0, off.index)} ${spec.slice(off.index + off[0].length)}`.trim(), ctx);
  // "at 7pm about it", "about the Rome hotel tomorrow at 7am", "friday afternoon about the gas bill", "at 10am on the day".
  // "at 8am that day", "at 10 on the day": a clock time on the task's own day.
  const ex = extractDate(spec.replace(/\s+(?:on\s+)?(?:that|the\s+same|the)\s+day$/i, ""), ctx.date);
  if (!ex.date) return null;
  const ref = reminderRef(ex.rest);
  if (ref === null) return null;
  const tasks = reminderTargets(ref, ctx, false);
  if (!Array.isArray(tasks)) return tasks;
  const when = ex.date;
  return updates(tasks.map((task) => [task, { remindAt: reminderFromDate(when, task.dueDate, ctx.date) }]));
}

/**
 * A clock time said without am/pm for a task already due at a time: the one of the two readings
 * nearest its current time ("change it to 6:45" on a 7am task is 6:45 in the morning), but never the
 * small hours unless the task is already there.
 */
export function nearestHour(said: number, minute: number, current: { hour: number; minute: number }): number {
  if (said > 12) return said;
  const am = said % 12;
  const cur = current.hour * 60 + current.minute;
  const a = am * 60 + minute;
  const p = a + 720;
  if (am < 6 && current.hour >= 6) return am + 12;
  return Math.abs(p - cur) < Math.abs(a - cur) ? am + 12 : am;
}

/** What is left of a reminder request once its moment is cut: the task's words, "" for "it", or null (not a task: "to call mom"). */
function reminderRef(rest: string): string | null {
  let r = rest
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[,;:\s]+|[,;:\s]+$/g, "")
    .replace(/^(?:to|about|of|for|too|also|as\s+well)$/i, "");
  r = r
    .replace(/^(?:(?:on\s+)?(?:that|the\s+same|the)\s+day|then)$/i, "")
    .replace(/\s+(?:(?:on\s+)?(?:that|the\s+same)\s+day|then|too|as\s+well)$/i, "");
  // "to call mom" is a new task; "to task 3", "to the pasaporte one" (a foreign "recuérdame la …") name one.
  if (
    /^to\s+(?!(?:the\s+)?task\b|(?:the|el|la|los|las|le|les|l'|der|die|das|den|dem)\s)/i.test(r) ||
    /^that\s+/i.test(r)
  )
    return null;
  r = r
    .replace(/^(?:about|of|for|regarding|re|on|to|with)\s+/i, "")
    .replace(/^(?:the\s+)?due\s+(?:date|time)\s+(?:of|for)\s+/i, "");
  return r.trim();
}

/**
 * The task(s) a reminder is for: "it"/nothing → the task(s) just talked about, "both"/"them" →
 * those tasks, else the task the words name. With no offset, words that name no task are not a
 * reminder change (null: "remind me about the school run tomorrow" is a new task).
 */
function reminderTargets(ref: string, ctx: Ctx, offset: boolean): TaskSnapshot[] | Interpretation | null {
  const opts = { history: ctx.history, override: ctx.override };
  // Several tasks at once: "remind me about both of them 20 minutes before".
  if (isPluralRef(ref)) {
    const outs = resolveSeveral(ref, ctx.tasks, opts);
    const bad = outs.find((o): o is Exclude<typeof o, { kind: "one" }> => o.kind !== "one");
    if (bad) return clarifyReference(bad, "remind you about", {}, ctx.language);
    const tasks = outs.flatMap((o) => (o.kind === "one" ? [o.task] : []));
    const count = pluralCount(ref);
    if (count !== null && tasks.length !== count) return null;
    return tasks.length ? tasks : null;
  }
  // "the vet appointment and the car insurance": each task named.
  if (/\s(?:and|&)\s|,/.test(ref)) {
    const outs = resolveSeveral(ref, ctx.tasks, opts);
    if (outs.length > 1 && outs.every((o) => o.kind === "one" && !o.partial))
      return outs.flatMap((o) => (o.kind === "one" ? [o.task] : []));
  }
  const out = resolveOne(ref || "it", ctx.tasks, opts);
  if (out.kind === "one") return out.partial && !offset ? null : [out.task];
  // "remind me at 3pm" with nothing talked about yet: a new reminder (add.ts asks what for).
  if (!ref && out.kind === "none" && !offset) return null;
  if (!offset && ref && out.kind === "none" && out.reason !== "no_referent" && out.reason !== "unknown_number")
    return null;
  return clarifyReference(out, "remind you about", {}, ctx.language);
}

function updates(changes: Array<[TaskSnapshot, Record<string, unknown>]>): Interpretation {
  const calls = changes.map(([task, input]) => ({
    tool: "update_task" as const,
    input: { task: task.number, ...input },
  }));
  return result(
    "update_task",
    calls,
    { tasks: changes.map(([t]) => t.number), ...(changes.length === 1 ? changes[0]![1] : {}) },
    0.85,
  );
}

function offsetReminder(offset: string, other: string, ctx: Ctx): Interpretation | null {
  if (offsetMinutes(offset) === null) return null;
  // A clock time said with the offset ("the day before at 8pm"); the rest names the task.
  let time: { hour: number; minute: number } | null = null;
  let rest = other;
  const ex = extractDate(other, ctx.date);
  if (ex.date?.hasTime && ex.date.wall && isTimeOnly(ex.date.text)) {
    time = { hour: ex.date.wall.hour, minute: ex.date.wall.minute };
    rest = ex.rest;
  }
  const ref = reminderRef(rest);
  if (ref === null) return null;
  const tasks = reminderTargets(ref, ctx, true);
  if (!Array.isArray(tasks)) return tasks;
  const changes: Array<[TaskSnapshot, Record<string, unknown>]> = [];
  for (const task of tasks) {
    if (!task.dueDate)
      return result("clarify", [], { tasks: [task.number] }, 0.5, messages(ctx.language).noDueYet(task.title));
    const at = remindBefore(task.dueDate, offset, time, ctx.date.timeZone);
    // "2 hours before" a task due on a day with no time: ask for the time rather than guess one.
    if (!at) {
      const when = /^\s*(?:an?|one)\s+/i.test(offset)
        ? offset
        : offset.replace(/\s+(?:earlier|ahead|prior)$/i, " before");
      return result(
        "clarify",
        [],
        { tasks: [task.number], reminder: offset },
        0.6,
        reminderTimeQuestion(task.title, task.dueDate, when, ctx),
      );
    }
    changes.push([task, { remindAt: at }]);
  }
  return updates(changes);
}

/** "X is due <day> with no time. What time is it, so I can remind you 2 hours before?" */
function reminderTimeQuestion(title: string, due: string, spec: string, ctx: Ctx): string {
  const lang = ctx.language;
  const day = lang === "en" ? formatDue(due, true, ctx.date) : formatDueIn(due, true, ctx.date, lang);
  // The English sentence says "is due"; the table's says "would be due" (it is for a new task).
  return lang === "en"
    ? `${title} is due ${day} with no time. What time is it, so I can remind you ${spec}?`
    : messages(lang).reminderTime(title, day, spec);
}
