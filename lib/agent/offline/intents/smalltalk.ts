// Turns that need no tool: greetings, thanks, goodbyes and "how can you help?".
import { result, TRAILING_FEELINGS, type Ctx } from "../context";
import type { Interpretation } from "../types";
import {
  ASSISTANT_ACTIONS,
  SERVICES,
  CLOSINGS,
  MOODS,
  WEATHER_REMARKS,
  PRAISE,
  CREATIVE_VERBS,
  EITHER_VERBS,
  ENTERTAIN_PHRASES,
  GREETING_TAILS,
  LIST_OBJECTS,
  LIST_VERBS,
  OUT_OF_SCOPE,
  WORLD_TOPICS,
} from "../lexicon";
import { messages, type Messages } from "../messages";
import { findDates } from "../dates";
import { FOREIGN_INFINITIVE, TODO_VERBS } from "../text";

const alt = (xs: string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/'/g, "'?").replace(/\s+/g, "\\s+"))
    .join("|");
// A greeting word (letters may be drawn out: "heyyy", "hiii", "helloooo"), maybe twice ("hi hi"),
// then words that keep it a greeting (GREETING_TAILS: "good morning to you", "hallo du").
const GREET_WORD = String.raw`(?:h+i+|h+e+l+o+|h+e+y+a*|hiya|howdy|y+o+|hola|hej|greetings|good\s+(?:morning|afternoon|evening|day)|morning|evening|afternoon|what'?s\s+up|sup|how\s+are\s+you(?:\s+doing)?(?:\s+today)?|how'?s\s+it\s+going)`;
const GREETING = new RegExp(
  String.raw`^${GREET_WORD}(?:[,!\s]+${GREET_WORD})*(?:[,!\s]+(?:${alt(GREETING_TAILS)}))*(?:[,!?\s]+how\s+are\s+you(?:\s+doing)?)?$`,
  "i",
);
// Longer phrases first: a small-talk piece is the longest one that fits ("nice one", not "nice").
const ACK = String.raw`(?:good\s+job|well\s+done|nice\s+one|great\s+job|sounds\s+good|got\s+it|all\s+right|that'?s\s+(?:great|perfect|brilliant|lovely|fine|all|it|everything)|that\s+is\s+all|nothing\s+else|no\s+worries|no\s+problem|no\s+rush|no\s+hurry|me\s+too|same\s+here|ok(?:ay)?|great|awesome|super|perfect|cool|nice|excellent|brilliant|brill|grand|lovely|wonderful|sweet|fantastic|amazing|good|alright|fine|kk|k|noted|understood|np)`;
/** A word of thanks anywhere in a message, in any of our languages ("thx", "gracias", "danke"). */
export const THANKED = /\b(?:thanks|thank|thx|ty|tysm|ta|cheers|appreciate|appreciated|gracias|merci|danke)\b/i;

const THANKS = new RegExp(
  String.raw`^(?:${ACK}[,!.\s]*)*(?:thanks|thank\s+you|thank\s+u|thx|ty|tysm|ta|cheers|much\s+appreciated|appreciate\s+it|many\s+thanks)?(?:\s+(?:so\s+much|ever\s+so\s+much|a\s+lot|very\s+much|a\s+bunch|again|anyway|all\s+the\s+same|mate|boss|jefe|for\s+(?:the\s+help|your\s+help|that|everything)))*(?:[,!.\s]+${ACK})*$`,
  "i",
);
const BYE =
  /^(?:bye|goodbye|good\s*bye|bye\s+bye|good\s+night|night|see\s+you(?:\s+later|\s+soon|\s+tomorrow)?|see\s+ya|later|cya|ttyl|take\s+care)(?:[,!\s]+(?:for\s+now|then|again|all))?$/i;
const WAIT =
  /^(?:(?:give\s+me|wait|just)\s+(?:a|one)\s+(?:minute|moment|sec|second|mo)|(?:hold|hang)\s+on(?:\s+a\s+(?:sec|second|minute|moment))?|one\s+(?:sec|second|moment|minute)|brb|be\s+right\s+back)(?:[,\s]+please)?$/i;
const HELP =
  /^(?:help|help\s+me|\?+|what\s+(?:else\s+)?can\s+you\s+do|what\s+do\s+you\s+do|what\s+are\s+you\s+able\s+to\s+do|how\s+does\s+(?:this|it)\s+work|how\s+do\s+i\s+use\s+(?:this|you|it|doable)|how\s+do\s+you\s+work|what\s+are\s+you|who\s+are\s+you|what\s+is\s+this|what\s+is\s+doable|commands|what\s+can\s+i\s+(?:say|ask|do|type)|what(?:'s|\s+is)\s+the\s+difference\s+between\s+(?:high|low|medium|normal)\s+(?:and|&)\s+(?:high|low|medium|normal)\s+priority(?:\s+anyway)?|what\s+(?:does|do)\s+(?:high|low|medium|normal)\s+priority\s+(?:mean|do)(?:\s+anyway)?|show\s+me\s+what\s+you\s+can\s+do|how\s+can\s+you\s+help(?:\s+me)?|what\s+are\s+your\s+(?:features|capabilities|commands|abilities)|instructions|usage|examples?|menu|options|i'?m\s+(?:lost|confused|stuck))(?:\s+here)?(?:\s+for\s+me)?$/i;

const CLOSING = new RegExp(
  `^(?:(?:ok(?:ay)?|no|nope|nah|so|well|alright|right)[,!.\\s]+)*(?:${alt(CLOSINGS)})(?:[,!.\\s]+(?:thanks|thank\\s+you|thx|cheers|bye))?$`,
  "i",
);
const SORTED_BYE =
  /^(?:ok(?:ay)?[\s,]+)?(?:i\s+think\s+|i\s+guess\s+)?that'?s\s+(?:the\s+\w+|it|everything|all)\s+(?:sorted|done|planned)[.!,\s]+(?:night|good\s*night|nite|bye|cya|see\s+ya|later)$/i;
const APOLOGY = /^(?:sorry|sry|soz|my\s+bad|apologies)(?:\s+(?:for|about)\s+[^.!?]+)?$/i;
const THANKS_CLOSING = new RegExp(`^(.+?)[,!.\\s]+(?:${alt(CLOSINGS)})$`, "i");
// Out-of-scope requests, built from the OUT_OF_SCOPE table: "<verb> me/us [a|some…] <object>".
const ASKING = String.raw`^(?:(?:can|could|would|will)\s+(?:you|u|ya)\s+(?:please\s+|pls\s+|just\s+)?|(?:do|did)\s+you\s+|please\s+|go\s+on(?:\s+and)?\s+|i\s+(?:want|need|would\s+like|'d\s+like)\s+you\s+to\s+)?`;
const OUT_OF_SCOPE_RES = OUT_OF_SCOPE.map((row) => ({
  re: new RegExp(
    `${ASKING}(?:${alt(row.verbs)})\\s+(?:me|us)(?:\\s+(?:a|an|another|some|one|any|something|my|the|your|up\\s+a))?\\s+` +
      (row.objects === "any" ? "(?<obj>.+)" : `(?:\\w+\\s+){0,2}?(?<obj>${alt(row.objects)})\\b.*`) +
      "$",
    "i",
  ),
  any: row.objects === "any",
  reply: row.reply,
}));
const ENTERTAINMENT = OUT_OF_SCOPE[0]!.objects as string[];
// Also "any jokes?", "know any good riddles?", "a joke please", "write a haiku about autumn",
// "tell me something funny".
const ENTERTAIN_ONLY = new RegExp(
  `^(?:(?:do\\s+you\\s+)?(?:know|have|got)\\s+)?(?:any|a|an|another|some)\\s+(?:\\w+\\s+)?(?:${alt(ENTERTAINMENT)})$`,
  "i",
);
const CREATIVE = new RegExp(
  `${ASKING}(?:${alt(CREATIVE_VERBS)})\\s+(?:a|an|another|some|one|any|\\d+)\\s+(?:[\\w-]+\\s+){0,2}?(?:${alt(ENTERTAINMENT)})\\b.*$`,
  "i",
);
const ENTERTAIN_ASK = new RegExp(
  `${ASKING}(?:${alt(ENTERTAIN_PHRASES)})\\b(?!.*\\b(?:tasks?|todos?|list|due|about\\s+my)\\b).*$`,
  "i",
);
// A favour asked of the assistant (lexicon.ts LIST_VERBS / EITHER_VERBS): "book me a flight",
// "call my sister for me".
const STRICT_LIST_VERB = new RegExp(`^(?:${alt(LIST_VERBS.filter((v) => !EITHER_VERBS.includes(v)))})\\b`, "i");
const FAVOUR_ME = new RegExp(
  `${ASKING}(?<verb>[a-z]+(?:\\s+(?:up|out|down|in))?)\\s+(?:me|us)\\s+(?<obj>(?!to\\b|about\\b|know\\b|see\\b|when\\b|what\\b|if\\b|how\\b|which\\b|why\\b|where\\b|(?:a|one)\\s+(?:minute|moment|sec|second|break)\\b).+)$`,
  "i",
);
const FAVOUR_FOR_ME = new RegExp(`${ASKING}(?<verb>[a-z]+)\\s+(?<obj>.+?)\\s+for\\s+(?:me|us)(?:[,\\s]+please)?$`, "i");
// "can u text my brother happy birthday": an act in the world asked of the assistant ("write down" is the list's).
const FAVOUR_YOU = new RegExp(
  String.raw`^(?:(?:can|could|would|will)\s+(?:you|u|ya)|i\s+(?:want|need|would\s+like|'d\s+like)\s+(?:you|u)\s+to)\s+(?:please\s+|pls\s+|just\s+|quickly\s+)?(?<verb>${alt(ASSISTANT_ACTIONS)})\s+(?!down\b|it\s+down\b|that\s+down\b)(?<obj>.+)$`,
  "i",
);
const SERVICE = new RegExp(`\\b(?:${alt(SERVICES)})\\b`, "i");
const WORLD = new RegExp(`\\b(?:${alt(WORLD_TOPICS)})\\b`, "i");
const KNOW_ABOUT = /^(?:do\s+)?(?:you|u|ya)\s+know\s+(?:much|anything|a\s+lot|a\s+thing)\s+about\b/i;
const WORLD_CHECK =
  /^(?:(?:can|could|would)\s+(?:you|u)\s+|(?:please|pls)\s+)?(?:check|see|find\s+out|look\s+up)\s+(?:if|whether)\s+(.+?)\s+(?:is|are|will\s+be)\s+(?:still\s+)?(?:open|closed|shut|running|delayed|cancell?ed|busy|sold\s+out)\b/i;
const WH_QUESTION =
  /^(?:what|what's|whats|who|who's|whose|how|how's|when|where|why|which|is\s+it|will\s+it|does|do\s+you\s+know|tell\s+me|give\s+me)\b/i;

// A message made only of small-talk pieces, in any order and number ("hey, morning all :)",
// "right, night night", "thanks a lot, that's everything for now", "enjoy your evening!", "cheers, you too x").
const NICE = `(?:good|great|nice|lovely|wonderful|fab|fabulous|fantastic|brilliant|relaxing|restful|happy|safe|productive|super|awesome|peaceful|amazing|fun|quiet|chill|cosy|cozy)`;
const OCCASION = String.raw`(?:day|night|evening|weekend|week|morning|afternoon|one|time|holidays?|trip|break|vacation|christmas|easter|sleep|rest\s+of\s+(?:the|your)\s+(?:day|week|evening|weekend)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)`;
const FOR_WHEN = String.raw`(?:\s+for\s+(?:now|today|tonight|the\s+(?:day|night|evening|week|weekend)|this\s+(?:evening|morning|afternoon|week)))?`;
const THANKS_WORD = String.raw`(?:thanks|thank\s+you|thank\s+u|thx|ty|tysm|ta|cheers|much\s+appreciated|appreciate\s+it|many\s+thanks)(?:\s+(?:so\s+much|a\s+lot|very\s+much|a\s+bunch|a\s+million|a\s+mil|again|mate|buddy|today|tonight|dear|love|hun|honey|darling|this\s+(?:morning|afternoon|evening|week)|for\s+(?:the\s+help|your\s+help|that|everything|all\s+(?:the|your)\s+help)))*`;
// "ugh i'm so lazy this week haha": a feeling, with the words people wrap it in.
const MOOD = String.raw`(?:ugh+\s+|man\s+|honestly\s+)?(?:(?:i'?m|i\s+am|im|feeling|i\s+feel)\s+(?:(?:so|really|super|kinda|kind\s+of|a\s+bit|very|pretty|totally|still|soo+)\s+)*(?:${alt(MOODS)})(?:\s+(?:today|tonight|lately|rn|right\s+now|ben\s+raide|this\s+(?:week|morning|afternoon|evening)))?|what\s+a\s+(?:week|day|month|morning)(?:\s+(?:ahead|it'?s\s+been))?|(?:crazy|busy|long|mad|hectic|rough|wild|tough)\s+(?:week|day|month|morning|night|shift)(?:\s+(?:over\s+here|here|so\s+far|ahead|(?:at|à|in)\s+(?:the\s+|l['’]\s*)?[a-zà-ÿ]+))?|(?:a\s+)?(?:\d+|[a-zà-ÿ]+)[\s-]+hours?\s+shift|(?:so+|way\s+too|too)\s+(?:much|many)(?:\s+(?!to\b)[a-z']+)?(?:\s+to\s+do)?(?:\s+(?:today|tonight|rn|right\s+now|lately|this\s+(?:week|weekend|month|morning|afternoon|evening)))?)`;
// "you saved my afternoon", "you're a lifesaver": thanks said as praise.
const COMPLIMENT = String.raw`(?:you(?:'ve|\s+have)?\s+(?:just\s+|really\s+)?saved\s+(?:my|me)(?:\s+(?:day|life|afternoon|evening|morning|week|bacon|skin))?|you(?:'re|\s+are)\s+(?:the\s+best|a\s+(?:lifesaver|star|legend|gem))|you(?:'re|\s+are)\s+(?:really\s+|such\s+)?a\s+(?:big|great|huge|real)\s+help|lifesaver)`;
// "it's so cold tonight lol", "il fait tellement frette ce soir": a word about the weather.
const WEATHER = String.raw`(?:(?:${alt(WEATHER_REMARKS.leads)})\s+)?(?:(?:${alt(WEATHER_REMARKS.degree)})\s+)*(?:${alt(WEATHER_REMARKS.words)})(?:\s+(?:${alt(WEATHER_REMARKS.tails)}))*`;
const PIECES: Array<{
  kind: "greeting" | "thanks" | "ack" | "closing" | "bye" | "wish" | "emote" | "mood" | "weather";
  re: RegExp;
}> = [
  {
    kind: "greeting",
    re: new RegExp(
      String.raw`^(?:${GREET_WORD}(?:\s+(?:${alt(GREETING_TAILS)}))*|happy\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|holidays|new\s+year))`,
      "i",
    ),
  },
  { kind: "thanks", re: new RegExp(`^(?:${THANKS_WORD}|${COMPLIMENT})`, "i") },
  { kind: "ack", re: new RegExp(`^(?:${ACK}|haha+|hehe+|lol|oh|ah|so|well|right|yay|phew|top|ugh+|meh)`, "i") },
  { kind: "closing", re: new RegExp(`^(?:${alt(CLOSINGS)})${FOR_WHEN}`, "i") },
  {
    kind: "bye",
    re: new RegExp(
      String.raw`^(?:bye(?:\s+bye)?|goodbye|good\s*bye|good\s*night|nighty?[\s-]+night|night|gn|sleep\s+(?:well|tight)|sweet\s+dreams|see\s+(?:you|ya)(?:\s+(?:later|soon|tomorrow|then|around|next\s+week|on\s+\w+day))?|cya|ttyl|later|take\s+care|catch\s+you\s+later|(?:talk|speak)\s+(?:to\s+you\s+)?(?:soon|later|tomorrow)|until\s+next\s+time|i'?m\s+off(?:\s+to\s+bed)?|off\s+to\s+bed|(?:i'?m\s+)?(?:going|heading)\s+(?:home|to\s+bed|to\s+sleep)|(?:back\s+to\s+|time\s+for\s+)?bed(?:\s*time)?|back\s+to\s+(?:the\s+)?(?:line|pass|kitchen|grind|desk|work)|(?:i\s+(?:need|have|got)\s+to|gotta)\s+(?:go\s+(?:to\s+)?|aller\s+)?(?:sleep|bed|dormir))${FOR_WHEN}`,
      "i",
    ),
  },
  {
    kind: "wish",
    re: new RegExp(
      String.raw`^(?:(?:you\s+)?have\s+(?:a|an)\s+(?:(?:very|really|super|great)\s+)?${NICE}(?:\s+${OCCASION})?(?:\s+(?:too|as\s+well|${alt(GREETING_TAILS)}))?|enjoy\s+(?:your|the)\s+(?:${NICE}\s+)?${OCCASION}|(?:and\s+)?you\s+(?:too|as\s+well)|same\s+to\s+you(?:\s+too)?|and\s+you|all\s+the\s+best|take\s+it\s+easy|wish\s+me\s+luck|fingers\s+crossed)`,
      "i",
    ),
  },
  { kind: "mood", re: new RegExp(`^(?:${MOOD}|${alt(PRAISE)})`, "i") },
  { kind: "weather", re: new RegExp(`^${WEATHER}`, "i") },
  {
    kind: "emote",
    re: /^(?:[:;=8]-?[)(DPp3oO|\][/\\*]+|<3+|\^_?\^|x+d+\b|x+o*x*\b|\p{Extended_Pictographic}(?:\u{FE0F}|\u{200D}|\p{Extended_Pictographic})*)/iu,
  },
];
// Between pieces: punctuation, or "and" ("good night and have a good weekend", "y", "et", "und" after the tables).
const PIECE_GAP = /^(?:[\s,!.?…:;~&-]|(?:and|y|et|und)(?![\p{L}]))/iu;
// A piece ends at a word's end (the regexes backtrack to "hiya" rather than stop at "hi").
const ENDED = PIECES.map((p) => ({
  kind: p.kind,
  re: new RegExp(`${p.re.source}(?![\\p{L}\\p{N}'])`, p.re.flags.includes("u") ? p.re.flags : `${p.re.flags}u`),
}));

const WHY = /^(?:que|because|cos|cause|car|parce\s+que|weil|denn)\s+[^.!?]*[.!?]*$/i;

/** The kinds of small-talk pieces a message is made of, or null when anything else is in it. */
export function smalltalkPieces(text: string): Set<string> | null {
  let rest = text.trim();
  const kinds = new Set<string>();
  while (rest) {
    let best: { kind: string; length: number } | null = null;
    for (const p of ENDED) {
      const m = p.re.exec(rest);
      if (m?.[0].length && (!best || m[0].length > best.length)) best = { kind: p.kind, length: m[0].length };
    }
    // Punctuation between pieces (tried after them: ":)" is a piece, not a colon).
    const gap = best ? null : PIECE_GAP.exec(rest);
    if (gap) {
      rest = rest.slice(gap[0].length);
      continue;
    }
    // "ya me voy a dormir que mañana madrugo": why one is off to bed is no request either.
    const why = !best && (kinds.has("bye") || kinds.has("mood")) ? WHY.exec(rest) : null;
    if (why) break;
    if (!best) return null;
    kinds.add(best.kind);
    rest = rest.slice(best.length);
  }
  kinds.delete("emote");
  return kinds.size ? kinds : null;
}

/**
 * How many characters of small talk lead a request ("cool, show me …", "thanks! what's left …",
 * "morning :) anything due today?"): 0 when none does or nothing follows it.
 */
export function smalltalkLead(text: string): number {
  let at = 0;
  let end = 0;
  for (;;) {
    const rest = text.slice(at);
    let best = 0;
    for (const p of ENDED) {
      const m = p.re.exec(rest);
      if (m && m[0].length > best) best = m[0].length;
    }
    if (best) {
      at += best;
      end = at;
      continue;
    }
    const gap = PIECE_GAP.exec(rest);
    if (!gap) break;
    at += gap[0].length;
  }
  if (!end) return 0;
  const after = /^[\s,!.?…:;~-]*/.exec(text.slice(end))![0].length;
  return end + after < text.length ? end + after : 0;
}

/**
 * Some word of `text` (4+ letters) is in a task's title: the user is talking about their list. A
 * title's leading verb ("Hacer la novena") names no task: "¿qué clima va a hacer?" is about the sky.
 */
function mentionsTask(ctx: Ctx, text: string): boolean {
  const titles = ctx.tasks.map((t) => t.title.toLowerCase()).join("\n");
  const later = new Set(ctx.tasks.flatMap((t) => t.title.toLowerCase().split(/\s+/).slice(1)));
  const deeds = new Set(
    ctx.tasks
      .map((t) => t.title.toLowerCase().split(/\s+/)[0]!)
      .filter(
        (w) =>
          !later.has(w) &&
          (TODO_VERBS.has(w) || ((ctx.language === "es" || ctx.language === "fr") && FOREIGN_INFINITIVE.test(w))),
      ),
  );
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((w) => w.length >= 4 && titles.includes(w) && !deeds.has(w));
}

/** A request the app cannot fulfil ("entertain me", "make me a …", a favour, a fact): its answer, or null. */
function outOfScope(text: string, ctx: Ctx, say: Messages): string | null {
  for (const row of OUT_OF_SCOPE_RES) {
    const m = row.re.exec(text);
    if (!m) continue;
    const obj = m.groups?.obj ?? "";
    // "make me a reminder for …", "get me my task list", "bring me up to date": about the list.
    if (
      row.any &&
      (LIST_OBJECTS.test(obj) || /\b(?:up\s+to\s+date|remind|due|tomorrow|today|by\s+\w+day)\b/i.test(obj))
    )
      continue;
    return say.outOfScope[row.reply];
  }
  // A date makes it the user's own plan ("write a poem for friday's assembly"): a task.
  const dated = () => findDates(text, ctx.date).dates.length > 0;
  if (ENTERTAIN_ONLY.test(text) || (CREATIVE.test(text) && !dated()) || ENTERTAIN_ASK.test(text))
    return say.outOfScope.entertain;
  // "do you know much about kennel cough?": what the assistant knows is asked, whatever the topic.
  if (KNOW_ABOUT.test(text)) return say.outOfScope.lookup;
  // A question about the world ("what's the forecast for friday?", "who won the match"), not about a task.
  if (
    (WH_QUESTION.test(text) || ctx.question) &&
    WORLD.test(text) &&
    !mentionsTask(ctx, text) &&
    !LIST_OBJECTS.test(text)
  )
    return say.outOfScope.lookup;
  // "can you check if the seward highway is open?": how a place or a service is doing, looked up.
  const state = WORLD_CHECK.exec(text);
  const asked = ctx.question || /^(?:can|could|would)\b/i.test(text);
  if (state && asked && !dated() && !mentionsTask(ctx, state[1]!) && !LIST_OBJECTS.test(state[1]!))
    return say.outOfScope.lookup;
  // A favour: the verb is not a list command, the object is not about the list, no date is set.
  const you = FAVOUR_YOU.exec(text);
  const fav = FAVOUR_ME.exec(text) ?? FAVOUR_FOR_ME.exec(text) ?? you;
  if (fav) {
    const verb = fav.groups!.verb!;
    // "order a pizza for 6pm, kids are starving": what follows the comma is why, not what.
    const obj = fav
      .groups!.obj!.replace(/\s*,.*$/, "")
      .replace(/[?!.]+$/, "")
      .replace(/[,\s]+(?:please|pls|plz|thanks)$/i, "");
    const listy =
      STRICT_LIST_VERB.test(verb) ||
      LIST_OBJECTS.test(obj) ||
      (EITHER_VERBS.includes(verb.toLowerCase()) && mentionsTask(ctx, obj));
    // "can u text dolores n tell her the van's free next sat": the day is what she is told.
    // "can u text my wife that im gonna be late tonight": the message, and its day, are hers.
    const told =
      fav === you &&
      /\b(?:(?:and|n|&)\s+(?:tell|let)\s+(?:her|him|them)|(?:that|saying)\s+(?:i|i'?m|im|we|we'?re|he|she|they|it'?s|the))\b/i.test(
        fav.groups!.obj!,
      );
    if (!listy && (!dated() || SERVICE.test(obj) || told))
      return say.outOfScope.favour(`${verb.toLowerCase()} ${obj}`.trim());
  }
  return null;
}

/** Whether a phrase is small talk (a greeting, thanks, a goodbye): never a task's name. */
export function isSmalltalk(text: string): boolean {
  const t = text.replace(/[.!?…\s]+$/g, "").trim();
  return GREETING.test(t) || THANKS.test(t) || BYE.test(t) || CLOSING.test(t) || HELP.test(t) || !!smalltalkPieces(t);
}

export function smalltalk(ctx: Ctx): Interpretation | null {
  // "can u do my homework for me lol": the laugh says nothing.
  // "… for me 😭": a face says how they feel, not what they ask.
  const t = ctx.raw
    .replace(TRAILING_FEELINGS, "")
    .replace(/[\s,]+(?:lol|lmao|haha+|hehe+|xd)$/i, "")
    .replace(TRAILING_FEELINGS, "")
    .trim();
  const say = messages(ctx.language);
  if (!t) return result("help", [], {}, 0.6, say.help);
  if (HELP.test(t) || HELP.test(ctx.text)) return result("help", [], {}, 0.95, say.help);
  if (GREETING.test(t)) {
    const pending = ctx.tasks.filter((x) => x.status === "pending").length;
    return result("greeting", [], {}, 0.95, say.greeting(pending));
  }
  const oos = outOfScope(t, ctx, say) ?? outOfScope(ctx.text, ctx, say);
  if (oos) return result("out_of_scope", [], {}, 0.85, oos);
  // "thanks, that's all", "nothing else, cheers", "we're done": closing the conversation.
  const lastAssistant = [...(ctx.history ?? [])].reverse().find((h) => h.role === "assistant");
  const answering = !!lastAssistant && /#\d+[\s\S]*\?\s*$/.test(lastAssistant.text) && /^that'?s\s+it$/i.test(t);
  const closingWithThanks = THANKS_CLOSING.exec(t);
  if (!answering && (CLOSING.test(t) || (closingWithThanks && THANKS.test(closingWithThanks[1]!.trim())))) {
    const thanked = THANKED.test(t);
    return result("goodbye", [], {}, 0.9, thanked ? say.goodbyeThanks : say.goodbye);
  }
  // "ok I think that's the week sorted. night!": a verdict on the list, then goodbye.
  if (SORTED_BYE.test(t)) return result("goodbye", [], {}, 0.85, say.goodbye);
  // "sorry for the back and forth lol": an apology needs no task.
  if (APOLOGY.test(t)) return result("acknowledge", [], {}, 0.85, say.noWorries);
  if (WAIT.test(t)) return result("acknowledge", [], {}, 0.9, say.wait);
  if (BYE.test(t)) return result("goodbye", [], {}, 0.9, say.bye);
  if (/\S/.test(t) && THANKS.test(t)) {
    const thanked = THANKED.test(t);
    return result(thanked ? "thanks" : "acknowledge", [], {}, 0.9, thanked ? say.thanks : say.acknowledged);
  }
  // Greetings, thanks, closings and wishes together, in any order: the strongest one answers.
  const pieces = smalltalkPieces(t);
  if (pieces) {
    if (pieces.has("closing") || pieces.has("bye") || pieces.has("wish")) {
      const reply = pieces.has("thanks")
        ? say.goodbyeThanks
        : pieces.has("wish")
          ? say.wishBack
          : pieces.has("bye")
            ? say.bye
            : say.goodbye;
      return result("goodbye", [], {}, 0.85, reply);
    }
    if (pieces.has("thanks")) return result("thanks", [], {}, 0.85, say.thanks);
    if (pieces.has("mood")) return result("mood", [], {}, 0.85, say.mood);
    if (pieces.has("weather")) return result("weather", [], {}, 0.85, say.weather);
    if (pieces.has("greeting"))
      return result("greeting", [], {}, 0.9, say.greeting(ctx.tasks.filter((x) => x.status === "pending").length));
    return result("acknowledge", [], {}, 0.85, say.acknowledged);
  }
  return null;
}
