// Completing and reopening: "mark task 8 as finished", "I fed the cat", "done with the taxes",
// "reopen task 2", "task 9 is not finished after all", "complete 2 and 9", "mark all home tasks done".
// One file (over 300 lines): completing and reopening share the same reading of references and reports, mirrored.
import { pastLikeBase } from "@/lib/tasks/lemma";
import { namedFirst } from "./remark";
import { storyTask } from "../story";
import { clarifyReference, result, type Ctx } from "../context";
import { resolveTargets } from "../targets";
import { extractDate, findDates } from "../dates";
import { cleanRefPhrase, resolveOne, resolveSeveral } from "../references";
import { ORDINAL_REF } from "@/lib/tasks/match";
import { baseOfPastVerb, contentStems, REASON_TAIL, sameDeeds, stem, TICK, WHEN_DONE } from "../text";
import type { Interpretation, TaskSnapshot } from "../types";
import { DONE_STATES, NOT_DONE_PASTS, PAST_TENSE } from "../lexicon";

// Not "everything due today": that day says which tasks, not when they were done.
const WHEN_DONE_AT_END = new RegExp(String.raw`(?<!\bdue)\s+${WHEN_DONE}$`, "i");
const DONE = String.raw`(?:done|complete|completed|finished|checked(?:\s+off)?|ticked\s+off|crossed\s+off|closed|resolved)`;
const NOT_DONE = String.raw`(?:not\s+(?:yet\s+)?(?:done|complete|completed|finished)|undone|incomplete|uncompleted|unfinished|pending|open|active|to-?do|not\s+started|unchecked)`;

// "the parcel isn't picked up yet", "the bins are taken out": a phrasal verb's particle after the participle.
const PARTICLE = String.raw`(?:\s+(up|off|out|back|away|down|over|in))?`;

type Pattern = {
  re: RegExp;
  group: number;
  also?: number;
  reopen: boolean;
  strict?: boolean;
  pastVerb?: boolean;
  passive?: boolean;
};

const PATTERNS: Pattern[] = [
  // reopen
  {
    re: /^(?:re-?open|un-?complete|un-?check|un-?mark|un-?tick|un-?finish|reactivate|revive|resurrect|bring\s+back)\s+(.+)$/i,
    group: 1,
    reopen: true,
  },
  // "oops i ticked off the tax return by mistake", "I marked it as finished too early": the tick was the mistake, so the task is open again.
  {
    re: /^(?:i|we)\s+(?:accidentally\s+)?(?:ticked|checked|crossed|marked)\s+(?:off\s+)?(.+?)(?:\s+off)?(?:\s+as\s+(?:done|complete|completed|finished))?\s+(?:by\s+mistake|by\s+accident|accidentally|too\s+(?:early|soon)|prematurely)$/i,
    group: 1,
    reopen: true,
  },
  // "put the tax receipts back on my list": a done task back among the open ones ("put it back" alone is undo.ts's).
  {
    re: /^(?:put|bring)\s+(.+?)\s+back\s+(?:on|onto|to|in)\s+(?:the|my)\s+(?:to-?do\s+|task\s+)?list(?:\s+again)?$/i,
    group: 1,
    reopen: true,
    strict: true,
  },
  {
    re: /^(?:put|bring)\s+((?!(?:it|that|this|them)\b).+?)\s+back(?:\s+again)?$/i,
    group: 1,
    reopen: true,
    strict: true,
  },
  {
    re: new RegExp(
      String.raw`^(?:mark|set|flag|put|move|change|turn|make|restore)\s+(.+?)(?:\s+back)?(?:\s+(?:on|onto)\s+(?:the|my)\s+(?:to-?do\s+|task\s+)?list)?\s+(?:as\s+|to\s+|back\s+to\s+|back\s+as\s+|back\s+)?${NOT_DONE}(?:\s+again)?$`,
      "i",
    ),
    group: 1,
    reopen: true,
  },
  {
    // "hot cross buns - actually not done": the task, a dash, then that it is not done.
    re: /^(.+?)(?:\s+(?:isn'?t|wasn'?t|is\s+not|was\s+not|ain'?t|'s\s+not|is\s+still\s+not|isn'?t\s+actually|is\s+actually\s+not)|'s\s+(?:still\s+|actually\s+)?not|\s+[-–—]\s+(?:actually\s+|still\s+)?not)\s+(?:actually\s+|really\s+|quite\s+)?(?:done|finished|complete|completed)(?:\s+(?:yet|after\s+all|actually|really))*$/i,
    group: 1,
    reopen: true,
  },
  // "the con ed bill didn't actually go through": what was done did not take.
  {
    re: /^(?:(?:wait|oh(?:\s+dear)?|hmm+|so|ugh|oops|actually|turns\s+out)[\s,]+)*(.+?)\s+(?:didn'?t|did\s+not|never)\s+(?:actually\s+|really\s+)?(?:go\s+through|(?<=never\s+(?:actually\s+|really\s+)?)went\s+through|get\s+(?:through|[a-z]+(?:ed|en|t))|got\s+[a-z]+(?:ed|en|t)|happen|work\s+out|clear)(?:\s+(?:after\s+all|yet))?$/i,
    group: 1,
    reopen: true,
  },
  {
    re: /^(?:i\s+|we\s+)?(?:didn'?t|did\s+not|haven'?t|have\s+not|never)\s+(?:actually\s+|really\s+|yet\s+)?(?:finish(?:ed)?|do(?:ne)?|complete(?:d)?|get\s+to)\s+(.+?)(?:\s+(?:yet|after\s+all))?$/i,
    group: 1,
    reopen: true,
  },
  {
    re: /^(?:actually\s+|in\s+fact\s+)?(?:i|we)\s+(?:didn'?t|did\s+not|haven'?t|have\s+not|never)\s+(?:actually\s+|really\s+|yet\s+)?(.+?)(?:\s+(?:yet|after\s+all))?$/i,
    group: 1,
    reopen: true,
    strict: true,
  },
  // complete
  {
    re: new RegExp(String.raw`^(?:mark|set|flag|make)\s+(.+?)\s+(?:as\s+|to\s+)?${DONE}$`, "i"),
    group: 1,
    reopen: false,
  },
  {
    // "check that one off": the particle after its object. "mark it" (Spanish "márcalo") with nothing
    // after it: on a to-do list, marked is done.
    re: /^(?:complete|finish|mark(?=\s+(?:it|that|this|them|those|these|both)$)|check\s+off|tick\s+off|cross\s+off|strike\s+off|knock\s+off|mark\s+off|close\s+out|close|resolve|wrap\s+up|tick|(?:check|cross|strike)(?=\s.+\s+off(?:\s+(?:my|the)\s+list)?$)|knock(?=\s.+\s+out$)|cross\s+out|mark\s+done|mark\s+complete|mark\s+as\s+done)\s+(.+?)(?:\s+(?:off|out|as\s+done|as\s+complete|off\s+(?:my|the)\s+list|off\s+the\s+list))?$/i,
    group: 1,
    reopen: false,
  },
  {
    re: /^(?:i'?m\s+|i\s+am\s+|we'?re\s+|we\s+are\s+)?(?:all\s+|now\s+|finally\s+)?(?:done|finished|through)\s+with\s+(.+)$/i,
    group: 1,
    reopen: false,
  },
  {
    // "they're both done now": the "both" said after the verb still counts the tasks meant.
    // "varroa treatment's done on all four hives": how far it went says nothing of which.
    re: new RegExp(
      String.raw`^(.+?)(?:\s+(?:really\s+|actually\s+)?(?:is|are|'s|was|were|has\s+been|have\s+been|got|is\s+now|are\s+now)|'s|'re)\s+(?:(?:now|finally|already|totally|really|actually)\s+){0,2}(?:(all|both)\s+)?(?:now\s+)?(?:done|finished|complete|completed|sorted|taken\s+care\s+of|handled|dealt\s+with|out\s+of\s+the\s+way|ticked\s+off|checked\s+off)(?:\s+(?:now|too|as\s+well|finally|at\s+last|already|${WHEN_DONE}))?(?:\s+(?:on|for|in|at)\s+(?:all|both|every|each)\b.*)?$`,
      "i",
    ),
    group: 1,
    also: 2,
    reopen: false,
  },
  {
    re: /^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:just\s+|already\s+|finally\s+|now\s+|also\s+)*(?:finished|completed|done|did|wrapped\s+up|took\s+care\s+of|taken\s+care\s+of|handled|sorted(?:\s+out)?|dealt\s+with|got\s+through|knocked\s+out|ticked\s+off|checked\s+off)\s+(.+)$/i,
    group: 1,
    reopen: false,
  },
  { re: /^(?:finished|completed|done)\s*[:-]\s*(.+)$/i, group: 1, reopen: false },
  // "got all the errands done today": the things got done, named between.
  {
    re: /^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:just\s+|already\s+|finally\s+)*got\s+(.+?)\s+(?:all\s+)?done(?:\s+(?:today|now|already|finally|at\s+last))?$/i,
    group: 1,
    reopen: false,
  },
  { re: new RegExp(String.raw`^(.+?)\s*[:\-,]?\s+${DONE}$`, "i"), group: 1, reopen: false, strict: true },
  // "the water bill isn't actually paid": a task's words, a negated participle.
  {
    re: new RegExp(
      String.raw`^(.+?)(?:\s+(?:actually|really|still))?\s+(?:isn'?t|wasn'?t|is\s+not|was\s+not|aren'?t|are\s+not|weren'?t|hasn'?t\s+been|has\s+not\s+been|haven'?t\s+been)\s+(?:actually\s+|really\s+|yet\s+|quite\s+|been\s+)?([a-z]+)${PARTICLE}(?:\s+(?:yet|after\s+all|actually|at\s+all))?$`,
      "i",
    ),
    group: 0,
    reopen: true,
    strict: true,
    pastVerb: true,
    passive: true,
  },
  // "mark the christmas cards as sent": the deed's participle, said as what the task is marked.
  {
    re: new RegExp(
      String.raw`^(?:mark|tick|check)\s+(.+?)\s+(?:off\s+)?as\s+(?:already\s+)?(?!(?:re\w+|started|blocked|cancell?ed|delayed|paused|deferred|postponed|flagged|needed|pending|urgent|important|open|undone|unfinished|incomplete|scheduled|planned|assigned|moved|tagged|prioriti[sz]ed|failed|opened|shared|overdue|late)\b)([a-z]+)${PARTICLE}$`,
      "i",
    ),
    group: 0,
    reopen: false,
    strict: true,
    pastVerb: true,
    passive: true,
  },
  // "the flights are booked": a participle after the task's words.
  {
    re: new RegExp(
      String.raw`^(.+?)\s+(?:is|are|was|were|has\s+been|have\s+been|got)\s+(?:now\s+|all\s+|finally\s+|already\s+)?([a-z]+)${PARTICLE}(?:\s+by\s+(?:my\s+)?[a-z]+)?(?:\s+${WHEN_DONE})?(?:\s+(?:to|for|pour|para|nach)\s+[a-z]+)?(?:\s+(?:too|as\s+well|now|finally|at\s+last))?$`,
      "i",
    ),
    group: 0,
    reopen: false,
    strict: true,
    pastVerb: true,
    passive: true,
  },
  // "I fed the cat": a past-tense verb followed by a task's words.
  {
    // "submitted it", "just paid that", "sanded the walls": no subject needed when the past tense points
    // back at the task or names its thing.
    re: /^(?:(?:i|we)(?:'ve|\s+have)?\s+|(?=(?:just\s+|already\s+|finally\s+)*(?:[a-z]+ed|sent|sold|paid|brought|took|gave|got|put|threw|wrote)\s+(?:off|up|out|back|in|away)\s)|(?=(?:just\s+|already\s+|finally\s+)+[a-z]+\s)|(?=(?:just\s+|already\s+)*(?:[a-z]+ed|sent|sold|paid|brought|bought|took|gave|got|wrote|did|made|rang)\s+(?:it|that)\b)|(?=[a-z]{3,}ed\s+(?:the|my|our|his|her|their|all|both)\s))(?:just\s+|already\s+|finally\s+|now\s+|also\s+)*([a-z]+)\s+(.+)$/i,
    group: 0,
    reopen: false,
    strict: true,
    pastVerb: true,
  },
];

// "the fryer's clean": the contracted "is" before a state that reports a deed.
const STATE_AFTER_S = new RegExp(String.raw`(?<=\p{L})['’]s\s+(?=(?:${DONE_STATES.join("|")})\b)`, "gu");

function phraseOf(p: Pattern, m: RegExpExecArray): string | null {
  if (p.pastVerb) {
    const [verb, object] = p.passive ? [m[2], m[1]] : [m[1], m[2]];
    // "I read the psych chapters": with "I" in front, a verb whose past is its base reports too.
    const base =
      baseOfPastVerb(verb) ??
      // "the fryer's clean": a state that is the deed's own word ("Deep clean the fryer").
      (p.passive && DONE_STATES.includes(verb.toLowerCase()) ? verb.toLowerCase() : null) ??
      (!p.passive && /^(?:i|we)\s/i.test(m[0]) && pastLikeBase(verb) ? verb.toLowerCase() : null);
    if (!base) return null;
    const particle = p.passive ? m[3] : undefined;
    return particle ? `${base} ${particle} ${object}` : `${base} ${object}`;
  }
  const extra = p.also ? m[p.also] : undefined;
  return extra ? `${m[p.group]} ${extra}` : m[p.group];
}

function pastVerbTarget(phrase: string, ctx: Ctx): TaskSnapshot | null {
  const out = resolveOne(phrase, ctx.tasks, { prefer: "pending" });
  // "just dropped off maya's field trip form" for "Sign Maya's field trip form": the thing it was done
  // to, named whole in two words or more, whatever the deed.
  const object = phrase
    .replace(/^\S+(?:\s+(?:up|off|out|back|away|down|over|in))?\s+/i, "")
    .replace(/[^\p{L}\p{N}'’]+$/u, "");
  const named = contentStems(object).length >= 2 ? resolveOne(object, ctx.tasks, { prefer: "pending" }) : null;
  if (named?.kind === "one" && !named.partial && named.task.status === "pending") return named.task;
  // "talked to diego about the rent" for "Call Diego about the rent": another verb for the same deed.
  const deeds = sameDeeds(phrase.split(/\s+/)[0]!);
  if (deeds) {
    const whom = resolveOne(phrase.replace(/^\S+\s+(?:to|with)\s+/i, ""), ctx.tasks, { prefer: "pending" });
    const own = (t: TaskSnapshot) => deeds.includes(t.title.split(/\s+/)[0]!.toLowerCase());
    if (whom.kind === "one" && whom.task.status === "pending" && own(whom.task)) return whom.task;
  }
  if (out.kind !== "one" || !out.partial) return null;
  const verb = stem(phrase.split(/\s+/)[0]);
  const titleVerb = stem(out.task.title.split(/\s+/)[0]);
  return verb === titleVerb ? out.task : null;
}

/** The infinitives a foreign past form may come from ("compré" → comprar, "angerufen" → anrufen). */
function infinitives(verb: string, spec: (typeof PAST_TENSE)[keyof typeof PAST_TENSE]): string[] {
  const v = verb.toLowerCase();
  const out = new Set<string>();
  if (spec.irregular[v]) out.add(spec.irregular[v]!);
  // A separable prefix before an irregular participle: weg-gebracht → weg-bringen.
  const prefix = /^(?:an|auf|aus|ein|mit|weg|zu|ab|vor|nach|zurück|raus|rein|hoch|runter)(?=ge)/.exec(v)?.[0];
  if (prefix && spec.irregular[v.slice(prefix.length)]) out.add(prefix + spec.irregular[v.slice(prefix.length)]!);
  // German: every "ge" may be the participle's (an-ge-rufen, ge-kauft, ein-ge-kauft); none for be-zahlt, telefon-iert.
  const bases = [v];
  for (let i = v.indexOf("ge"); i >= 0; i = v.indexOf("ge", i + 1)) bases.push(v.slice(0, i) + v.slice(i + 2));
  for (const b of bases)
    for (const [from, to] of spec.endings)
      if (b.endsWith(from) && b.length > from.length + 1) out.add(b.slice(0, -from.length) + to);
  return [...out];
}

const CHECK_OFF_TAIL =
  /(?:\s*[,.;!]\s*|\s+)(?:so\s+)?(?:please\s+|pls\s+)?(?:you\s+can\s+)?(?:check|tick|mark|cross)\s+(?:it|them|that|those|this|em)(?:\s+(?:all|both))?\s+off(?:\s+(?:please|pls|too))?[.!]*$/i;

// "Mama angerufen ✔": a tick after a task says it is done, in any language.
const CHECK_MARK = new RegExp(String.raw`\s*${TICK}\s*$`, "u");

/**
 * "ya compré la comida del perro", "j'ai appelé le propriétaire", "ich habe Mama angerufen": a
 * past-tense report (lexicon.ts PAST_TENSE) completes the one open task its verb and object name.
 */
function foreignPast(ctx: Ctx): Interpretation | null {
  if (ctx.language === "en") return null;
  const spec = PAST_TENSE[ctx.language];
  const m = spec.re.exec(ctx.text.replace(CHECK_MARK, ""));
  if (!m?.groups) return null;
  const stop = new Set(spec.stop);
  // "ya llamé a la abuela, estaba encantada": what follows the comma is how it went.
  // "… esta mañana": when it was done says nothing of which.
  // "j'ai pogné le lave-vitre hier au Canadian Tire", "… schon am Markt besorgt": where it was done (a shop's
  // name, a place) says nothing of which.
  const said = (m.groups.object ?? m.groups.object2)
    ?.replace(/\s*,.*$/, "")
    .replace(/\s+(?:au|aux|chez|at|im|am|beim|al)\s+\p{Lu}.*$/u, "")
    .replace(WHEN_DONE_AT_END, "");
  const verb = m.groups.verb ?? m.groups.verb2;
  if (!said || !verb) return null;
  // A past form typed without its accent ("recogi", "pague") is the user's own word, never one the
  // tables put there ("borra la primera" read "delete the first").
  if (
    /[ei]$/i.test(verb) &&
    !ctx.typed
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .includes(verb.toLowerCase())
  )
    return null;
  const object = said
    .split(/\s+/)
    .filter((w) => !stop.has(w.toLowerCase().replace(/^l'/, "")))
    .map((w) => w.replace(/^l'/i, ""))
    .join(" ");
  if (!object) return null;
  // "¿ya reservé la mesa?", "hab ich die Wohnung schon geputzt?": asked, not reported.
  if (ctx.question)
    return result(
      "list_tasks",
      [{ tool: "list_tasks", input: { search: object, status: "all" } }],
      { question: "done" },
      0.6,
    );
  // "ya pagué la factura" … "la del agua": the task the user chose when we asked which of those it named.
  const chose = ctx.override;
  const among = chose ? resolveOne(object, ctx.tasks, { prefer: "pending" }) : null;
  if (chose?.status === "pending" && among?.kind === "many" && among.candidates.includes(chose))
    return result(
      "complete_task",
      [{ tool: "complete_task", input: { task: chose.number } }],
      { tasks: [chose.number], ref: said },
      0.8,
    );
  // "ya pagué la primera": a position in the list shown ("… en el banco": where says nothing of which).
  const placeless = said.replace(/\s+(?:en|at|in|au|à|im|beim?)\s+.*$/i, "").replace(WHEN_DONE_AT_END, "");
  if (ORDINAL_REF.test(cleanRefPhrase(placeless))) {
    const out = resolveOne(placeless, ctx.tasks, { prefer: "pending", history: ctx.history });
    if (out.kind === "one" && out.task.status === "pending")
      return result(
        "complete_task",
        [{ tool: "complete_task", input: { task: out.task.number } }],
        { tasks: [out.task.number], ref: said },
        0.6,
      );
  }
  // "le hablé a mi abuela" for "Llamar a mi abuela": the other verbs of the same deed too.
  const said0 = infinitives(verb, spec);
  const verbs = [...new Set([...said0, ...said0.flatMap((v) => sameDeeds(v) ?? [])])];
  // "j'ai fini la présentation client": finishing says nothing of the deed, so the object alone names it.
  const finished = FINISHED.test(verb);
  // "ya pagué la administración del edificio" for "Pagar la administración": the thing, less what says whose.
  const head = said
    .replace(/\s+(?:del|de|des|du|vom|von|für|para|pour)\s+.+$/i, "")
    .split(/\s+/)
    .filter((w) => !stop.has(w.toLowerCase().replace(/^l'/, "")))
    .map((w) => w.replace(/^l'/i, ""))
    .join(" ");
  const objects = head !== object && head.trim() ? [object, head] : [object];
  for (const phrase of [...objects.flatMap((o) => verbs.map((v) => `${v} ${o}`)), object]) {
    const out = resolveOne(phrase, ctx.tasks, { prefer: "pending" });
    if (
      out.kind === "one" &&
      (!out.partial || (finished && phrase === object)) &&
      out.task.status === "pending" &&
      (phrase !== object || finished || sameDeed(out.task, verbs, object))
    ) {
      return result(
        "complete_task",
        [{ tool: "complete_task", input: { task: out.task.number } }],
        { tasks: [out.task.number], ref: phrase },
        // "j'ai payé le loyer" for "Payer le loyer": the deed and its thing, named whole.
        out.partial ? 0.6 : 0.8,
      );
    }
  }
  // "ich habe die Rechnung bezahlt" with two bills to pay: a completion, but which one? Ask.
  const many = resolveOne(object, ctx.tasks, { prefer: "pending" });
  const open =
    many.kind === "many" ? many.candidates.filter((t) => t.status === "pending" && sameDeed(t, verbs, object)) : [];
  if (many.kind === "many" && open.length > 1)
    return clarifyReference({ ...many, candidates: open }, "mark as done", { completion: true }, ctx.language);
  return null;
}

const FINISHED = /^(?:fini|finie|terminé|terminée|acabé|terminé|erledigt|beendet|fertig)$/i;

/**
 * Found by its object alone, a task counts only if it is that object, or starts with the verb
 * said: "ya pagué la factura" is not "Enviar la factura".
 */
function sameDeed(task: TaskSnapshot, verbs: string[], object: string): boolean {
  const title = task.title.split(/\s+/);
  // A German title ends with its verb ("Rechnung an Krause schicken"); a prefixed verb said
  // ("verschickt") is the same deed.
  const deed = [title[0]!, title.at(-1)!].map((w) => stem(w)).filter((w) => w.length >= 4);
  if (verbs.some((v) => deed.some((d) => stem(v) === d || stem(v).endsWith(d)))) return true;
  const said = new Set(object.split(/\s+/).map(stem));
  return title.every((w) => said.has(stem(w)) || w.length <= 3);
}

// "…, put it back", "…, reopen it": a command after "X isn't done" that only says the same again.
const REOPEN_TAIL =
  /\s*[,;.!–—-]+\s*(?:so\s+)?(?:(?:please|pls)\s+)?(?:(?:can|could)\s+you\s+)?(?:(?:(?:put|bring|move|set)\s+(?:it|that|this|them)\s+back|restore\s+(?:it|that|this|them))(?:\s+(?:on|onto|to|in)\s+(?:the|my)\s+(?:to-?do\s+)?list|\s+(?:as|to)\s+(?:not\s+done|undone|open|pending|unfinished))?|(?:re-?open|un-?tick|un-?check|un-?mark)\s+(?:it|that|this|them)|mark\s+(?:it|that|this|them)\s+(?:as\s+)?(?:not\s+done|undone|open|pending|unfinished)(?:\s+again)?)(?:\s+(?:please|pls|again))?$/i;

/** "X isn't picked up yet, put it back": a statement that a task is not done, with a command that reopens it. */
export function reopensWithTail(text: string): boolean {
  const stated = text.replace(REOPEN_TAIL, "").replace(REASON_TAIL, "");
  return stated !== text && PATTERNS.some((p) => p.reopen && p.re.test(stated));
}

// "The call with the internet provider, I have done it yesterday": the task first, then that it is done.
const TOPIC_DONE =
  /^(.+?)\s*[,:;–—-]+\s*(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:already\s+|just\s+|finally\s+)?(?:done|finished|completed|sorted|did|handled)\s+(?:it|that|this)(?:\s+(?:already|yesterday|today|earlier|this\s+morning|last\s+night))?$/i;

// "1:1 with jonas happened early so that's done": what happened, then that it is done; the story's
// first words name the task (or "it" does: "took two hours, but it's done").
const STORY_DONE =
  /^(.+?)(?:\s+actually)?\s*,?\s+(?:so|but)\s+(?:that'?s|thats|it'?s|its|that\s+is|it\s+is)\s+(?:all\s+)?(?:done|sorted|finished|handled|out\s+of\s+the\s+way)(?:\s+(?:too|as\s+well|now))?$/i;

// "the pet insurance payment bounced so it's not actually renewed(, put it back)": what happened, then
// that it is not done after all; a word of the story names the finished task.
const STORY_UNDONE =
  /^(.+?)\s*,?\s+so\s+(?:that'?s|thats|it'?s|its|that\s+is|it\s+is|it\s+was|it\s+wasn'?t|it\s+isn'?t)\s+(?:not\s+)?(?:actually\s+|really\s+)?[a-z]+$/i;

function storyUndone(ctx: Ctx): Interpretation | null {
  const stated = ctx.text.replace(REOPEN_TAIL, "");
  const m = STORY_UNDONE.exec(stated);
  if (!m || !/\bnot\b|n'?t\b/i.test(stated.slice(m[1]!.length))) return null;
  const task = storyTask(
    m[1]!,
    ctx.tasks.filter((t) => t.status === "completed"),
  );
  if (!task) return null;
  return result(
    "reopen_task",
    [{ tool: "complete_task", input: { task: task.number, completed: false } }],
    { tasks: [task.number], ref: m[1]! },
    0.7,
  );
}

function topicDone(ctx: Ctx): Interpretation | null {
  const m = TOPIC_DONE.exec(ctx.text);
  const story = m ? null : STORY_DONE.exec(ctx.text);
  if (!m && !story) return null;
  const out = m ? resolveOne(m[1]!, ctx.tasks, { prefer: "pending" }) : null;
  // "Took two hours and a breaker bar, but it's done" after "replaced the anode rod": a story naming
  // no task says "it" of the task just talked about.
  const told = story ? namedFirst(story[1]!.replace(/^the\s+/i, ""), ctx) : null;
  const spoken = story && !told ? resolveOne("it", ctx.tasks, { history: ctx.history }) : null;
  const task =
    out?.kind === "one" && !out.partial
      ? out.task
      : (told ?? (spoken?.kind === "one" && spoken.via === "history" ? spoken.task : null));
  if (task?.status !== "pending") return null;
  return result(
    "complete_task",
    [{ tool: "complete_task", input: { task: task.number } }],
    { tasks: [task.number], ref: (m ?? story)![1] },
    0.7,
  );
}

// "dave's bbq is cancelled", "der Elternabend am Dienstag fällt aus" (read "is cancelled"): the event is
// off, so its task goes; a task whose deed is the cancelling ("Cancel gym contract") is done instead.
const CALLED_OFF =
  /^(?:(?:so|well|oh|ugh|btw|in\s+the\s+end|turns\s+out)[\s,]+)*(.+?)\s+(?:is|was|got|has\s+been|'s\s+been|been)\s+(?:cancell?ed|called\s+off)(?:\s+(?:now|too|after\s+all|again))?$/i;

function calledOff(ctx: Ctx): Interpretation | null {
  const m = CALLED_OFF.exec(ctx.text.replace(/[.!]+$/, ""));
  if (!m) return null;
  const said = m[1]!;
  // "the bbq on saturday is off": the day says which event, the task's name is the rest.
  const out = resolveOne(extractDate(said, ctx.date).rest, ctx.tasks, {
    prefer: "pending",
    history: ctx.history,
  });
  if (out.kind !== "one" || out.partial || /^cancel/i.test(out.task.title)) return null;
  return result(
    "delete_task",
    [{ tool: "delete_task", input: { task: out.task.number } }],
    { tasks: [out.task.number] },
    0.8,
  );
}

export function complete(ctx: Ctx): Interpretation | null {
  // "¿ya había renovado el SOAT?" is read as "have I already …": asked, in the speaker's own words.
  const foreign = foreignPast(ctx);
  if (foreign) return foreign;
  // "is the tax return finished?" asks about a task; it does not report one.
  if (ctx.question && /^(?:is|are|was|were|did|has|have|had)\b/i.test(ctx.text)) return null;
  const topical = topicDone(ctx);
  if (topical) return topical;
  const off = calledOff(ctx);
  if (off) return off;
  const undone = storyUndone(ctx);
  if (undone) return undone;
  // "…, my neighbor forgot, put it back on my list": why it is not done says nothing of which.
  const tail = reopensWithTail(ctx.text);
  // "got all the errands done today check them all off": the tail only asks for what the report says.
  const said = CHECK_OFF_TAIL.exec(ctx.text);
  const reported =
    said && said.index > 0 && /\s/.test(ctx.text.slice(0, said.index).trim())
      ? ctx.text.slice(0, said.index).trim()
      : ctx.text;
  // A bare "done!" refers to the task we just talked about.
  const text = /^(?:done|finished|completed|complete|all\s+done|that'?s\s+done|it'?s\s+done)$/i.test(reported)
    ? "mark it as done"
    : tail
      ? reported.replace(REOPEN_TAIL, "").replace(REASON_TAIL, "")
      : reported;
  // "the car's been serviced": the contracted "has been".
  const plain = text.replace(/(?<=\p{L})'s\s+been\b/gu, " has been").replace(STATE_AFTER_S, " is ");
  for (const p of PATTERNS) {
    if (tail && !p.reopen) continue;
    // "the invites were sent this afternoon": when it was done says nothing of which.
    const m = p.re.exec(p.passive ? plain.replace(WHEN_DONE_AT_END, "") : plain);
    if (!m) continue;
    // "reopen the ironing, I never got round to it": the reason after the comma is not the task.
    // "did both of them this afternoon": when it was done says nothing of which.
    const phrase = phraseOf(p, m)
      ?.replace(
        /\s*,\s*(?:i|it|i'm|i've|because|since|as|cause|didn'?t|did\s+not|never|couldn'?t|could\s+not|haven'?t|(?:i\s+)?(?:have|need|got)\s+to\s+re-?\w+)\b.*$/i,
        "",
      )
      .replace(WHEN_DONE_AT_END, "");
    // "took two hours, but it's done": a story, then "it" (topicDone reads it).
    if (!phrase || /,\s*(?:but|so)\s+(?:it|that)$/i.test(phrase)) continue;
    // "missed the dentist this morning": a past that says it was not done, unless it is the task's own
    // deed ("swapped the shift with Priya" for "Swap shift with Priya").
    const said = (p.passive ? m[2] : m[1])?.toLowerCase() ?? "";
    const ownDeed = (t: TaskSnapshot) =>
      p.reopen ||
      !p.pastVerb ||
      !NOT_DONE_PASTS.includes(said) ||
      stem(t.title.split(/\s+/)[0]!) === stem(baseOfPastVerb(said) ?? said);
    const action = p.reopen ? ("reopen" as const) : ("mark as done" as const);
    const targets = resolveTargets(phrase, ctx, {
      action,
      prefer: p.reopen ? "completed" : "pending",
      many: true,
      groupStatus: p.reopen ? "completed" : "pending",
      allowPartial: !p.strict,
    });
    if (!targets.ok && p.pastVerb) {
      // "I got the milk": the object alone names one open task ("Buy milk"); "the water bill
      // isn't paid": one completed task, reopened.
      const object = (p.passive ? m[1]! : m[2]!)
        .replace(WHEN_DONE_AT_END, "")
        // "sent off the rossi invoice": the particle belongs to the verb.
        .replace(/^(?:off|up|out|back|away|in)\s+(?=\S)/i, "");
      // "sent off both the rossi and dubois invoices": several things, each named whole.
      if (!p.reopen && /\s(?:and|&)\s/i.test(object) && !/[.,;!?]/.test(object)) {
        const several = resolveSeveral(object.replace(/^both\s+/i, ""), ctx.tasks, { prefer: "pending" });
        const found = several.flatMap((o) =>
          o.kind === "one" && !o.partial && o.task.status === "pending" ? [o.task] : [],
        );
        if (found.length > 1 && found.length === several.length && found.every(ownDeed))
          return result(
            "complete_task",
            found.map((t) => ({ tool: "complete_task" as const, input: { task: t.number } })),
            { tasks: found.map((t) => t.number), ref: object },
            0.75,
          );
      }
      const want = p.reopen ? "completed" : "pending";
      // "I already paid the first one": a position in the list shown, read from the conversation.
      // "just submitted it": the one task the conversation is about.
      const cleaned = cleanRefPhrase(object);
      const shown = ORDINAL_REF.test(cleaned) || /^(?:it|that)$/i.test(cleaned) ? { history: ctx.history } : {};
      const byObject = resolveOne(object, ctx.tasks, { prefer: want, ...shown });
      if (byObject.kind === "one" && !byObject.partial && byObject.task.status === want && ownDeed(byObject.task)) {
        const input = p.reopen ? { task: byObject.task.number, completed: false } : { task: byObject.task.number };
        return result(
          p.reopen ? "reopen_task" : "complete_task",
          [{ tool: "complete_task", input }],
          { tasks: [byObject.task.number], ref: object },
          0.6,
        );
      }
      if (p.reopen) continue;
      // "I settled the invoice" with two invoice tasks: a completion, but which one? Ask.
      const open = byObject.kind === "many" ? byObject.candidates.filter((t) => t.status === "pending") : [];
      // "both orders are placed": "both" of exactly two open ones is those two.
      if (open.length === 2 && /^(?:(?:ok|so)\s+)?both\s/i.test(object.trim()))
        return result(
          "complete_task",
          open.map((t) => ({ tool: "complete_task" as const, input: { task: t.number } })),
          { tasks: open.map((t) => t.number), ref: object },
          0.75,
        );
      if (byObject.kind === "many" && open.length > 1)
        return clarifyReference({ ...byObject, candidates: open }, "mark as done", { completion: true }, ctx.language);
      // "I reviewed Sam's PR": most words match and the verb is the title's own verb.
      const verbFirst = pastVerbTarget(phrase, ctx);
      if (verbFirst && ownDeed(verbFirst)) {
        return result(
          "complete_task",
          [{ tool: "complete_task", input: { task: verbFirst.number } }],
          { tasks: [verbFirst.number], ref: phrase },
          0.6,
        );
      }
    }
    // "finish the budget by tomorrow noon" names a due date: a new task, not a completion ("mark
    // everything due tomorrow as done" names a group, however empty).
    if (!targets.ok && findDates(phrase, ctx.date).dates.length && !/^(?:everything|all)\s+due\b/i.test(phrase))
      return null;
    if (targets.ok && !targets.tasks.every(ownDeed)) continue;
    if (!targets.ok) {
      // Loose patterns ("… done", "I <verb>ed …") only count when they name a task.
      if (p.strict) continue;
      return targets.reply;
    }
    const calls = targets.tasks.map((t) => ({
      tool: "complete_task" as const,
      input: p.reopen ? { task: t.number, completed: false } : { task: t.number },
    }));
    return result(
      p.reopen ? "reopen_task" : "complete_task",
      calls,
      { tasks: targets.tasks.map((t) => t.number), ref: phrase.trim(), group: targets.group },
      targets.partial ? 0.6 : 0.9,
    );
  }
  return null;
}
