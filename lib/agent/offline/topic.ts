// Topic first, command after ("the plumber, move it to tomorrow", "can't make the gym today,
// move it to wed", "le train ? supprime-le"): the task is named up front and the command
// points back at it with "it". The command is read on its own, with "it" bound to that task.
import { COMMAND_LEADS, LIST_VERBS, NOT_DONE_PASTS, NOUN_DELETE_VERBS } from "./lexicon";
import { baseOfPastVerb, WHEN_DONE } from "./text";
import { resolveOne } from "./references";
import { OFFSET } from "./reminders";
import { storyTask } from "./story";
import type { Ctx } from "./context";
import type { TaskSnapshot } from "./types";
import { reopensWithTail } from "./intents/complete";
import { dayOne } from "./intents/correction";

// "take" leads no clause of its own ("take out the bins" is a title), but after a topic it is a command
// ("take the tag off it"), as "scrap"/"bin" are ("the running shoes, scrap that one") and "swap"/"switch"
// ("for the deck, swap the work tag for home").
const VERBS = [...new Set([...COMMAND_LEADS, ...LIST_VERBS, ...NOUN_DELETE_VERBS, "take", "swap", "switch"])]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/\s+/g, String.raw`\s+`));
// The command points back with "it" right after its verb ("move it to …") or at its end ("take the
// urgent tag off it"); "can you" may come first.
const SHAPE = new RegExp(
  String.raw`^(.{3,}?)\s*(?:[,:;?!.]|\s[-–—]\s|\sso(?=\s))\s*((?:(?:actually|just|now|then|so|ok(?:ay)?|please|can\s+you|could\s+you|would\s+you)\s+)*(?:(?:${VERBS.join("|")})\s+(?:it|that|this|them)\b.*|(?:${VERBS.join("|")})\s+.*\s(?:it|them)(?:\s+(?:again|please|too))?))$`,
  "i",
);
// Where the naming stops and a remark about it starts: "the plumber is no longer needed".
const REMARK =
  /\s+(?:is|are|was|were|isn't|aren't|wasn't|won't|can't|can|could|will|has|have|got|needs?|still|already|no\s+longer|not|never|rang|called|phoned|texted|emailed|wants?|est|ya|no|ist)\b.*$/i;
const DASH_REMARK = /\s[-–—]\s.*$/;
// "the passport doesn't need a date, clear it": the "it" is the date (update.ts), never the task.
const FIELD_REMARK =
  /\b(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t)\s+(?:need|have)\s+(?:a\s+|any\s+|the\s+)?(?:due[\s-]*dates?|deadlines?|dates?|due|reminders?)\b/i;
// What goes before the naming in a remark: "can't make the gym today".
const LEAD = /^(?:i\s+)?(?:can'?t|cannot|won'?t|couldn'?t|didn'?t|don'?t)\s+(?:make|do|get\s+to|manage)\s+/i;

// "and the second one, move to friday", "y la primera pásala a mañana", "las otras dos pásalas a mañana":
// an ordinal needs no comma.
// "y la del banco pásala al viernes" (read "the banco move it to friday"): a topic said without a comma,
// when the command points back at once.
// "y la reunión con el gestor pásela al jueves" keeps its own article where the tables left it;
// "les pneus d'hiver mets ça en basse priorité" points back with "that".
const BARE_SHAPE = new RegExp(
  String.raw`^((?:the|la|el|los|las|le|les|die|der|das|den)\s+\S.{1,40}?)\s+((?:${VERBS.join("|")})\s+(?:about\s+)?(?:it|them|that)\b.*)$`,
  "i",
);
const ORDINAL_SHAPE = new RegExp(
  String.raw`^(?:a\s+|to\s+|for\s+)?((?:the\s+)?(?:(?:first|second|third|fourth|fifth|last|other)(?:\s+one)?|other\s+(?:two|three|four|ones)|others|rest))\s*,?\s+((?:${VERBS.join("|")}|give)\b.*)$`,
  "i",
);

// "voyage prep - drop the date": after a topic, a command on one of its fields names no task of its own.
const FIELD_OF_TOPIC = new RegExp(
  String.raw`((?:[,:;]|\s[-–—])\s*(?:${VERBS.join("|")}|drop|clear|lose)\s+(?:the\s+|its\s+)?(?:due\s+)?(?:dates?|deadlines?|reminders?|repeats?))(?![\p{L}]|\s+(?:of|from|on|for|off)\b)`,
  "iu",
);

// "a la 4 ponele la etiqueta casa" (read "a task 4 give it …"): a task named by number, then the command.
const NUMBER_TOPIC = new RegExp(
  String.raw`^(?:(?:a|to|for)\s+)?((?:task\s+)?#?\d+)\s*,?\s+((?:${VERBS.join("|")}|give)\s+(?:it|them)\b.*)$`,
  "i",
);

// What names the task a reminder is for: "for the client call", "pour la séance", "bei der Grippeimpfung".
const TOPIC_LEAD = String.raw`(?:for|about|as\s+for|regarding|re|pour|para|für|beim|bei\s+(?:der|dem))`;
const FOR_TOPIC = new RegExp(
  String.raw`^${TOPIC_LEAD}\s+(.{3,}?)(?:\s*[,:;-]\s*|\s+(?=remind\s+me\s))(?:remind\s+me\s+)?(.+?\s(?:before|ahead|earlier)(?:\s+at\s+\d{1,2}(?::\d\d)?(?:\s*[ap]m)?)?|(?<=remind\s+me\s+).+)$`,
  "i",
);
// "Bei der Grippeimpfung bitte eine Stunde vorher erinnern": the topic, how long before, then the verb.
const FOR_TOPIC_VERB_LAST = new RegExp(
  String.raw`^${TOPIC_LEAD}\s+(.{3,}?)\s+(${OFFSET})\s+(?:erinnern|remind\s+me)$`,
  "i",
);
// "for the gutters task, swap the errands tag for house": the command needs no "it", the topic is its task.
const FOR_COMMAND = new RegExp(
  String.raw`^(?:for|on|as\s+for|regarding)\s+(.{3,}?)\s*[,:;-]\s*((?:${VERBS.join("|")}|give)\s.*)$`,
  "i",
);

const NOTE_COMMAND =
  /^(.{3,}?)\s*(?:[,:;]|\s[-–—])\s*((?:add|put|attach|leave)\s+(?:a\s+)?(?:note|description|comment)\s*[:-].+)$/i;

// "the electricity bill - paid that this afternoon": the task named, then a report of its deed.
const PAST_SHAPE = new RegExp(
  String.raw`^(.{3,}?)\s*(?:[,:;!]|\s[-–—]\s)\s*(?:ya\s+|déjà\s+|schon\s+)?(?:(?:i|we)\s+)?(?:just\s+|already\s+|finally\s+)?(\p{L}+)\s+(?:it|that|this)(?:\s+(?:up|off|out|back|in|over|away))?(?:\s+${WHEN_DONE})?(?:\s+(?:actually|already|finally|too|lol))?$`,
  "iu",
);

export function topicFirst(ctx: Ctx): { command: string; task: TaskSnapshot } | null {
  // "the parcel isn't picked up yet, put it back": the remark already says what to do (complete.ts).
  if (reopensWithTail(ctx.text)) return null;
  const text = ctx.text.replace(/^(?:and|y|und|et)\s+/i, "");
  const past = PAST_SHAPE.exec(text);
  if (past && baseOfPastVerb(past[2]!) && !NOT_DONE_PASTS.includes(past[2]!.toLowerCase())) {
    // "ah and the Correos too, I picked it up": the naming without its lead and its "too".
    const naming = past[1]!.replace(/^(?:(?:ah|oh|ok|and)[\s,]+)+/i, "").replace(/\s+(?:too|also|as\s+well)$/i, "");
    const out = resolveOne(naming, ctx.tasks, { history: ctx.history, prefer: "pending" });
    if (out.kind === "one" && out.via !== "history" && !out.partial && out.task.status === "pending")
      return { command: "mark it as done", task: out.task };
  }
  // "for the client call, remind me at 1pm": the reminder is that task's.
  const remind = FOR_TOPIC.exec(text) ?? FOR_TOPIC_VERB_LAST.exec(text);
  if (remind) {
    const out = resolveOne(remind[1]!, ctx.tasks, { history: ctx.history });
    if (out.kind === "one") return { command: `remind me about it ${remind[2]}`, task: out.task };
  }
  // "chapter 4 — add a note: ask Costa …": a note is always said of a task, so the naming needs no "for".
  const noted = NOTE_COMMAND.exec(text);
  if (noted) {
    const out = resolveOne(noted[1]!, ctx.tasks, { history: ctx.history });
    if (out.kind === "one" && !out.partial) return { command: noted[2]!, task: out.task };
  }
  const named = FOR_COMMAND.exec(text);
  if (named) {
    const out = resolveOne(named[1]!.replace(/\s+(?:task|item|one)$/i, ""), ctx.tasks, { history: ctx.history });
    if (out.kind === "one") return { command: named[2]!, task: out.task };
  }
  const numbered = NUMBER_TOPIC.exec(text);
  if (numbered) {
    const out = resolveOne(numbered[1]!, ctx.tasks, { history: ctx.history });
    if (out.kind === "one") return { command: numbered[2]!, task: out.task };
  }
  // "et les croquettes, repousse à dimanche": a move said without its "it" still points back.
  const pointed = text
    .replace(FIELD_OF_TOPIC, "$1 of it")
    .replace(/([,:;]\s*)(move|push|bump|shift|postpone|reschedule)\s+(?=(?:to|till|until)\s)/i, "$1$2 it ");
  const m = SHAPE.exec(pointed) ?? ORDINAL_SHAPE.exec(text) ?? BARE_SHAPE.exec(text);
  if (!m) return null;
  if (FIELD_REMARK.test(m[1]!)) return null;
  // "j'ai été chercher mes médicaments. Et le tiercé, efface-le": a sentence before the topic is a
  // thought of its own (interpret.ts reads the sentences one by one).
  if (/[.!?]\s+\S/.test(m[1]!)) return null;
  const topic = m[1]!.replace(/^(?:and|so|ok|okay|well)\s+/i, "");
  // "add buy snow tires, tag it car": a new task and what to do with it, not a task named first.
  if (/^(?:(?:please|pls)\s+)?(?:add|create|new\s+task|jot\s+down|put\s+down)\b/i.test(topic)) return null;
  // "rehearsal every tuesday 7.30pm, tag it rehearsal": a thing said with its repeat is a new one.
  if (/\b(?:every|each)\s+\S|\b(?:daily|weekly|fortnightly|monthly)\b/i.test(topic)) return null;
  const candidates = [
    // "the 2nd one - chemist doesn't open till 9 so make it 9:30": a dash starts the remark too.
    ...new Set([
      topic,
      topic.replace(REMARK, ""),
      topic.replace(LEAD, "").replace(REMARK, ""),
      topic.replace(DASH_REMARK, ""),
      // "that flyer I was supposed to make is pointless now, just delete it": the thing, then who was to do it.
      topic
        .replace(REMARK, "")
        .replace(/^((?:the|that|this|my)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+(?:that\s+|which\s+)?(?:i|we)\s.*$/iu, "$1"),
      // "the first one I finished last night, tick it off": the place in the list, then what was done.
      topic.replace(
        /^((?:the\s+)?(?:first|second|third|fourth|fifth|last)\s+one)\s+(?:that\s+|which\s+)?(?:i|we)\s.*$/i,
        "$1",
      ),
    ]),
  ].filter((c) => c.trim());
  // "and the other one push to january 5": the command said without its "it".
  const command = m[2]!.replace(/^(move|push|bump|shift|postpone)\s+(?=(?:to|till|until|back|forward)\b)/i, "$1 it ");
  for (const phrase of candidates) {
    const out = resolveOne(phrase, ctx.tasks, { history: ctx.history });
    if (out.kind === "one" && out.via !== "history") return { command, task: out.task };
  }
  // "the friday one make it 7": a task named by its day.
  const day = dayOne(topic, ctx);
  if (day) return { command, task: day };
  // "the gas bill payment bounced 😩 can you mark it as not done again": a remark that names no
  // task whole still names one by a word only its title has.
  const told = storyTask(topic, ctx.tasks);
  return told ? { command, task: told } : null;
}

/**
 * "che, el turno pasalo al lunes" with two turnos: a topic named first that names several tasks, and
 * the command said of it. Null when the topic names one task (topicFirst) or none.
 */
export function ambiguousTopic(ctx: Ctx): { command: string; phrase: string } | null {
  const text = ctx.text.replace(/^(?:and|y|und|et)\s+/i, "");
  const m = SHAPE.exec(text) ?? BARE_SHAPE.exec(text);
  if (!m || FIELD_REMARK.test(m[1]!) || !/\b(?:it|that)\b/i.test(m[2]!)) return null;
  const phrase = m[1]!.replace(/^(?:and|so|ok|okay|well)\s+/i, "");
  if (/^(?:(?:please|pls)\s+)?(?:add|create|new\s+task|jot\s+down|put\s+down)\b/i.test(phrase)) return null;
  const out = resolveOne(phrase, ctx.tasks, { history: ctx.history });
  return out.kind === "many" ? { command: m[2]!, phrase } : null;
}
