// Corrections and elliptical follow-ups, resolved through the dialogue state:
//   "no, the other one", "I meant the vet, not the groomer", "not the bakery - the pharmacy"
//     → undo the last turn's change, then make the same change to the intended task;
//   "and the receipts too", "same for the piano one", "do the same for walk the dog"
//     → the last change again, on another task.
import { clarifyReference, result, TRAILING_FEELINGS, type Ctx } from "../context";
import { dialogueState, keepTimeOf, retarget, type Change } from "../dialogue";
import { extractDate } from "../dates";
import { contentStems, REASON_AFTER_CHANGE } from "../text";
import { resolveOne, resolveSeveral, stub, type RefOutcome } from "../references";
import { atTime, dueFor, timeOnlyOf } from "./update-calls";
import { buildAdds, startsLikeTodo } from "./add";
import { dayInZone, isoDate } from "@/lib/time/zone";
import { COMMAND_LEADS } from "../lexicon";
import type { Interpretation, TaskSnapshot, ToolCall } from "../types";
import { repeatRuleOnly } from "../recurrence";

const OOPS =
  /^(?:(?:no+|nope|nah|wait|sorry|pardon|oops|whoops|omg|oh|ah|ay|uy|hmm+|doh|d'oh|gah|jeez|actually|my\s+bad|my\s+mistake|ugh|shoot|dang|darn|crap|argh|not\s+that\s+one|wrong\s+one|wrong(?=\s*[,.!:-])|not\s+that|not\s+this\s+one)\b[\s,.!:-]*)+/i;
const HESITATION = /^(?:(?:uh+|um+|erm?|euh|eh|äh|ähm|ehm)\b[\s,.!…-]*)+/i;
// "oops wrong day, thursday", "I meant wed not thu", "no, friday": the last change's date was wrong.
// "I meant sunday, sorry": the apology after the value says nothing more.
const APOLOGY_AFTER = /[\s,.!]+(?:sorry|soz|my\s+bad|oops)[\s.!]*$/i;
const WRONG_VALUE =
  /^(?:(?:(?:that'?s\s+)?(?:the\s+)?wrong\s+(?:day|date|time)|i\s+(?:meant|mean|said)|(?:make\s+(?:it|that)|it'?s|it\s+is|should\s+be)|on|for|to)\b[\s,.:-]*)+/i;
// A reference after "not that one": "the dentist one", "the last one", "the vet appointment".
const REFERENCE = /^(?:the|that|my|your)\s+\S|\b(?:one|task)$/i;
const MEANT =
  /^(?:i\s+)?(?:meant|mean|wanted|was\s+talking\s+about)\s+(?:to\s+(?:delete|remove|move|mark|complete|finish|tick|change|push|tag)\s+)?(.+?)(?:\s*[,;-]?\s+not\s+(.+))?$/i;
// "it was the rsvp I did, not the playlist": the task meant, said as a cleft.
const CLEFT =
  /^it(?:\s+was|\s+is|'s)\s+(.+?)\s+(?:that\s+)?(?:i|we)\s+(?:did|meant|finished|paid|sent|booked|wanted)(?:\s+to\s+\w+)?(?:\s*[,;-]?\s+not\s+(.+))?$/i;
// "el que va pal viernes es lo del plomero, no la junta": the one the change was for, named.
const THE_ONE_FOR =
  /^(?:the\s+one|(?:el|la)\s+que)\s+(?:(?:va|goes|going)\s+)?(?:for|on|to|pa|pal|para)\s+\S+\s+(?:is|was|should\s+be|es|era)\s+(.+?)(?:\s*[,;-]?\s+(?:not|no)\s+(.+))?$/i;
const NOT_BUT = /^not\s+(.+?)\s*(?:[,;]|\s-\s|\s+but)\s*(?:i\s+meant\s+|it'?s\s+)?(.+)$/i;
const X_NOT_Y = /^(.+?)\s*,\s*not\s+(.+)$/i;
const OTHER = /^(?:the\s+)?other\s+(?:one|task)$/i;
// "oh wait, the parcel isn't picked up yet": a remark about a task, not the task meant instead. "they
// rescheduled it, not cancelled": someone did something; no task is named by a sentence.
const STATEMENT =
  /\b(?:is|are|was|were|isn'?t|aren'?t|wasn'?t|weren'?t|has|have|hasn'?t|haven'?t|didn'?t)\b|'s\s+not\b|^(?:i|we|they|he|she|you)\s+\S/i;

const SAME_FOR =
  /^(?:and\s+|also\s+|then\s+)*(?:do\s+|please\s+do\s+)?(?:the\s+)?same\s+(?:thing\s+)?(?:for|with|to)\s+(.+)$/i;
// "and the kitchen packing, same tag pls": the task first, then that it gets the same ("et le cadeau
// pour Mathilde pareil": just the same).
const SAME_AFTER =
  /^(?:and\s+|also\s+)*(.+?)\s*,?\s+(?:the\s+)?same(?:\s+(?:tags?|time|day|date|priority|reminder|thing|deal))?(?:\s+(?:please|too|as\s+well))*$/i;
// "et celle d'hier aussi": the other languages' "too" where the tables leave it (it is also a title word).
export const TOO = /^(?:and\s+|also\s+)*(.+?)\s+(?:too|also|as\s+well|aussi|auch|también|tambien)$/i;
// "and also the gas", "y también el gas": "also" in front instead of "too" behind.
const ALSO = /^(?:and\s+)?also\s+((?:the|my|el|la|los|las|le|les|der|die|das|den)\s+.+)$/i;

const DAY_MEANT =
  /^(?:next|this|on)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today)\b.*?(?:[-–—,]\s*the\s+\d{1,2}(?:st|nd|rd|th)?)\b/i;

function intended(text: string): string | null {
  // "no, the other one - the Geschenk one": the name after the dash says which other one.
  // "no, the other one, sorry": an apology after the correction says nothing more.
  // "uy no, era la otra jaja": a laugh after it says nothing either (and is no sign of a correction).
  // "euh non, la deuxième": a hesitation first says nothing, neither which nor that it is a correction.
  const said = text.replace(/[\s,.!]+(?:haha+|hehe+|lol)[\s.!]*$/i, "").replace(HESITATION, "");
  const stripped = said
    .replace(/[\s,.!]+(?:sorry|my\s+bad|my\s+mistake|pardon|i\s+meant?)[\s.!]*$/i, "")
    .replace(OOPS, "")
    // "no sorry, it was the other one": the one meant, said as what it was.
    .replace(/^(?:it\s+was|it'?s|it\s+is|that\s+was)\s+(?=(?:the\s+)?(?:other|first|second|third|last)\b)/i, "")
    // "ah no wait, put it back! it's the last one I wanted to delete": the undo is the correction's own.
    // "undo that, I meant the errands": after a comma only when what follows says which was meant.
    .replace(
      /^(?:put\s+it\s+back|restore\s+it|undo\s+(?:that|it))\s*(?:[!.]+|,(?=\s*(?:i\s+)?(?:meant|mean)\b))\s*/i,
      "",
    )
    // "the other one - the agency call has to stay tomorrow": what stays is the wrong one.
    .replace(
      /^((?:the\s+)?other\s+one)\s*(?:[-–—:,]|\s-)\s*[^,.;!?]*\b(?:has|have|is|are|needs?|must|should)\s+(?:to\s+)?(?:stay|remain|keep)\b.*$/i,
      "$1",
    )
    // ("the other one, the landlord still needs doing": a remark after it names nothing.)
    .replace(/^((?:the\s+)?other\s+one)\s*(?:[-–—:,]|\s-)\s*(\S.*)$/i, (_all, one: string, rest: string) =>
      /\bstill\s+(?:needs?|has|have|wants?)\b/i.test(rest) ? one : rest,
    )
    .trim();
  // "nein, die andere – die Fortbildung": after "the other one", the name says which, in any language.
  if (
    /^(?:the\s+)?other\s+one\s*(?:[-–—:]|\s-)\s*(?:die|der|das|den|la|le|les|el|los|las)\s+\S/i.test(
      said.replace(OOPS, ""),
    )
  )
    return stripped;
  const oops = stripped !== said.trim();
  // "actually the flour shouldn't repeat after all": a rule taken back (schedule.ts), no task meant.
  if (
    /\b(?:shouldn'?t|should\s+not|doesn'?t|does\s+not|no\s+longer)\s+(?:need\s+to\s+)?(?:repeat|recur)\b/i.test(
      stripped,
    )
  )
    return null;
  // "actually the other one too, i'm sick all week": one more, not instead (elliptical.ts).
  if (/\b(?:too|as\s+well)$/i.test(stripped.split(/\s*[,;]\s*/)[0]!)) return null;
  let m: RegExpExecArray | null;
  m = MEANT.exec(stripped);
  // "no, i mean don't delete it, mark it as done": a command taken back, not the task meant (undoThen).
  if (m && /^(?:don'?t|do\s+not|never)\b/i.test(m[1]!)) return null;
  // "I meant next tuesday - the 22nd": a day meant, not a task (wrongDate).
  if (m && DAY_MEANT.test(m[1]!)) return null;
  if (m) return m[1]!;
  m = CLEFT.exec(stripped) ?? THE_ONE_FOR.exec(stripped);
  if (m) return m[1]!;
  m = NOT_BUT.exec(stripped);
  if (m) return m[2]!;
  m = oops ? X_NOT_Y.exec(stripped) : null;
  if (m && !STATEMENT.test(m[1]!)) return m[1]!;
  if (oops && OTHER.test(stripped)) return stripped;
  // "argh no the first one, stats isn't finished yet": the one meant, then why (a statement after the comma).
  const [head = "", ...why] = stripped.split(/\s*[,;]\s*/);
  if (
    oops &&
    why.length &&
    (REFERENCE.test(head) || OTHER.test(head)) &&
    !STATEMENT.test(head) &&
    STATEMENT.test(why.join(", ")) &&
    !NEW_COMMAND.test(head) &&
    // "hmm the sketches one, can you put it on saturday instead, …": a request of its own about it.
    !/^(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:put|move|push|make|set|change|bump)\s+it\b/i.test(why[0] ?? "")
  )
    return head;
  // "wait no, undo that last one": a command of its own, not the task meant.
  if (
    oops &&
    REFERENCE.test(stripped) &&
    !/\s(?:to|by|on|as)\s/i.test(stripped) &&
    !STATEMENT.test(stripped) &&
    !NEW_COMMAND.test(stripped.replace(/^(?:and|also|then)\s+/i, ""))
  )
    return stripped;
  // "not that one, the grocery run": after an explicit "not that one", what follows is the one meant.
  if (/^not\s+(?:that|this)\s+one\b/i.test(text.trim()) && stripped && !/\s(?:to|by|on|as)\s/i.test(stripped))
    return stripped;
  return null;
}

/**
 * Tasks the last change could have been meant for instead: the same head noun ("Pay the
 * water bill" for "Pay the electricity bill") or mostly the same words, in a state the
 * change applies to (a completion looks among open tasks).
 */
function lookalikes(change: Change, tasks: TaskSnapshot[]): TaskSnapshot[] {
  // A deleted task is no longer in the list: its title comes from the change's result.
  const gone = (change.results as Array<{ task?: TaskSnapshot } | null>)
    .map((r) => r?.task)
    .filter((t): t is TaskSnapshot => !!t?.title);
  const touched = change.touched
    .map((n) => tasks.find((t) => t.number === n) ?? gone.find((t) => t.number === n))
    .filter((t): t is TaskSnapshot => !!t);
  if (touched.length !== 1) return [];
  // The title's object words (its leading verb left out: "Call mom" is no "Call dad").
  const objectWords = (title: string) => {
    const s = contentStems(title);
    return s.length > 1 ? s.slice(1) : s;
  };
  const mine = objectWords(touched[0]!.title);
  // Of those, the words the user's mistaken reference used ("the electricity bill" → bill), if any.
  const said = contentStems(change.userText).filter((w) => mine.includes(w));
  const keys = said.length ? said : mine;
  const first = change.calls[0]!;
  const wanted = first.tool === "complete_task" ? (first.input.completed === false ? "completed" : "pending") : null;
  return tasks.filter((t) => {
    if (t.number === touched[0]!.number || (wanted && t.status !== wanted)) return false;
    return objectWords(t.title).some((w) => keys.includes(w));
  });
}

/**
 * Of the adds tried last, the ones the phrase ("add the parent-teacher night", "just the stamps, for
 * tomorrow") names, if some but not all; a day said with them is theirs now.
 */
function someAdds(phrase: string, calls: ToolCall[], ctx: Ctx): ToolCall[] | null {
  const said = /^add\s+(.+)$/i.exec(phrase)?.[1] ?? phrase;
  if (!calls.every((c) => c.tool === "add_task")) return null;
  const dated = extractDate(said, ctx.date);
  const named = (dated.date ? dated.rest : said).replace(/[\s,]+(?:for|on|by|pour|para|für)?\s*$/i, "");
  const drafts = calls.map((c, i) => ({ ...stub(i + 1), title: String(c.input.title ?? "") }));
  // Named whole: "add fix the closet door for saturday" says something new, and is an add of its own.
  const found = resolveSeveral(named, drafts).flatMap((o) =>
    o.kind === "one" && !o.partial ? [o.task.number - 1] : [],
  );
  const picked = calls
    .filter((_, i) => found.includes(i))
    .map((c) => (dated.date ? { ...c, input: { ...c.input, dueDate: dated.date.value } } : c));
  return picked.length && picked.length < calls.length ? picked : null;
}

/** The one task the last change touched, as it stands now. */
const onlyTouched = (change: Change, tasks: TaskSnapshot[]) =>
  change.touched.length === 1 ? tasks.find((t) => t.number === change.touched[0]) : undefined;

const NARROW =
  /^(?:(?:ok(?:ay)?|fine|alright|then|sorry|actually|no|nah|nope|oops|well|wait|hm+|m{2,}|i\s+mean|bueno|vale|pues|na\s+gut|doch\s+nicht|nein|not|non|not\s+(?:all|everything|all\s+of\s+them|both))\b[\s,.!]*)*(?:i\s+)?(?:just|only|juste|seulement|solo|sólo|nur)\s+(?:(?:meant|wanted)\s+(?:to\s+)?(?=add\s)|do\s+)?(.+?)(?:\s+(?:is|are|was|were)\s+(?:actually\s+|really\s+)?(?:done|finished|complete|completed|needed)|\s+(?:should|needs?\s+to|has\s+to)\s+(?:be\s+)?(?:high|low|medium|urgent|moved|done)(?:\s+priority)?)?(?:\s+then)?$/i;

const NEW_COMMAND = new RegExp(`^(?:${COMMAND_LEADS.map((w) => w.replace(/\s+/g, "\\s+")).join("|")})\\s`, "i");

const DEED_TOOLS: Record<string, string> = {
  delete: "delete_task",
  remove: "delete_task",
  mark: "complete_task",
  complete: "complete_task",
  finish: "complete_task",
  tick: "complete_task",
  move: "update_task",
  push: "update_task",
  change: "update_task",
  tag: "update_task",
};

/** "i meant to delete the mechanic one": the deed of the change just undone, said again of another task. */
function saysSameDeed(text: string, change: Change): boolean {
  const verb = /\bmeant\s+to\s+(\w+)\b/i.exec(text)?.[1]?.toLowerCase();
  const tool = verb ? DEED_TOOLS[verb] : undefined;
  return !!tool && change.calls.every((c) => c.tool === tool);
}

/** Whether the assistant's latest tool-using turn only undid something ("undo" just ran). */
function justUndone(ctx: Ctx): boolean {
  const last = [...(ctx.history ?? [])].reverse().find((t) => t.role === "assistant" && t.calls?.length);
  return !!last && last.calls!.every((c) => c.tool === "undo_operation");
}

// "and milk", "oh and dishwasher tablets" right after an add: one more thing of the same kind.
// "and pack the charger too, same time": one more, when the one before is due.
const ONE_MORE =
  /^(?:(?:oh|ah|ok|and)[\s,]+)*(?:and|also|plus)\s+((?:[^\s,]+\s+){0,3}?[^\s,]+)(?:\s+(?:too|as\s+well))?(?:\s*,?\s*(?:at\s+)?(?:the\s+)?same\s+(time|day))?$/i;

// "und kollegen wegen urlaubsvertretung fragen, morgen, auch mit tag arbeit": one more deed in German,
// Spanish or French, said with its own when and tags.
const ONE_MORE_DEED = /^(?:(?:oh|ah|ok|and)[\s,]+)*(?:(?:and|also|plus)\s+)?([^,]+?)(\s*,.*)?$/i;
const SAID_AND = /^\W*(?:and|und|y|et|also|auch|plus|n)\s/i;
// (The tables have already taken the "and" off the text.)
const AND_THING = /^(?:(?:and|also|plus)\s+)?((?!(?:it|that|this|them|those)\b).+)$/i;

function oneMore(text: string, ctx: Ctx, before: Change): Interpretation | null {
  const deed = ctx.language !== "en" && SAID_AND.test(ctx.typed) ? ONE_MORE_DEED.exec(ctx.text) : null;
  // "und reisekosten abrechnen bis freitag": the deed without its date starts (or ends) like a to-do.
  const undated = deed ? extractDate(deed[1]!, ctx.date).rest : "";
  if (deed && startsLikeTodo(undated, ctx.language) && resolveOne(undated, ctx.tasks).kind === "none") {
    const body = `${deed[1]}${deed[2] ?? ""}`.replace(/[\s,]+(?:too|also|as\s+well)(?=[\s,]|$)/gi, " ");
    const out = buildAdds({ body, strength: 0.75 }, { ...ctx, text: body, lower: body.toLowerCase() });
    if (out.calls.length === 1) return out;
  }
  const m = ONE_MORE.exec(text);
  if (!m || /\b(?:too|as\s+well|it|that|them|this|one)\b/i.test(m[1]!)) return null;
  // A thing on the list already is a reference ("and the invoice"), not a new item.
  if (resolveOne(m[1]!, ctx.tasks, { history: ctx.history }).kind !== "none") return null;
  const sub = { ...ctx, text: m[1]!, lower: m[1]!.toLowerCase() };
  const out = buildAdds({ body: m[1]!, strength: 0.75 }, sub);
  if (out.calls.length !== 1 || /^(?:the|my)\b/i.test(m[1]!)) return null;
  const due = before.calls.find((c) => c.tool === "add_task")?.input.dueDate;
  if (m[2] && typeof due === "string" && !out.calls[0]!.input.dueDate)
    out.calls[0]!.input.dueDate = /^day$/i.test(m[2]) ? due.slice(0, 10) : due;
  return out;
}

/** "tomorrow's one", "friday's": the one open task due that day. */
export function dayOne(phrase: string, ctx: Ctx): TaskSnapshot | null {
  // "friday's", "the thursday one", "the one on saturday".
  const m =
    /^(?:the\s+)?(?:(\S+?)'s(?:\s+(?:one|task))?|(\S+?)\s+(?:one|task)|(?:one|task)\s+(?:on|for|due)\s+(\S+))$/i.exec(
      phrase.trim(),
    );
  const said = m ? (m[1] ?? m[2] ?? m[3])! : null;
  const day = said ? extractDate(said, ctx.date).date : null;
  if (!day || day.hasTime) return null;
  const iso = day.value.slice(0, 10);
  const due = ctx.tasks.filter((t) => {
    const d = t.status === "pending" && t.dueDate ? dayInZone(t.dueDate, ctx.date.timeZone) : null;
    return !!d && isoDate(d) === iso;
  });
  if (due.length === 1) return due[0]!;
  // "another one friday" … "the friday one make it 7": of several that day, the one just made or changed.
  const touched = dialogueState(ctx.history).lastChange?.touched ?? [];
  const recent = due.filter((t) => touched.includes(t.number));
  return recent.length === 1 ? recent[0]! : null;
}

export function correction(ctx: Ctx): Interpretation | null {
  const state = dialogueState(ctx.history);
  // "ok, only the dishes then" after rejecting (or undoing) a bulk change: the same change, on that task only.
  const narrow =
    state.lastAttempt?.rejected || (justUndone(ctx) && (state.lastAttempt?.calls.length ?? 0) > 1)
      ? NARROW.exec(
          ctx.raw
            .replace(/[.!?…]+$/g, "")
            // "…, sorry, half asleep": the apology after it says nothing of which.
            .replace(/\s*,\s*(?:sorry|my\s+bad|my\s+mistake|oops)\b.*$/i, "")
            .trim(),
        )
      : null;
  // "sorry, I only meant to add the parent-teacher night" after undoing two adds: that one, added again.
  const readd = narrow && state.lastAttempt ? someAdds(narrow[1]!, state.lastAttempt.calls, ctx) : null;
  if (readd) return result("add_task", readd, { narrowed: true }, 0.8);
  // "ok just mark the advent calendar one done": a command of its own, not the same change narrowed.
  if (narrow && state.lastAttempt && !NEW_COMMAND.test(narrow[1]!)) {
    const attempt = state.lastAttempt;
    const first = attempt.calls[0]!;
    const same = attempt.calls.every((c) => c.tool === first.tool);
    // "just the gutters to saturday then": the same kind of change, to the day said now.
    const moved = first.tool === "update_task" && first.input.dueDate ? extractDate(narrow[1]!, ctx.date) : null;
    const phrase = moved?.date ? moved.rest.replace(/\s+(?:to|for|on|till|until)\s*$/i, "").trim() : narrow[1]!;
    // "just the lisbon flights and the deutschlandticket then", "just the last two then": the same change on those few.
    const several = resolveSeveral(phrase, ctx.tasks, { history: ctx.history });
    const named = several.flatMap((o) => (o.kind === "one" ? [o.task] : []));
    const out = resolveOne(phrase, ctx.tasks, { history: ctx.history });
    const tasks = named.length > 1 && named.length === several.length ? named : out.kind === "one" ? [out.task] : [];
    if (tasks.length && same) {
      const calls = tasks.flatMap((t) =>
        retarget([attempt.calls.find((c) => c.input.task === t.number) ?? first], t, ctx.date).map((c) =>
          moved?.date ? { ...c, input: { ...c.input, dueDate: dueFor(t, moved.date, ctx.date.timeZone) } } : c,
        ),
      );
      if (calls.length === tasks.length)
        return result(first.tool, calls, { tasks: tasks.map((t) => t.number), narrowed: true }, 0.8);
    }
  }
  const change = state.lastChange;
  if (!change) return null;
  const text = ctx.raw.replace(TRAILING_FEELINGS, "").trim();
  const redated = state.changeIsLatest ? (wrongReminder(text, change, ctx) ?? wrongDate(text, change, ctx)) : null;
  if (redated) return redated;
  if (change.calls.some((c) => c.tool === "add_task")) {
    if (!state.changeIsLatest) return null;
    // "add buy new jumpers for jack by the 18th" … "and same for mia": the same new task, for someone else.
    const forWhom = SAME_FOR.exec(text);
    return (
      (forWhom ? sameAddFor(forWhom[1]!, change, ctx) : null) ??
      anotherOn(text, change, ctx) ??
      oneMore(text, ctx, change)
    );
  }

  // "devuélvemela" then "la que había que borrar era la del mecánico": the wrong change is undone
  // already, so the one meant is made alone.
  const undone = !state.changeIsLatest && justUndone(ctx) && saysSameDeed(text, change);
  const undo = undone ? [] : [{ tool: "undo_operation" as const, input: {} }];
  const said = state.changeIsLatest || undone ? intended(text) : null;
  // "i meant the reading, stats isn't done yet": the task meant ends with its phrase; a remark may follow.
  const head = said?.split(/\s*[,;.!?]\s+/)[0]?.trim();
  const target =
    said && head && head !== said && resolveOne(said, ctx.tasks, { history: ctx.history }).kind !== "one" ? head : said;
  if (target) {
    let out: RefOutcome = resolveOne(target, ctx.tasks, { history: ctx.history });
    // "no, the other one" with no list shown: the tasks the mistaken reference could have meant.
    if (out.kind !== "one" && OTHER.test(target.replace(OOPS, "").trim())) {
      const alike = lookalikes(change, ctx.tasks);
      if (alike.length === 1) out = { kind: "one", task: alike[0]!, via: "title" };
      else if (alike.length > 1) out = { kind: "many", candidates: alike, phrase: "the other one" };
    }
    // "no wait, I meant the errands": a tag's name, said of the tasks that carry it, means them all.
    const tag = target
      .replace(/^(?:the|all\s+(?:the|my)|my)\s+/i, "")
      .replace(/\s+(?:ones|tasks|stuff)$/i, "")
      .toLowerCase();
    const tagged =
      out.kind === "many" && out.candidates.every((t) => t.tags.some((x) => x.toLowerCase() === tag))
        ? out.candidates.filter((t) => !change.touched.includes(t.number))
        : [];
    if (tagged.length > 1 && tagged.length <= 10) {
      const calls = [
        ...undo,
        ...tagged.flatMap((t) =>
          retarget(change.calls, t, ctx.date, { task: onlyTouched(change, ctx.tasks), said: change.userText }),
        ),
      ];
      return result("correction", calls, { tasks: tagged.map((t) => t.number), undo: !undone }, 0.8);
    }
    if (out.kind !== "one") return clarifyReference(out, "change instead", { correction: true }, ctx.language);
    if (change.touched.includes(out.task.number)) return null;
    const calls = [
      ...undo,
      ...retarget(change.calls, out.task, ctx.date, {
        task: onlyTouched(change, ctx.tasks),
        said: change.userText,
      }),
    ];
    return result("correction", calls, { tasks: [out.task.number], undo: !undone }, 0.8);
  }

  const same = SAME_FOR.exec(ctx.text);
  // "y lo del banco también, que ya tengo la cita": why, after the "too", is no part of it.
  const bare = ctx.text.replace(/\s*,\s*(?:que|because|since|porque|parce\s+que|car|weil|denn)\s+.+$/i, "");
  // "and ch 1" right after a completion or a deletion: the same for the one named whole.
  const finished = change.calls.every((c) => c.tool === "complete_task" || c.tool === "delete_task");
  const m =
    same ??
    SAME_AFTER.exec(ctx.text) ??
    TOO.exec(bare) ??
    ALSO.exec(ctx.raw.replace(/^(?:ah|oh|ok)[\s,]+/i, "").replace(/[.!?]+$/, "")) ??
    (finished && SAID_AND.test(ctx.typed) ? AND_THING.exec(ctx.text) : null);
  if (!m) return null;
  // "same for the grandpa call, but every sunday": the same change, with one thing said otherwise.
  const but = m === same ? SAME_BUT.exec(m[1]!) : null;
  const named = but ? but[1]! : m[1]!;
  const byDay = dayOne(named, ctx);
  const out = byDay
    ? { kind: "one" as const, task: byDay, partial: false }
    : resolveOne(named, ctx.tasks, { history: ctx.history });
  if (out.kind !== "one" || out.partial || change.touched.includes(out.task.number)) return null;
  let calls = retarget(change.calls, out.task, ctx.date, {
    task: onlyTouched(change, ctx.tasks),
    said: change.userText,
  });
  if (but) calls = otherwise(calls, but[2]!, out.task, ctx);
  if (!calls.length) return null;
  return result(calls[0]!.tool, calls, { tasks: [out.task.number], ellipsis: true }, 0.8);
}

function sameAddFor(who: string, change: Change, ctx: Ctx): Interpretation | null {
  const [add] = change.calls;
  if (change.calls.length !== 1 || add?.tool !== "add_task" || !/^\p{L}+(?:\s\p{L}+)?$/u.test(who.trim())) return null;
  // "… and same for friday" is a day, not a person.
  if (extractDate(who, ctx.date).date) return null;
  const title = String(add.input.title ?? "");
  const person = /\b(for|with|to)\s+(\p{L}[\p{L}'’-]*)$/u.exec(title);
  if (!person) return null;
  const name = who.trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const input = { ...add.input, title: `${title.slice(0, person.index)}${person[1]} ${name}` };
  return result("add_task", [{ tool: "add_task", input }], { titles: [input.title], ellipsis: true }, 0.8);
}

// "and another one friday, same time": the task just added, once more on another day.
// "same for wednesday", "and tuesday as well but 8am": the same, said with the day.
const ANOTHER_ON =
  /^(?:(?:and|ok(?:ay)?|oh\s+and|plus)[\s,]+)?(?:(?:another|one\s+more)(?:\s+one)?\s+(.+)|same\s+(?:for|on)\s+(.+)|(.+?)\s+(?:too|as\s+well|also)(?:\s*,?\s*but\s+(?:at\s+)?(.+))?)$/i;

/** The new task again on the day said, at its time unless another is said; its reminder is its own. */
function anotherOn(text: string, change: Change, ctx: Ctx): Interpretation | null {
  const [add] = change.calls;
  const m = ANOTHER_ON.exec(text);
  if (!m || change.calls.length !== 1 || add?.tool !== "add_task") return null;
  const said = (m[1] ?? m[2] ?? `${m[3]}${m[4] ? ` at ${m[4]}` : ""}`).replace(
    /\s*,?\s*(?:at\s+)?(?:the\s+)?same\s+time$/i,
    "",
  );
  const found = extractDate(said, ctx.date);
  if (!found.date || found.rest.replace(/[\s,.!-]+|\b(?:on|for)\b/gi, "")) return null;
  // A time alone ("another one 5pm") says no other day; a repeating task's copy is no plain one.
  if (/^(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|h)?$/i.test(said.trim()) || add.input.repeat) return null;
  const before = typeof add.input.dueDate === "string" ? add.input.dueDate : null;
  const dueDate = /T/.test(found.date.value)
    ? found.date.value
    : keepTimeOf({ dueDate: before }, found.date.value, ctx.date.timeZone);
  // ("and next week as well" names no other day than the one it has.)
  if (dueDate === before) return null;
  const { remindAt: _r, ...rest } = add.input;
  const input = { ...rest, dueDate };
  return result("add_task", [{ tool: "add_task", input }], { titles: [String(add.input.title)], ellipsis: true }, 0.8);
}

const SAME_BUT = /^(.+?)\s*,?\s+but\s+(?:make\s+it\s+|on\s+)?(.+)$/i;

/** The copied change with the repeat or the day said after "but" instead; nothing if it says something else. */
function otherwise(calls: ToolCall[], said: string, task: TaskSnapshot, ctx: Ctx): ToolCall[] {
  const repeat = repeatRuleOnly(said, ctx.date);
  if (repeat && !repeat.rest) {
    if (!calls.some((c) => "repeat" in c.input)) return [];
    return calls.map((c) => ("repeat" in c.input ? { ...c, input: { ...c.input, repeat: repeat.rule } } : c));
  }
  const day = extractDate(said, ctx.date);
  if (!day.date || day.rest.replace(/[\s,.!-]+/g, "")) return [];
  if (!calls.some((c) => "dueDate" in c.input)) return [];
  const dueDate = keepTimeOf(task, day.date.value, ctx.date.timeZone);
  return calls.map((c) => ("dueDate" in c.input ? { ...c, input: { ...c.input, dueDate } } : c));
}

/**
 * "next tuesday - the 22nd": the rest of the text names the day again, by its date. The date, the more
 * exact of the two, is the one meant when it falls on the same weekday ("next tuesday" may be either).
 */
function restated(found: ReturnType<typeof extractDate>, ctx: Ctx): ReturnType<typeof extractDate> | null {
  const again = extractDate(found.rest.replace(/^[\s,–—-]+/, ""), ctx.date);
  if (!again.date || again.rest.replace(/[\s,.!-]+/g, "") !== "") return null;
  const weekday = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).getUTCDay();
  return weekday(again.date.value) === weekday(found.date!.value) ? again : null;
}

/**
 * "no, make it 10pm", "uy no, mejor a las 10 de la noche, que a las 9 estoy cenando" right after a
 * reminder was set: the reminder's time was the one wrong. A time alone keeps the reminder's day.
 */
function wrongReminder(text: string, change: Change, ctx: Ctx): Interpretation | null {
  const reminded = change.calls.filter(
    (c) => c.tool === "update_task" && typeof c.input.remindAt === "string" && !("dueDate" in c.input),
  );
  if (!reminded.length || reminded.length !== change.calls.length) return null;
  const plain = text.replace(APOLOGY_AFTER, "");
  const stripped = plain.replace(OOPS, "");
  const said = stripped.replace(WRONG_VALUE, "").replace(REASON_AFTER_CHANGE, "");
  if (stripped === plain && said === stripped) return null;
  const meant = said.replace(/\s*[,;]?\s+(?:not|instead\s+of|rather\s+than)\s+.+$/i, "");
  const found = extractDate(meant, ctx.date);
  if (!found.date || found.rest.replace(/[\s,.!-]+/g, "") !== "") return null;
  const date = found.date;
  const time = timeOnlyOf(date);
  const calls = reminded.map((c) => {
    const task = ctx.tasks.find((t) => t.number === c.input.task);
    // "actually make that thursday": the reminder's own time on the day said.
    const was = task ? { ...task, dueDate: String(c.input.remindAt) } : null;
    const remindAt = !was
      ? date.value
      : !date.hasTime
        ? keepTimeOf(was, date.value, ctx.date.timeZone)
        : time
          ? atTime(was, time, ctx.date.timeZone)
          : date.value;
    return { tool: "update_task" as const, input: { task: c.input.task, remindAt } };
  });
  return result("update_task", calls, { tasks: change.touched, correction: "reminder" }, 0.8);
}

/**
 * "oops wrong day, thursday", "I meant wed not thu", "no, friday": the day the last change set
 * was not the one meant. The same task(s) get the new day (their time of day kept), with no undo:
 * nothing else about the change was wrong.
 */
function wrongDate(text: string, change: Change, ctx: Ctx): Interpretation | null {
  const dated = change.calls.filter(
    (c) => (c.tool === "add_task" || c.tool === "update_task") && typeof c.input.dueDate === "string",
  );
  if (!dated.length || change.touched.length !== dated.length) return null;
  const plain = text.replace(APOLOGY_AFTER, "");
  const stripped = plain.replace(OOPS, "");
  const oops = stripped !== plain;
  const said = stripped.replace(WRONG_VALUE, "");
  if (!oops && said === stripped) return null;
  // "wed not thu": only the first date is the one meant.
  const meant = said.replace(/\s*[,;]?\s+(?:not|instead\s+of|rather\s+than)\s+.+$/i, "");
  const first = extractDate(meant, ctx.date);
  if (!first.date) return null;
  const found = first.rest.replace(/[\s,.!-]+/g, "") === "" ? first : restated(first, ctx);
  if (!found?.date) return null;
  const explicitTime =
    /T/.test(found.date.value) && /\d(?:\s*(?:am|pm)|:\d\d)|\bnoon\b|\bmidnight\b/i.test(found.date.text);
  // "actually make it 7:30": a time alone keeps each task's new day.
  const time = timeOnlyOf(found.date);
  const calls = change.touched.map((number) => {
    const task = ctx.tasks.find((t) => t.number === number) ?? null;
    const date = found.date!;
    const dueDate =
      task && time
        ? atTime(task, time, ctx.date.timeZone)
        : task && !explicitTime
          ? keepTimeOf(task, date.value, ctx.date.timeZone)
          : date.value;
    return { tool: "update_task" as const, input: { task: number, dueDate } };
  });
  return result("update_task", calls, { tasks: change.touched, correction: "date" }, 0.8);
}
