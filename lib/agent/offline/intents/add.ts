// Adding tasks: "add buy stamps", "remind me to …", "I need to …", "new task: …", and
// several at once ("add three tasks: wash the car, fix the gate and oil the bike").
// One file (over 300 lines): one task and several at once share the title clean-up and must agree where a task ends.
import { addItSaid, ask, result, type Ctx } from "../context";
import { extractDate, findDates } from "../dates";
import { formatDue } from "../format";
import { extractRepeat } from "../recurrence";
import { extractReminderClause, isTimeOnly, reminderNeedsTime, remindFromSpec } from "../reminders";
import { extractDescription, extractPriority, extractQuoted, extractTags } from "../modifiers";
import {
  baseOfPastVerb,
  capitalize,
  FOREIGN_INFINITIVE,
  NUMBER_WORDS,
  REASON_TAIL,
  startsWithTodoVerb,
  TODO_VERBS,
  tidyTitle,
} from "../text";
import { COMMAND_LEADS, FIXED_PAIRS } from "../lexicon";
import { resolveOne } from "../references";
import { isSmalltalk, smalltalkLead, smalltalkPieces } from "./smalltalk";
import type { Interpretation, Priority, ToolCall } from "../types";
import type { Language } from "../lexicon";
import { messages } from "../messages";
import { formatDueIn } from "../format";

const NOUN = `(?:tasks?|todos?|to-dos?|items?|reminders?|notes?|memos?|entries|entry|things?|ones?)`;
const COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple(?:\s+of)?|couple(?:\s+of)?|a\s+few|few|some|several|multiple)`;
const PRIO = String.raw`(?:high|low|medium|normal|top|urgent|important)(?:[-\s]+priority)?`;

// The words between the verb and the title: "a high priority task to", "three tasks:".
const HEADER = new RegExp(
  String.raw`^(?:(?:a|an|another|the|one|new|following|these|this|my|more|quick|separate)\s+)*` +
    String.raw`(?:(${COUNT})(?:\s+|(?=\s*[:\-])))?(?:(?:new|more|quick|separate|other|recurring|repeating|daily|weekly|monthly|yearly)\s+)*(?:(${PRIO})\s+)?(${NOUN})?(?:\s*,\s*(${PRIO})(?=\s*:))?(?:\s+please(?=\s*:))?` +
    String.raw`(?:\s+(?:called|named|titled|that\s+says|saying|for\s+me\s+to|to|about|for)\b|\s*[:\-])?\s*`,
  "i",
);

// "put down to order the flowers": what follows "to" is the to-do.
const STRONG_VERB =
  /^(?:add|create|new|insert|(?:jot|write|note)\s+down(?:\s+for\s+me)?(?:\s+to(?=\s))?|put\s+down(?:\s+for\s+me)?(?:\s+to(?=\s)|(?=\s*:))|capture|enter)\b\s*/i;
const WEAK_VERB =
  /^(?:make|put|set(?:\s+up)?|log|save|schedule|start|open|record|keep|take|leave|drop)\s+(?:me\s+)?(?=(?:a|an|another|new)\s+(?:(?:new|quick|recurring|repeating)\s+)*(?:task|todo|to-do|reminder|item|note|memo)\b)/i;
// A label before a colon announces what follows: "todo: …", "I need to: a, b and c", "two things: …",
// "new recurring task: …", "set up a recurring one pls: …", "put this on my list: …"; a date in it ("two things for tomorrow: …") is every item's.
const LABEL = new RegExp(
  String.raw`^(?:todo|to-dos?|to\s+dos?|tasks?|new\s+(?:recurring\s+|repeating\s+)?(?:tasks?|todos?|to-dos?|reminders?)|(?:set\s+up|create|make|add)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:recurring\s+|repeating\s+|daily\s+|weekly\s+|monthly\s+|yearly\s+)?(?:task|todo|to-do|reminder)|(?:set\s+up|create|make|add)\s+(?:a\s+)?(?:new\s+)?(?:recurring|repeating)\s+one|reminder|things\s+to\s+do|(?:i\s+|we\s+)?(?:need|have|got|gotta|must)(?:\s+to)?|(${COUNT})\s+(?:more\s+)?(?:things|tasks|todos|to-dos|items)|one\s+more(?:\s+(?:thing|task|item|to-?do))?|(?:put|add|stick|pop|jot|write|note)\s+(?:this|these|it|them)(?:\s+down)?(?:\s+(?:on|onto|in|to)\s+(?:my|the)\s+(?:to-?do\s+)?(?:list|tasks))?)(?:\s*,?\s+(${PRIO}))?(?:\s+(?:please|pls))?(?:\s+((?:for|on|by|due)\s+[^:]+?))?\s*[:-]\s*`,
  "i",
);
const REMIND =
  /^(?:remind\s+me|set\s+(?:a\s+|me\s+a\s+)?(?:(daily|nightly|weekly|monthly|yearly)\s+)?reminder|reminder|don'?t\s+let\s+me\s+forget|do\s+not\s+let\s+me\s+forget|don'?t\s+forget|do\s+not\s+forget|help\s+me\s+remember|remember|(?:i'?m\s+(?:worried|afraid|scared)\s+)?(?:i'?ll|i\s+will|i\s+might|i\s+always|i\s+keep)\s+forget(?:ting)?(?=\s+to\s)|i\s+(?:need|have|want)\s+to\s+remember|make\s+sure\s+i)(?:\s+(?:to|about|that|of))?\s+/i;
const NEED =
  /^(?:i\s+|we\s+)?(?:really\s+|still\s+|also\s+|definitely\s+)?(?:have\s+got|'ve\s+got|'ll\s+need|will\s+need|'m\s+going|am\s+going|'m\s+gonna|am\s+gonna|would\s+like|'d\s+like|need|have(?!\s+(?:i|we|you)\b)|got(?=\s+to\b)|gotta|must|should|ought|gonna|plan|intend|want)(?:\s+(?:really|definitely|probably|also|still|totally|absolutely))?(?:\s+to)?\s+(?!(?:see|view|know|check|look\s+at|list|show)\s+(?:my|all|the|what)\b)/i;
// "need it for my review": what was just asked for, not a new thing.
const POINTS_BACK = /\b(?:them|those|these)\b|^the\s+.+\s+one(?:s)?\b|^(?:it|that|this)\s+(?:for|by|before)\b/i;
const TO_MY_LIST =
  /\s+(?:(?:to|on(?:to)?|in)\s+(?:my|the)\s+(?:to-?do\s+|todo\s+|task\s+|shopping\s+)?(?:list|tasks|todos)|as\s+an?\s+(?:new\s+)?(?:task|to-?do|reminder|item))\b/i;

const DE_INFINITIVE_LAST = /^\p{Ll}\p{L}+(?:en|ern|eln)$/u;
// "order new fridge filters whenever": said instead of a date, it is no part of the title.
const NO_DATE =
  /[\s,]+(?:whenever(?:\s+(?:i\s+can|possible|i\s+get\s+(?:a|the)\s+(?:chance|time)))?|sometime(?:\s+soon)?|at\s+some\s+point|eventually|some\s*day)$/i;
const LEADING_ARTICLE = /^(?:(?:el|la|los|las|le|les)\s+(?=\S)|l['’](?=\p{L}))/iu;

type Parsed = {
  title: string;
  repeat?: string;
  remindAt?: string;
  description?: string;
  dueDate?: string;
  priority?: Priority;
  tags?: string[];
  invalid?: string;
  dateText?: string;
  /** "…, remind me 30 minutes before" with no due time to count back from. */
  reminderNeedsTime?: boolean;
};

// "sign the lease renewal, it has to go back thursday": a clause about the thing that only says when.
const DUE_CLAUSE =
  /,\s*(?:it|that|they|which)(?:\s+(?:has|have|needs?|must|is|are)|'s|'re)\s+(?:got\s+)?(?:to\s+)?[^,]+$/i;

/** The text with such a clause replaced by the when it says. */
function dueClause(text: string, ctx: Ctx): string {
  const m = DUE_CLAUSE.exec(text);
  const when = m ? findDates(m[0], ctx.date).dates[0] : undefined;
  return m && when ? `${text.slice(0, m.index)} ${when.text}` : text;
}

/** Reads one task's sentence: title plus whatever modifiers it carries. */
export function parseTaskText(text: string, ctx: Ctx): Parsed {
  let rest = dueClause(text.replace(TO_MY_LIST, " "), ctx).replace(REASON_TAIL, "").trim();
  const out: Partial<Parsed> = {};
  const desc = extractDescription(rest);
  rest = desc.rest;
  if (desc.value) out.description = desc.value;
  const quoted = extractQuoted(rest);
  rest = quoted.rest;
  const pr = extractPriority(rest);
  // "…, es urgente que hace un ruido rarísimo": the reason comes after the priority said.
  rest = pr.value ? pr.rest.replace(REASON_TAIL, "").trim() : pr.rest;
  if (pr.value) out.priority = pr.value;
  const tg = extractTags(rest);
  rest = tg.rest;
  if (tg.value) out.tags = tg.value;
  // "…, super important!! tag admin": the priority said before the tags, ending where they began.
  if (!out.priority && tg.value) {
    const before = extractPriority(rest.replace(/!+(?=\s*$)/, ""));
    if (before.value) [rest, out.priority] = [before.rest, before.value];
  }
  const reminder = extractReminderClause(rest);
  if (reminder) rest = reminder.rest;
  const rep = extractRepeat(rest, ctx.date);
  if (rep) {
    rest = rep.rest;
    out.repeat = rep.rule;
    out.dueDate = rep.dueDate;
  }
  const dt = rep ? { rest, date: null, invalid: null } : extractDate(rest, ctx.date);
  rest = dt.rest;
  if (dt.date) {
    out.dueDate = dt.date.value;
    out.dateText = dt.date.text;
  }
  if (dt.invalid) out.invalid = dt.invalid.message;
  if (reminder) {
    const at = remindFromSpec(reminder.spec, out.dueDate ?? null, ctx.date);
    if (at) out.remindAt = at;
    else if (reminderNeedsTime(reminder.spec, out.dueDate ?? null)) out.reminderNeedsTime = true;
  }
  // A second priority phrase can hide behind the date ("… tomorrow, urgent").
  if (!out.priority) {
    const again = extractPriority(rest);
    if (again.value) {
      rest = again.rest;
      out.priority = again.value;
    }
  }
  // "add bread too": the "too" says it comes with what was just added; "… whenever" that it has no date.
  const title = tidyTitle(
    quoted.value ??
      rest
        .replace(TO_MY_LIST, " ")
        .replace(/\s+(?:too|as\s+well)$/i, "")
        .replace(NO_DATE, ""),
  );
  // "agéndame la reunión de padres": the article belongs to the sentence (as "a"/"una" does in tidyTitle).
  const article = !quoted.value && ctx.language !== "en" && ctx.language !== "de" ? LEADING_ARTICLE.exec(title) : null;
  return { ...out, title: article ? capitalize(title.slice(article[0].length)) : title };
}

function countOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const w = word
    .toLowerCase()
    .replace(/\s+of$/, "")
    .replace(/^a\s+/, "");
  if (/^\d+$/.test(w)) return +w;
  if (w === "couple") return 2;
  return NUMBER_WORDS[w];
}

// The word before a list's last item in each language, as the normaliser leaves it ("pan, huevos y tomates").
const AND: Record<Language, string> = { en: "and|&", es: "and|&|y|e", fr: "and|&|et", de: "and|&|und" };
const andRe = (language: Language) => new RegExp(String.raw`\s+(?:${AND[language]})\s+`, "i");

/** Splits "buy eggs, buy bread and buy butter" into items when a list was announced. */
function splitItems(
  body: string,
  expected: number | undefined,
  announced: boolean,
  language: Language = "en",
): string[] {
  const and = andRe(language);
  const lines = body
    .split(/\s*(?:[;\n\r]+|(?:^|\s)(?:\d+[.)]|[-*•])\s+)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  let items = lines.flatMap((l) => l.split(/\s*,\s*(?:and\s+)?/)).filter(Boolean);
  const splitLastOnAnd = () => {
    for (let i = items.length - 1; i >= 0; i--) {
      const parts = items[i].split(and);
      if (parts.length > 1) {
        items.splice(i, 1, ...parts);
        return true;
      }
    }
    return false;
  };
  if (expected) {
    while (items.length < expected && splitLastOnAnd());
  } else if (announced || items.length > 1) {
    const last = items[items.length - 1];
    if (last && and.test(last)) splitLastOnAnd();
  }
  items = items.map((s) => s.replace(/^(?:and|also|then)\s+/i, "").trim()).filter(Boolean);
  return items;
}

const PARTICLE = /^(?:up|off|out|in|on|down|back|over|away|around)$/i;

// Words that tie a phrase into a sentence or a relation ("dinner with Sam and Alex", "mum's card"): not a bare thing.
const NOT_A_THING =
  /\b(?:with|for|to|from|about|at|on|in|by|into|onto|of|and|or|but|my|your|his|her|our|their)\b|'s\b|\d/i;
const PAIRS = new RegExp(`\\b(?:${FIXED_PAIRS.map((p) => p.replace(/\s+/g, String.raw`\s+`)).join("|")})\\b`, "i");

/**
 * "milk and eggs", "bananas, oats and honey": two to six short noun phrases are one task each.
 * Not "write and send the report" (a deed), "salt and pepper" (one thing), nor "salt and vinegar
 * crisps" (a singular word and a longer phrase: the word most likely describes the phrase's thing).
 */
function nounItems(title: string, language: Language): string[] | null {
  if (!(/,/.test(title) || andRe(language).test(title)) || SENTENCE_WORD.test(title) || PAIRS.test(title)) return null;
  const items = splitItems(title, undefined, true, language);
  if (items.length < 2 || items.length > 6) return null;
  const sizes = items.map((it) => it.split(/\s+/).length);
  // "salt and vinegar crisps": one singular word before a longer phrase describes its thing; "sponges and bin liners" are two.
  if (items.length === 2 && sizes[0] === 1 && sizes[1]! > 1 && !/[^s]s$/i.test(items[0]!)) return null;
  // "un kilo de helado": other languages say a thing with an article and a "de" more.
  const longest = language === "en" ? 3 : 4;
  const thing = (it: string, i: number) =>
    sizes[i]! <= longest && !TODO_VERBS.has(firstWord(it)) && !NOT_A_THING.test(it) && !isSmalltalk(it);
  return items.every(thing) ? items : null;
}

/**
 * "buy milk and call mom", "to buy milk and to call mom": two to-dos joined by "and", each
 * starting with a to-do verb and more than a bare phrasal verb ("pick up and drop off" stays one).
 */
function splitVerbPhrases(body: string, language: Language): string[] | null {
  const parts = body
    .split(new RegExp(String.raw`\s+(?:${AND[language]})\s+(?:(?:also|then)\s+)?(?:to\s+)?`, "i"))
    .map((p) => p.trim());
  if (parts.length < 2) return null;
  const ok = parts.every((p) => {
    const words = p.split(/\s+/);
    return words.length >= 2 && startsLikeTodo(p, language) && !(words.length === 2 && PARTICLE.test(words[1]!));
  });
  return ok ? parts : null;
}

/**
 * Whether a phrase names a deed the way a to-do does: "buy …"; "comprar pilas", "changer l'ampoule"
 * (an infinitive first); "die Birne wechseln" (German puts it last).
 */
export function startsLikeTodo(phrase: string, language: Language): boolean {
  const words = phrase.trim().split(/\s+/);
  if (language === "es" || language === "fr") return FOREIGN_INFINITIVE.test(words[0]!);
  if (language === "de") return words.length > 1 && DE_INFINITIVE_LAST.test(words[words.length - 1]!);
  return startsWithTodoVerb(phrase);
}

function firstWord(s: string): string {
  return (s.trim().split(/\s+/)[0] ?? "").toLowerCase();
}

export type AddMatch = {
  body: string;
  strength: number;
  header?: { count?: number; plural: boolean; priority?: Priority };
  /** What the label said of every item ("for tomorrow" in "two things for tomorrow: …"). */
  shared?: string;
};

/** Whether the message asks to add something, and the part that describes the task(s). */
export function matchAdd(ctx: Ctx): AddMatch | null {
  const t = ctx.text;
  // "can you put down get a present for …": "put down" records a to-do that starts with its own verb.
  // "put pay condo fee on the 10th…", "put down that I must ring my sister …": the same, with or without
  // "down" (or "in"), and a need said after "that".
  const putDown = /^put\s+(in\s+|down\s+(?:that\s+(?:i|we)\s+(?:must|need\s+to|have\s+to|should|gotta)\s+)?)?/i.exec(t);
  if (putDown && startsWithTodoVerb(t.slice(putDown[0].length)))
    return { body: t.slice(putDown[0].length), strength: 0.85 };
  // "pop 'walking group' in every tuesday", "pencil in coffee with Jo on friday": into the diary. What
  // follows a late "in" must be when ("stick the chicken in the oven" is a to-do of its own).
  const popIn = /^(?:pop|stick|pencil|bung|slot)\s+(?:in\s+(.+)|(.+?)\s+in(?:\s+(.*))?)$/i.exec(t);
  if (popIn) {
    const when = popIn[3]?.trim() ?? "";
    const bare = when.replace(/^(?:for|on|at|by|from)\s+/i, "");
    const whenOnly =
      !bare || findDates(bare, ctx.date).dates.some((d) => d.index === 0) || /^(?:every|each)\b/i.test(bare);
    if (popIn[1] || whenOnly) return { body: popIn[1] ?? `${popIn[2]} ${when}`.trim(), strength: 0.85 };
  }
  let m = STRONG_VERB.exec(t) ?? WEAK_VERB.exec(t);
  if (m) {
    // "agrega porfa: …": the please before the colon is said to us.
    let rest = t.slice(m[0].length).replace(/^(?:please|pls)\s*:\s*/i, "");
    // "add to my list: X", "add the following to my list: X"
    rest = rest.replace(
      /^(?:(?:the\s+)?following\s+)?(?:to|on)\s+(?:my|the)\s+(?:to-?do\s+|task\s+)?(?:list|tasks|todos)\s*[:-]?\s*/i,
      "",
    );
    // "add 3 things for tmrw: …": a label whose date applies to every item; so is "add for saturday: …".
    const label = LABEL.exec(rest);
    if (label?.[3]) return labelled(rest, label);
    const dated = whenLabel(rest.replace(/^(?:these|this|them)\s+/i, ""), ctx);
    if (dated) return { ...dated, strength: 0.9 };
    const h = HEADER.exec(rest);
    let header: AddMatch["header"] = { plural: false };
    if (h?.[0]) {
      const noun = h[3];
      const count = countOf(h[1]);
      const plural = !!noun && /(?:s|entries)$/i.test(noun) && !/^(?:this|ones?)$/i.test(noun);
      // "new high priority task: …", "new task, urgent: …"
      const said = h[2] ?? h[4];
      const prio = said ? priorityWord(said) : undefined;
      // Without a noun the header is just the title's own first words ("add a new filter").
      if (noun || /[:-]\s*$/.test(h[0])) {
        header = { count, plural: plural || (count !== undefined && count > 1), priority: prio };
        rest = rest.slice(h[0].length);
      } else if (prio && /priority/i.test(h[2] ?? "")) {
        header = { plural: false, priority: prio };
        rest = rest.slice(h[0].length);
      }
    }
    if (!rest.trim()) return null;
    return { body: rest, strength: 0.9, header };
  }
  m =
    /^(?:put|stick|throw|pop|get|chuck|bung|whack|slap)\s+(.+?)\s+(?:on|onto|in|to)\s+(?:my|the)\s+(?:to-?do\s+|todo\s+|task\s+|shopping\s+)?(?:list|tasks|todos)\b(.*)$/i.exec(
      t,
    );
  // "put it back on my list" reopens what was there (complete.ts); it adds nothing.
  if (m && !/\s+back$|^(?:it|that|this|them)$/i.test(m[1]!)) return { body: `${m[1]} ${m[2]}`.trim(), strength: 0.85 };
  m = LABEL.exec(t);
  if (m) return labelled(t, m);
  m = REMIND.exec(t);
  // "set a daily reminder to …": the reminder's frequency is the task's repeat.
  if (m) return { body: `${t.slice(m[0].length)}${m[1] ? ` ${m[1]}` : ""}`, strength: 0.9 };
  const expanded = t
    .replace(/^(i|we)'ve\b/i, "$1 have")
    .replace(/^(i|we)'m\b/i, "$1 am")
    .replace(/^(i|we)'ll\b/i, "$1 will")
    .replace(/^(i|we)'d\b/i, "$1 would");
  for (const line of [expanded, t]) {
    m = NEED.exec(line);
    const body = m ? line.slice(m[0].length).trim() : "";
    // "need to get through them", "I need the expense report one": what was shown, not a new thing.
    // "we have booked the ferry": a perfect tense reports a deed (complete.ts), it needs nothing.
    const perfect = /\bhave$/i.test(m?.[0].trim() ?? "") && !!baseOfPastVerb(firstWord(body));
    if (body && !POINTS_BACK.test(body) && !perfect) return { body, strength: 0.8 };
  }
  return whenFirst(t, ctx);
}

/** "urgent", "high", "top priority" said of a task: its priority. */
const priorityWord = (said: string) =>
  extractPriority(/priority|urgent|important/i.test(said) ? said : `${said} priority`).value;

/** The items after a label ("three things for friday: …"), with what the label said of them all. */
function labelled(t: string, m: RegExpExecArray): AddMatch {
  const count = countOf(m[1]);
  // "new task, urgent: …": the label's priority is every item's.
  const priority = m[2] ? priorityWord(m[2]) : undefined;
  // "I need to: …", "things to do: …" announce several; "todo: …" may be one.
  const several =
    count !== undefined
      ? count > 1
      : /^new\s+(?:\w+\s+)?(?:tasks|todos|to-dos|reminders)\b/i.test(m[0]) ||
        !/^(?:todo|to-do|to\s+do|task|new\s+|reminder|put|add|stick|pop|jot|write|note|set\s+up|create|make)\b/i.test(
          m[0],
        );
  return {
    body: t.slice(m[0].length),
    strength: 0.85,
    header: { count, plural: several, ...(priority ? { priority } : {}) },
    ...(m[3] ? { shared: m[3] } : {}),
  };
}

/**
 * "monthly on the 15th: venmo my roommate", "pa mañana: comprar pilas y cambiar la bombilla": before a
 * colon, the when alone labels the to-do(s), and it is every item's.
 */
function whenLabel(t: string, ctx: Ctx): AddMatch | null {
  const colon = /^([^:]{3,40}):\s+(\S.*)$/.exec(t);
  if (!colon) return null;
  // "for the puja on 3 oct: marigold flowers, coconut, incense sticks": what they are for, then when.
  const purpose = /^for\s+(?:the|my|our|a)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2}?\s+(?=\S)/iu.exec(colon[1]!);
  const when = purpose && !whenOnly(colon[1]!, ctx) ? colon[1]!.slice(purpose[0].length) : colon[1]!;
  if (!whenOnly(when, ctx)) return null;
  return { body: colon[2]!, shared: when, strength: 0.75, header: { plural: /,/.test(colon[2]!) } };
}

/**
 * "every morning at 6:45 take my blood pressure pill", "in 3 days i gotta renew the car rego": the
 * when said first (nothing but a date or a repeat), then the to-do with its own verb or "I need to".
 */
function whenFirst(t: string, ctx: Ctx): AddMatch | null {
  const label = whenLabel(t, ctx);
  if (label) return label;
  const words = t.split(/\s+/);
  for (let k = 1; k <= Math.min(6, words.length - 2); k++) {
    const when = words.slice(0, k).join(" ").replace(/,$/, "");
    const rest = words.slice(k).join(" ");
    const need = NEED.exec(rest);
    const todo = need ? rest.slice(need[0].length) : startsWithTodoVerb(rest) ? rest : null;
    if (!todo || POINTS_BACK.test(todo)) continue;
    if (!whenOnly(when, ctx)) continue;
    // "tmrw i gotta top up my card, buy detergent and drop off the dry cleaning": the when is every deed's.
    const deeds = splitItems(todo, undefined, false, ctx.language);
    if (deeds.length > 1 && deeds.every((d) => startsLikeTodo(d, ctx.language)))
      return { body: todo, shared: when, strength: 0.75 };
    return { body: `${todo} ${when}`, strength: 0.75 };
  }
  return null;
}

/** A when (one to four words) before several deeds joined by "and", and the rest. */
function leadingWhen(body: string, ctx: Ctx): { when: string; rest: string } | null {
  const words = body.split(/\s+/);
  for (let k = Math.min(4, words.length - 2); k >= 1; k--) {
    const when = words.slice(0, k).join(" ").replace(/,$/, "");
    const rest = words.slice(k).join(" ");
    if (whenOnly(when, ctx) && (splitVerbPhrases(rest, ctx.language)?.length ?? 0) > 1) return { when, rest };
  }
  return null;
}

/** Whether a phrase is nothing but a date or a repeat ("every morning at 6:45", "in two weeks"). */
function whenOnly(when: string, ctx: Ctx): boolean {
  const rep = extractRepeat(when, ctx.date);
  const afterRepeat = rep ? rep.rest : when;
  const dated = afterRepeat.trim() ? extractDate(afterRepeat, ctx.date) : null;
  const left = dated?.date ? dated.rest : afterRepeat;
  return !!(rep || dated?.date) && !left.replace(/[\s,]+/g, "");
}

const WEEKDAY = String.raw`(?:(?:this|next)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const TWO_DAYS = new RegExp(
  String.raw`^(?!.*\b(?:every|each|twice|weekly|a\s+week|per\s+week)\b)(.+?)\s+(?:on\s+)?(${WEEKDAY})\s+and\s+(?:on\s+)?(${WEEKDAY})\b(.*)$`,
  "i",
);

// "add something for tomorrow": no name yet, so we ask for one (followup.ts puts the answer in its place).
const PLACEHOLDER_TITLE = /^(?:something|a\s+thing|smth|sth)$/i;

// "new order came in!! ship 3 soy candles to Marco by friday": what happened, then the to-do.
const NEWS_FIRST = /^([^.!?]*\p{L})[.!?]+\s+(\S.*)$/u;

const TAG_ALL =
  /\s*,\s*(?:and\s+)?(?:tag\s+(?:both|them(?:\s+all|\s+both)?|all(?:\s+of\s+them)?|each)(?:\s+(?:as|with))?|(?:both|all(?:\s+of\s+them)?|each)\s+tagged(?:\s+(?:as|with))?)\s+(#?[\p{L}\p{N}_-]+(?:\s+and\s+#?[\p{L}\p{N}_-]+)*)\s*[.!]*$/iu;

export function buildAdds(match: AddMatch, ctx: Ctx, intent = "add_task"): Interpretation {
  // "pagar las expensas el viernes, es urgente. ponele la etiqueta depto": a sentence with nothing to do
  // of its own only says more of the one before it.
  // ("bis zum 31. Juli": a point after a number is no sentence's end.)
  const sayMore = match.body.replace(
    /(?<=\p{L})\.\s+([^.!?]+)/gu,
    (all, sentence: string, at: number, body: string) => {
      const head = parseTaskText(body.slice(0, at), ctx);
      const joined = parseTaskText(`${body.slice(0, at)}, ${sentence}`, ctx);
      return joined.title === head.title && joined.description === head.description ? `, ${sentence}` : all;
    },
  );
  if (sayMore !== match.body) match = { ...match, body: sayMore };
  const news = NEWS_FIRST.exec(match.body);
  if (news && startsLikeTodo(news[2]!, ctx.language) && news[1]!.split(/\s+/).some((w) => baseOfPastVerb(w)))
    match = { ...match, body: news[2]! };
  const header = match.header ?? { plural: false };
  // "…, remind me 30 minutes before" belongs to the task(s), not a task of its own.
  const reminder = extractReminderClause(match.body);
  if (reminder) match = { ...match, body: reminder.rest };
  // "confirm the florist by wed and send the headcount friday, tag both nguyen": tags for them all.
  const tagAll = TAG_ALL.exec(match.body);
  if (tagAll) match = { ...match, body: match.body.slice(0, tagAll.index) };
  // "buy charcoal and get ice, both for tomorrow": what is said of them all, at the end.
  const all = /\s*,\s*(?:both|all(?:\s+of\s+them)?|each)\s+((?:for|on|due|by|at)\s+.+)$/i.exec(match.body);
  if (all && !match.shared) match = { ...match, body: match.body.slice(0, all.index), shared: all[1] };
  // "morgen semmeln holen und oma anrufen": a when said before the first of several is every item's.
  const lead = match.shared ? null : leadingWhen(match.body, ctx);
  if (lead) match = { ...match, body: lead.rest, shared: lead.when };
  const items =
    header.plural || header.count || /[;\n]/.test(match.body)
      ? splitItems(match.body, header.count, header.plural, ctx.language)
      : (() => {
          // An unannounced list counts only when every item starts like a to-do ("buy …").
          const parts = splitItems(match.body, undefined, false, ctx.language);
          // "…, make it top priority" starts like a to-do but only says something of the one before it.
          // "venue walkthrough monday 11am, catering tasting tuesday 2pm and call the florist wednesday":
          // things each said with a day of its own are a list too.
          if (parts.length > 1) {
            const read = parts.map((p) => parseTaskText(p, ctx));
            const todos = parts.every((p, i) => startsLikeTodo(p, ctx.language) && read[i]!.title);
            const dated = read.every((r) => r.title && r.dueDate && !r.repeat);
            return todos || dated ? parts : [match.body];
          }
          return splitVerbPhrases(match.body, ctx.language) ?? [match.body];
        })();

  // "new one: sort out the storeroom, not urgent, tag it shop": a piece with no title of its own says
  // something of the item before it.
  for (let i = items.length - 1; i > 0; i--)
    if (!parseTaskText(items[i]!, ctx).title) items.splice(i - 1, 2, `${items[i - 1]}, ${items[i]}`);
  // "épicerie demain pis changer les pneus lundi": two things joined by "and", each with its own day;
  // "the check-in every friday at 4pm and the call with London every thursday at 3pm": each its own repeat.
  if (items.length === 1) {
    const halves = items[0]!.split(andRe(ctx.language));
    const read = halves.map((h) => parseTaskText(h, ctx));
    if (
      halves.length === 2 &&
      read.every((p) => p.title && p.dueDate) &&
      (read.every((p) => !p.repeat) || read.every((p) => p.repeat))
    )
      items.splice(0, 1, ...halves);
  }
  // "call mom on monday and friday": one to-do on each of two days (no "every": not a repeat).
  const days = items.length === 1 ? TWO_DAYS.exec(items[0]!) : null;
  if (days) items.splice(0, 1, `${days[1]} ${days[2]}${days[4]}`, `${days[1]} ${days[3]}${days[4]}`);
  // "buy sunscreen, pack the tent and charge the power bank for tomorrow": "for tomorrow" or "by <day>"
  // after the last of three or more things, none with a day of its own, is the whole list's.
  if (items.length >= 3 && !match.shared && !items.slice(0, -1).some((it) => findDates(it, ctx.date).dates.length)) {
    const last = items.at(-1)!;
    const end = findDates(last, ctx.date).dates.at(-1);
    const lead = end && /\s(?:for|by)\s+$/i.exec(last.slice(0, end.index));
    // ("… and book a table for friday": a table for friday; "by friday" and "for tomorrow" are the list's.)
    const listWide = lead && (/^by/i.test(lead[0].trim()) || /^(?:today|tonight|tomorrow)$/i.test(end.text.trim()));
    if (lead && listWide && !last.slice(end.end).trim() && !isTimeOnly(end.text)) {
      items[items.length - 1] = last.slice(0, lead.index);
      match = { ...match, shared: last.slice(lead.index).trim() };
    }
  }
  // "add milk and eggs for saturday": things, not deeds; each its own task, with what was said of them all.
  // "morgen X abschicken und freitag Y ausmachen": an item with a day of its own keeps it.
  const ownDay = (item: string) => findDates(item, ctx.date).dates.some((d) => !isTimeOnly(d.text));
  const withShared = (item: string) => {
    // A repeat said for them all stays every item's ("every week: … and … on sunday").
    const keep = !ownDay(item) || /\b(?:every|each|daily|weekly|monthly|yearly)\b/i.test(match.shared ?? "");
    const tail = [keep && match.shared, tagAll && `, tagged ${tagAll[1]}`].filter(Boolean).join(" ");
    return tail ? `${item} ${tail}` : item;
  };
  const whole = items.length === 1 && !/["']/.test(match.body) ? parseTaskText(withShared(match.body), ctx) : null;
  const things = whole ? nounItems(whole.title, ctx.language) : null;
  // "payer la garderie lundi et rappeler Mathieu mercredi": a thing with its own day keeps it.
  const parsed = things
    ? things.map((title) => {
        const own = parseTaskText(withShared(title), ctx);
        return own.dueDate && own.dueDate !== whole!.dueDate ? own : { ...whole!, title: tidyTitle(title) };
      })
    : items.map((it) => parseTaskText(withShared(it), ctx));
  const invalid = parsed.find((p) => p.invalid);
  const say = messages(ctx.language);
  if (invalid) {
    return ask(
      say.whichDate(invalid.invalid!, invalid.title || undefined),
      { titles: parsed.map((p) => p.title) },
      0.7,
    );
  }
  if (reminder)
    for (const p of parsed) {
      const at = remindFromSpec(reminder.spec, p.dueDate ?? null, ctx.date);
      if (at) p.remindAt = at;
      else if (reminderNeedsTime(reminder.spec, p.dueDate ?? null)) p.reminderNeedsTime = true;
    }
  const untimed = parsed.find((p) => p.reminderNeedsTime && p.title);
  if (untimed) {
    const spec = reminder?.spec ?? "before";
    return ask(
      untimed.dueDate
        ? say.reminderTime(
            untimed.title,
            ctx.language === "en"
              ? formatDue(untimed.dueDate, true, ctx.date)
              : formatDueIn(untimed.dueDate, true, ctx.date, ctx.language),
            spec,
          )
        : say.reminderDue(untimed.title, spec),
      { titles: parsed.map((p) => p.title), reminder: spec },
      0.6,
    );
  }
  const usable = parsed.filter((p) => p.title);
  if (usable.length === 0 || (usable.length === 1 && PLACEHOLDER_TITLE.test(usable[0]!.title))) {
    return ask(say.newTaskName, {}, 0.5);
  }
  const calls: ToolCall[] = usable.map((p) => {
    const input: Record<string, unknown> = { title: p.title };
    if (p.description) input.description = p.description;
    if (p.dueDate) input.dueDate = p.dueDate;
    if (p.repeat) input.repeat = p.repeat;
    if (p.remindAt) input.remindAt = p.remindAt;
    const priority = p.priority ?? header.priority;
    if (priority) input.priority = priority;
    if (p.tags?.length) input.tags = p.tags;
    return { tool: "add_task", input };
  });
  const entities: Record<string, unknown> = { titles: usable.map((p) => p.title) };
  const first = calls[0].input;
  for (const k of ["dueDate", "priority", "tags", "description"]) {
    const vals = calls.map((c) => c.input[k]).filter((v) => v !== undefined);
    if (vals.length) entities[k] = calls.length === 1 ? first[k] : vals;
  }
  return result(intent, calls, entities, match.strength);
}

// "went to the shops this morning", "got the eggs": a report of what was done, never a task's name.
export function reportsPast(text: string): boolean {
  const first = firstWord(text.replace(/^(?:i|we)\s+(?:just\s+|already\s+|finally\s+)?/i, ""));
  return !!baseOfPastVerb(first) && !TODO_VERBS.has(first);
}

export function add(ctx: Ctx): Interpretation | null {
  if (
    /^(?:remind\s+me|add|create|new|new\s+task|add\s+(?:a\s+)?(?:new\s+)?task|set\s+(?:a\s+)?reminder|remember)$/i.test(
      ctx.text,
    )
  ) {
    return ask(
      ctx.text.toLowerCase().startsWith("remind")
        ? messages(ctx.language).whatToRemind
        : messages(ctx.language).whatTask,
      {},
      0.6,
    );
  }
  const again = addedAgain(ctx);
  if (again) return again;
  const m = matchAdd(ctx);
  if (!m || (m.body === ctx.text && reportsPast(ctx.text))) return null;
  return buildAdds(m, ctx);
}

// "undo" … "add it again but for friday": the add just undone, made again with what is said now.
const AGAIN = /^(?:add|put|create)\s+(?:it|that)\s+(?:back\s+)?again\b[\s,]*(?:but\s+)?(.*)$/i;

function addedAgain(ctx: Ctx): Interpretation | null {
  const m = AGAIN.exec(ctx.text);
  const turns = (ctx.history ?? []).filter((t) => t.role === "assistant" && t.calls?.length);
  const [undid, added] = [turns.at(-1), turns.at(-2)];
  const adds = added?.calls?.filter((c) => c.tool === "add_task") ?? [];
  if (!m || !undid?.calls?.some((c) => c.tool === "undo_operation") || adds.length !== 1) return null;
  const before = adds[0]!.input;
  if (!m[1]!.trim()) return result("add_task", [{ tool: "add_task", input: { ...before } }], {}, 0.8);
  const now = parseTaskText(`${before.title} ${m[1]}`, ctx);
  const input: Record<string, unknown> = { ...before, title: before.title };
  for (const k of ["dueDate", "priority", "tags", "repeat", "remindAt"] as const) if (now[k]) input[k] = now[k];
  return result("add_task", [{ tool: "add_task", input }], {}, 0.8);
}

/**
 * A line with a date or a repeat and no command ("barber tues 11am", "rice, beans and oil for
 * sunday", "every wednesday at 7am: budget review") is a list of things to add.
 */
// A question is never a list of things to add ("what's the forecast for friday").
const QUESTION_START =
  /^(?:what|what's|whats|who|who's|whose|why|how|how's|where|when|which|is|are|does|did|can|could|would|should|shall|will\s+(?:it|you|i|there))\b/i;
// Words that make a sentence of a phrase (a subject or a finite verb): not a bare list of items.
const SENTENCE_WORD =
  /\b(?:i|you|he|she|we|they|it|is|are|was|were|am|be|been|not|don't|didn't|isn't|can't|won't|please|should|must|need|want)\b/i;
export const COMMAND_START = new RegExp(
  `^(?:${COMMAND_LEADS.map((w) => w.replace(/\s+/g, "\\s+")).join("|")})\\b`,
  "i",
);

/**
 * "bin bags and washing-up liquid", "stamps, envelopes and tape": two to four short noun phrases
 * with no verb and no date are a shopping-style list: one task each. Not when an item starts with
 * a verb or names a task the user already has (that is an answer or a reference, not a list).
 */
function itemList(ctx: Ctx): Interpretation | null {
  const text = ctx.text;
  if (!(/,/.test(text) || andRe(ctx.language).test(text)) || SENTENCE_WORD.test(text) || COMMAND_START.test(text))
    return null;
  const items = splitItems(text, undefined, true, ctx.language);
  if (items.length < 2 || items.length > 6) return null;
  for (const item of items) {
    const ws = item.split(/\s+/);
    if (ws.length > 4 || TODO_VERBS.has(ws[0]!.toLowerCase()) || /\d/.test(item) || isSmalltalk(item)) return null;
    // "wrong, the other one": a reference and a correction, no things to buy.
    if (REFERENCE_ITEM.test(item)) return null;
    if (resolveOne(item, ctx.tasks).kind !== "none") return null;
  }
  const calls: ToolCall[] = items.map((item) => ({ tool: "add_task", input: { title: tidyTitle(item) } }));
  if (calls.some((c) => !c.input.title)) return null;
  return result("add_task", calls, { titles: calls.map((c) => c.input.title), verbless: true }, 0.5);
}

const REFERENCE_ITEM =
  /^(?:(?:the\s+)?(?:other|first|second|third|last|next|previous|same)(?:\s+(?:one|ones|task))?|(?:that|this|which)\s+one|wrong|oops|no|nope|nah)$/i;

// "…, give it #salud", "…, tag it urgent": the words that attach the tag are no item of their own.
const ATTACH_WORDS =
  /(?:^|[\s,;]+)(?:and\s+)?(?:give\s+it|tag\s+it|put|add|with)\s*$|^[\s,;]*(?:and\s+)?(?:give\s+it|tag\s+it|put|add|with)\b/i;

function ventedFirst(raw: string, ctx: Ctx): boolean {
  const lead = smalltalkLead(raw);
  // ("busy week ahead, dentist tues 3pm, gym wed 7am": items with days of their own are things to do.)
  return (
    lead > 0 && !!smalltalkPieces(raw.slice(0, lead))?.has("mood") && !findDates(raw.slice(lead), ctx.date).dates.length
  );
}

export function verbless(ctx: Ctx): Interpretation | null {
  if (
    ctx.question ||
    // "as-tu vu la game hier soir? malade!": a question inside it asks; it lists nothing.
    /\?/.test(ctx.text) ||
    QUESTION_START.test(ctx.text) ||
    // "she comes home next week 🐶": news about someone, not a thing to do.
    /^(?:it|that|this|they|those|these|she|he)\b/i.test(ctx.text) ||
    // "god this week is long", "I think that's sorted": a sentence with its own verb says, it lists nothing.
    /\b(?:is|are|was|were|i|i'm|we|you|think|guess|feel|seems?|that's|it's)\b/i.test(ctx.text) ||
    reportsPast(ctx.text) ||
    // "13 hour shift, two cardiac arrests, finally home": after a sigh about the day, more of the day.
    ventedFirst(ctx.raw, ctx)
  )
    return null;
  // "dentist tuesday at 2:30pm, remind me an hour before": the reminder is the task's.
  const reminder = extractReminderClause(ctx.text);
  const text = reminder ? reminder.rest : ctx.text;
  const rep = extractRepeat(text, ctx.date);
  const dt = rep ? null : extractDate(text, ctx.date);
  if (!rep && !dt?.date) return reminder ? null : itemList(ctx);
  let body = (rep ? rep.rest : dt!.rest).replace(/^[\s,:;-]+|[\s,:;-]+$/g, "").trim();
  // "passport renewal by july 31, high priority": a priority after a comma is every item's.
  // "econ quiz thurs at 9:15am, put it as high priority": said as a change to it, the same.
  const tail =
    /\s*[,;]\s*(?:(?:put|make|set|mark)\s+it\s+(?:as\s+|to\s+)?)?((?:high|low|medium|normal|top)\s+priority|urgent|important)$/i.exec(
      body,
    );
  const shared = tail ? priorityWord(tail[1]!) : undefined;
  if (tail) body = body.slice(0, tail.index).trim();
  // "oat milk, napkins and cups for tomorrow #cafe": a tag at the end is every item's.
  // "client call every other monday 3pm, tag work": so is a tag said as the last item.
  const endTags = /,/.test(body) ? /(?:\s+#[\p{L}\p{N}_-]+)+$/u.exec(body) : null;
  const lastItem = endTags ? null : /[,;]\s*[^,;]+$/.exec(body);
  const saidTags = lastItem ? extractTags(lastItem[0]) : null;
  const leftOver = saidTags?.rest.replace(ATTACH_WORDS, "") ?? "";
  const tagItem = saidTags?.value && !/\p{L}/u.test(leftOver) ? lastItem : null;
  const sharedTags = endTags ? extractTags(endTags[0]).value : tagItem ? saidTags?.value : undefined;
  const cut = endTags ?? tagItem;
  if (cut) body = body.slice(0, cut.index).replace(ATTACH_WORDS, "").trim();
  // "monday 5:50am: drop bus 14 at the garage for brake check": a day, then a to-do with its own verb.
  const words = body.split(/\s+/);
  if (!body || words.length > (TODO_VERBS.has(words[0]!.toLowerCase()) ? 14 : 8)) return null;
  const items = /,/.test(body) ? splitItems(body, undefined, true, ctx.language) : [body];
  // "mark both done, upgrade finished this afternoon": a command among the items is no thing to add.
  if (items.length > 1 && items.some((item) => COMMAND_START.test(item))) return null;
  const calls: ToolCall[] = items.map((item) => {
    const p = parseTaskText(item, ctx);
    const input: Record<string, unknown> = { title: p.title };
    const due = rep?.dueDate ?? dt!.date!.value;
    input.dueDate = due;
    if (rep) input.repeat = rep.rule;
    if (p.priority ?? shared) input.priority = p.priority ?? shared;
    const tags = [...(p.tags ?? []), ...(sharedTags ?? [])];
    if (tags.length) input.tags = tags;
    const at = reminder ? remindFromSpec(reminder.spec, due, ctx.date) : null;
    if (at) input.remindAt = at;
    return { tool: "add_task", input };
  });
  // "friday's" leaves "'s": no word, no title.
  if (calls.some((c) => !/\p{L}{2}/u.test(String(c.input.title ?? "")) || (reminder && !c.input.remindAt))) return null;
  // "dentist cleaning thurs 2:30pm, add it pls": asked in so many words, it is no guess.
  return result(
    "add_task",
    calls,
    { titles: calls.map((c) => c.input.title), verbless: true },
    addItSaid(ctx.raw) ? 0.8 : 0.6,
  );
}
