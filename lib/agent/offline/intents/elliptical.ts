// Elliptical follow-ups: right after a change, a message made only of what to change next is
// about the task(s) that change touched — "at 10am", "high priority too", "due on the 12th",
// "also put him high priority", "make that 1 hour before", "actually milk 2day" (the task named
// by a word of its title). Nothing is read when any other word is left over.
import { result, type Ctx } from "../context";
import { dialogueState } from "../dialogue";
import { extractDate } from "../dates";
import { extractPriority, extractTags } from "../modifiers";
import { repeatRuleOnly } from "../recurrence";
import { OFFSET, remindBefore, remindFromSpec } from "../reminders";
import { resolveOne } from "../references";
import { ORDINAL_REF } from "@/lib/tasks/match";
import type { Interpretation, TaskSnapshot, ToolCall } from "../types";
import { dueFor } from "./update-calls";
import { dayInZone, isoDateTime, wallOf } from "@/lib/time/zone";
import { buildAdds } from "./add";
import { TODO_VERBS } from "../text";
import { COMMAND_LEADS } from "../lexicon";

const LEAD = /^(?:(?:also|and|plus|oh|actually|instead|then|so|ok(?:ay)?|sorry|oops|no|wait|please)\b[\s,.!-]*)+/i;
const TAIL = /(?:[\s,]+(?:too|as\s+well|also|instead|then|please|pls|for\s+it|for\s+that))+$/i;
// Words that only glue the change on: "make it", "put him", "set that to", "due on", "for".
const GLUE =
  /\b(?:make|put|set|change|have|give)\s+(?:it|that|this|him|her|them|those)\b|\b(?:make|put|set)\s+(?=\S)|\b(?:it|that)'?s\b|\b(?:due|on|at|by|for|to|as|with|the|a|and)\b|[,;:]/gi;
const REMIND_OFFSET = new RegExp(
  String.raw`^(?:(?:make|put|set|change)\s+(?:it|that|the\s+reminder)\s+(?:to\s+)?)?(?:remind\s+me\s+)?(${OFFSET})(?:\s+(?:it|that|then))?$`,
  "i",
);

const REMINDER_CLOCK =
  /^(?:(?:make|change|move|set|put|push)\s+)?(?:the\s+|my\s+)?(?:reminder|alarm|ping|nudge)\s+(?:to\s+|for\s+|at\s+)?(\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?)$/i;
const BARE_LENGTH =
  /^(?:(?:make|set|change)\s+(?:it|that)\s+(?:to\s+)?)?(?:\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty-five)\s+(?:minutes?|mins?|hours?|days?)$/i;
// "and for the race itself, the night before at 9": the offset may carry its clock time.
const NAMED_OFFSET = new RegExp(
  String.raw`^(?:for\s+)?(.+?)[\s,]+(?:remind\s+me\s+)?(${OFFSET}(?:\s+at\s+\d{1,2}(?::\d\d)?(?:\s*[ap]m)?)?)$`,
  "i",
);

export function elliptical(ctx: Ctx): Interpretation | null {
  const state = dialogueState(ctx.history);
  const change = state.lastChange;
  if (!change || !state.changeIsLatest || ctx.question) return null;
  const touched = change.touched
    .map((n) => ctx.tasks.find((t) => t.number === n))
    .filter((t): t is TaskSnapshot => !!t && t.status === "pending");
  if (!touched.length) return null;
  let text = ctx.text.replace(LEAD, "").replace(TAIL, "").trim();
  if (!text) return null;
  const more = sameDeed(change, text, ctx) ?? sameShape(change, text, ctx);
  if (more) return more;

  // "make that 1 hour before": the reminder, moved; "make it 2 hours" right after a reminder was set says the same.
  if (change.calls.some((c) => c.input.remindAt)) text = text.replace(BARE_LENGTH, "$& before");
  const offset = REMIND_OFFSET.exec(text);
  if (offset) {
    const calls = touched.flatMap((t): ToolCall[] => {
      const at = t.dueDate ? remindBefore(t.dueDate, offset[1]!, null, ctx.date.timeZone) : null;
      return at ? [{ tool: "update_task", input: { task: t.number, remindAt: at } }] : [];
    });
    return calls.length === touched.length
      ? result("update_task", calls, { tasks: touched.map((t) => t.number), elliptical: true }, 0.75)
      : null;
  }

  // "actually make the reminder 9pm": the reminder just set, at another time on its day.
  const clock = REMINDER_CLOCK.exec(text);
  if (clock) {
    const set = change.calls.filter((c) => typeof c.input.remindAt === "string" && typeof c.input.task === "number");
    const found = extractDate(clock[1]!, ctx.date);
    const time = found.date;
    if (!set.length || !time?.hasTime || !time.wall || found.rest) return null;
    const calls = set.map((c): ToolCall => {
      const day = wallOf(new Date(String(c.input.remindAt)), ctx.date.timeZone);
      const at = isoDateTime({ ...day, hour: time.wall!.hour, minute: time.wall!.minute }, ctx.date.timeZone);
      return { tool: "update_task", input: { task: c.input.task, remindAt: at } };
    });
    return result("update_task", calls, { elliptical: true }, 0.75);
  }

  // "and the other one 30 min before": another task, reminded the same way before its own time.
  const named = NAMED_OFFSET.exec(text);
  if (named) {
    const out = resolveOne(named[1]!, ctx.tasks, { history: ctx.history });
    const task = out.kind === "one" && out.task.status === "pending" ? out.task : null;
    const at = task?.dueDate ? remindFromSpec(named[2]!, task.dueDate, ctx.date) : null;
    return task && at
      ? result(
          "update_task",
          [{ tool: "update_task", input: { task: task.number, remindAt: at } }],
          { elliptical: true },
          0.75,
        )
      : null;
  }

  const narrowed = repeatNarrowed(text, change, touched, ctx);
  if (narrowed) return narrowed;

  const input: Record<string, unknown> = {};
  const priority = extractPriority(text);
  if (priority.value) [input.priority, text] = [priority.value, priority.rest];
  const tags = extractTags(text);
  if (tags.value) [input.addTags, text] = [tags.value, tags.rest];
  // "every other week": on the day the task is due, as said of it.
  const due = touched.length === 1 && touched[0]!.dueDate ? dayInZone(touched[0]!.dueDate, ctx.date.timeZone) : null;
  const repeat = repeatRuleOnly(text, ctx.date, due ?? undefined);
  if (repeat) [input.repeat, text] = [repeat.rule, repeat.rest];
  const found = repeat ? null : extractDate(text, ctx.date);
  if (found?.date) text = found.rest;
  if (!Object.keys(input).length && !found?.date) return null;

  // What is left names the task ("milk") or nothing at all.
  let targets = touched;
  const left = text
    .replace(GLUE, " ")
    .replace(/\b(?:too|also)\b/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (left) {
    const out = resolveOne(left, touched, { history: ctx.history });
    if (out.kind === "one" && out.via === "title" && !out.partial) targets = [out.task];
    else {
      // "and the third one too, to monday": another task of the list shown, changed the same way;
      // "and the jacket on saturday": another task named whole by its title, said as one more of the same.
      const more = ORDINAL_REF.test(left) || /^\W*(?:and|also|plus)\b/i.test(ctx.typed);
      const listed = more ? resolveOne(left, ctx.tasks, { history: ctx.history }) : null;
      if (listed?.kind !== "one" || listed.task.status !== "pending") return null;
      if (!ORDINAL_REF.test(left) && (listed.via !== "title" || listed.partial)) return null;
      targets = [listed.task];
    }
  }
  const calls = targets.map((t): ToolCall => {
    const own: Record<string, unknown> = { task: t.number, ...input };
    if (found?.date) own.dueDate = dueFor(t, found.date, ctx.date.timeZone);
    return { tool: "update_task", input: own };
  });
  return result("update_task", calls, { tasks: targets.map((t) => t.number), elliptical: true }, 0.75);
}

const DAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?`;
const DAYS = String.raw`(?:weekdays|weekends|${DAY}(?:\s*(?:,|and|&|\+)\s*${DAY})*)`;
const DAY_PL = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s`;
// "mondays only", "just weekdays", "only on tuesdays and thursdays", "make it mondays only", and days said
// in the plural alone ("tuesdays and thursdays": "just" is filler the context already dropped).
const DAYS_ONLY = new RegExp(
  String.raw`^(?:hmm+[\s,]*)?(?:make\s+it\s+|so\s+)?(?:(?:just|only)\s+(?:on\s+)?(${DAYS})|(?:on\s+)?(${DAYS})\s+only|(weekdays|weekends|${DAY_PL}(?:\s*(?:,|and|&|\+)\s*${DAY_PL})*))(?:[\s,]+(?:actually|instead|then|please))*$`,
  "i",
);
// "drop the wednesday, mondays only": the day dropped, said before the days kept.
const DROPPED_DAY = new RegExp(String.raw`^(?:drop|skip|lose|no|not|without)\s+(?:the\s+)?${DAY}\s*[,;]?\s*`, "i");

/** A repeating task the last change touched, its days narrowed: "mondays only" after "every monday and wednesday". */
function repeatNarrowed(text: string, change: { results: unknown[] }, touched: TaskSnapshot[], ctx: Ctx) {
  const m = DAYS_ONLY.exec(text.replace(DROPPED_DAY, ""));
  if (!m || touched.length !== 1) return null;
  const [task] = touched as [TaskSnapshot];
  // Only a task that repeats has days to narrow (its rule is in what the last change returned).
  const repeats = change.results.some((r) => {
    const view = (r as { task?: { number?: number; repeat?: string | null } } | null)?.task;
    return view?.number === task.number && !!view.repeat;
  });
  if (!repeats) return null;
  const days = (m[1] ?? m[2] ?? m[3]!)
    .replace(/\bweekdays\b/i, "weekday")
    .replace(/\bweekends\b/i, "weekend")
    .replace(/s\b/gi, "");
  const rule = repeatRuleOnly(`every ${days}`, ctx.date);
  return rule
    ? result(
        "update_task",
        [{ tool: "update_task", input: { task: task.number, repeat: rule.rule } }],
        { tasks: [task.number], elliptical: true },
        0.75,
      )
    : null;
}

/**
 * "add collect the suit friday" → "and the jacket on saturday": one more thing to do the same
 * deed to, added with the verb the last new task's title starts with.
 */
function sameDeed(change: { calls: ToolCall[] }, text: string, ctx: Ctx): Interpretation | null {
  const [call] = change.calls;
  if (change.calls.length !== 1 || call?.tool !== "add_task" || !/^\W*(?:and|also|plus)\b/i.test(ctx.typed))
    return null;
  const verb = /^(\S+)\s/.exec(String(call.input.title ?? ""))?.[1];
  if (!verb || !TODO_VERBS.has(verb.toLowerCase()) || !/^(?:the|my|a|an|some|his|her|their|our)\s+\S/i.test(text))
    return null;
  const found = extractDate(text, ctx.date);
  const thing = (found?.date ? found.rest : text).replace(/\s+(?:on|for|by|due)\s*$/i, "").trim();
  if (!thing || resolveOne(thing, ctx.tasks, { history: ctx.history }).kind !== "none") return null;
  return buildAdds({ body: `${verb} ${text}`, strength: 0.75 }, ctx);
}

/**
 * "Rory's piano lesson every wednesday at 4.30pm" → "and Isla's swimming every saturday at 9am":
 * one more thing said the same way (no verb, with its own when), added — unless a task is called
 * exactly that.
 */
function sameShape(change: { calls: ToolCall[] }, text: string, ctx: Ctx): Interpretation | null {
  const [call] = change.calls;
  if (change.calls.length !== 1 || call?.tool !== "add_task" || !/^\W*(?:and|also|plus)\b/i.test(ctx.typed))
    return null;
  // "and add submit time entries every friday": a command of its own ("add"), not one more thing said the same way.
  const verbless = (s: string) => {
    const first = /^(\S+)/.exec(s)?.[1]?.toLowerCase() ?? "";
    return !TODO_VERBS.has(first) && !COMMAND_LEADS.includes(first);
  };
  if (!verbless(String(call.input.title ?? "")) || !(call.input.dueDate || call.input.repeat)) return null;
  const repeat = repeatRuleOnly(text, ctx.date);
  const found = repeat ? null : extractDate(text, ctx.date);
  const thing = (repeat?.rest ?? (found?.date ? found.rest : "")).replace(/\s+(?:on|for|by|due|at)\s*$/i, "").trim();
  if (!thing || !verbless(thing) || /^(?:the|my|it|that|this|them)\b/i.test(thing)) return null;
  const same = (title: string) => title.toLowerCase().replace(/^the\s+/, "") === thing.toLowerCase();
  if (ctx.tasks.some((t) => same(t.title))) return null;
  return buildAdds({ body: text, strength: 0.75 }, ctx);
}
