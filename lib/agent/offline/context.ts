// The per-message state every intent parser reads, and the helpers they share for
// building interpretations and clarifying questions.
import type { HistoryTurn, InterpretInput, Interpretation, TaskSnapshot, ToolCall } from "./types";
import type { DateContext } from "./dates";
import type { RefOutcome } from "./references";
import { baseOfPastVerb, normalizeText, TICK } from "./text";
import { COMMAND_LEADS, EITHER_VERBS, INTERJECTIONS, LIST_VERBS } from "./lexicon";
import { carriedLanguage, conversationLanguage, normalizeWords, type Language } from "./normalize";
import { messages, type Action } from "./messages";
import { joinList } from "./format";
import { smalltalkLead } from "./intents/smalltalk";
import { withoutTakenBackDate } from "./self-correction";

export type Ctx = {
  /** The message as typed (typography normalised), for quoting it back. */
  typed: string;
  /** The message with the word tables applied (text-speak, es/fr words): what parsers read. */
  raw: string;
  language: Language;
  /** Politeness and filler stripped ("please", "can you", "ok so"), no final punctuation. */
  text: string;
  lower: string;
  question: boolean;
  date: DateContext;
  tasks: TaskSnapshot[];
  history?: HistoryTurn[];
  /** The task the user picked when answering our clarifying question. */
  override?: TaskSnapshot;
};

const INTERJECTION = [...INTERJECTIONS]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/\s+/g, "\\s+"))
  .join("|");
const FILLER_START = new RegExp(
  `^(?:(?:${INTERJECTION}|` +
    /(?:hey|hi|hello|ok(?:ay)?|so|um+|uh+|er+|well|alright|all right|right|yes|yeah|yep|sure|nah|nope|actually|oh|hmm+|please|pls|plz|kindly|would you mind|(?:would|could|will)\s+you\s+be\s+able\s+to|are\s+you\s+able\s+to|can you|could you|would you|will you|could you please|can you please|no(?=[.,!])|wait(?=[.,!]|\s+(?:the|a|my|no|actually|sorry|i|it|that|this)\b)|i want you to|i'd like you to|i would like you to|i need you to|go ahead and|just|only(?=\s+(?:delete|remove|move|push|mark|tick|check|tag|complete|finish|rename|bump|shift)\b)|quickly|maybe|perhaps|possibly|also|and|y|et|und|then|now|ah|cool|great|nice|perfect)/
      .source +
    // "I want to delete …" is the command; "I need to call …" stays a new task (NEED in add.ts).
    // "Priya wants to push our 1:1 …": someone else's wish for a change is the change asked for.
    // "I can cross off the birthday one": what the user may now do is what they ask for.
    String.raw`|(?:(?:i|we)\s+)?(?:almost|nearly)\s+forgot|(?:i(?:\s+(?:want|need|have|would\s+like)|'d\s+like)\s+to|(?:need|have)\s+to|(?:i\s+)?gotta|(?:i|we)\s+can(?:\s+now)?|(?:i|we)(?:'ll|\s+will)(?:\s+(?:just|rather|simply))?|let'?s|can\s+we|could\s+we|(?:(?:my|our|the)\s+)?[a-z]+\s+(?:wants?|asked|needs?|would\s+like)\s+(?:me\s+|us\s+)?to)(?=\s+(?:delete|remove|mark|undo|reopen|rename|reschedule|postpone|move|push|cancel|untag|clear|(?:tick|check|cross)(?:\s+(?:it|that|them|this))?\s+off)\b)` +
    // "chacho, apúntame …", "zou, ajoute …", "mi niño, recuérdame …": a word or two of one's own, then
    // a comma and a request that names its own thing, are a hail, whatever the words (not a day:
    // "tomorrow, add …"; "the dentist, move it to friday" names the task "it" is).
    String.raw`|(?!(?:the|my|a|an|today|tomorrow|tonight|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)[a-zà-ÿ][a-zà-ÿ'’]*(?:\s+[a-zà-ÿ][a-zà-ÿ'’]*)?(?=[,!:]+\s+(?:add|remind\s+me|show|undo)\b(?!\s+(?:it|that|them|this)\b))` +
    // "Für mein Lernjournal: was habe ich …": what the answer is for, said first.
    String.raw`|for\s+my\s+[a-zà-ÿ]+(?=\s*:)` +
    // "quick one - signed the trip form": a dash ends the lead too.
    String.raw`)\b(?:[,!.:]+|\s+[-–—])?\s+)+`,
  "i",
);
// "… can go on thursday too": a change said in full; "too" only says it is another one (update, remark).
export const TOO_AT_END = /\s+(?:too|as\s+well)$/i;
// "add it", "note that down please": the things said are asked to be added. One phrase for the three
// places that hear it (a filler after the request, a question after it, said anywhere).
const ADD_IT = String.raw`(?:add|note|save|jot)\s+(?:it|that|this)`;
const ADD_IT_TAIL = String.raw`${ADD_IT}(?:\s+down)?(?:\s+(?:please|for\s+me))?`;
// "… a fortnight from now" keeps its "now".
const FILLER_END = new RegExp(
  String.raw`(?<!\bfrom)[,\s]+(?:please|pls|plz|thanks|thank you|thx|for me|for me please|if you can|if possible|asap please|now|instead(?:\s+of\s+(?:the\s+)?\S+(?:\s*(?:am|pm))?)?|then|actually|anyway|anyways|though|btw|lol|lmao|haha|hehe|xd|ugh|smh|like\s+the\s+(?:others|rest)|ja(?:ja)+|je(?:je)+|mdr|(?:lol\s+)?finally|at\s+last|while\s+you'?re\s+at\s+it|(?:so\s+)?(?:don'?t|do\s+not)\s+let\s+me\s+forget|(?:please\s+)?(?:can\s+you\s+|you\s+can\s+)?put\s+it\s+(?:in|on)\s+(?:my|the)\s+list|(?:so\s+)?(?:please\s+)?(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+)?${ADD_IT_TAIL})$`,
  "i",
);
const ADD_IT_ASKED = new RegExp(
  String.raw`[,;]\s*(?:(?:can|could|would)\s+(?:you|u)\s+)(?:please\s+)?${ADD_IT_TAIL}\s*\?\s*$`,
  "i",
);
const ADD_IT_SAID = new RegExp(
  String.raw`(?:^|[,;.!]\s*|\b(?:pls|please|can\s+you|could\s+you|just|so)\s+)${ADD_IT}\b(?!\s+(?:to|as)\b)`,
  "i",
);
/** "…, add it pls", "can you note that down": the things said are asked to be added. */
export const addItSaid = (raw: string) => !/\?/.test(raw) && ADD_IT_SAID.test(raw);
// "take the bins out every tues (always forget lol)", "timesheet done (late as usual)": in brackets at
// the end, a laugh or a sigh about it, not part of the task.
const REMARK_IN_BRACKETS =
  /\s*\((?![^()]*\b(?:note|notes|details|description)\b)[^()]*\b(?:lol|lmao|haha\w*|ugh|as\s+usual|again|always|never|finally)\b[^()]*\)$/i;
// "…? Thank you so much", "…. cheers in advance", "…? no rush": thanks (or leave) in a sentence of
// their own after the request.
const THANKS_END =
  /[.!?,]+\s*(?:no\s+rush|no\s+hurry|there'?s\s+no\s+rush)(?:\s+on\s+(?:it|that|this))?[\s.!]*$|[.!?,]+\s*(?:thanks|thank\s+you|thx|cheers|ty)(?:\s+(?:so|very)\s+much|\s+a\s+lot|\s+heaps|\s+in\s+advance)?(?:,?\s+(?:dear|darling|love|hun|honey|mate|buddy|my\s+dear))?[\s.!?:)]*$/i;
// "tasks 1 and 4 are done, see you later!": a goodbye after a request (not after thanks, which
// with it is all small talk).
const GOODBYE_END =
  /[.!?,]+\s*(?:see\s+you(?:\s+(?:later|soon|tomorrow))?|see\s+ya|bye(?:\s+for\s+now)?|ttyl|talk\s+(?:to\s+you\s+)?later|catch\s+you\s+later)[\s.!]*$/i;
// "…. Margaret says we mustn't forget this time": what someone said, in a sentence of its own after the
// request, is why. ("Ana says to add milk", "… says we need to call" still ask for something.)
const HEARSAY_END =
  /[.!?]+\s+(?:(?:my|our|his|her|the)\s+)?\p{L}+\s+(?:says|said|reckons|thinks|insists|keeps\s+saying)\s+(?!to\b|(?:i|we|you)\s+(?:should|need|have|must|gotta|ought)\b)[^.!?]*[.!?]*$/iu;
// "closers say the containers are done": who reported it leads the report (what they said is
// done is the user's news). Only before a report of a deed, so "Ana says to add milk" and "mum says
// we need bread" stay what they are.
const HEARSAY_LEAD =
  /^(?:(?:my|our|his|her|the)\s+)?\p{L}+(?:\s+(?:and|&)\s+\p{L}+)?\s+(?:says?|said|reckons?|tells?\s+me|told\s+me|confirmed|confirms?)(?:\s+that)?\s+(?=\S.*\b(?:is|are|was|were|'s|'re|has\s+been|have\s+been|got)\s+(?:all\s+|both\s+|now\s+|already\s+)*(?:done|finished|complete|completed|sorted|handled|fixed|paid|sent|booked|delivered|ready)\b)/iu;
// "the cones never arrived, so that one's not done, reopen it": the middle says again what the
// report and the request say.
const SO_NOT_DONE =
  /,\s*so\s+(?:that(?:\s+one)?|it|this(?:\s+one)?)(?:'s|\s+is|\s+was)?\s+(?:not|isn'?t|wasn'?t)?\s*(?:really\s+)?(?:done|finished|complete|completed)(?:\s+(?:yet|after\s+all))?\s*(?=,)/i;
// "the Walshes rang, they want theirs a day earlier": someone's wish for their own task is the change
// asked for, said of the task by its person ("move the Walshes one a day earlier").
const WANTS_THEIRS =
  /^(?:(?:the\s+)?(.+?)\s+(?:rang|called|phoned|texted|emailed|messaged)(?:\s+(?:me|us))?(?:\s+back)?\s*[,;.]?\s*(?:and\s+)?(?:they|he|she)|(?:the\s+)?(.+?))\s+wants?\s+(?:theirs|his|hers)\s+((?:moved\s+|pushed\s+|brought\s+forward\s+)?(?:(?:a|one|two|\d+)\s+(?:day|week)s?\s+(?:earlier|later|sooner)|to\s+\S.*|on\s+\S.*|for\s+\S.*))$/i;
// A learner's word order in front of a command: "please you can add for me …", "can you to add …",
// "you mark for me … as done". Only before a list verb, so "you can do it!" stays what it is.
const LEARNER_VERBS = [...new Set([...COMMAND_LEADS, ...LIST_VERBS.filter((v) => !EITHER_VERBS.includes(v))])]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/\s+/g, String.raw`\s+`))
  .join("|");
const LEARNER_LEAD = new RegExp(
  String.raw`^(?:(?:you(?:\s+(?:can|could|will|would|may|must))?|to)\s+(?:just\s+|simply\s+)?)+(?=(?:${LEARNER_VERBS})\b)`,
  "i",
);
const FOR_ME_AFTER_VERB = new RegExp(String.raw`^(${LEARNER_VERBS})\s+for\s+(?:me|us)\s*:?\s+(?=\S)`, "i");
// "hang on, …", "hold on a sec - …": set off by punctuation, never the start of a title ("hold on to the receipts").
const WAIT_LEAD = /^(?:hang|hold)\s+on(?:\s+a\s+(?:sec|second|minute|moment))?\s*[,!.:;-]+\s*(?=\S)/i;
// A greeting in front of a request ("afternoon! anything overdue?").
const GREETING_START = /^(?:good\s+)?(?:morning|afternoon|evening|hi|hello|hey|hiya)(?:\s+there)?\s*[!,.]+\s*(?=\S)/i;

// Emoji say how the user feels, not what to do: between words they end a thought ("the faucet is
// dripping again 😩 reopen it"), elsewhere they go. A tick is kept: it means done (complete.ts).
const EMOJI_RUN = String.raw`(?:(?![✔✓✅☑])\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\p{Emoji_Modifier})+`;
const EMOJI_BREAK = new RegExp(
  String.raw`(?<=[\p{L}\p{N}])\s*${EMOJI_RUN}(?:\s*${EMOJI_RUN})*\s+(?=[\p{L}\p{N}])`,
  "gu",
);
/** What may end a message and say nothing: stops, faces ("perdón, me refería a la segunda 🙈"). */
export const TRAILING_FEELINGS = new RegExp(String.raw`(?:[\s.!?…]|${EMOJI_RUN})+$`, "u");
const TAG_QUESTION = /\s*,\s*(?:ok(?:ay)?|vale|d'accord|alright)\s*\?+\s*$/i;
const EMOJI = new RegExp(String.raw`\s*${EMOJI_RUN}`, "gu");
// "mark 4 as done ✅", "invoice sent ✅": a tick after a word that says done, or after an English past
// participle, only repeats it.
const TICK_AFTER_DONE = new RegExp(
  String.raw`(\b(?:done|complete|completed|finished|checked\s+off|ticked\s+off|erledigt|fertig|fait|faite|hecho|hecha|terminado|terminada)[.!]*)\s*${TICK}`,
  "giu",
);
const TICK_AFTER_PAST = new RegExp(String.raw`\b([a-z]+)[.!]*\s*${TICK}\s*$`, "iu");
// "condo fee paid ✅ also secret santa gift bought": a tick after a report ends it; another follows.
const TICK_BETWEEN = new RegExp(String.raw`\b([a-z]+)[.!]*\s*${TICK}\s+(?=\p{L})`, "giu");

/**
 * `normalizedIn`: the text is a part of a message already read with the word tables (a clause, a
 * sentence of a story), in that message's language; the tables are not applied to it a second time.
 */
export function makeCtx(input: InterpretInput, override?: TaskSnapshot, normalizedIn?: Language): Ctx {
  const typed = normalizeText(input.text ?? "");
  let words = normalizedIn ? { text: typed, language: normalizedIn } : normalizeWords(typed);
  const carried = !normalizedIn && words.language === "en" ? carriedLanguage(typed, input.history) : null;
  if (carried) words = normalizeWords(typed, undefined, carried);
  let raw = words.text;
  // "2", "ok", a title copied from our question: the reply follows the conversation's language.
  const language =
    normalizedIn ?? (words.language === "en" ? (conversationLanguage(typed, input.history) ?? "en") : words.language);
  // "¿ya terminé el informe? no me acuerdo": a Spanish question opens with its mark; what follows it is a remark.
  // ("¿Podría añadir …? Prioridad alta" is a request, and what follows it belongs to it.)
  const opened =
    /^\s*¿[^?]+\?/.test(input.text ?? "") &&
    !/^\s*¿\s*(?:me\s+|nos\s+)?(?:podr[íi]as?|podr[íi]an|puedes?|pod[ée]s|pueden|quieres)\b/i.test(input.text ?? "") &&
    raw.includes("?");
  if (opened) raw = raw.slice(0, raw.indexOf("?") + 1);
  // "cada lunes … sacar el contenedor, vale?": a tag asking for agreement makes no question of the request.
  raw = raw.replace(TAG_QUESTION, "");
  // "dentist friday at 3, can you add that?": a request to add what was said, not a question about it.
  const question = /\?\s*$/.test(raw) && !ADD_IT_ASKED.test(raw);
  let text = raw
    .replace(TICK_AFTER_DONE, "$1")
    .replace(TICK_AFTER_PAST, (all, word: string) => (/\s/.test(raw.trim()) && baseOfPastVerb(word) ? word : all))
    .replace(TICK_BETWEEN, (all, word: string) => (baseOfPastVerb(word) ? `${word}, ` : all))
    .replace(EMOJI_BREAK, ", ")
    .replace(EMOJI, "")
    .replace(GREETING_START, "")
    .replace(/[.!?…]+$/g, "")
    .trim();
  // "lovely, add …", "thanks! now delete …": an acknowledgement set off by punctuation leads the command.
  const lead = smalltalkLead(text);
  if (lead && /[,!.:;…~)-]\s*$/u.test(text.slice(0, lead))) text = text.slice(lead);
  text = text
    .replace(SO_NOT_DONE, "")
    .replace(
      WANTS_THEIRS,
      (_all, caller: string | undefined, who: string | undefined, change: string) =>
        `move the ${caller ?? who} one ${change.replace(/^(?:moved|pushed|brought\s+forward)\s+/i, "")}`,
    );
  let prev = "";
  while (prev !== text) {
    prev = text;
    text = text
      .replace(WAIT_LEAD, "")
      .replace(FILLER_START, "")
      .replace(LEARNER_LEAD, "")
      .replace(FOR_ME_AFTER_VERB, "$1 ")
      .replace(FILLER_END, "")
      .replace(REMARK_IN_BRACKETS, "")
      .replace(THANKS_END, "")
      .replace(HEARSAY_END, "")
      .replace(GOODBYE_END, (all) => (smalltalkLead(text) ? all : ""))
      .replace(HEARSAY_LEAD, "")
      .replace(/[.!?…]+$/g, "")
      .trim();
  }
  // "mark task 3 done, please" style tails may leave a comma behind.
  text = text.replace(/[,;:]+$/, "").trim();
  text = withoutTakenBackDate(text, { now: input.now, timeZone: input.timeZone, language });
  return {
    typed,
    raw,
    language,
    text,
    lower: text.toLowerCase(),
    question,
    date: { now: input.now, timeZone: input.timeZone, language },
    tasks: input.tasks ?? [],
    history: input.history,
    override,
  };
}

export function result(
  intent: string,
  calls: ToolCall[],
  entities: Record<string, unknown>,
  confidence: number,
  reply?: string,
): Interpretation {
  const out: Interpretation = { calls, intent: intent.slice(0, 50), entities, confidence };
  if (reply !== undefined) out.reply = reply;
  return out;
}

export function ask(
  reply: string,
  entities: Record<string, unknown> = {},
  confidence = 0.5,
  intent = "clarify",
): Interpretation {
  return result(intent, [], entities, confidence, reply.trim().endsWith("?") ? reply : `${reply.trim()}?`);
}

export function taskLabel(t: TaskSnapshot): string {
  return `#${t.number} ${t.title}`;
}

export function orList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The question to ask when a reference did not pick exactly one task, in the user's language. */
export function clarifyReference(
  out: Exclude<RefOutcome, { kind: "one" }>,
  action: Action,
  entities: Record<string, unknown> = {},
  language?: Language,
): Interpretation {
  const say = messages(language);
  const verb = say.actions[action];
  if (out.kind === "many") {
    const shown = out.candidates.slice(0, 6).map(taskLabel);
    const more = out.candidates.length > 6 ? out.candidates.length - 6 : 0;
    return ask(
      say.manyMatch(
        out.phrase,
        out.candidates.length,
        more,
        verb,
        language && language !== "en" ? joinList(shown, language, "disjunction") : orList(shown),
      ),
      { ...entities, ref: out.phrase, candidates: out.candidates.map((t) => t.number) },
      0.6,
    );
  }
  if (out.reason === "unknown_number") {
    return ask(say.unknownNumber(out.number, verb), { ...entities, ref: out.phrase }, 0.6);
  }
  if (out.reason === "no_list") {
    return ask(say.noList(!!out.emptyList, out.phrase, verb), { ...entities, ref: out.phrase, noList: true }, 0.5);
  }
  if (out.reason === "no_referent" || out.reason === "empty") {
    return ask(
      // The pronoun is quoted as the tables left it ("it"), so only an English reply quotes it.
      say.notSure(out.phrase && out.reason === "no_referent" && (language ?? "en") === "en" ? out.phrase : null, verb),
      { ...entities, ref: out.phrase || null },
      0.5,
    );
  }
  return ask(say.notFound(out.phrase, verb), { ...entities, ref: out.phrase }, 0.5);
}
