// Small text helpers shared by the parsers: normalisation, word lists. Word forms (lib/tasks/lemma.ts)
// and the title-matching words (lib/tasks/match.ts) live with the task domain and are re-exported here.
export { baseOfPastVerb } from "@/lib/tasks/lemma";
export { contentStems, NUMBER_WORDS, REF_STOPWORDS, stem, stemsMatch, words } from "@/lib/tasks/match";
import { SAME_DEEDS } from "./lexicon";

// 'add the tag "errands" to …', 'la etiqueta "trámites"': a quoted word after a tag word is the tag, not a title.
const TAG_IN_QUOTES = /(\b(?:tags?|tagged|labels?|labell?ed|etiquetas?|l'étiquette|étiquette|tag)\s+)(["'])([\p{L}\d_-]+)\2/giu;

/** A tick typed after a task says it is done ("Mama angerufen ✔", "invoice sent ✅"). */
export const TICK = String.raw`[✔✓✅☑]\uFE0F?`;

/** Typographic quotes and dashes become ASCII so one set of patterns covers both. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    // « … » and «…»: French and Swiss quotes, with or without their inner spaces.
    .replace(/«\s*/g, '"')
    .replace(/\s*»/g, '"')
    .replace(/[\u2013\u2014]/g, " - ")
    .replace(/\u00A0/g, " ")
    .replace(TAG_IN_QUOTES, "$1$3")
    .replace(/\s+/g, " ")
    .trim();
}

/** "…, use the new template pls": the please or thanks at the end was said to us, not part of a note. */
export const COURTESY_TAIL = /[,\s]+(?:please|pls|plz|thanks|thank\s+you|thx|ty)[.!]*$/i;

export function capitalize(s: string): string {
  const t = s.trim();
  return t ? t[0].toUpperCase() + t.slice(1) : t;
}

const STATE_AFTER = String.raw`(?:finally|now|back|not|already|just|still|been|over|done|off|\p{L}+ing)\b`;
const DASH_REMARK = new RegExp(
  String.raw`\s+[-–—]+\s+(?:(?:her|his|their|my|our|the|its)\s+[\p{L}-]+(?:['’]s\s+${STATE_AFTER}|\s+(?:is|are|was|were|has|have)\b)|(?:it|she|he|they|we|i|that|this)(?:['’](?:s|re|m|ve)|\s+(?:is|are|was|were|has|have|had|will|can|won't|can't)\b)).*$`,
  "iu",
);

/** Title-ish cleanup: no dangling punctuation or connectors, capital first letter, no final period. */
export function tidyTitle(s: string): string {
  // Emoji say how the user feels about a task, not what it is ("book the vet 🐶").
  let t = s.replace(/(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})/gu, " ").replace(/\s+/g, " ").trim();
  let prev = "";
  while (prev !== t) {
    prev = t;
    t = t
      .replace(/^[\s,;:\-–—.!]+/, "")
      .replace(/[\s,;:\-–—&]+$/, "")
      .replace(/\.+$/, "")
      // "history essay!!!": the user's excitement, not the title's.
      .replace(/\s*!+$/, "")
      // "regar las plantas porfa, con la etiqueta casa": the please was said to us.
      .replace(/\s+(?:please|pls|plz)$/i, "")
      // "buy new controller sat lol": a laugh is said to us, not part of the thing.
      .replace(/\s+(?:lol|lmao|haha+|hehe+|xd)$/i, "")
      // "… lundi prochain ? C'est pas pressé": a question mark left behind by a remark cut off after it.
      .replace(/\s+\?+$/, "")
      // "pick up grandma from the station - her train's finally running again": after a dash, a remark.
      .replace(DASH_REMARK, "")
      // "count the till": after an article the word is a thing.
      .replace(
        /(?<!\b(?:the|a|an|my|our|your))\s+\b(?:and|with|due|by|on|at|for|before|until|till|in|of|to|as|that|which|is|it's|its|con|para|y|avec|pour|et|mit|für|und)$/i,
        "",
      )
      .replace(/^(?:to|that|about)\s+/i, "")
      // "could you add a task, please? Renew the insurance": the politeness before the task, not its title.
      .replace(/^(?:(?:for\s+)?me\s+)?(?:please|pls)\s*[?!.,:]+\s*(?=\S)/i, "")
      // "add a call with the bank": the article belongs to the sentence, not the title.
      .replace(/^an?\s+(?=\S+\s+\S)/i, "")
      // "erfassen Sie einen Zahnarzttermin", "agrega una cita con …": the indefinite article too.
      .replace(/^(?:einen|eine|una|une)\s+(?=\S)/i, "")
      .trim();
  }
  if (/^(["'“”«»„‘’])(.*)(["'“”«»„‘’])$/u.test(t) && t.length > 2) t = t.slice(1, -1).trim();
  return capitalize(t);
}

export const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  last: -1,
};

/** Common imperative verbs that start a to-do ("buy eggs", "call Bob"). */
export const TODO_VERBS = new Set([
  "buy", "call", "email", "e-mail", "text", "message", "pay", "book", "send", "clean", "fix", "pick",
  "write", "read", "finish", "review", "schedule", "water", "walk", "feed", "cancel", "renew",
  "return", "submit", "prepare", "plan", "order", "get", "make", "take", "wash", "do", "check",
  "update", "visit", "meet", "go", "bring", "drop", "file", "sign", "print", "mail", "post",
  "ring", "phone", "contact", "ask", "tell", "remind", "organize", "organise", "tidy", "vacuum",
  "mow", "cook", "bake", "study", "practice", "practise", "learn", "research", "draft", "edit",
  "publish", "upload", "download", "install", "backup", "back", "charge", "refill", "repair",
  "replace", "sort", "pack", "unpack", "move", "donate", "sell", "collect", "deliver", "grab",
  "fetch", "shop", "apply", "register", "reply", "respond", "follow", "invite", "thank",
  "celebrate", "exercise", "run", "jog", "swim", "empty", "change", "clear", "iron", "fold",
  "hang", "paint", "build", "design", "test", "deploy", "commit", "merge", "release", "record",
  "try", "find", "look", "see", "watch", "listen", "practise", "renew", "wrap", "hire",
  "interview", "confirm", "arrange", "reserve", "rent", "lend", "borrow", "pray", "meditate", "ship",
]);

/** A Spanish or French infinitive ("comprar", "changer"): how a to-do there starts ("Hacer la novena"). */
export const FOREIGN_INFINITIVE = /^\p{L}{2,}(?:ar|er|ir|re|ír)$/iu;

/** To-do verbs that are one only with their particle ("top up my card"; "top of my list" is none). */
const TODO_PHRASAL_VERBS = ["top up"];
const TODO_PHRASAL = new RegExp(`^(?:${TODO_PHRASAL_VERBS.map((v) => v.replace(/ /g, String.raw`\s+`)).join("|")})\\b`, "i");

/** Whether a phrase starts with a to-do verb ("buy eggs", "top up my card"). */
export function startsWithTodoVerb(phrase: string): boolean {
  const t = phrase.trim();
  return TODO_VERBS.has((t.split(/\s+/)[0] ?? "").toLowerCase()) || TODO_PHRASAL.test(t);
}

// Why, not what: a reason after a task is no part of it.
/** After a new task's words, set off by a comma ("pay the fees, because otherwise …"). */
export const REASON_TAIL =
  /,\s*(?:die|der|das|er|sie|es)\s+\p{L}+\s+(?:nix|nichts|nicht|kein\p{L}*|schon\s+wieder|wieder)(?![\p{L}]).*$|(?<=\p{L}|\d(?:am|pm)?)\s*[.!]\s+(?:i'?m|i\s+am|i'?ve|i\s+have|i\s+was|it'?s|that'?s|we'?re|anyway|(?:she|he|they)\s+(?:has|have|is|are|was|were|gets?|needs?)|there'?s|there\s+is)\s.*$|\s+(?:we'?re|were|i'?m|im|we\s+are|i\s+am)\s+(?:almost|nearly|completely|totally|all|running)\s+(?:out|low)\b.*$|(?<=\b(?:urgent|important|asap|priority))\s+(?:que|porque|car|parce\s+que|weil|denn|because|since|cause)(?![\p{L}]).*$|,\s*(?:we|i|they|(?:my|our|his|her|the)\s+\p{L}+)\s+(?:keep|always|never|tend\s+to|forgot|forget|kept)\b.*$|,\s*as\s+(?:i|we|they|he|she|my|our|his|her|their)\s.*$|,\s*(?:totally|completely|clean|almost)\s+forgot\b.*$|,\s*(?:because|since|cause|cos|coz|otherwise|que|porque|ya\s+que|pues|parce\s+que|car|puisque|sinon|weil|denn|sonst)(?![\p{L}]).*$|,\s*(?:the|my|our|his|her)\s+\p{L}+['’]s\s+(?:still|not|already|been)(?![\p{L}]).*$|,\s*(?:le|la|les|el|los|las|der|die|das|the|my|mon|ma|mes|mi|mis)\s+\p{L}+(?:\s+\p{L}+)?\s+(?:est|sont|es|está|están|ist|sind|is|are|was|were|(?:crash|glitch|fail|break|broke|froze|died)\p{L}*)(?![\p{L}]).*$/iu;
/** After a change ("…to 10am, the client call clashes", "… because it clashes"). */
export const REASON_AFTER_CHANGE =
  /(?<=\b(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|mañana|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|\d{1,2}(?:st|nd|rd|th)?))\s+(?:que|porque|parce\s+que|car)\s+.+$|(?:\s*,\s*|\s+)(?:because|since|cos|cuz|porque|ya\s+que|parce\s+que|puisque|weil|denn)\s+.+$|\s+que\s+(?:me|te|se|nos|ya|no)\s+.+$|\s*,\s*(?:que|car)\s+.+$|\s*,\s*(?:the|my|our|it|that)\b[^,]*?\s+(?:clashes|conflicts|overlaps)(?:\s+with\b.*)?$|\s*,\s*(?:i|we|it|that|they|he|she)(?:\s+|(?=['’]))(?:was|were|'m|am|'re|are|aren'?t|isn'?t|nearly|almost|just|really|totally|kinda|had|got|did|didn'?t|don'?t|can'?t|couldn'?t|won'?t|wasn'?t|no\s+longer)\b.*$|\s*,\s*(?:my|our|his|her|the)\s+[a-z]+\s+(?:keeps|kept|wants|wanted|needs|asked|asks|says|said)\b.*$|\s*,\s*(?:the\s+|my\s+)?[a-z]+\s+(?:is|are|was|were|'s)\s+(?:fully|totally|all|completely|closed|booked|shut|away|out|off|sick)\b.*$|\s+so\s+(?:i|we|that\s+i)\s+(?:don'?t|do\s+not|won'?t|can)\b.+$|\s*,\s*(?:want|wanna|trying|hoping)\s+to\s+.+$|\s*,\s*(?:let'?s\s+(?:be\s+honest|face\s+it)|to\s+be\s+honest|tbh|honestly|realistically)\b.*$|\s*,\s*(?:[a-z]+\s+){1,2}(?:has|have)\s+(?:changed|moved|shifted)\s+(?:the\s+)?(?:date|time|day|deadline)\b.*$|(?<=\btask)\s+(?:i|we)\s+(?:don'?t|do\s+not|no\s+longer)\s+need\b.*$|\s*,\s*no\s+(?:rush|hurry)\s+(?:on|for|with)\s+(?:that|it|this|them)\b.*$|\s*,\s*(?:it'?s\s+|is\s+|was\s+|got\s+)(?:cancell?ed|called\s+off|off)\s*$/i;

// The old value said after the new one ("…, not 11", "instead of 5:30", "due thursday not friday"): it
// only confirms the change.
export const OLD_VALUE = String.raw`\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+(?:at\s+|on\s+)?[\w:.]+(?:\s*[ap]\.?m\.?)?`;

// "… this morning", "… yesterday": when a thing was done, said after it; it says nothing of which task.
export const WHEN_DONE = String.raw`(?:today|tonight|this\s+(?:morning|afternoon|evening)|yesterday|last\s+night|earlier(?:\s+today)?|just\s+now|this\s+lunchtime|on\s+(?:my|his|her|their|our|the)\s+way\s+(?:home|back|in|out|to\s+work)|(?:before|after)\s+(?:leaving|work|school|lunch|breakfast)|last\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)`;

/** The verbs that do the same deed as `verb` ("talk" for "call"), from SAME_DEEDS, if it has any. */
export function sameDeeds(verb: string): readonly string[] | undefined {
  const v = verb.toLowerCase();
  return SAME_DEEDS.find((g) => g.includes(v));
}
