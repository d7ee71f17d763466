// Entry point of the offline interpreter: from what the user typed to tool calls of the
// contract (or a direct reply). Pure and deterministic: same input, same output.
// One file (over 300 lines): the order in which the intents are tried is the main decision and reads best whole.
import { addItSaid, ask, makeCtx, result, type Ctx } from "./context";
import { add, buildAdds, parseTaskText, reportsPast, verbless } from "./intents/add";
import { complete } from "./intents/complete";
import { correction, TOO } from "./intents/correction";
import { del } from "./intents/delete";
import { remark } from "./intents/remark";
import { elliptical } from "./intents/elliptical";
import { followup } from "./intents/followup";
import { asks, list } from "./intents/list";
import { smalltalk, smalltalkLead, THANKED } from "./intents/smalltalk";
import { schedule } from "./intents/schedule";
import { undo } from "./intents/undo";
import { update } from "./intents/update";
import { REASON_AFTER_CHANGE, TODO_VERBS } from "./text";
import { COMMAND_LEADS, EITHER_VERBS, LIST_VERBS, NOUN_DELETE_VERBS } from "./lexicon";
import { splitClauses } from "./clauses";
import { extractPriority } from "./modifiers";
import { ambiguousTopic, topicFirst } from "./topic";
import { storyTask } from "./story";
import { dialogueState } from "./dialogue";
import type { HistoryTurn, InterpretInput, Interpretation, TaskSnapshot, ToolCall } from "./types";
import type { Language } from "./normalize";
import type { QuestionKind } from "./reply";
import { isValidTimeZone } from "@/lib/time/zone";
import { messages } from "./messages";
import { OFFSET, remindBefore } from "./reminders";
import { resolveOne, resolveSeveral } from "./references";

// Order matters: specific commands before broad ones ("add a note to task 2" is an
// update, "remove the due date" is not a delete, "I walked the dog" is checked last).
const STEPS: Array<(ctx: Ctx) => Interpretation | null> = [
  smalltalk,
  undo,
  list,
  schedule,
  update,
  remark,
  complete,
  del,
  add,
];

// "urgent: call the plumber", "low priority - sort out the spare room", "!! renew the insurance".
const PRIORITY_LABEL =
  /^(?:(?:(?:high|low|medium|normal|top)[-\s]+priority|urgent|important|asap)\s*[:\-–—!]+|!{2,})\s*(?=\S)/i;

/** A line like "buy milk tomorrow" typed with no command is most likely a new task. */
function bareTodo(ctx: Ctx): Interpretation | null {
  if (ctx.question) return null;
  // A priority label in front says it is a task, whatever its first word.
  if (PRIORITY_LABEL.test(ctx.text)) return buildAdds({ body: ctx.text, strength: 0.6 }, ctx);
  const first = ctx.text.split(/\s+/)[0]?.toLowerCase() ?? "";
  // "put the bins out tonight": "put … out/away" is a chore, where "put" alone may move or list a task.
  const chore =
    first === "put" &&
    /^put\s+(?:(?:out|away)\s+(?!it\b|that\b|this\b|them\b)\S|(?!it\b|that\b|this\b|them\b).+?\s+(?:out|away)\b)/i.test(
      ctx.text,
    );
  if ((!TODO_VERBS.has(first) && !chore) || ctx.text.split(/\s+/).length < 2) return null;
  // "move task 3" mentions an existing task: not a new one.
  if (/\b(?:task|item|number)\s*#?\d+\b|(?:^|\s)#\d+\b/i.test(ctx.text)) return null;
  if (/^\S+\s+(?:it|that|this|them)$/i.test(ctx.text)) return null;
  const parsed = parseTaskText(ctx.text, ctx);
  const dup = ctx.tasks.find((t) => t.status === "pending" && t.title.toLowerCase() === parsed.title.toLowerCase());
  if (dup) {
    return ask(messages(ctx.language).alreadyHave(`#${dup.number} ${dup.title}`), { titles: [parsed.title] }, 0.4);
  }
  return buildAdds({ body: ctx.text, strength: 0.55 }, ctx);
}

function unknown(ctx: Ctx): Interpretation {
  const shown = ctx.typed.length > 60 ? `${ctx.typed.slice(0, 57)}…` : ctx.typed;
  if (ctx.question) {
    return ask(messages(ctx.language).onlyTodo, {}, 0.2, "unknown");
  }
  // "thanks!! she comes home next week": thanks, then news that asks for nothing.
  const lead = smalltalkLead(ctx.raw);
  if (lead && THANKED.test(ctx.raw.slice(0, lead))) return result("thanks", [], {}, 0.6, messages(ctx.language).thanks);
  return ask(
    messages(ctx.language).notUnderstood(shown, messages(ctx.language).addOffer),
    { text: ctx.typed },
    0.2,
    "unknown",
  );
}

function run(ctx: Ctx): Interpretation {
  for (const step of STEPS) {
    const r = step(ctx);
    if (r) return r;
  }
  return bareTodo(ctx) ?? verbless(ctx) ?? unknown(ctx);
}

export function interpret(input: InterpretInput): Interpretation {
  const out = understand(input, true);
  // One change asked for twice ("and the dog sitter one too" read by two rules) is made once.
  const calls = uniqueCalls(out.calls);
  return calls.length === out.calls.length ? out : { ...out, calls };
}

function uniqueCalls(calls: ToolCall[]): ToolCall[] {
  const seen = new Set<string>();
  return calls.filter((c) => {
    const key = JSON.stringify(c);
    return !seen.has(key) && !!seen.add(key);
  });
}

/**
 * `split`: whether a message understood as nothing may still be two thoughts (never inside one of them).
 * `normalizedIn`: the text is a part of a message already normalised, in that message's language.
 */
function understand(input: InterpretInput, split: boolean, normalizedIn?: Language): Interpretation {
  if (!isValidTimeZone(input.timeZone)) input = { ...input, timeZone: "UTC" };
  const ctx = makeCtx(input, undefined, normalizedIn);

  const small = smalltalk(ctx);
  if (small) return small;

  const undone = split ? undoThen(input, ctx) : null;
  if (undone) return undone;

  const fix = correction(ctx);
  if (fix) return fix;

  const f = followup(ctx);
  if (f) {
    const prevInput = {
      ...input,
      text: f.kind === "cancel" ? "" : f.kind === "rewrite" ? f.text : f.previous,
      history: input.history?.slice(0, -2),
    };
    if (f.kind === "cancel") return result("cancel", [], {}, 0.8, messages(ctx.language).cancelled);
    if (f.kind === "rewrite") {
      const again = run(makeCtx(prevInput));
      if (again.calls.length)
        return {
          ...again,
          confidence: Math.min(again.confidence, 0.8),
          entities: { ...again.entities, followup: true },
        };
      return run(ctx);
    }
    if (f.kind === "add") {
      const prev = makeCtx(prevInput);
      return buildAdds({ body: prev.text, strength: 0.8 }, prev);
    }
    let again = run(makeCtx(prevInput, f.override as TaskSnapshot));
    // "Ich habe die Rechnung bezahlt, bitte abhaken": the part of the request that asked, with the task chosen.
    for (const part of again.calls.length ? [] : prevInput.text.split(/\s*[,;.!?]+\s*/).filter(Boolean)) {
      again = run(makeCtx({ ...prevInput, text: part }, f.override as TaskSnapshot));
      if (again.calls.length) break;
    }
    if (again.calls.length)
      return {
        ...again,
        confidence: Math.min(again.confidence, 0.85),
        entities: { ...again.entities, followup: true },
      };
  }
  const out =
    quotedRequest(input, ctx) ??
    (split ? withoutTrailingRemark(input, ctx) : null) ??
    addThat(input, ctx) ??
    (split ? buried(input, ctx) : null) ??
    topic(input, ctx) ??
    multi(input, ctx) ??
    sentences(input, ctx) ??
    askedOfNamed(input, ctx) ??
    run(ctx);
  // "need to move the couch to the garage": a change said as a need that names none of the tasks is a to-do.
  const need = NEED_LEAD.exec(ctx.raw);
  if (need && out.intent === "clarify" && out.entities.ref && !out.entities.candidates && !out.entities.tasks) {
    const todo = run(makeCtx({ ...input, text: `add ${ctx.raw.slice(need[0].length)}` }, undefined, ctx.language));
    if (todo.calls.length && todo.calls.every((c) => c.tool === "add_task")) return todo;
  }
  // Understood as nothing, or as a new task: it may be one more change to what we just changed.
  if (!out.calls.length)
    return (
      elliptical(ctx) ??
      eitherQuestion(input, ctx) ??
      (split ? (twoThoughts(input, ctx) ?? withoutAside(input, ctx, true)) : null) ??
      out
    );
  if (out.calls.every((c) => c.tool === "add_task")) {
    const more = elliptical(ctx);
    if (more) return more;
    // "finished the invoice, the dry cleaning can wait till tomorrow" is no list of two new things.
    const two = split && out.confidence < 0.7 ? twoThoughts(input, ctx) : null;
    if (two?.calls.some((c) => c.tool !== "add_task")) return two;
    // "i'm completely slammed, push both of them to friday": a remark read as a task beside a clear command.
    const aside = split && out.confidence < 0.7 ? withoutAside(input, ctx, true) : null;
    // "ugh forgot again. add call the council …": a remark, then an add said in so many words, is no
    // verbless list of two.
    const addSaid = /[.!?…]\s+(?:(?:pls|please|so|ok|and)\s+)?add\s/i.test(ctx.text);
    const surer = addSaid && out.entities.verbless === true && (aside?.confidence ?? 0) > out.confidence;
    if (aside && (surer || aside.calls.some((c) => c.tool !== "add_task"))) return aside;
  }
  return out;
}

const NEED_LEAD = /^(?:(?:i|we)\s+)?(?:(?:really\s+)?(?:need|have|got)\s+to|gotta)\s+/i;

// "am i free tomorrow or is there stuff due?": one question asked two ways; the first way that is understood.
const OR_ASKED = /\s+or\s+(?=(?:is|are|am|do|does|did|have|has|was|were|will|can)\s)/i;

function eitherQuestion(input: InterpretInput, ctx: Ctx): Interpretation | null {
  // Typed without its "?" ("am i free tmrw or is there stuff due"), a question still opens with its verb.
  const asked = ctx.question || /^(?:am|is|are|do|does|did|have|has|was|were|will|can)\s/i.test(ctx.text);
  if (!asked || !OR_ASKED.test(ctx.text)) return null;
  for (const way of ctx.text.split(OR_ASKED)) {
    const out = run(makeCtx({ ...input, text: `${way}?` }, undefined, ctx.language));
    if (out.calls.length) return out;
  }
  return null;
}

// "dentist friday at 3, add that please", "Zahnarzt übermorgen um halb vier, trag das bitte ein": the
// thing first, then a command that points back at it.
const ADD_THAT =
  /^(.+?)\s*[,;:]\s*(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:add|put|note|jot|write|save|log)(?:\s+(?:it|that|this|das|es))?(?:\s+(?:down|in|on|for\s+me|(?:to|on|onto|in)\s+(?:my|the)\s+(?:to-?do\s+)?list))*(?:\s+please)?$/i;

function addThat(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const m = ADD_THAT.exec(ctx.text);
  if (!m) return null;
  // "ugh what a day. … anyway i need to email the deck to Priya by 9, can you put that on my list": the
  // thing is what the last sentence says.
  const thing =
    m[1]!
      .split(/(?<=[.!?…])\s+|\s*\banyway\b[\s,]*/i)
      .filter((p) => p.trim())
      .at(-1) ?? m[1]!;
  // "i need to …" says it is a to-do itself; anything else is added as said. ("… and the one useful
  // thing is that I have to send the samples by Friday": the need, wherever it starts.)
  const need = /\b(?:i|we)\s+(?:really\s+)?(?:(?:need|have|got)\s+to|need|gotta|must)\b/i.exec(thing);
  // ("every other saturday we gotta …": a when said before the need is still its when.)
  const lead = need ? thing.slice(0, need.index).replace(/[\s,]+$/, "") : "";
  const when = /^(?:every|each|on|this|next|tomorrow|today|tonight|by|before)\b/i.test(lead) ? ` ${lead}` : "";
  const said = need ? `${thing.slice(need.index)}${when}` : `add ${thing}`;
  const it = run(makeCtx({ ...input, text: said }, undefined, ctx.language));
  return it.calls.length && it.calls.every((c) => c.tool === "add_task") ? it : null;
}

// Where a story's sentences end: ". ", "! ", "? ", a line break, and ", so " / "oh and" / a dash that turn to a request.
const STORY_BREAK =
  /\s*(?:[.!?…]+\s+|\n+|,?\s+(?:so|anyway|oh\s+and|and\s+so|[-–—])\s+(?=(?:can|could|would|will|please|pls|you|add|put|push|move|mark|tick|remind|did|have|has|is|was|scrap|delete|remove|ditch|bin|cancel|reopen|rename|tag)\b))/i;

// A sentence of a story that asks for something: a command, "can you …", "please …", "did I …?".
const REQUEST_START = new RegExp(
  String.raw`^(?:(?:so|oh|ok(?:ay)?|wait|anyway|and|also|but|right|hey|btw)[,!\s]+)*(?:(?:can|could|would|will)\s+(?:you|u)|you\s+can|please|pls|(?:did|have|had)\s+i|(?:is|are|was|were)\s+(?:my|the)|is\s+(?:anything|there\s+anything)|what(?:'s|\s+is|\s+do|\s+have)|when(?:'s|\s+is)|remind\s+me|don'?t\s+let\s+me\s+forget|bump|take|snooze|knock|get\s+rid|(?:${[
    ...new Set([...COMMAND_LEADS, ...LIST_VERBS, ...NOUN_DELETE_VERBS]),
  ]
    .filter((v) => !EITHER_VERBS.includes(v))
    .sort((a, b) => b.length - a.length)
    .map((v) => v.replace(/\s+/g, String.raw`\s+`))
    .join("|")}))\b`,
  "i",
);

/**
 * A long message that tells a story and asks for one or two things in it ("ok so this morning has
 * been a disaster … so can you push the expense report to friday? … anyway"): each sentence is
 * read on its own, and the requests clearly understood are kept; the story is not a task.
 */
function buried(input: InterpretInput, ctx: Ctx): Interpretation | null {
  if (ctx.text.split(/\s+/).length < 25) return null;
  const parts = ctx.text
    .split(STORY_BREAK)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 2);
  if (parts.length < 2) return null;
  // "… I have to send the samples to Dunedin by Friday at noon. Could you add that for me? High
  // priority, please": "that" is the sentence before; a priority said in the sentence after is its.
  for (const [i, text] of parts.entries()) {
    if (i === 0 || !ADD_THAT_ALONE.test(text)) continue;
    const it = addThat(input, { ...ctx, text: `${parts[i - 1]}, add that` });
    if (it) return withPrioritySaidAfter(it, parts[i + 1] ?? "");
  }
  // "So that flyer I was supposed to make is pointless now, just delete it.": the thing, then the request for "it".
  const asks = (text: string) =>
    REQUEST_START.test(text) ||
    text
      .split(/\s*,\s*/)
      .slice(1)
      .some((c) => REQUEST_START.test(c.replace(/^just\s+/i, "")) && /\b(?:it|them)\b/i.test(c));
  const outs = parts
    .filter(asks)
    .map((text) => aboutStory(input, ctx, text) ?? understand({ ...input, text }, false, ctx.language))
    // A question only reads, so a plainer reading of it is enough ("wait, did I already book the tickets?").
    .filter((o) => o.calls.length && (o.confidence >= 0.7 || o.calls.every((c) => c.tool === "list_tasks")));
  return outs.length ? combine(outs) : null;
}

/** New tasks given the priority a later sentence says ("High priority, please"), unless they have one. */
function withPrioritySaidAfter(added: Interpretation, after: string): Interpretation {
  const priority = extractPriority(after).value;
  return priority && !added.calls.some((c) => c.input.priority)
    ? { ...added, calls: added.calls.map((c) => ({ ...c, input: { ...c.input, priority } })) }
    : added;
}

const ADD_THAT_ALONE =
  /^(?:(?:so|ok(?:ay)?)[\s,]+)?(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+)?(?:add|note|jot|pop|put)\s+(?:that|it|this)(?:\s+(?:down|in|on\s+(?:my|the)\s+list))?(?:\s+for\s+me)?(?:\s+please)?[?.!]*$/i;

/** A request with "it" in a story: read with "it" as the one task the rest of the message names. */
function aboutStory(input: InterpretInput, ctx: Ctx, part: string): Interpretation | null {
  if (!/\b(?:it|that|them|this)\b/i.test(part)) return null;
  const plain = understand({ ...input, text: part }, false, ctx.language);
  if (plain.calls.length && plain.confidence >= 0.7) return plain;
  const task = storyTask(ctx.text.replace(part, " "), ctx.tasks);
  if (!task) return null;
  const bound = run(makeCtx({ ...input, text: part }, task, ctx.language));
  return bound.calls.length && bound.confidence >= 0.7 ? bound : null;
}

const sameCalls = (a: Interpretation, b: Interpretation | null) =>
  !!b && b.calls.length > 0 && JSON.stringify(a.calls) === JSON.stringify(b.calls);

/**
 * "ya pagué el internet, táchalo": the tail's "it" read as the one task the head is about;
 * "the other two are done, mark those complete": "those" as the tasks it is about.
 */
function aboutHead(input: InterpretInput, ctx: Ctx, head: Interpretation, tail: string): Interpretation | null {
  const numbers = new Set(head.calls.map((c) => c.input.task));
  if (numbers.size > 1 && [...numbers].every((n) => typeof n === "number")) {
    const named = tail.replace(/\b(?:those|these|them|they)\b/i, `tasks ${[...numbers].join(" and ")}`);
    return named === tail ? null : run(makeCtx({ ...input, text: named }, undefined, ctx.language));
  }
  if (numbers.size !== 1) return null;
  const task = ctx.tasks.find((t) => t.number === [...numbers][0]);
  return task ? run(makeCtx({ ...input, text: tail }, task, ctx.language)) : null;
}
const REMARK_INTENTS = new Set(["unknown", "acknowledge", "thanks", "greeting", "goodbye"]);
// Where a request and a remark about it meet: a sentence end or a comma.
// "mark the first one done i paid it already": a report about it starts a new thought even unpunctuated.
// "my exam got moved to the 16th so push the revision to the 15th": "so" before a command ends the remark.
const ASIDE_BREAK =
  /\s*(?:[.;!?…]+\s+|,\s*)|\s+[-–—]+\s+|\s+(?=(?:i|we)\s+(?:just\s+|already\s+)?[a-z]+\s+(?:it|that|them)\b)|\s+so\s+(?=(?:can|could|please|push|move|bump|mark|tick|delete|remove|add|put|change|reschedule)\b)|\s+(?=you\s+can\s+(?:check|tick|cross|mark|delete|remove|scrap)\b)/g;

/**
 * "borra lo del cumple, al final lo han cancelado", "c'est plus d'actualité. efface la 4": a
 * request and a remark that explains it. Understood as nothing whole, the message is read
 * without the remark: the one part that is a clear request, when the rest asks for nothing (or
 * says the same: "did the second one already, tick it off").
 */
function withoutAside(input: InterpretInput, ctx: Ctx, weakTasks = false): Interpretation | null {
  const text = ctx.text;
  const breaks = [...text.matchAll(ASIDE_BREAK)];
  if (!breaks.length || breaks.length > 4) return null;
  // "ugh my brain is mush today. dentist cleaning thurs 2:30pm, add it pls": the things said, asked to be added.
  const asked = addItSaid(ctx.raw);
  const strong = (o: Interpretation) =>
    o.calls.length > 0 && (o.confidence >= 0.7 || (asked && o.entities.verbless === true));
  // `weakTasks`: the remark may have been read as a new task, but only a weak one.
  // A question of ours ("remind me 1 hour before" what time?) is no remark: it still needs its answer.
  const remark = (o: Interpretation) =>
    (!o.calls.length && REMARK_INTENTS.has(o.intent)) || (weakTasks && o.calls.length > 0 && !strong(o));
  // Each head is read once, however many of the passes below look at it.
  const headReadings = new Map<number, Interpretation>();
  const readHead = (m: RegExpExecArray | RegExpMatchArray) => {
    const at = m.index!;
    let reading = headReadings.get(at);
    if (!reading) {
      reading = understand({ ...input, text: text.slice(0, at).trim() }, false, ctx.language);
      headReadings.set(at, reading);
    }
    return reading;
  };
  for (const m of breaks) {
    const head = text.slice(0, m.index).trim();
    const tail = text.slice(m.index + m[0].length).trim();
    if (!head || !tail) continue;
    const a = readHead(m);
    const b = understand({ ...input, text: tail }, false, ctx.language);
    // Two readings that agree ("ya pagué la luz, táchalo") are sure enough together.
    const same = sameCalls(a, b) || sameCalls(a, aboutHead(input, ctx, a, tail));
    // "mark both done, upgrade finished this afternoon and the cert auto-renewed": the tail says again
    // (some of) what the head asks.
    const within =
      b.calls.length > 0 && b.calls.every((c) => a.calls.some((d) => JSON.stringify(c) === JSON.stringify(d)));
    if ((strong(a) && (remark(b) || within)) || same) return a;
    // "1st one's done already lol, grabbed it on the way home": the tail's "it" can only be the head's task.
    const pointsBack = (o: Interpretation) =>
      o.intent === "clarify" && !o.calls.length && /^(?:it|that|them)$/i.test(String(o.entities.ref ?? ""));
    if (strong(a) && pointsBack(b) && a.calls.every((c) => c.tool !== "add_task")) return a;
    // "ich habe die Rechnung bezahlt, bitte abhaken" with two bills: the head's question names the
    // candidates; the tail's "it" only points back at them.
    if (
      a.intent === "clarify" &&
      !a.calls.length &&
      b.intent === "clarify" &&
      !b.calls.length &&
      /\b(?:it|that|them)\b/i.test(tail)
    )
      return a;
    // "midsommar prep is all sorted!! tick off everything tagged midsommar": news of a thing we do not
    // have on the list, then the request.
    const unknownNews = (o: Interpretation) =>
      o.intent === "clarify" &&
      !o.calls.length &&
      !o.entities.candidates &&
      !!o.entities.ref &&
      resolveOne(String(o.entities.ref), ctx.tasks, { history: ctx.history }).kind === "none";
    if (strong(b) && (remark(a) || unknownNews(a))) return b;
    // "I did the grocery run, mark all my groceries tasks as done": the report's question was which of
    // them; the request names them all.
    const candidates =
      a.intent === "clarify" && !a.calls.length ? (a.entities.candidates as number[] | undefined) : undefined;
    const changed = b.calls.map((c) => c.input.task);
    if (candidates?.length && strong(b) && candidates.every((n) => changed.includes(n))) return b;
  }
  // "the plumber one isn't actually sorted, he never showed up. can u reopen it": a remark between a
  // report and the request that says the same of it.
  // "the library books, i never actually returned them. can u reopen that one": the report may itself
  // run over a comma.
  if (breaks.length >= 2) {
    const lastBreak = breaks.at(-1)!;
    const last = text.slice(lastBreak.index + lastBreak[0].length).trim();
    for (const b of breaks.slice(0, -1)) {
      const a = readHead(b);
      if (sameCalls(a, aboutHead(input, ctx, a, last))) return a;
    }
  }
  // "hoy he sido productiva jaja, la 2 y la 5 ya están, márcalas": after a remark, the rest may itself
  // be a report and its request (each cut is shorter, so this ends).
  for (const m of breaks) {
    const tail = { ...input, text: text.slice(m.index + m[0].length).trim() };
    const a = readHead(m);
    const b = remark(a) && tail.text ? withoutAside(tail, makeCtx(tail, undefined, ctx.language), weakTasks) : null;
    if (b && strong(b)) return b;
  }
  return null;
}

// An undo said in any of our languages, and where a message may go on after it.
const UNDO_WORD =
  /\b(?:undo|revert|rückgängig|deshaz\p{L}*|deshac\p{L}*|annule\p{L}*|(?:put|bring|take)\s+(?:it|that|them|those)\s+back|restore|don'?t\s+delete)/iu;
const AFTER_UNDO = /\s*[,;.!]+\s*|\s+(?:and|then|und|dann|y|luego|et|puis)\s+/giu;

/**
 * "no, undo that, I'll just check it off", "mach das rückgängig, ich hak ihn lieber ab": the last
 * change undone, then something else done to the task it touched ("it" is that task, back again).
 */
function undoThen(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const typed = ctx.typed;
  // "no la borres" is an undo once the tables have read it ("don't delete it").
  const foreign = !UNDO_WORD.test(typed);
  if (foreign && !UNDO_WORD.test(ctx.text)) return null;
  const change = dialogueState(input.history).lastChange;
  const n = change?.touched.length === 1 ? change.touched[0] : undefined;
  if (!change || n === undefined) return null;
  const breaks = [...typed.matchAll(AFTER_UNDO)];
  for (const [i, m] of breaks.entries()) {
    const head = typed.slice(0, m.index).trim();
    if (!head || (!foreign && !UNDO_WORD.test(head))) continue;
    const undid = understand({ ...input, text: head }, false);
    if (!undid.calls.length || !undid.calls.every((c) => c.tool === "undo_operation")) continue;
    // The task as it was before the change (a deleted one is back after the undo).
    const view = change.results
      .map((r) => (r as { task?: TaskSnapshot } | null)?.task)
      .find((t): t is TaskSnapshot => t?.number === n);
    const task = ctx.tasks.find((t) => t.number === n) ?? (view && { ...view, tags: view.tags ?? [] });
    if (!task) return null;
    const tasks = ctx.tasks.some((t) => t.number === n) ? ctx.tasks : [...ctx.tasks, task];
    // "…, i already did it, just mark it done": the request may follow a remark.
    // "…, I still need it", "…, my wife wants to cancel it after all": why it is undone, asking nothing new.
    const undoneTools = new Set(change.calls.map((c) => c.tool));
    for (const b of breaks.slice(i)) {
      const rest = typed.slice(b.index + b[0].length).trim();
      // "…, márcala como hecha, el gásfiter ya vino ayer": the request, then why.
      // "…, just mark it done. i sent it this morning": the request is its own sentence.
      for (const tail of new Set([rest.split(/(?<=\p{L})[.!?]+\s+/u)[0]!, rest, rest.split(/\s*,\s*/)[0]!])) {
        const said = tail ? makeCtx({ ...input, text: tail, tasks }, task) : null;
        if (!said || !REQUEST_START.test(said.text) || /^(?:my|our|his|her|their|the)\s/i.test(tail)) continue;
        const then = run(said);
        if (
          then.calls.length &&
          then.confidence >= 0.7 &&
          !then.calls.some((c) => c.tool === "undo_operation" || undoneTools.has(c.tool))
        )
          return combine([undid, then]);
      }
    }
    return null;
  }
  return null;
}

// What a request may be followed by that adds nothing to it: "is the camp winterized? can't remember
// if i checked that off" (a hedge), "reopen it, still gotta blow out the water line" (what is left to
// do), "¿qué terminé la semana pasada? es pa cuadrar las horas" (what the answer is for), "remind me
// about the taller tomorrow at 7:30, que si no se me pasa" (why). The request alone is read.
const TRAILING_REMARKS = [
  /^(.+?[?.!])\s+(?:(?:i\s+)?(?:can'?t|cannot|don'?t)\s+remember|(?:i'?m\s+)?not\s+sure|i\s+forget|no\s+idea)\b[^.?!]*[.?!]*$/i,
  /^(.+?\b(?:it|that|them))\s*,\s*(?:(?:i|we)\s+)?still\s+(?:have\s+to|need\s+to|got\s+to|must)\s[^.?!]*[.?!]*$/i,
  /^(.+?\?)\s+(?:es\s+pa(?:ra)?|it'?s\s+for|that'?s\s+for|c'est\s+pour|das\s+ist\s+für)\s[^?]*$/i,
  /^(.+?)\s*,\s*(?:que\s+si\s+no|(?:because|cause|cos|otherwise|porque|sinon|sonst)\b)[^?]*$/i,
  // "make those high priority, I need the money before the holidays".
  /^(.+?)\s*,\s*(?:i|we)\s+(?:really\s+)?need\s+the\s+[^?]*$/i,
  // "wait undo that, i need to check the time with his dad first": what must come before, no task.
  /^(.+?)\s*,\s*(?:i|we)\s+(?:need|have|gotta|got|want)\s+(?:to\s+)?(?:check|confirm|ask|talk|speak|clear|run)\b[^?]*\bfirst[.!]*$/i,
];

function withoutTrailingRemark(input: InterpretInput, ctx: Ctx): Interpretation | null {
  for (const re of TRAILING_REMARKS) {
    const m = re.exec(ctx.text);
    if (!m) continue;
    const out = understand({ ...input, text: m[1]! }, false, ctx.language);
    if (out.calls.length) return out;
  }
  return null;
}

// A weaker break than SENTENCE_BREAK: a bare comma or "and", tried only when the whole message was not understood.
const SOFT_BREAK = /\s*,\s*|\s+(?:and|&)\s+/gi;

/**
 * "done with the gas bill and the optician can wait till saturday", "paid the rent, the boiler can
 * wait": two thoughts with no ", and" between them. Cut at the one place that leaves two clearly
 * understood halves.
 */
function twoThoughts(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const text = ctx.text;
  const breaks = [...text.matchAll(SOFT_BREAK)];
  // A long run of commas is a list or a ramble, not two thoughts (and each cut costs two readings).
  if (breaks.length > 4 || text.split(/\s+/).length > 30) return null;
  for (const m of breaks) {
    const parts = [text.slice(0, m.index), text.slice(m.index + m[0].length)].map((p) => p.trim());
    if (parts.some((p) => p.split(/\s+/).length < 2)) continue;
    const outs = parts.map((p) => understand({ ...input, text: p }, false, ctx.language));
    if (!outs.every((o) => o.calls.length && o.confidence >= 0.7)) continue;
    // "the first two are done, just forgot to check em off": the second half only says why.
    return FORGOT_TO.test(parts[1]!) ? outs[0]! : combine(outs);
  }
  return null;
}

// "doesn't that clash with the Rakesh call? what time is that one?": the last question's "that one"
// is the task the sentence before it names.
const WHEN_IS_THAT = /^(?:so\s+|and\s+)?(what\s+time|when|what\s+day)\s+(?:is|'s)\s+(?:that(?:\s+one)?|it)$/i;

function askedOfNamed(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const parts = ctx.text.split(/(?<=[.!?])\s+/);
  const last = parts.pop()?.replace(/[?!.]+$/, "");
  const asked = last ? WHEN_IS_THAT.exec(last) : null;
  if (!asked || !parts.length) return null;
  const earlier = parts.join(" ");
  for (const m of earlier.matchAll(/\bthe\s+([^,.;!?]+?)(?=\s*[,.;!?]|$)/gi)) {
    const phrase = m[0];
    if (resolveOne(phrase, ctx.tasks, { history: ctx.history }).kind !== "one") continue;
    const out = run(makeCtx({ ...input, text: `${asked[1]} is ${phrase}?` }, undefined, ctx.language));
    if (out.calls.length) return out;
  }
  return null;
}

const OWN_TOPIC = /^[^,]{3,},\s*(?:\S+\s+){0,2}(?:it|them|that|this)\b/i;
// Where one thought ends and the next begins: a sentence end, or ", and" / ", but" / ", then".
const SENTENCE_BREAK = /\s*(?:[.;!?]+\s+|,\s*(?:and|but|then|also)\s+|\s+(?:and\s+then|but)\s+)/i;

/**
 * "paid the gas bill, and the optician can wait till saturday": separate thoughts, each a
 * whole message of its own (a topic-first remark included). Taken only when every part is
 * clearly understood; otherwise the message is read as one.
 */
function sentences(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const parts = ctx.text
    .split(SENTENCE_BREAK)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const outs: Interpretation[] = [];
  for (const [i, text] of parts.entries()) {
    // "the quote can wait till monday, and drop it to medium": "it" is what the thought before changed.
    const before = outs.at(-1);
    // ("… . Et le tiercé, efface-le": a thought that names its own task first points back at that one.)
    const pointsBack = /\b(?:it|that|this|them|those)\b/i.test(text) && !OWN_TOPIC.test(text);
    const touched = pointsBack
      ? (before?.calls.filter((c) => c.tool !== "add_task" && typeof c.input.task === "number") ?? [])
      : [];
    const history: HistoryTurn[] | undefined = touched.length
      ? [
          ...(input.history ?? []),
          { role: "user", text: parts[i - 1]! },
          { role: "assistant", text: "", calls: touched },
        ]
      : input.history;
    outs.push(sameAgain(text, before, ctx) ?? understand({ ...input, text, history }, false, ctx.language));
  }
  if (!outs.every((o) => o.calls.length && o.confidence >= 0.7)) return null;
  // "what did I miss? I mean, what's late?": a question asked again, more exactly, is one question.
  const lists = outs.every((o) => o.calls.every((c) => c.tool === "list_tasks"));
  // (German "also" is "so"; an English "also" asks one more thing.)
  const restated = RESTATED.test(parts[1]!) || (ctx.language === "de" && /^also\b/i.test(parts[1]!));
  if (lists && outs.length === 2 && restated) return outs[1]!;
  return combine(outs);
}
const RESTATED = /^(?:i\s+mean|that\s+is|en\s+fait|o\s+sea|es\s+decir|ich\s+mein(?:e)?|je\s+veux\s+dire)\b/i;

/** "make the one you just added high priority, and the cheese too": the change before, on one more task. */
function sameAgain(text: string, before: Interpretation | undefined, ctx: Ctx): Interpretation | null {
  const m = TOO.exec(text);
  const calls = before?.calls ?? [];
  if (!m || !calls.length || !calls.every((c) => c.tool !== "add_task" && typeof c.input.task === "number"))
    return null;
  const out = resolveOne(m[1]!, ctx.tasks, { history: ctx.history });
  if (out.kind !== "one" || out.partial) return null;
  const again = calls.map((c) => ({ ...c, input: { ...c.input, task: out.task.number } }));
  return { ...before!, calls: again };
}

// Where a chatty lead may end and the request start: a sentence end, a comma, a dash, "so"/"anyway".
const LEAD_END = /(?:[.!?;:,]+|\s[-–—]\s|\b(?:so|and|but|anyway|then)\b)\s*/gi;
const QUOTED = /(?:^|[\s:(])(["'])(.+?)\1(?=$|[\s,.;:!?)])/;

/**
 * "I was wondering if you could help, can you add "renew passport" for next month, thanks": a
 * quoted title after a chatty lead. The request is read from the nearest boundary before the
 * quote that makes it add exactly that title; the lead says nothing about the task (its "this
 * week" is not the due date).
 */
function quotedRequest(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const text = ctx.typed;
  const q = QUOTED.exec(text);
  if (!q) return null;
  const title = q[2]!.trim().toLowerCase();
  const quoteAt = q.index + q[0].indexOf(q[1]!);
  const after = text.slice(quoteAt + q[0].length);
  // The request ends with its sentence: "… for tomorrow? cheers" leaves the cheers out.
  const stop = /[.!?]+(?:\s|$)/.exec(after);
  const end = stop ? quoteAt + q[0].length + stop.index + stop[0].length : text.length;
  const starts = [...text.slice(0, quoteAt).matchAll(LEAD_END)].map((m) => m.index + m[0].length).reverse();
  for (const start of starts.slice(0, 3)) {
    const it = run(makeCtx({ ...input, text: text.slice(start, end) }));
    const adds = it.calls.filter((c) => c.tool === "add_task");
    // "… It's not remotely urgent, so low priority is fine.": a priority said in a sentence after it is its.
    if (adds.length === 1 && it.calls.length === 1 && String(adds[0]!.input.title).toLowerCase() === title)
      return withPrioritySaidAfter(it, text.slice(end));
  }
  return null;
}

/** "the plumber, move it to tomorrow": the command, with "it" bound to the task named first. */
// "the library books, i never actually returned them": a report about the thing named first.
// "the second one, my husband finally did it": someone else's report of it, the same.
// "ah yes the books... actually I returned them yesterday": a trailing-off "..." sets the topic off too.
const TOPIC_REPORT =
  /^(?:(?:hmm+|oh|ah|so|ok(?:ay)?|well|yes|right)[\s,]+)*(.{3,}?)\s*(?:,|\.{2,}|…)\s*(?:actually\s+|in\s+fact\s+)?((?:i|we|(?:my|our)\s+[a-z]+|he|she|they)\s+(?:.+?\s)?)(?:it|them)\b(.*)$/i;

// "task 2 and task 5, can you check them off", "c'est bon pour la 2 et la 5, tu peux les cocher": several
// tasks named first, then a command for "them"; "las otras dos pásalas a mañana" needs no comma.
const TOPIC_THEM =
  /^(?:(?:ok(?:ay)?|good|fine|right)\s+)?(?:(?:for|pour|para|für)\s+)?(.{3,}?)(?:\s*[,:;]|(?<=\b(?:other\s+(?:two|three|four|ones)|others|rest))(?=\s))\s*(.*\bthem\b.*)$/i;

function topicThem(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const m = TOPIC_THEM.exec(ctx.text);
  if (!m) return null;
  const named = resolveSeveral(m[1]!, ctx.tasks, { history: ctx.history });
  if (named.length < 2 || named.some((o) => o.kind !== "one" || o.partial)) return null;
  const out = understand({ ...input, text: m[2]!.replace(/\bthem\b/i, m[1]!) }, false, ctx.language);
  return out.calls.length === named.length && out.confidence >= 0.7 ? out : null;
}

function topic(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const found = topicFirst(ctx);
  if (!found) {
    const them = topicThem(input, ctx);
    if (them) return them;
    // A topic that names several tasks: the command said of it asks which.
    const several = ambiguousTopic(ctx);
    const asked = several
      ? understand({ ...input, text: several.command.replace(/\b(?:it|that)\b/i, several.phrase) }, false, ctx.language)
      : null;
    if (asked?.intent === "clarify" && !asked.calls.length) return asked;
  }
  const report = found ? null : TOPIC_REPORT.exec(ctx.text);
  if (report) {
    // "…, I actually did it this morning already": the hedges say nothing of which or what.
    const said = `${report[2]}${report[1]}${report[3]}`.replace(/\b(?:actually|already)\s+|\s+already(?=[.!]*$)/gi, "");
    const out = understand({ ...input, text: said }, false, ctx.language);
    return out.calls.length && out.confidence >= 0.7 && out.calls.every((c) => c.tool !== "add_task") ? out : null;
  }
  if (!found) return null;
  // "j'ai acheté les spéculoos, vous pouvez les cocher": "them" is the one thing named, said as a plural.
  // (Not in the words of a note: "add a note: 48 mince pies, half of them gluten free".)
  const sub = makeCtx(
    { ...input, text: found.command.replace(/^([^:]*?)\bthem\b/i, "$1it") },
    found.task,
    ctx.language,
  );
  // "a la tarea 3 ponle la etiqueta casa y quítale la de trabajo", "the DJ deposit - bump it to high and
  // tag it harper": two changes to the task named first, read as the commands they are once "it" is that task.
  const named = found.command.replace(/\b(?:it|them)\b/i, `task ${found.task.number}`);
  const both =
    named !== found.command && splitClauses(named).length > 1
      ? multi({ ...input, text: named }, makeCtx({ ...input, text: named }, undefined, ctx.language))
      : null;
  if (both?.calls.length) return both;
  const it = run(sub);
  return it.calls.length ? it : null;
}

const FORGOT_TO = /^(?:and\s+)?(?:i\s+)?(?:just\s+)?forgot\s+to\s+\S+(?:\s+\S+)?\s+(?:it|them|those|that)\b/i;
// "add label the bin for saturday and tag it markets as well": "it" is the task being added, not the last one changed.
const NEW_TASK_TAG = /^(?:and\s+)?(?:tag|label|give)\s+it\b/i;
const LEAD_OFFSET = new RegExp(String.raw`^(?:and\s+)?remind\s+me\s+(${OFFSET})$`, "i");
const BARE_TAG_REMOVE =
  /^(?:and\s+)?(?:remove|delete|take\s+off|drop)\s+(?:the\s+)?(?:(?:tags?|labels?)\s+#?[\p{L}\p{N}_-]+|#?[\p{L}\p{N}_-]+\s+(?:tags?|labels?))$/iu;
// "bump the rain jacket to high priority and add a note: the yellow one": the note is that task's too.
const BARE_NOTE = /^((?:and\s+)?(?:add|put|leave)\s+(?:a\s+)?note)\s*:/i;
const BARE_TAG_ADD = /^(?:and\s+)?(?:add|put)\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+#?[\p{L}\p{N}_-]+$/iu;
// "… and swap the admin tag for literacy": a tag swapped on the task the clause before named.
const BARE_TAG_SWAP =
  /^(?:and\s+)?(?:swap|switch|change|replace)\s+(?:the\s+)?#?[\p{L}\p{N}_-]+\s+(?:tag|label)\s+(?:for|to|with)\s+#?[\p{L}\p{N}_-]+$/iu;

/** Several commands in one message: each clause on its own; all must be understood. */
function multi(input: InterpretInput, ctx: Ctx): Interpretation | null {
  const clauses = splitClauses(ctx.text);
  if (clauses.length < 2) return null;
  const outs: Interpretation[] = [];
  for (const text of clauses) {
    // "the first two are done, just forgot to check em off": why they were not ticked, no second ask.
    if (outs.some((o) => o.calls.length) && FORGOT_TO.test(text)) continue;
    // "add X tomorrow at 10 and remind me half an hour before": the reminder is the new task's (add.ts).
    if (
      outs.at(-1)?.calls.some((c) => c.tool === "add_task") &&
      (/^(?:and\s+)?remind\s+me\b(?!.*\b(?:to|about)\b)/i.test(text) || NEW_TASK_TAG.test(text))
    )
      return null;
    // "move the haircut to friday at 3pm and remind me 30 minutes before": before its new time.
    const moved = outs.at(-1)?.calls.length === 1 ? outs.at(-1)!.calls[0]! : undefined;
    const lead =
      moved?.tool === "update_task" && typeof moved.input.dueDate === "string" ? LEAD_OFFSET.exec(text) : null;
    const at = lead ? remindBefore(moved!.input.dueDate as string, lead[1]!, null, ctx.date.timeZone) : null;
    if (at) {
      moved!.input.remindAt = at;
      continue;
    }
    // "take the work tag off the deck and tag it finance": "it" is the one task the clause before changed;
    // "… and add the tag work" names no task at all, so it is that one too.
    const before = outs.at(-1)?.calls.map((c) => c.input.task);
    const task = before?.length === 1 ? ctx.tasks.find((t) => t.number === before[0]) : undefined;
    // "… and drop the urgent tag, they're not in a rush anymore": why, after the change, is no part of it.
    const bare = text.replace(REASON_AFTER_CHANGE, "");
    const tagOnly = BARE_TAG_ADD.test(bare) || BARE_TAG_REMOVE.test(bare) || BARE_TAG_SWAP.test(bare);
    const said =
      task && tagOnly
        ? bare
            .replace(BARE_TAG_ADD, "$& to it")
            .replace(BARE_TAG_REMOVE, "$& from it")
            .replace(BARE_TAG_SWAP, "$& on it")
        : task && BARE_NOTE.test(text)
          ? text.replace(BARE_NOTE, "$1 to it:")
          : text;
    // "tag the oven seal one urgent and bump it to high priority": "it" is the task the clause before
    // named (not the one the conversation last touched); "… off the slides and tag them work": "them"
    // is that one task said as the plural thing it names.
    const pointsBack = task && /^(?:and\s+)?\S+\s+(?:it|them)\b/i.test(said);
    let out = pointsBack
      ? run(makeCtx({ ...input, text: said.replace(/\bthem\b/i, "it") }, task, ctx.language))
      : run(makeCtx({ ...input, text: said }, undefined, ctx.language));
    if (!out.calls.length && !pointsBack && task && /\b(?:it|that|this|them)\b/i.test(said))
      out = run(makeCtx({ ...input, text: said.replace(/\bthem\b/i, "it") }, task, ctx.language));
    outs.push(out);
  }
  // "went to the shops and got the eggs": a clause that only tells what happened asks for nothing.
  const asked = outs.filter((o, i) => o.calls.length || !reportsPast(clauses[i]!));
  if (!asked.length || !asked.every((o) => o.calls.length)) return null;
  return combine(asked);
}

function combine(outs: Interpretation[]): Interpretation {
  // "they're both done, tick them both off": two thoughts may ask for the same thing; it is done once.
  // "the 3rd one can go, already sold it": a task deleted needs nothing else said of it.
  const all = uniqueCalls(outs.flatMap((o) => o.calls));
  const deleted = new Set(all.filter((c) => c.tool === "delete_task").map((c) => c.input.task));
  const calls = all.filter((c) => c.tool === "delete_task" || !deleted.has(c.input.task));
  return {
    calls: mergeUpdates(calls),
    intent: [...new Set(outs.map((o) => o.intent))].join("+").slice(0, 50),
    entities: { clauses: outs.map((o) => o.entities) },
    confidence: Math.min(...outs.map((o) => o.confidence)),
  };
}

/**
 * What the reply step needs to know about the user's message: its language, and whether it
 * asked a yes/no or "when is" question (answered with a sentence rather than a list).
 */
export function replyHints(input: InterpretInput): {
  language: Language;
  question?: QuestionKind;
  period?: { after: string; before: string; phrase: string };
} {
  const ctx = makeCtx(input);
  // "when's the recital" asks as well as "when's the recital?".
  const it = asks(ctx) ? list(ctx) : null;
  const q = it?.entities.question;
  if (q === "within" && it?.entities.period)
    return {
      language: ctx.language,
      question: q,
      period: it.entities.period as { after: string; before: string; phrase: string },
    };
  return { language: ctx.language, ...(q === "done" || q === "open" || q === "when" ? { question: q } : {}) };
}

/**
 * Pays the one-off start-up costs (chrono compiles its patterns and Intl loads zone data
 * on first use, ~0.1–0.3 s) so the first real message is as fast as the rest. Call it
 * once when the server starts.
 */
export function warmUp(): void {
  const now = new Date();
  const tasks: TaskSnapshot[] = [
    { number: 1, title: "Call mom", status: "pending", priority: "medium", dueDate: null, tags: [] },
  ];
  for (const timeZone of ["UTC", "America/New_York"]) {
    for (const text of [
      "add call the plumber tomorrow at 5pm",
      "move task 1 to Friday",
      "what's due on friday?",
      "mark task 1 as done",
      "apunta revisar el coche el lunes a las 6",
      "ajoute appeler Paul jeudi à 17h",
      "füge Milch kaufen am Montag um 9 Uhr hinzu",
    ]) {
      interpret({ text, now, timeZone, tasks });
      // V8 compiles a regular expression once per kind of string: a message with an emoji is stored
      // two bytes a character, and would pay the word tables' compilation (hundreds of ms) at first use.
      interpret({ text: `${text} 🙂`, now, timeZone, tasks });
    }
  }
}

/** "push it to friday and make it urgent": one update of the task, not two. */
function mergeUpdates(calls: ToolCall[]): ToolCall[] {
  const out: ToolCall[] = [];
  for (const call of calls) {
    const prev = out[out.length - 1];
    const sameTask = prev?.tool === "update_task" && call.tool === "update_task" && prev.input.task === call.input.task;
    if (sameTask && Object.keys(call.input).every((k) => k === "task" || !(k in prev.input)))
      prev.input = { ...prev.input, ...call.input };
    else out.push(call);
  }
  return out;
}
