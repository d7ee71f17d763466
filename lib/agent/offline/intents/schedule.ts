// Changes to when a task repeats or reminds (contract v2): "stop repeating the yoga class",
// "make it monthly instead", "make it repeat every 3 weeks", "remind me at 7pm
// about it", "remind me 2 hours before the meeting with omar", "cancel the reminder".
import { clarifyReference, result, type Ctx } from "../context";
import { extractRepeat } from "../recurrence";
import { OFFSET, offsetMinutes, before, reminderAt } from "../reminders";
import { resolveOne } from "../references";
import { formatDue, formatDueIn } from "../format";
import { dayInZone, isoDateTime, wallOf } from "@/lib/time/zone";
import type { Interpretation, TaskSnapshot } from "../types";
import { messages, type Action } from "../messages";

const STOP_REPEAT = /^(?:stop|quit|don'?t\s+keep|no\s+longer|never\s+mind)\s+(?:repeating|recurring)\s*(.*)$|^(?:don'?t|do\s+not)\s+repeat\s*(.*?)(?:\s+any\s*more)?$|^(?:make|set)\s+(.+?)\s+(?:not\s+repeat(?:ing)?|one[- ]off|non[- ]recurring)$|^(?:remove|clear|delete|cancel)\s+(?:the\s+)?(?:repeat|recurrence)(?:\s+(?:from|on|of|for)\s+(.+))?$/i;
const SET_REPEAT = /^(?:make|set|change|have)\s+(.+?)\s+(?:to\s+)?(?:repeat\s+|recur\s+)?((?:on\s+the|every|each|daily|weekly|monthly|yearly|annually|on\s+\w+days).*?)(?:\s+instead)?$|^(?:make\s+)?(it|that|this)\s+repeat\s+(.+?)(?:\s+instead)?$|^repeat\s+(.+?)\s+((?:every|each|daily|weekly|monthly|on\s+the).*)$/i;
const CANCEL_REMINDER = /^(?:cancel|remove|delete|clear|drop|turn\s+off|get\s+rid\s+of|no)\s+(?:the\s+|my\s+|that\s+)?reminders?(?:\s+(?:for|on|of|about)\s+(.+))?$|^(?:don'?t|do\s+not)\s+remind\s+me(?:\s+about\s+(.+?))?(?:\s+any\s*more)?$/i;

function target(phrase: string | undefined, ctx: Ctx, action: Action): TaskSnapshot | Interpretation {
  const out = resolveOne(phrase?.trim() || "it", ctx.tasks, { history: ctx.history, override: ctx.override });
  return out.kind === "one" ? out.task : clarifyReference(out, action, {}, ctx.language);
}

const isTask = (x: TaskSnapshot | Interpretation): x is TaskSnapshot => "number" in x;

function update(task: TaskSnapshot, input: Record<string, unknown>, intent: string): Interpretation {
  return result(intent, [{ tool: "update_task", input: { task: task.number, ...input } }], { tasks: [task.number], ...input }, 0.85);
}

export function schedule(ctx: Ctx): Interpretation | null {
  const t = ctx.text;
  let m: RegExpExecArray | null;

  if ((m = STOP_REPEAT.exec(t))) {
    const task = target(m[1] ?? m[2] ?? m[3] ?? m[4], ctx, "stop repeating");
    return isTask(task) ? update(task, { repeat: null }, "update_task") : task;
  }
  if ((m = CANCEL_REMINDER.exec(t))) {
    const task = target(m[1] ?? m[2], ctx, "remove the reminder from");
    return isTask(task) ? update(task, { remindAt: null }, "update_task") : task;
  }
  if ((m = SET_REPEAT.exec(t))) {
    const ref = m[1] ?? m[3] ?? m[5];
    const phrase = m[2] ?? m[4] ?? m[6];
    const task = target(ref, ctx, "repeat");
    if (!isTask(task) || !phrase) return isTask(task) ? null : task;
    const anchor = task.dueDate ? (dayInZone(task.dueDate, ctx.date.timeZone) ?? undefined) : undefined;
    const rep = extractRepeat(phrase, ctx.date, anchor);
    if (!rep || rep.rest) return null;
    return update(task, { repeat: rep.rule }, "update_task");
  }

  // "make that 6", "change it to 6:45": a new time of day for the task we just talked about.
  if ((m = /^(?:make|change|move|set)\s+(?:it|that|this)\s+(?:to\s+)?(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?(?:\s+instead)?$/i.exec(t))) {
    const task = target("it", ctx, "change");
    if (!isTask(task)) return task;
    if (!task.dueDate || !/T/.test(task.dueDate)) return null;
    const w = wallOf(new Date(task.dueDate), ctx.date.timeZone);
    let hour = +m[1]! % 12;
    if (m[3]?.toLowerCase() === "pm" || (!m[3] && (w.hour >= 12 || hour <= 7))) hour += 12;
    if (hour > 23) return null;
    return update(task, { dueDate: isoDateTime({ year: w.year, month: w.month, day: w.day, hour, minute: m[2] ? +m[2] : 0 }, ctx.date.timeZone) }, "update_task");
  }

  // Reminders on an existing task.
  const r = /^remind\s+me\s+(.+)$/i.exec(t);
  if (!r) {
    // "and 10 minutes before the second one": a reminder offset said on its own.
    const bare = new RegExp(`^(?:and\\s+)?(${OFFSET})(?:\\s+(?:for\\s+)?(.+))?$`, "i").exec(t);
    if (!bare) return null;
    return offsetReminder(bare[1]!, bare[bare.length - 1], ctx);
  }
  const spec = r[1]!;
  const off = new RegExp(`^(${OFFSET})(?:\\s+(?:the\\s+)?(.+))?$`, "i").exec(spec);
  if (off) return offsetReminder(off[1]!, off[off.length - 1], ctx);
  // "remind me about the dentist an hour before" (the German order: "erinnere mich an X eine Stunde vorher").
  const offAfter = new RegExp(`^(?:about|of|for)\\s+(.+?)\\s+(${OFFSET})$`, "i").exec(spec);
  if (offAfter && resolveOne(offAfter[1]!, ctx.tasks, { history: ctx.history, override: ctx.override }).kind === "one") return offsetReminder(offAfter[2]!, offAfter[1], ctx);
  // "remind me at 7pm about it", "remind me about the Rome hotel tomorrow at 7am"
  const about = /^(?:(.+?)\s+)?(?:about|of|for)\s+(.+?)(?:\s+((?:at|on|tomorrow|today|tonight|next|this|in)\b.*))?$/i.exec(spec);
  if (!about) return null;
  const when = [about[1], about[3]].filter(Boolean).join(" ");
  if (!when) return null;
  const out = resolveOne(about[2]!, ctx.tasks, { history: ctx.history, override: ctx.override });
  // Not one of the user's tasks: "remind me about X tomorrow" is a new task (add.ts).
  if (out.kind !== "one" || out.partial) return null;
  const at = reminderAt(when, out.task.dueDate, ctx.date);
  if (!at) return null;
  return update(out.task, { remindAt: at }, "update_task");
}

function offsetReminder(offset: string, ref: string | undefined, ctx: Ctx): Interpretation | null {
  const minutes = offsetMinutes(offset);
  if (minutes === null) return null;
  const task = target(ref?.replace(/^(?:the\s+)?(?:due\s+(?:date|time)\s+(?:of|for)\s+)?/i, ""), ctx, "remind you about");
  if (!isTask(task)) return task;
  if (!task.dueDate) return result("clarify", [], { tasks: [task.number] }, 0.5, messages(ctx.language).noDueYet(task.title));
  const at = before(task.dueDate, minutes, ctx.date.timeZone);
  // "2 hours before" a task due on a day with no time: ask for the time rather than guess one.
  if (!at) {
    const when = /^\s*(?:an?|one)\s+/i.test(offset) ? offset : offset.replace(/\s+(?:earlier|ahead|prior)$/i, " before");
    return result(
      "clarify",
      [],
      { tasks: [task.number], reminder: offset },
      0.6,
      reminderTimeQuestion(task.title, task.dueDate, when, ctx),
    );
  }
  return update(task, { remindAt: at }, "update_task");
}

/** "X is due <day> with no time. What time is it, so I can remind you 2 hours before?" */
function reminderTimeQuestion(title: string, due: string, spec: string, ctx: Ctx): string {
  const lang = ctx.language;
  const day = lang === "en" ? formatDue(due, true, ctx.date) : formatDueIn(due, true, ctx.date, lang);
  // The English sentence says "is due"; the table's says "would be due" (it is for a new task).
  return lang === "en" ? `${title} is due ${day} with no time. What time is it, so I can remind you ${spec}?` : messages(lang).reminderTime(title, day, spec);
}
