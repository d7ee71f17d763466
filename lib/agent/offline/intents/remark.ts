// Remarks about a task the user names, with no command verb: "the demo moved to 4:30pm",
// "doc appt got moved to thursday same time", "flights to perth need booking by the 5th",
// "the landlord email is urgent", "visa docs submitted", "got the cat food", "i'll fix the bike
// tyre sat at 10", "the gym renewal shouldn't repeat anymore". What is said of the task (a new
// date, a priority, done, a repeat) is cut out with the same extractors the commands use; the
// words that link the naming to it come from REMARK_* in lexicon.ts; what is left must name one
// existing task by its title, or nothing is read from the remark.
import { result, TOO_AT_END, type Ctx } from "../context";
import { extractDate } from "../dates";
import { extractPriority } from "../modifiers";
import { repeatRuleOnly } from "../recurrence";
import { resolveOne } from "../references";
import { baseOfPastVerb, OLD_VALUE, sameDeeds, WHEN_DONE } from "../text";
import {
  COMMAND_LEADS,
  LIST_VERBS,
  NOT_DONE_PASTS,
  REMARK_DONE,
  REMARK_LEADS,
  REMARK_LINKS,
  REMARK_NO_REPEAT,
} from "../lexicon";
import { dayInZone } from "@/lib/time/zone";
import type { Interpretation, TaskSnapshot, ToolCall } from "../types";
import { dueFor } from "./update-calls";

const alt = (xs: readonly string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/'/g, "'?").replace(/\s+/g, String.raw`\s+`))
    .join("|");
// "need booking by", "needs to happen on", "needs to be done by": a need, then what is needed.
const NEED = String.raw`needs?\s+(?:\w+ing|to\s+(?:be\s+)?\w+)`;
const LINK_TAIL = new RegExp(String.raw`(?:\s+(?:${NEED}|${alt(REMARK_LINKS)}))+\s*$`, "i");
const OLD_DATE = new RegExp(`${OLD_VALUE}$`, "i");
const LEAD = new RegExp(String.raw`^(?:${alt(REMARK_LEADS)})\s+`, "i");
const DONE_TAIL = new RegExp(
  String.raw`(?:\s+(?:is|are|was|were|got|has\s+been|have\s+been|been|all|now|finally|already))*\s+(?:${alt(REMARK_DONE)})$`,
  "i",
);
const WHEN_DONE_LAST = new RegExp(String.raw`\s+(?:${WHEN_DONE})$`, "i");
const NO_REPEAT_TAIL = new RegExp(String.raw`\s+(?:${alt(REMARK_NO_REPEAT)})$`, "i");
// A command ("mark it done", "move the demo to 4:30") is the commands' to read, not a remark.
const COMMAND = new RegExp(String.raw`^(?:${alt([...COMMAND_LEADS, ...LIST_VERBS])})\b`, "i");
const ORDINAL = /^(?:the\s+)?(?:first|second|third|fourth|fifth|last)(?:\s+one)?$/i;
const MOVED =
  /\b(?:got|gets|has\s+been|have\s+been|'s\s+been|was|were|is|are)\s+(?:moved|pushed|rescheduled|postponed|bumped|delayed|shifted|changed|switched|brought\s+forward)\b/i;
const SAME_TIME = /[\s,]*(?:at\s+)?(?:the\s+)?same\s+time\b/i;

/** The one task `phrase` names by its title (a number or "it" is a command's job, not a remark's). */
function named(phrase: string, ctx: Ctx): TaskSnapshot | null {
  const p = phrase.replace(/[\s,;:-]+$/g, "").trim();
  if (!p || /^(?:it|that|this|they|them|those|these)$/i.test(p)) return null;
  const out = resolveOne(p, ctx.tasks, { history: ctx.history });
  // "the first one can move to thursday": an ordinal over the list just shown names a task too.
  const ordinal = out.kind === "one" && out.via === "number" && ORDINAL.test(p);
  return out.kind === "one" && (out.via === "title" || ordinal) && !out.partial ? out.task : null;
}

/** The naming, once leads ("i'll", "make") and linking words ("got moved to") are cut. */
function subjectOf(text: string): string[] {
  const bare = text.replace(LINK_TAIL, "").trim();
  const unled = bare.replace(LEAD, "").trim();
  // "i'll fix the bike tyre": the verb may be the title's own ("Fix bike tyre") or not ("finally do the tax return").
  const noVerb = unled.replace(/^\w+\s+(?=\S)/, "");
  return [...new Set([bare, unled, noVerb])].filter(Boolean);
}

/**
 * "dropped the parcel off on the way home", "returned the boots already lol": the task's words come
 * first, then how it went; the longest start of the phrase that names one task.
 */
export function namedFirst(phrase: string, ctx: Ctx): TaskSnapshot | null {
  const words = phrase.split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) {
    // "watered the tomatoes and the books can wait": a second thought is no "how it went".
    if (/[,;]|\b(?:and|but|can|could|will|should|needs?|is|are|was|has)\b/i.test(words.slice(n).join(" "))) continue;
    const t = named(words.slice(0, n).join(" "), ctx);
    if (t) return t;
  }
  return null;
}

function firstNamed(candidates: string[], ctx: Ctx): TaskSnapshot | null {
  for (const c of candidates) {
    const t = named(c, ctx);
    if (t) return t;
  }
  return null;
}

export function remark(ctx: Ctx): Interpretation | null {
  // Other languages arrive here in the tables' English words ("Winterreifen wechseln high priority").
  if (ctx.question) return null;
  let text = ctx.text
    .replace(/[.!]+$/, "")
    .replace(TOO_AT_END, "")
    // "just got back from the dentist": back from a visit is having gone to it.
    .replace(
      /^(?:(?:i|we)(?:'m|'re|\s+am|\s+are)?\s+)?(?:just\s+)?(?:(?:got|came|am|'m|was)\s+)?(?:back|home)\s+from\s+/i,
      "went to ",
    )
    .trim();
  // "the grant one is due thursday not friday": the day it was is said after the day it is.
  const old = OLD_DATE.exec(text);
  if (old && extractDate(old[0].replace(/^[\s,]*(?:not|instead\s+of|rather\s+than)\s+/i, ""), ctx.date).date)
    text = text.slice(0, old.index);
  if (COMMAND.test(text) && !LEAD.test(text)) return null;
  // "my day shift on saturday got moved to sunday": the day it was names the task; the new one follows.
  const moved = MOVED.exec(text);
  if (moved) {
    const was = extractDate(text.slice(0, moved.index), ctx.date);
    if (was.date && extractDate(text.slice(moved.index), ctx.date).date)
      text = `${was.rest} ${text.slice(moved.index)}`;
  }

  // "milo got his flea treatment": someone had what the task gives them ("Give Milo flea treatment").
  const had = /^(\p{L}+)\s+(?:got|had|has\s+had)\s+(?:his|her|their|its)\s+(.+)$/iu.exec(text);
  if (had) {
    const task = named(`${had[1]} ${had[2]}`, ctx);
    if (task?.status === "pending" && /^(?:give|get|take)\b/i.test(task.title))
      return change(task, [{ tool: "complete_task", input: { task: task.number } }]);
  }
  // "visa docs submitted", "the boiler service is done", "got the cat food".
  // "flat 2 paid up this morning": when it was done says nothing of which.
  const reported = text.replace(WHEN_DONE_LAST, "");
  const done = DONE_TAIL.exec(reported);
  if (done) {
    const task = named(reported.slice(0, done.index), ctx);
    if (task && task.status === "pending")
      return change(task, [{ tool: "complete_task", input: { task: task.number } }]);
  }
  // "renewed the library membership today", "went to the dentist this morning": when it was done is no date to set.
  // "I finally got the Patels invoice out": the subject and its adverbs say nothing of which.
  // ("I meant the third", "I thought the gym was friday": words said or thought report no deed.)
  // "as it happens, my son serviced the mower for me yesterday": who it was done for says nothing either.
  const deed = text
    .replace(/^(?:as\s+it\s+happens|turns\s+out|fyi|by\s+the\s+way|just\s+so\s+you\s+know)[\s,]+/i, "")
    .replace(
      /^(?:(?:i|we|my\s+\p{L}+|our\s+\p{L}+)\s+)(?:(?:just|finally|already|also)\s+)*(?=\w+\s)(?!(?:meant|thought|said|wanted|guess(?:ed)?|figured|forgot|hoped|asked|told|wondered)\b)/iu,
      "",
    )
    .replace(/\s+for\s+(?:me|us)(?=\s|$)/i, "");
  const past = new RegExp(String.raw`^(\w+)\s+(.+?)(?:\s+(?:${WHEN_DONE}|at\s+last|finally))?$`, "i").exec(deed);
  // "went to the dentist" reports the visit; "got to …", "was up to …" report nothing done.
  // "talked to diego about the rent" for "Call Diego …": talking to someone is calling them.
  const talked = past ? sameDeeds(baseOfPastVerb(past[1]!) ?? "") : undefined;
  if (
    past &&
    baseOfPastVerb(past[1]!) &&
    !NOT_DONE_PASTS.includes(past[1]!.toLowerCase()) &&
    (!/^(?:to|up\s+to)\b/i.test(past[2]!) || /^went$/i.test(past[1]!) || talked)
  ) {
    const task =
      named(past[2]!, ctx) ?? named(past[2]!.replace(/^to\s+(?:the\s+)?/i, ""), ctx) ?? namedFirst(past[2]!, ctx);
    // Talking to someone is only the deed of a task that calls them.
    const deed = !talked || talked.includes((task?.title.split(/\s+/)[0] ?? "").toLowerCase());
    if (task?.status === "pending" && deed)
      return change(task, [{ tool: "complete_task", input: { task: task.number } }]);
  }

  // "the gym renewal shouldn't repeat anymore".
  const noRepeat = NO_REPEAT_TAIL.exec(text);
  if (noRepeat) {
    const task = firstNamed(subjectOf(text.slice(0, noRepeat.index)), ctx);
    if (task) return change(task, [{ tool: "update_task", input: { task: task.number, repeat: null } }]);
    return null;
  }

  const input: Record<string, unknown> = {};
  let rest = text;
  const priority = extractPriority(rest);
  if (priority.value) {
    input.priority = priority.value;
    rest = priority.rest;
  }
  // "same time": a day alone keeps the task's time anyway.
  rest = rest.replace(SAME_TIME, " ").replace(/\s+/g, " ").trim();
  const repeat = repeatRuleOnly(rest, ctx.date);
  if (repeat) rest = repeat.rest.replace(/\s+repeat$/i, "");
  const found = repeat ? null : extractDate(rest, ctx.date);
  // The words before the date, as said ("is scheduled for"): the date parser drops connectors.
  const beforeDate = found?.date ? rest.slice(0, found.date.index) : rest;
  // "the quote can wait till monday, and drop it to medium": a second request after the date is
  // its own thought (interpret.ts reads each).
  if (found?.date && /^\s*,\s*(?:and|then|but|also)\s+\S/i.test(rest.slice(found.date.end))) return null;
  if (found?.date) rest = found.rest;
  if (!Object.keys(input).length && !repeat && !found?.date) return null;
  // "the bono is done this morning": when it was done (complete.ts), not a day to move it to.
  if (found?.date && DONE_TAIL.test(` ${beforeDate.trimEnd()}`)) return null;
  // Something must link the naming to what is said of it, or the message is a new task ("dentist friday").
  if (
    !LINK_TAIL.test(beforeDate) &&
    !LINK_TAIL.test(rest) &&
    !LEAD.test(rest) &&
    !/,/.test(ctx.text) &&
    !priority.value
  )
    return null;

  const task = firstNamed(subjectOf(rest), ctx);
  if (!task) return null;
  if (repeat) input.repeat = repeat.rule;
  if (found?.date) {
    input.dueDate = dueFor(task, found.date, ctx.date.timeZone);
    if (!dayInZone(input.dueDate as string, ctx.date.timeZone)) return null;
  }
  return change(task, [{ tool: "update_task", input: { task: task.number, ...input } }]);
}

function change(task: TaskSnapshot, calls: ToolCall[]): Interpretation {
  return result(calls[0]!.tool, calls, { tasks: [task.number], remark: true }, 0.75);
}
