// Changing a task: due date (move/push/reschedule, or clear it), title (rename),
// priority, tags (add/remove) and description ("add a note to task 2: …").
import { ask, clarifyReference, TOO_AT_END, type Ctx } from "../context";
import { findDates, extractDate, type FoundDate } from "../dates";
import { dialogueState, undoneChange } from "../dialogue";
import { extractPriority, extractTags } from "../modifiers";
import { cleanRefPhrase, resolveOne } from "../references";
import { withoutRebuttal } from "./schedule";
import { baseOfPastVerb, NUMBER_WORDS, OLD_VALUE, REASON_AFTER_CHANGE, tidyTitle } from "../text";
import type { Interpretation } from "../types";
import { messages } from "../messages";
import { type Change, finish, splitRefAndValue, timeOnlyOf } from "./update-calls";
import { addTags, clearDue, description, removeTags, rename } from "./update-fields";

const UPDATE_VERB =
  /^(make|set|change|update|edit|modify|mark|flag|move(?:\s+up)?|push(?:\s+(?:back|out))?|reschedule|re-schedule|postpone|delay|shift|bump|defer|schedule|put|file|prioriti[sz]e|deprioriti[sz]e|de-prioriti[sz]e|raise|lower|increase|decrease|bring\s+forward|pull\s+forward|move\s+up|prepone|push\s+back|push\s+out|give|switch|adjust|extend|snooze|drop|knock\s+down|knock|downgrade|demote|upgrade|promote)\s+(.+)$/i;

const SHIFT_NUMBERS: Record<string, number> = {
  ...NUMBER_WORDS,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  "forty five": 45,
  "forty-five": 45,
};
const SHIFT =
  /\s+(?:back\s+|out\s+|forward\s+|ahead\s+|up\s+)?(?:by\s+|for\s+|another\s+|an\s+extra\s+)?(a|an|one|another|half\s+an|\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty[-\s]five|a\s+couple\s+of|couple\s+of)\s+(day|week|hour|hr|minute|min)s?(?:\s+(?:later|earlier|back|forward))?$/i;

const SHIFT_FIRST =
  /^((?:back\s+|out\s+)?(?:by\s+)?(?:a|an|one|\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)\s+(?:day|week)s?)\s+(?!(?:later|earlier|back|forward|from)\b)(.+)$/i;

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
    // "everything due today to monday", "everything from today to monday": the day picks the tasks; it
    // stays in the reference.
    const group = (d: FoundDate) =>
      /\bdue\s+$/i.test(rest.slice(0, d.index)) ||
      /\b(?:everything|all|every\s+task)\s+from\s+$/i.test(rest.slice(0, d.index));
    const others = scan.dates.filter((d) => d !== target && !group(d));
    let cut = rest;
    for (const d of [target, ...others].sort((a, b) => b.index - a.index)) {
      if (d !== target && !others.includes(d)) continue;
      const before = cut.slice(0, d.index).replace(/(?:\s*\b(?:from|to|until|till|for|on|by|due|at)\s*)+$/i, " ");
      // "tonight's night shift": the date's possessive goes with it.
      cut = `${before} ${cut.slice(d.end).replace(/^['’]s\b/, "")}`;
    }
    return { rest: cut.replace(/\s+/g, " ").trim(), date: target, invalid: null };
  }
  const ex = extractDate(rest, ctx.date);
  return { rest: ex.rest, date: ex.date, invalid: null };
}

// A task that can wait, or be moved, said with the task first.
const WAITS =
  /^(.+?)\s+(?:(?:can|could|will|should|may|might|has\s+to|have\s+to|is\s+going\s+to)\s+)?(?:wait|slide|slip|keep|(?<=(?:can|could|should|may|might)\s+)(?:go|move)|be\s+(?:moved|pushed(?:\s+back)?|postponed|bumped|shifted|rescheduled|delayed|put\s+off))\s+(?:till|until|'?til|to|for|(?:un)?til\s+after)\s+(.+)$/i;
const LET_WAIT = /^let\s+(.+?)\s+(?:wait|slide|slip)\s+(?:till|until|'?til|to)\s+(.+)$/i;
// "just the first one then, to friday": a task, then where it goes, with no verb.
const TASK_THEN_WHEN =
  /^(?:just\s+|only\s+)?((?:the\s+)?(?:other|first|second|third|last)(?:\s+one)?(?=\s+(?:then\s+)?(?:to|till|until)\s)|.+?)(?:\s+then)?\s*(?:[,:–—-]\s*|(?<=(?:other|first|second|third|last|one))\s+)(?:to|till|until)\s+(.+)$/i;

// "actually I need the paint by saturday": when a task is needed by, said of a task by its name.
const NEED_BY = /^(?:i|we)\s+(?:really\s+|actually\s+)?need\s+(?!to\b)(.+?)\s+(?:by|before|for|on)\s+(.+)$/i;

/** Whether a phrase is a task's whole title, or names the task just changed ("I need milk" otherwise adds milk). */
function namesJustThat(phrase: string, ctx: Ctx): boolean {
  const out = resolveOne(phrase, ctx.tasks, { history: ctx.history });
  if (out.kind !== "one" || out.partial || out.task.status !== "pending") return false;
  const same = (s: string) =>
    s
      .toLowerCase()
      .replace(/^(?:the|my|our)\s+/, "")
      .trim();
  return (
    same(out.task.title) === same(phrase) || !!dialogueState(ctx.history).lastChange?.touched.includes(out.task.number)
  );
}

/** Whether a phrase starts as a report of something done ("I paid …", "watered the …"), not as a task's name. */
function reportsDeed(phrase: string): boolean {
  const first = phrase.trim().split(/\s+/)[0] ?? "";
  return /^(?:i|we)$/i.test(first) || !!baseOfPastVerb(first);
}

/** Whether a date word said with another change is a word of the one task the phrase names ("the monday meeting"). */
function namesItsTask(phrase: string, dateText: string, ctx: Ctx, moving: boolean): boolean {
  if (moving) return false;
  const out = resolveOne(phrase, ctx.tasks, { history: ctx.history, override: ctx.override });
  return out.kind === "one" && !out.partial && out.task.title.toLowerCase().includes(dateText.toLowerCase());
}

// "move the tire swap to the same day": the day of the one task the last change touched.
const SAME_DAY = /\b(?:to|for|on)\s+the\s+same\s+day(?:\s+as\s+(?:that|it|that\s+one))?$/i;

function sameDayAsLastChange(text: string, ctx: Ctx): string {
  if (!SAME_DAY.test(text)) return text;
  const touched = dialogueState(ctx.history).lastChange?.touched ?? [];
  const due = touched.length === 1 ? ctx.tasks.find((t) => t.number === touched[0])?.dueDate : null;
  return due ? text.replace(SAME_DAY, `to ${due.slice(0, 10)}`) : text;
}

/** "undo that" after a move of several, then "ok only move the grocery run": its part of the move, again. */
function undoneMove(task: number, ctx: Ctx): Change | null {
  if (!/\b(?:only|just)\b/i.test(ctx.typed)) return null;
  const undone = undoneChange(ctx.history);
  // (One task's move undone, then "just move it": the user took that day back; ask again.)
  if (!undone || undone.touched.length < 2) return null;
  const call = undone.calls.find(
    (c) => c.tool === "update_task" && c.input.task === task && typeof c.input.dueDate === "string",
  );
  return call ? { dueDate: call.input.dueDate as string } : null;
}

function modifierUpdate(ctx: Ctx): Interpretation | null {
  let t = sameDayAsLastChange(ctx.text.replace(TOO_AT_END, "").replace(REASON_AFTER_CHANGE, ""), ctx);
  // "add a deadline of Friday to the report", "the due date for task 3 is Friday"
  t = t
    .replace(/^(?:add|put|attach)\s+(?=(?:a\s+|the\s+)?(?:due[\s-]*date|deadline)\b)/i, "set ")
    .replace(
      /^(?:the\s+)?(?:due[\s-]*date|deadline)\s+(?:for|of|on)\s+(.+?)\s+(?:is|should\s+be|will\s+be|becomes)\s+(?:actually\s+|now\s+|really\s+)?/i,
      "set $1 to ",
    );
  // "move everything tagged umzug to monday": the tag picks the tasks; it is no tag to add.
  t = t.replace(
    /\b(?:everything|all(?:\s+(?:the\s+|my\s+)?(?:tasks|ones|items|to-?dos))?|every\s+task)\s+(?:tagged|with\s+(?:the\s+)?tag|labell?ed)\s+#?([\p{L}\p{N}_-]+)/iu,
    "all the $1 tasks",
  );
  // "oh and high priority like the flight", "high priority, same as priya's": the other task only compares.
  t = t.replace(
    /((?:high|low|medium|top|normal)\s+priority|priority\s+(?:high|low|medium))\s*,?\s+(?:just\s+)?(?:like|same\s+as|as)\s+(?:the\s+|my\s+)?\S.*$/i,
    "$1",
  );
  // "give me till sunday", "I'll need until friday": more time for the task talked about.
  t = t.replace(/^(?:give\s+me|i(?:'ll|\s+will)?\s+need|let'?s\s+say)\s+(?:till|until|til)\s+(?=\S)/i, "move it to ");
  // "…, gleiche Uhrzeit" / "same time": a move keeps the time anyway.
  t = t.replace(/[,\s]+(?:at\s+)?(?:the\s+)?same\s+time$/i, "");
  // "just leave it on friday like it was": where it stays is where it goes.
  t = t
    .replace(/\s+(?:like|as)\s+(?:it\s+was|before|originally)$/i, "")
    .replace(/^leave\s+(.+?)\s+(?:on|for|at)\s+(?=\S)/i, "move $1 to ");
  // "bring the secret santa one forward a day": the particle after the task, moved next to its verb.
  t = t.replace(
    /^(bring|pull|push|move)\s+(?!(?:it|that|this|them)\s)(.+?)\s+(forward|back|up|out)\s+(?=(?:by\s+)?(?:a|an|one|\d+|two|three|four|five|six|seven)\s+(?:day|week|hour|minute)s?$)/i,
    "$1 $3 $2 ",
  );
  // "give it the tag casa and high priority": read as "give it high priority and the tag casa", the
  // order the modifiers are read in (a tag name runs to the end of the text).
  t = t.replace(
    /\b((?:the\s+|a\s+)?(?:tags?|labels?)\s+#?[\p{L}\p{N}_-]+)\s+and\s+((?:high|low|medium|top|normal)\s+priority)$/iu,
    "$2 and $1",
  );
  // "low priority for that one": the priority said first.
  t = t.replace(/^(?:and\s+)?((?:high|low|medium|top)\s+priority)\s+(?:for|on)\s+(.+)$/i, "make $2 $1");
  // "X is due Friday", "X should be high priority"
  t = t.replace(/\s*[,;]\s*(?:please\s+)?(?:change|update|fix|correct)\s+(?:the|its|that)\s+(?:due\s+)?date$/i, "");
  const subj =
    /^(.+?)(?:\s+(?:is|was|should\s+be|should\s+have\s+been|needs\s+to\s+be|must\s+be|has\s+to\s+be|will\s+be)|'s)\s+(?:now\s+|actually\s+|really\s+)?((?:due|a\s+|an\s+|tagged).+|(?:high|low|medium|urgent|important)\b.*)$/i.exec(
      t,
    );
  let verb: string;
  let rest: string;
  let strictRef = false;
  const verbed = UPDATE_VERB.exec(t);
  // "watered the tomatoes and the bins can wait": a report leads; that is two thoughts (interpret.ts), not one subject.
  const waited = verbed ? null : (LET_WAIT.exec(t) ?? WAITS.exec(t) ?? TASK_THEN_WHEN.exec(t));
  const waits = waited && !reportsDeed(waited[1]!) ? waited : null;
  const needed = verbed || waits || subj ? null : NEED_BY.exec(t);
  const should = verbed || waits || subj ? null : (SHOULD_AT.exec(t) ?? NOW_AT.exec(t));
  const named = should ? resolveOne(should[1]!, ctx.tasks, { history: ctx.history }) : null;
  if (should && named?.kind === "one" && !named.partial && named.task.status === "pending") {
    verb = "move";
    rest = `${should[1]} ${should[2]}`;
    strictRef = true;
  } else if (needed && namesJustThat(needed[1]!, ctx)) {
    verb = "move";
    rest = `${needed[1]} to ${needed[2]}`;
    strictRef = true;
  } else if (verbed) {
    verb = verbed[1].toLowerCase();
    // "bump it up to high priority": the particle belongs to the verb, not to the task's name.
    rest = verbed[2]
      .replace(/^(it|that|this|them)\s+(?:up|down)\b\s*/i, "$1 ")
      .replace(/^(.+?)\s+(?:up|down)(?=\s+to\s+(?:high|low|medium|normal|top|urgent)\b)/i, "$1");
    // "put the passport renewal under travel", "file it under work": a tag.
    if (/^(?:put|file)$/.test(verb))
      rest = rest.replace(/\s+under\s+(?:the\s+)?#?([\p{L}\p{N}_-]+)(?:\s+(?:tag|label|category))?$/iu, " tagged $1");
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

  // "a due date of Friday for X", "X a deadline of Friday", "give the last one a date, this friday"
  rest = rest
    .replace(
      /(?:^|\s)(?:(?:a|the|its)\s+(?:new\s+)?(?:due[\s-]*date|deadline)|(?:a|its)\s+(?:new\s+)?date)(?:\s+(?:of|to|for|on|at))?\s*[,:]?(?=\s)/i,
      " ",
    )
    .trim();
  // "the due date of X to Y", "X's deadline to Y"
  rest = rest.replace(/^(?:the\s+)?(?:due[\s-]*date|deadline|date|due|time)\s+(?:of|on|for)\s+/i, "");
  rest = rest.replace(/(?:'s|s')\s+(?:due[\s-]*date|deadline|date|time)\b/i, "");

  // "make the gym 6:30 not 6": the old time after the new one says nothing more.
  rest = rest.replace(CLOCK_NOT_OLD, "$1");

  // "and set it to low priority" joins a second change on the same task.
  rest = rest.replace(
    /\s*,?\s+and\s+(?:also\s+)?(?:make|set|mark|change|move|push|tag|give|put)\s+(?:it|that|them)\b/gi,
    " and ",
  );

  // "set it to high and due tomorrow": the new day is read after the rest, where a date is read.
  const dueTail = /\s*,?\s+and\s+(?:also\s+)?(?:due|by)\s+(?=\S)(.+)$/i.exec(rest);
  if (dueTail) rest = rest.slice(0, dueTail.index);

  const pr = extractPriority(rest);
  if (pr.value && !change.priority) change.priority = pr.value;
  // "make 4 due tomorrow and high priority": the "and" went with the priority.
  rest = pr.value ? pr.rest.replace(/\s*(?:,|\band\b)\s*$/i, "") : pr.rest;
  // "make it medium", "the client one should be high": a priority word alone after make/set/be.
  const pr2 = (
    /^(?:make|set|be|mark)$/.test(verb)
      ? /\s+(?:(?:to|as)\s+)?(high|low|medium|normal|urgent|important)$/i
      : /\s+(?:to|as)\s+(high|low|medium|normal|urgent|important)$/i
  ).exec(rest);
  if (pr2 && !change.priority) {
    change.priority = pr2[1].toLowerCase() === "low" ? "low" : /medium|normal/i.test(pr2[1]) ? "medium" : "high";
    rest = rest.slice(0, pr2.index);
  }
  const tg = extractTags(rest);
  if (tg.value) {
    change.addTags = tg.value;
    rest = tg.rest;
  }

  if (dueTail) rest = `${rest} to ${dueTail[1]}`;

  const isMove =
    /^(?:move|push|reschedule|re-schedule|postpone|delay|shift|bump|defer|bring\s+forward|pull\s+forward|move\s+up|push\s+back|push\s+out|extend|snooze)$/.test(
      verb,
    );
  // "postpone a week the report", "pospón una semana lo de la matrícula": the amount said before the task.
  if (isMove) rest = rest.replace(SHIFT_FIRST, (_all, amount: string, task: string) => `${task} ${amount}`);
  const sh = SHIFT.exec(rest);
  // "make it an hour later": "later"/"earlier" says it is a shift whatever the verb.
  if (sh && (isMove || /\bby\b|\b(?:later|earlier)$/i.test(sh[0]))) {
    const nWord = sh[1].toLowerCase().replace(/^a\s+couple\s+of$|^couple\s+of$/, "two");
    const n = /^\d+$/.test(nWord) ? +nWord : /^half/.test(nWord) ? 0.5 : (SHIFT_NUMBERS[nWord] ?? 1);
    const unit = sh[2].toLowerCase();
    const back =
      /^(?:bring\s+forward|pull\s+forward|move\s+up)$/.test(verb) || /\b(?:earlier|forward|ahead|up)\b/i.test(sh[0]);
    // "push it back an hour": a shift within the day, for a task due at a time.
    if (/^(?:hour|hr|minute|min)$/.test(unit)) change.shiftMinutes = (back ? -1 : 1) * n * (/^h/.test(unit) ? 60 : 1);
    else change.shiftDays = (back ? -1 : 1) * n * (unit === "week" ? 7 : 1);
    rest = rest.slice(0, sh.index);
  } else {
    // "everything due today to monday", "all of today's stuff to monday": "due today" chooses the
    // tasks; only "monday" is the change.
    const guarded = rest.replace(
      /\bdue\s+(today|tomorrow|this\s+week)\b|\b(today|tomorrow|this\s+week)['’]s(?=\s)/gi,
      (_m, due: string | undefined, own: string | undefined) => `due_${(due ?? own)!.replace(/\s+/g, "_")}`,
    );
    // "make 4 due tomorrow": with no other day said, "due tomorrow" is the change.
    const guardedDate = pickDate(guarded, ctx);
    const group = /\b(?:everything|all|every|tasks|ones|stuff|items)\b|['’]s\s/i.test(rest);
    const d = guardedDate.date || guarded === rest || group ? guardedDate : pickDate(rest, ctx);
    d.rest = d.rest.replace(/\bdue_(\w+)/g, (_m, w: string) => `due ${w.replace(/_/g, " ")}`);
    if (d.invalid) return ask(messages(ctx.language).whichDate(d.invalid), { ref: cleanRefPhrase(d.rest) }, 0.7);
    const time = d.date ? timeOnlyOf(d.date) : null;
    if (time) {
      change.timeOnly = time;
      rest = d.rest;
    } else if (d.date && !namesItsTask(rest, d.date.text, ctx, isMove || !(change.priority || change.addTags))) {
      change.dueDate = (d.date.until ?? d.date).value;
      // "make 4 due tomorrow": "due" went with the day.
      rest = d.rest.replace(/\s+(?:be\s+)?due$/i, "");
    } else if (d.date) {
      // "make the monday meeting high priority": the date word is the task's name, not a new date.
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
        const redo = isMove ? undoneMove(out.task.number, ctx) : null;
        if (redo) return finish(rest, redo, ctx, { many: false });
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

const NOT_OLD = `(?:${OLD_VALUE})?`;
const CLOCK_NOT_OLD = new RegExp(String.raw`(\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?)${OLD_VALUE}$`, "i");
// "carpool is at 6 now not 5:30": the new time, said with "now".
const NOW_AT = new RegExp(String.raw`^(.+?)\s+(?:is|'s)\s+((?:at|on)\s+.+?)\s+now${NOT_OLD}$`, "i");
// "draft newsletter should be at 2pm not 11", "the dentist is actually on friday": the time or day it should have.
const SHOULD_AT = new RegExp(
  String.raw`^(.+?)\s+(?:should\s+be|needs\s+to\s+be|has\s+to\s+be|must\s+be|is\s+(?:actually|really)|'s\s+actually|(?:has|have|needs?)\s+to\s+(?:go|happen)|should\s+(?:go|happen))\s+((?:at|on|today|tomorrow|tonight|(?:next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b.*?)${NOT_OLD}$`,
  "i",
);

export function update(ctx: Ctx): Interpretation | null {
  const text = withoutRebuttal(ctx.text);
  if (text !== ctx.text) ctx = { ...ctx, text, lower: text.toLowerCase() };
  return clearDue(ctx) ?? removeTags(ctx) ?? description(ctx) ?? addTags(ctx) ?? rename(ctx) ?? modifierUpdate(ctx);
}
