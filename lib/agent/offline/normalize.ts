// Stage 1 of the pipeline: what the user typed → the text every later stage reads. Applies
// the word tables of lexicon.ts once (text-speak, abbreviations, Spanish/French/German command
// and date words; German word order first) and tells which language the message was in.
// One file (over 300 lines): the rewrites run in a fixed order, which only reads right in one place.
import { distance } from "fastest-levenshtein";
import { baseOfGerund, isKnownWord } from "@/lib/tasks/lemma";
import { swapped } from "@/lib/tasks/match";
import {
  CHAT_SPELLING,
  CLOCK_WORDS,
  COMMAND_LEADS,
  DE_LEADS,
  DE_QUESTION_START,
  DE_REORDER,
  FOREIGN,
  FR_SUBJUNCTIVE,
  HOUR_WORDS,
  LANGUAGE_HINTS,
  SPELLED_WORDS,
  TEXT_SPEAK,
  TITLE_LIST_GOES_ON,
  TITLE_START,
  type Foreign,
  type Language,
  type Row,
} from "./lexicon";
import { FOREIGN_WEEKDAYS, ordinal, WEEKDAYS } from "./dates-calendar";
import { markedSpellings, restoreMarks, unmarked } from "./spelling-marks";

export type { Language } from "./lexicon";

// "#dringend" is a tag the user named: no table row translates it.
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}'’/#-])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}'’/°º-])`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/\s+/g, String.raw`\s+`);

/** Whether `phrase` occurs in `text` as whole words (case-insensitive), as a table row is matched. */
export function hasPhrase(text: string, phrase: string): boolean {
  const k = phrase.toLowerCase();
  return new RegExp(`${EDGE_BEFORE}${escapeRe(k)}${/['’]$/.test(k) ? "" : EDGE_AFTER}`, "iu").test(text);
}

/** Receives every table row the normaliser applied (for the table-coverage test). */
export type RowTrace = (row: Row | (typeof DE_REORDER)[number]) => void;

// "apúntame pasar la ITV", "ajoute appeler le garage": an infinitive right after the command that
// adds is the new task's first word, kept as typed (its row would make it a command: "pasar" → "move").
const TAG_NAMED = /(?:\b(?:das|den|dem|the)\s+tag|(?<![\p{L}])(?:étiquette|etiqueta|etikett))\s+$/iu;
const INFINITIVE = /^\p{L}+(?:ar|er|ir|re|ír)$/iu;
// "reabre lo de cambiar las sábanas": a task named by its deed keeps the deed's word as typed.
const NAMED_BY_DEED = /(?<![\p{L}])(?:lo\s+de|lo\s+que\s+era|le\s+truc\s+de|la\s+tâche\s+de)\s+$/iu;

function compile(rows: Row[], titleStart?: RegExp, listGoesOn?: RegExp) {
  const byWord = new Map<string, Row[]>();
  for (const r of rows) {
    const key = r[0].toLowerCase();
    byWord.set(key, [...(byWord.get(key) ?? []), r]);
  }
  // A row ending in an apostrophe ("rappelle-moi d'") runs into the next word.
  const keys = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const alternatives = keys.map((k) => escapeRe(k) + (/['’]$/.test(k) ? "" : EDGE_AFTER));
  const re = new RegExp(`${EDGE_BEFORE}(${alternatives.join("|")})`, "giu");
  /** What the rows make of `word` at `offset`, or null when none of its rows applies there. */
  const translate = (text: string, word: string, offset: number, trace?: RowTrace): string | null => {
    const rows = byWord.get(word.toLowerCase().replace(/\s+/g, " ")) ?? [];
    const before = text.slice(0, offset);
    // Inside double quotes the words are a title, kept as typed ("benenn 2 um in «Velo in den Service»").
    if (before.split('"').length % 2 === 0) return word;
    const after = text.slice(offset + word.length);
    if (INFINITIVE.test(word) && (titleStart?.test(before) || listGoesOn?.test(before) || NAMED_BY_DEED.test(before)))
      return word;
    // "geben Sie ihr das Tag dringend", "l'étiquette urgent": a tag's name is kept as typed.
    if (TAG_NAMED.test(before) && !/\s/.test(word)) return word;
    const row = rows.find(
      ([, , when]) => (!when?.before || when.before.test(before)) && (!when?.after || when.after.test(after)),
    );
    if (!row) return null;
    trace?.(row);
    return row[1];
  };
  return (text: string, trace?: RowTrace) => {
    // One table's scan never runs inside another of its own, so its one regex (and lastIndex) is enough.
    const scan = re;
    scan.lastIndex = 0;
    let out = "";
    let done = 0;
    for (let m = scan.exec(text); m; m = scan.exec(text)) {
      let word = m[0];
      let read = translate(text, word, m.index, trace);
      // No row of a phrase applies here ("a lo de la" away from the start): a shorter phrase starting
      // here may, and the words after its first are read again ("pour la fin du mois").
      // (A shorter phrase starting at the same place is one of the phrase's own first words.)
      while (read === null && /\s/.test(word)) {
        word = word.replace(/\s+\S+$/, "");
        if (byWord.has(word.toLowerCase().replace(/\s+/g, " "))) read = translate(text, word, m.index, trace);
      }
      const end = read === null ? m.index + (/^\S+/.exec(word)?.[0].length ?? word.length) : m.index + word.length;
      out += text.slice(done, m.index) + (read ?? text.slice(m.index, end));
      done = end;
      scan.lastIndex = end;
    }
    return out + text.slice(done);
  };
}

const textSpeak = compile(TEXT_SPEAK);
// "call HR", "email the CEO": a word typed in capitals is a name, never a one-word text-speak ("hr" →
// "hour"); an abbreviation of a phrase ("EOD", "ASAP") is still read.
const applyTextSpeak = (text: string, trace?: RowTrace) =>
  text
    .split(/(\b[A-Z]{2,}\b)/)
    .map((part, i) => {
      if (i % 2 === 0) return textSpeak(part, trace);
      const read = textSpeak(part);
      return /\s/.test(read) ? textSpeak(part, trace) : part;
    })
    .join("");
const chatSpelling = Object.fromEntries(
  Object.entries(CHAT_SPELLING).map(([lang, rows]) => [lang, compile(rows)]),
) as Record<Foreign, ReturnType<typeof compile>>;
const applyForeign = Object.fromEntries(
  Object.entries(FOREIGN).map(([lang, rows]) => [
    lang,
    compile(rows, TITLE_START[lang as Foreign], TITLE_LIST_GOES_ON[lang as Foreign]),
  ]),
) as Record<Foreign, ReturnType<typeof compile>>;

// German word order (DE_REORDER): "<lead> <head> … <tail>" → "<lead> <command> …".
const LEADS = String.raw`(?:(?:${[...DE_LEADS]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join("|")})[\s,]+)*`;
const REORDER = DE_REORDER.map((row) => ({
  row,
  // The particle ends the sentence or its first clause ("füge X hinzu und erinnere mich …"), maybe
  // before a "bitte" ("… auf sonntag schieben pls").
  re: new RegExp(
    String.raw`^((?:.+?[,;:!]\s+)?\s*${LEADS})${row[0] ? `${escapeRe(row[0])}${EDGE_AFTER}\\s*` : ""}(.+?)\s+${escapeRe(row[1])}((?:\s+#[\p{L}\d_-]+)*(?:\s*(?:,|:|\bund\b|;)\s+.*)?(?:\s+(?:pls|plz|please|bitte|danke))?[\s.!?]*)$`,
    "iu",
  ),
  to: row[2],
  verbFinal: !row[0],
}));

function reorderGerman(text: string, trace?: RowTrace): string {
  const lower = text.toLowerCase();
  for (const r of REORDER) {
    // The row's words must be there before its (backtracking-heavy) pattern is tried.
    if (!lower.includes(r.row[1]) || (r.row[0] && !lower.includes(r.row[0]))) continue;
    const m = r.re.exec(text);
    if (!m || !m[2]!.trim()) continue;
    // "die erste hab ich … erledigt, abhaken bitte": a verb said last after a clause of its own is that
    // clause's command (read later), not a verb-final sentence.
    if (/\b(?:pls|plz|please|bitte|danke)[\s.!?]*$/i.test(m[3] ?? "") && /[,;]/.test(m[2]!)) continue;
    // "hab ich die Rechnung erledigt?" asks; "hab die Rechnung erledigt" (no "ich") reports.
    if (/^hab/i.test(r.row[0]) && /^ich\b/i.test(m[2]!.trim())) continue;
    // "kannst du X löschen?" asks for the deletion; "X löschen?" alone asks about it.
    const polite = /\b(?:(?:kannst|könntest|würdest)\s+du|(?:können|könnten)\s+sie)\b/i.test(m[1]!);
    if (r.verbFinal && (DE_QUESTION_START.test(m[2]!) || (!polite && /\?\s*$/.test(text)))) continue;
    trace?.(r.row);
    // "das Probetraining kannst du löschen": the object comes first, the modal sits before the verb.
    // "schreib ma bitte auf: …": words for "(for) me, please" are no object; what follows the colon is.
    // "das zweite kannst du auf Donnerstag schieben": the modal may sit inside it too.
    const object = m[2]!
      .replace(/^(?:mir|uns)\s+(?=\S)/i, "")
      .replace(
        /(?:^|\s+)(?:(?:kannst|könntest|würdest)(?:\s+du)?|(?:können|könnten)\s+sie|bitte|jetzt)(?:\s+(?:bitte|mal|ma|jetzt))*(?=\s|$)/gi,
        "",
      )
      .replace(/^(?:(?:mir|ma|mal|uns|bitte|noch)\b\s*)+$/i, "")
      .trim();
    // "…, kannst du abhaken": the task was named before the comma.
    if (!object && r.to === "check off") return `${m[1]}check it off${m[3]}`;
    return `${m[1]}${r.to}${object ? ` ${object}` : ""}${m[3]}`;
  }
  return text;
}

// "bis 31.7.": a German day and month with no year, read as "31. Juli" (chrono's German reads that).
const DE_DAY_MONTH = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d])/g;
const DE_MONTHS = [
  "januar",
  "februar",
  "märz",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "dezember",
];

// "… verschieben? Danke": thanks after the request; the request's verb still ends its own sentence.
// Each sentence has its own word order ("kannst du aufgabe 7 löschen? das fitnessstudio behalte ich
// doch", "… hinzu? danke"). A full stop ends one only after a word ("bis 31. Juli" goes on).
const SENTENCE_END = /(?<=\p{L}{2}[.!?…]+|[!?…])\s+(?=\S)/u;
const reorderClosed = (text: string, trace?: RowTrace): string =>
  text
    .split(SENTENCE_END)
    .map((sentence) => reorderGerman(sentence, trace))
    .join(" ");

/** A language's one-word rows by the word without its marks; the first row of a spelling wins ("pasa" over the voseo "pasá"). */
function oneWordRows(pick: (from: string, to: string) => string): Record<Foreign, Map<string, string>> {
  return Object.fromEntries(
    Object.entries(FOREIGN).map(([lang, rows]) => [
      lang,
      new Map(
        rows
          .filter(([from]) => !/\s/.test(from))
          .reverse()
          .map(([from, to]) => [unmarked(from), pick(from, to)]),
      ),
    ]),
  ) as Record<Foreign, Map<string, string>>;
}

// Object pronouns joined to an imperative ("marque-la", "muévela", "bórralos"): split off as
// "it"/"them" when what is left is a command word of the language's table, so one row per verb
// serves every pronoun. Accents are compared without marks (the pronoun moves Spanish stress).
const VERBS = oneWordRows((from) => from);
const CLITIC: Partial<Record<Foreign, RegExp>> = {
  fr: /(?<![\p{L}'’])(\p{L}+)-(la|le|les|l['’]?)(?![\p{L}'’-])/giu,
  es: /(?<![\p{L}'’])(\p{L}{3,}?)(la|lo|las|los)(?![\p{L}'’-])/giu,
};

/** The command words inside a word with a joined pronoun, in any language that has them. */
function cliticVerbs(word: string): string[] {
  return (Object.keys(CLITIC) as Foreign[]).flatMap((lang) =>
    [...word.matchAll(CLITIC[lang]!)].map((m) => VERBS[lang].get(unmarked(m[1]!))).filter((v): v is string => !!v),
  );
}

// What each one-word row of a language says in English, by the word without its marks.
const SAYS = oneWordRows((_from, to) => to);
// A word of some row ("cámbiele el nombre", "vuelve a ponerla") is the tables' already.
const ROW_WORDS = Object.fromEntries(
  Object.entries(FOREIGN).map(([lang, rows]) => [
    lang,
    new Set(rows.flatMap(([from]) => from.split(/\s+/).map(unmarked))),
  ]),
) as Record<Foreign, Set<string>>;
const COMMAND_START = new RegExp(String.raw`^(?:${[...COMMAND_LEADS, "put", "give"].join("|")})\b`, "i");
const isCommand = (language: Foreign, word: string) => COMMAND_START.test(SAYS[language].get(unmarked(word)) ?? "");

// The polite imperative ("décalez-la", "supprimez", "pásela", "bórrelo", "póngale", "márquela") said
// as the familiar one the tables know ("décale-la", "pasala", "ponle", "marcala"): one row per verb
// serves both. A word is changed only into a command word of the table, never when it is one itself.
const FR_POLITE = /(?<![\p{L}'’])(\p{L}{3,})ez(?=-(?:la|le|les|lui|moi|l['’])(?![\p{L}])|(?![\p{L}'’-]))/giu;
const ES_POLITE = /(?<![\p{L}'’])(\p{L}{2,}?)([ea])n?((?:me|nos)?(?:la|lo|las|los|le|les)?)(?![\p{L}'’-])/giu;
const ES_POLITE_IRREGULAR: Record<string, string> = {
  pong: "pon",
  hag: "haz",
  teng: "ten",
  dig: "di",
  salg: "sal",
  veng: "ven",
  vay: "ve",
};

function politeImperatives(text: string, language: Foreign): string {
  if (language === "fr")
    return text.replace(FR_POLITE, (word, stem: string) => {
      if (ROW_WORDS.fr.has(unmarked(word))) return word;
      const familiar = [`${stem}e`, `${stem}er`, `${stem}re`, `${stem}ir`].find((f) => isCommand("fr", f));
      return familiar ?? word;
    });
  if (language === "es")
    return text.replace(ES_POLITE, (word, stem: string, vowel: string, pronouns: string) => {
      // "ponla" is "pon" + "la" (splitClitics), not a polite "ponle".
      const joined = /^(.+?)(la|lo|las|los|le|les)$/.exec(unmarked(word));
      // "agréguele una nota": "le" only points at the task being talked about; the verb is the table's.
      // ("marcarle a mi abuelita": an infinitive with its pronoun is a title's words.)
      if (
        joined &&
        /^les?$/.test(joined[2]!) &&
        !/(?:ar|er|ir)$/.test(joined[1]!) &&
        isCommand("es", joined[1]!) &&
        !ROW_WORDS.es.has(unmarked(word))
      )
        return VERBS.es.get(joined[1]!) ?? word;
      if (ROW_WORDS.es.has(unmarked(word)) || (joined && SAYS.es.has(joined[1]!)) || (!pronouns && word.length < 4))
        return word;
      const bare = unmarked(stem);
      // "bórrame lo de …": the familiar imperative with "me" (for me) is the table's verb already.
      if (/^me/.test(pronouns) && isCommand("es", bare + vowel)) return `${bare}${vowel}${pronouns.slice(2)}`;
      const familiar =
        vowel === "a"
          ? (ES_POLITE_IRREGULAR[bare] ?? `${bare}e`)
          : `${bare.replace(/qu$/, "c").replace(/gu$/, "g").replace(/c$/, "z")}a`;
      // The table's own spelling when it has the whole word ("agréguele" → "agrégale").
      return isCommand("es", familiar)
        ? (VERBS.es.get(unmarked(familiar + pronouns)) ?? `${familiar}${pronouns}`)
        : word;
    });
  return text;
}

function splitClitics(text: string, language: Foreign): string {
  const re = CLITIC[language];
  if (!re) return text;
  return text.replace(re, (word, verb: string, pronoun: string) => {
    const known = VERBS[language].get(unmarked(verb));
    return known ? `${known} ${/s$/i.test(pronoun) ? "them" : "it"}` : word;
  });
}

// Object pronouns in front of the verb ("tu peux la déplacer", "la puedes mover", "je le marque
// comme fait"): once the tables have made the verb a command word,
// the pronoun follows it as "it"/"them", as a joined one does. Only before a command word, so
// "la facture" or "le plan de travail" stay titles.
const PRONOUN_VERBS = [...COMMAND_LEADS, "put"]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/\s+/g, String.raw`\s+`))
  .join("|");
const MODAL = String.raw`(?:can|could|would)\s+you\s+`;
const PROCLITIC: Partial<Record<Foreign, RegExp>> = {
  fr: new RegExp(
    String.raw`(?<![\p{L}'’])(${MODAL})?(?:(?:je|j['’]|on)\s+)?(les|le|la|l['’])\s*(${MODAL})?(${PRONOUN_VERBS})(?![\p{L}])`,
    "giu",
  ),
  es: new RegExp(
    String.raw`(?<![\p{L}'’])(${MODAL})?(?:(?:yo|me|te|se)\s+)?(los|las|lo|la|les|le)\s+(${MODAL})?(${PRONOUN_VERBS})(?![\p{L}])`,
    "giu",
  ),
};
// German puts the pronoun after the verb already ("verschieb sie auf Freitag" → "move sie to …").
const DE_PRONOUN_AFTER = new RegExp(
  String.raw`(?<![\p{L}])(${PRONOUN_VERBS})\s+(?:sie|ihn|es)(?=\s+(?:to|on|for|as|at|by|with)\b|\s*[?!.]*$)`,
  "giu",
);
// "passe la en priorité haute": a joined pronoun typed with a space for its hyphen, before what is done to it.
const FR_PRONOUN_AFTER = new RegExp(
  String.raw`(?<![\p{L}])(${PRONOUN_VERBS})\s+(la|le|les)(?=\s+(?:en|à|au|pour|comme|dans|sur|to|as|for|on|high|low|medium)\b|\s*[.!?]*$)`,
  "giu",
);
// ("c'est réglé", "c'est envoyé": the table's own rows say those.)
const FR_STATE_ROWS = new Set(
  FOREIGN.fr.map(([from]) => /^c['’]est\s+(\S+)$/i.exec(from)?.[1]?.toLowerCase()).filter((w): w is string => !!w),
);
// Only a state that says the deed was done ("fermé", "retardé", "annulé" say something else).
const FR_DONE_STATES =
  /^(?:pay|command|réserv|achet|livr|envoy|post|rempli|signé|rendu|récupér|ramass|nettoy|répar|rang|lav|appel|imprim|déposé|fini|termin)/i;
const FR_THING_STATE =
  /^((?:(?:et|pis|ah|oh)[\s,]+)?(?:le|la|les|l['’])\s*[^,.!?]+?)[,\s]+c['’]est\s+(?:déjà\s+|bien\s+)?((?!fait\b)\p{L}+(?:é|ée|és|ées|is|ise|it|ite)|bon(?=\s*,))(?=\s*(?:[.!?]*$|,))/iu;
// "tu peux l'effacer": the elided pronoun is cut from its verb, so the verb's row applies. Only a
// verb's infinitive or participle: "l'étiquette" has a row of its own ("the tag") and is a noun.
const ELIDED_PRONOUN = /(?<![\p{L}'’])l['’](\p{L}{2,}(?:er|ir|re|é|ée|és|ées|is|it))(?![\p{L}])/giu;

function frontClitics(text: string, language: Foreign): string {
  const re = PROCLITIC[language];
  let t = re
    ? text.replace(
        re,
        (_all, before: string | undefined, pronoun: string, after: string | undefined, verb: string) =>
          `${before ?? after ?? ""}${verb} ${/s$/i.test(pronoun) ? "them" : "it"}`,
      )
    : text;
  if (language === "de") t = t.replace(DE_PRONOUN_AFTER, "$1 it");
  if (language === "fr")
    t = t.replace(FR_PRONOUN_AFTER, (_all, verb: string, p: string) => `${verb} ${/s$/i.test(p) ? "them" : "it"}`);
  return t;
}

// "n tag it orders like the halibut one": which task it should be like says nothing more.
const LIKE_THE_OTHER =
  /(?<=\b(?:it|them|that|this)\s+\S+)\s*,?\s+(?:just\s+)?like\s+(?:the|my)\s+\S+(?:\s+\S+)?\s+one(?=\s*[.!?]*$)/gi;
// "remind me at 6 tmrw morning": the hour said before its day and part of the day is in that part.
const HOUR_BEFORE_PART =
  /\bat\s+(\d{1,2}(?::\d\d)?)\s+((?:tomorrow|tmrw|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:morning|afternoon|evening|night))\b/gi;
// "done w/ peer review + credentialing forms": a plus between words is "and".
const PLUS_AND = /(?<=\p{L})\s+\+\s+(?=\p{L})/gu;
// "he says 8 works better, change it": the time or day said to suit better is the change.
// (The whole message only: "add gym, 7am works better than 6" is an add.)
const WORKS_BETTER =
  /^(?:(?:ok(?:ay)?|hmm+|well|actually)[\s,]+)?(?:(?:he|she|they|\p{L}+)\s+says?\s+)?((?:\d{1,2}(?::\d\d)?\s*(?:am|pm)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow))\s+(?:works|suits(?:\s+(?:him|her|them|me|us))?|is)\s+better(?:\s+for\s+(?:him|her|them|me|us))?(?:\s*[,.]\s*(?:so\s+)?(?:change|update|move)\s+(?:it|that))?[.!]*$/iu;
// "delete all the stuff I already finished": what was finished is the completed tasks.
const FINISHED_STUFF =
  /(?<=\b(?:delete|remove|clear(?:\s+out)?|get\s+rid\s+of|bin|trash)\s+)(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(?:stuff|things|tasks|ones)\s+(?:that\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+)?(?:finished|done|completed|ticked\s+off|checked\s+off)\b/gi;
// "bring the fridge service forward to tomorrow arvo at 2": an earlier day is a move too.
const BRING_FORWARD = /\b(?:bring|pull)\s+(.+?)\s+(?:forward|earlier)\s+(to|till|until)\b/gi;
// "reschedule board review to tmrw 0700": four digits after a day are a 24-hour clock time
// (not after "at": "meet at 1200 Main St" is an address).
const MILITARY_TIME =
  /(?<=\b(?:tmrw|tomorrow|today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+)([01]\d)([0-5]\d)(?:\s*h(?:ou)?rs)?(?![\d:])/gi;
// "could you tell me whether I have already taken care of the insurance?": the question it wraps.
const ASKED_WHETHER =
  /(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:tell\s+me|let\s+me\s+know|check)\s+(?:whether|if)\s+(i|we)\s+(have|had|did|am|was|were)\b/gi;
// "…, its worth heaps so hiiigh priority pls": why, then the priority it earns; the priority is what is asked.
const REASON_SO_PRIORITY =
  /\s*[,;-]\s*(?:it'?s|its|it\s+is|this\s+is|that'?s|they'?re|it\s+counts|it\s+matters)\s+[^,.;!?]{1,40}?\s+so\s+(?:make\s+it\s+|put\s+it\s+(?:as\s+)?|mark\s+it\s+(?:as\s+)?)?(?=(?:(?:super|very|really|top)\s+)?(?:(?:high|top|low|medium)[-\s]+prio(?:rity)?|urgent|important)\b)/gi;
// "the second one's already done", "task 2's done": "is" before a state, not a possessive.
// "Thursday the 12th": the day of the month says which Thursday; the weekday only confirms it.
const WEEKDAY_BEFORE_DAY =
  /\b(?:(?:next|this|on)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?(?=\d{1,2}(?:st|nd|rd|th)\b)/gi;
const IS_BEFORE_STATE =
  /(?<=\b(?:one|it|that|this|task\s+\d+|#?\d+))['’]s(?=\s+(?:already|done|finished|complete|completed|sorted|not|been|overdue|due|sent|paid|bought|booked|[a-z]{3,}ed)\b)/gi;

const HINTS = Object.fromEntries(
  Object.entries(LANGUAGE_HINTS).map(([lang, words]) => [lang, new Set(words)]),
) as Record<Foreign, Set<string>>;

/** The words `detectLanguage` compares with `LANGUAGE_HINTS`. */
export const hintWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    // "supprime-la" and "bórrala" count as "supprime" and "borra" too; "peux-tu" stays whole.
    .flatMap((w) => [w, ...cliticVerbs(w)]);

const DE_PARTICIPLE = /^(?:an|auf|aus|ein|mit|weg|zu|ab|vor|nach|zurück|raus|rein|hoch|runter)?ge\p{L}{3,}(?:t|en)$/u;

/** The language with the most hint words (ties: es, fr, de); English when none. */
const EN_FUNCTION = new Set([
  "the",
  "it",
  "to",
  "can",
  "you",
  "u",
  "my",
  "is",
  "and",
  "of",
  "i",
  "me",
  "this",
  "that",
  "didnt",
  "didn't",
  "actually",
  "wait",
  "please",
  "pls",
  "for",
  "with",
  "just",
  "too",
  "same",
  "also",
]);

export function detectLanguage(text: string): Language {
  const words = hintWords(text);
  let best: Language = "en";
  let most = 0;
  for (const lang of ["es", "fr", "de"] as const) {
    const marked = markedSpellings(lang);
    const n = words.filter((w) => HINTS[lang].has(w) || HINTS[lang].has(marked.get(w) ?? "")).length;
    if (n > most) [best, most] = [lang, n];
  }
  // "wait the con ed bill didnt actually go through, can u unmark it": one word of another language
  // among plainly English ones is a name or a borrowing.
  if (most === 1 && words.filter((w) => EN_FUNCTION.has(w)).length >= 3) return "en";
  if (best === "en" && /[¿¡ñ]/.test(text)) return "es";
  // "Blumen gegossen", "Mama angerufen ✔": a German participle at the end, no English word.
  const last = words.filter(Boolean).pop() ?? "";
  if (best === "en" && DE_PARTICIPLE.test(last) && !isKnownWord(last)) return "de";
  return best;
}

// Tokens that belong to no language: numbers, times, task numbers, "ok".
const NEUTRAL_TOKEN =
  /^(?:#?\d+(?:[.:,]\d+)?(?:h|am|pm|st|nd|rd|th|\.)?|ok|okay|okey|oki|k|kk|hm+|ah|oh|super|top|perfekt|ja?|si|sí|oui|x)$/iu;
const tokens = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’#:.]+/u)
    .map((w) => w.replace(/[.:]+$/, ""))
    .filter(Boolean);

/**
 * The language a message with no words of its own ("2", "ok", "#3", or words copied from our
 * question such as a task's title) is in: the conversation's, i.e. that of the latest user turn
 * that had words of a language. Null when the message has words of its own (or no history).
 */
export function conversationLanguage(
  text: string,
  history: ReadonlyArray<{ role: string; text: string }> | undefined,
): Language | null {
  if (!history?.length) return null;
  const asked = [...history].reverse().find((h) => h.role === "assistant");
  const echoed = new Set(asked ? tokens(asked.text) : []);
  if (!tokens(text).every((w) => NEUTRAL_TOKEN.test(w) || echoed.has(w))) return null;
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!;
    if (h.role !== "user") continue;
    const lang = detectLanguage(h.text);
    if (lang !== "en") return lang;
    if (tokens(h.text).some((w) => !NEUTRAL_TOKEN.test(w))) return "en";
  }
  return null;
}

// Small English words: a message with none of them is not English just because it has no hint words.
const ENGLISH = new Set([
  "the",
  "a",
  "an",
  "to",
  "and",
  "is",
  "it",
  "my",
  "of",
  "for",
  "on",
  "in",
  "at",
  "with",
  "me",
  "i",
  "you",
  "this",
  "that",
  "too",
  "also",
  "please",
  "add",
  "delete",
  "move",
  "mark",
  "done",
  "what",
  "when",
  "show",
  "undo",
  "thanks",
  "ok",
  "yes",
  "one",
  "all",
]);

/**
 * "und die Präsentation auch", "pas celui-là, l'épicerie": a short message with no hint words
 * and no English ones, in a conversation whose latest user turn was in another language, is in
 * that language.
 */
export function carriedLanguage(
  text: string,
  history: ReadonlyArray<{ role: string; text: string }> | undefined,
): Foreign | null {
  if (!history?.length) return null;
  const prev = [...history].reverse().find((h) => h.role === "user");
  const lang = prev ? detectLanguage(prev.text) : "en";
  if (lang === "en") return null;
  // "es a las 6", "q me queda pendiente?": "a" and "me" are that language's words too.
  return tokens(text).some((w) => ENGLISH.has(w) && !SHARED_WORDS[lang].has(w)) ? null : lang;
}

// Small English words that are also small words of another language: no sign of English there.
const SHARED_WORDS: Record<Foreign, ReadonlySet<string>> = {
  es: new Set(["a", "me"]),
  fr: new Set(["a", "me", "on"]),
  de: new Set(["an", "in"]),
};

/** The command or date word a misspelt word stands for, or null (see `SPELLED_WORDS`). */
export function correctSpelling(word: string): string | null {
  const w = word.toLowerCase();
  // "hiiigh", "pleeease": a letter held for emphasis; the word is the one with it once or twice.
  if (/(\p{L})\1\1/u.test(w))
    for (const n of [2, 1]) {
      const held = w.replace(/(\p{L})\1{2,}/gu, (_run, letter: string) => letter.repeat(n));
      if (SPELLED_WORDS.includes(held) || isKnownWord(held)) return held;
    }
  if (w.length < 5 || SPELLED_WORDS.includes(w) || isKnownWord(w)) return null;
  // "rescheduled", "postponed": an ending on a table word is that word, spelt right.
  if (
    SPELLED_WORDS.some(
      (t) => w.startsWith(t.replace(/e$/, "")) && /^(?:e?d|e?s|ing)$/.test(w.slice(t.replace(/e$/, "").length)),
    )
  )
    return null;
  const close = SPELLED_WORDS.filter(
    (t) => Math.abs(t.length - w.length) <= 2 && (swapped(w, t) || distance(w, t) <= (w.length >= 7 ? 2 : 1)),
  );
  return close.length === 1 ? close[0]! : null;
}

function fixSpelling(text: string): string {
  // A tag's name is the user's own word ("remove the tag urgente"), never a misspelling.
  return text.replace(/(?<![\p{L}'’#-])\p{L}{5,}(?![\p{L}'’-])/gu, (word, offset: number) =>
    /\b(?:tags?|tagged|labels?|labell?ed)\s+$/i.test(text.slice(0, offset)) ? word : (correctSpelling(word) ?? word),
  );
}

const hourOfWord = (w: string) =>
  Math.max(...Object.values(HOUR_WORDS).map((words) => words.indexOf(w.toLowerCase()) + 1));
const CLOCK_AT: Partial<Record<Language, RegExp>> = {
  // "on Monday at nine in the morning" ("at one point" is no time).
  en: new RegExp(
    String.raw`(?<![\p{L}])(at\s+)(${HOUR_WORDS.en.join("|")})(?![\p{L}])(?=\s*(?:[,.!?]|$)|\s+(?:in\s+the|o'?clock|am|pm|a\.m\.|p\.m\.|tonight|tomorrow|on|sharp)\b)`,
    "giu",
  ),
  // "um drei Tage verschieben" is by three days, not at three.
  de: new RegExp(
    String.raw`(?<![\p{L}])(um\s+|gegen\s+)(${HOUR_WORDS.de.join("|")})(?![\p{L}])(?!\s+(?:tagen?|wochen?|stunden?|minuten?|monaten?)\b)`,
    "giu",
  ),
  es: new RegExp(String.raw`(?<![\p{L}])(a\s+las?\s+)(${HOUR_WORDS.es.join("|")})(?![\p{L}])`, "giu"),
  fr: new RegExp(String.raw`(?<![\p{L}])(à\s+|vers\s+)(${HOUR_WORDS.fr.join("|")})\s+heures?(?![\p{L}])`, "giu"),
};
const HOUR = String.raw`(\d{1,2}|${[...new Set(Object.values(HOUR_WORDS).flat())].join("|")})`;
const CLOCKS = Object.fromEntries(
  Object.entries(CLOCK_WORDS).map(([lang, rows]) => [
    lang,
    // Longer phrases first: "a quarter past 11" before "quarter past 11".
    [...rows]
      .sort((a, b) => b[0].length - a[0].length)
      .map(([phrase, minute, shift]) => ({
        re: new RegExp(
          `${EDGE_BEFORE}${escapeRe(phrase)
            .replace(/^H|H$/, HOUR)
            .replace(/\\s\+h\\s\+/, String.raw`\s*h\s+`)}${EDGE_AFTER}`,
          "giu",
        ),
        minute,
        shift,
      })),
  ]),
) as Record<Language, Array<{ re: RegExp; minute: number; shift: number }>>;

/** "half past 4" → "4:30", "halb 5" → "4:30", "17h" → "17:00" (English has no "17h" of its own, French reads it only after "à"). */
// "um 6:30", "gegen 7.15": a German clock typed in digits is a 24-hour clock, so an hour before noon is the morning
// (a clock said in words, "viertel nach 7", stays as open as in English).
const DE_TYPED_CLOCK =
  /(?<![\d.:])(?:((?:um|gegen|ab)\s+)([1-9]|1[01])[:.]([0-5]\d)|([1-9]|1[01]):([0-5]\d))(?![\d.:])(?!\s*(?:uhr|abends|nachmittags|nachts|am|pm)\b)/giu;

function clockDigits(text: string, language: Language): string {
  let t =
    language === "de"
      ? text.replace(
          DE_TYPED_CLOCK,
          (_all, lead: string | undefined, h1?: string, m1?: string, h2?: string, m2?: string) =>
            `${lead ?? ""}${h1 ?? h2}:${m1 ?? m2} am`,
        )
      : text;
  for (const { re, minute, shift } of CLOCKS[language]) {
    t = t.replace(re, (_all, h: string) => {
      const said = /^\d+$/.test(h) ? +h : hourOfWord(h);
      const hour = (said + shift + 24) % 24;
      return said > 24 ? _all : `${hour}:${String(minute).padStart(2, "0")}`;
    });
  }
  // "um sieben", "a las nueve", "à huit heures": an hour said as a word after the clock's own word.
  const at = CLOCK_AT[language];
  if (at)
    t = t.replace(at, (_all, lead: string, h: string) => `${lead}${hourOfWord(h)}${language === "fr" ? "h" : ""}`);
  // "à 14 h", "15 h 30": French hours written with spaces.
  if (language === "fr")
    t = t.replace(/\b([01]?\d|2[0-3])\s+h(?:\s+([0-5]\d))?\b/gi, (_all, h: string, m?: string) => `${h}h${m ?? ""}`);
  // "demain 16h": chrono's French reads "16h" only after "à". "1h avant", "2h antes": a length of time.
  if (language === "en" || language === "fr" || language === "es")
    t = t
      .replace(
        /\b(\d{1,2})\s*h\b(?=\s+(?:avant|après|plus\s+tôt|plus\s+tard|antes|después|before|after|earlier|later)\b)/gi,
        (_all, h: string) => `${h} ${language === "fr" ? "heures" : language === "es" ? "horas" : "hours"}`,
      )
      // "a las 19hs": Argentine and Uruguayan hours.
      // A 24-hour clock: "7h" is the morning, never 7 in the evening.
      .replace(
        /\b([01]?\d|2[0-3])(?:h([0-5]\d)?|hs)\b(?!\s+(?:du|de\s+la|de\s+l'|de)\s*(?:soir|après-midi|matin|tarde|noche|mañana))/gi,
        (_all, h: string, m?: string) => `${+h}:${m ?? "00"}${+h >= 1 && +h < 12 ? " am" : ""}`,
      );
  // "um 14.15 Uhr": a German clock time with a dot.
  if (language === "de") t = t.replace(/\b([01]?\d|2[0-3])\.([0-5]\d)(?=\s*uhr\b)/gi, "$1:$2");
  if (language === "en") {
    // "make it 7.30", "at 6.45pm": hours and minutes with a dot, after a word that announces a time
    // or before am/pm (a price such as "for 2.50" keeps its dot).
    t = t
      .replace(/\b([01]?\d|2[0-3])\.([0-5]\d)(?=\s*(?:am|pm)\b)/gi, "$1:$2")
      .replace(/(\b(?:at|to|till|until|by|from|around|it|that)\s+)([01]?\d|2[0-3])\.([0-5]\d)(?![\d.])/gi, "$1$2:$3");
  }
  return t;
}

// "make the turkey pickup 9 instead of 10", "move the call to 4": an hour alone, last, after a change verb.
const BARE_HOUR =
  /^((?:(?:and|also|then)\s+)?(?:(?:make|set|change)\s+.+?\s+(?:to\s+)?|(?:move|push|shift|bump|change|reschedule)\s+.+?\s+to\s+))([1-9]|1[0-9]|2[0-3])((?:\s+instead(?:\s+of\s+\d{1,2}(?::[0-5]\d)?(?:\s*[ap]m)?)?)?[\s.!?]*)$/i;

// "jeden Monat am 25.": a day of the month with no month after it (chrono.de reads "am 25. März" itself).
const DE_DAY_ONLY =
  /\b(?:am|auf\s+den|f(?:ü|ue)r\s+den|bis\s+zum)\s+(\d{1,2})\.(?!\d)(?!\s*(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b)/giu;
// "réserver le resto le 30 #perso", "cena con Ana el 15 a las 9": a day of the month alone, after the
// task's words (chrono's French and Spanish read it only with a month). After a command word ("supprime
// le 3", "borra el 2") the number is a task's.
const DAY_ONLY: Partial<Record<Foreign, RegExp>> = {
  fr: /(\p{L}+)(\s+)le\s+(\d{1,2})(?:er)?(?![\d:h.]|,\d)(\s+(?:à|a|vers)\s+(?=\d)|(?=\s*(?:$|[#,.!?;]|\s+(?:avant|pour)\s)))/giu,
  es: /(\p{L}+)(\s+)el\s+(?:día\s+)?(\d{1,2})(?![\d:h.]|,\d)(\s+a\s+las?\s+(?=\d)|(?=\s*(?:$|[#,.!?;]|\s+(?:por|para|antes)\s)))/giu,
};
// "repousse-le au 12", "pásalo al 15": a day of the month it goes to (not a time, not "al 15 de marzo").
const DAY_TO: Partial<Record<Foreign, RegExp>> = {
  fr: /(?<![\p{L}])au\s+(\d{1,2})(?:er)?(?![\d:h.]|,\d|\s*(?:h|heures?|%|€)(?![\p{L}])|\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)/giu,
  es: /(?<![\p{L}])al\s+(?:día\s+)?(\d{1,2})(?![\d:h.]|,\d|\s*(?:hs?|horas?|%|€)(?![\p{L}])|\s+de\s)/giu,
};
// "pour le 15", "para el 15": a preposition that is also a table word ("pour" → "to" after "tâches").
const DATE_PREPOSITION = /^(?:pour|para|avant|antes|jusqu'au|hasta)$/i;
function dayOnly(text: string, language: Language): string {
  const re = language === "en" ? undefined : DAY_ONLY[language];
  if (!re) return text;
  const to = DAY_TO[language as Foreign];
  if (to) text = text.replace(to, (all, d: string) => (+d >= 1 && +d <= 31 ? `to the ${ordinal(+d)}` : all));
  return text.replace(re, (all, before: string, space: string, d: string, at: string) =>
    +d >= 1 &&
    +d <= 31 &&
    (DATE_PREPOSITION.test(before) || !VERBS[language as Foreign].has(unmarked(before))) &&
    !/^(?:tâche|tarea|task)$/i.test(before)
      ? `${before}${space}on the ${ordinal(+d)}${at ? " at " : ""}`
      : all,
  );
}

// "la yerba ya la compré", "lo de la lavandería ya lo he recogido": the thing first, a pronoun before the
// past verb — read "ya compré la yerba".
const ES_OBJECT_FIRST_PAST =
  /^((?:(?:ah|oh|ay|y|bueno|ok|vale|venga|pues|oye|mira|che)[\s,]+)*)([^\s,][^,]*?)\s+ya\s+(?:la|lo|las|los)\s+(?:he\s+|hemos\s+)?(?!(?:hice|dije|puse|tuve|traje|vine|quise|supe|pude|estuve)(?![\p{L}]))(\p{L}{3,}[éíei]|\p{L}{2,}(?:ado|ido))(?=[\s,.!?]|$)/iu;
// "la última ya la compré el sábado" (read "ya compré the last el sábado"): the day it was done says
// nothing of which.
const ES_DONE_ON_DAY =
  /^((?:(?:ah|oh|ay|y|and|bueno|ok|vale|pues)[\s,]+)*ya\s+\p{L}{3,}[éí](?![\p{L}]).*?)\s+el\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)(?:\s+pasado)?(?=[\s,.!?]*$)/iu;
// "lo del calentador ya está arreglao": a participle said the Caribbean or Andalusian way.
const ES_SPOKEN_PARTICIPLE = /(?<=\b(?:está|están|esta|estan|ya|quedó|quedo|he|ha)\s+)(\p{L}{3,})ao(?![\p{L}])/giu;
// "y con Nélida ya hablé anoche": the person first, the past verb after — read "ya hablé con Nélida".
const ES_PERSON_FIRST_PAST =
  /^((?:(?:ah|oh|ay|y|bueno|ok|vale|pues|oye|mira|che)[\s,]+)*)((?:con|a|al)\s+[^\s,][^,]*?)\s+ya\s+(?!(?:veré|haré|diré|pondré|tendré|vendré|sabré|podré)(?![\p{L}]))(\p{L}{3,}[éí])(?=[\s,.!?]|$)/iu;
// An exclamation before the thing ("boah fast vergessn!! …") stays in front of the command.
const DE_COMMAND_LAST = /^([^,!?:]*[!:]+\s+)?(.+?),\s*(add|delete|remove|check off|complete)\s*[.!]*$/i;
// "…, bitte eintragen thx": thanks after a verb said last would keep it from being last.
const DE_THANKS_LAST = /(?<=\p{L}{4,}en)\s+(?:thx|danke|merci)\s*[.!]*$/iu;
// "faut que j'appelle …", "il faudrait que je range …": a need, read as "I need to <infinitive>".
const FR_MUST_THAT = /\b(?:il\s+)?(?:faut|faudrait|faudra)\s+(?:que\s+|qu['’]\s*)(?:je\s+|j['’]\s*)(\p{L}+)/giu;
function frInfinitive(verb: string): string | null {
  const v = verb.toLowerCase();
  const irregular = FR_SUBJUNCTIVE.irregular[v];
  if (irregular) return irregular;
  const ending = FR_SUBJUNCTIVE.endings.find(([from]) => v.endsWith(from) && v.length > from.length);
  return ending ? v.slice(0, -ending[0].length) + ending[1] : null;
}
const FR_DONE_IT =
  /(?<=,\s*)je\s+l['’]ai\s+(?!fait|annul)\p{L}+(?:é|ée|és|ées|i|ie|is|ise|it|ite)(?![\p{L}])(?:\s+(?:ce\s+matin|à\s+matin|ce\s+midi|ce\s+soir|hier(?:\s+soir)?|aujourd['’]hui|tantôt))?/giu;
// "and the last one you can just delete": the task first, then what to do with it.
const YOU_CAN_AFTER =
  /^((?:(?:and|also|oh|ok|so)\s+)?)((?:the|that|this)\s+[^.!?]+?|it)\s+(?:you|u)\s+can\s+(?:just\s+|now\s+|go\s+ahead\s+and\s+)?(delete|remove|bin|trash|drop|ditch|cancel|scrap|tick\s+off|check\s+off|cross\s+off)\b(.*)$/i;
// "la pelouse n'est pas vraiment finie", "c'est pas fait", "al final no se pagó": a task said not to be
// done, in the words the English reopen patterns read ("… isn't done").
const NOT_DONE: Partial<Record<Language, RegExp>> = {
  // "the candy one shouldn't be checked off": it was marked done by mistake.
  en: /\b(?:shouldn['’]?t|should\s+not|wasn['’]?t\s+supposed\s+to)\s+(?:be|have\s+been)\s+(?:checked|ticked|crossed|marked)\s+(?:off|(?:as\s+)?(?:done|complete|completed))\b(?!\s+(?:until|till|before|unless|if)\b)/gi,
  // "le rapport, je l'ai pas fini": the same, said of the thing named before.
  fr: /(?:\bn['’]est|\bc['’]est|\best|\bje\s+(?:ne\s+)?l['’]ai)\s+pas\s+(?:encore\s+|vraiment\s+|tout\s+à\s+fait\s+)?(?:fini|fait|terminé|réglé|payé)e?s?(?![\p{L}])/giu,
  es: /\bno\s+se\s+(?:hizo|pagó|pago|terminó|termino|mandó|mando|envió|envio)(?![\p{L}])/giu,
};
// "et la facture proximus je l'ai bien payée ?": the thing first, then the question about it.
const FR_TOPIC_ASKED = /^((?:et\s+)?)(.+?)[,\s]+je\s+l['’]ai\s+((?:bien|déjà)\s+)?(\p{L}+?)(?:e|es|s)?\s*\?\s*$/iu;
// "le lave-vitre je l'ai acheté hier": the thing first, then the report of it.
const FR_TOPIC_DONE =
  /^(?:et\s+)?((?:le|la|les)\s+[^,]+?|l['’]\s*[^\s,]+(?:\s+[^\s,]+)?)[,\s]+je\s+(?:l['’]\s*|les\s+)ai\s+((?:déjà|bien|finalement)\s+)?(?!(?:pas|jamais|point|plus)\b)(\p{L}+)(.*)$/iu;
// "c'est la troisième que je voulais repousser", "era la segunda la que quería mover": the one meant.
const CLEFT_MEANT: Partial<Record<Language, RegExp | RegExp[]>> = {
  // "argh no sorry, it was the hazelnut that got delivered, not the vanilla": the one done, not the one marked.
  en: /^((?:(?:no|argh|ugh|oh|oops|sorry|wait|ah|hang\s+on)[\s,!.]+)*)it\s+was\s+(the\s+.+?)\s+(?:that|which|i)\s+(?:got\s+\p{L}+|was\s+\p{L}+|\p{L}+ed|meant|wanted)(?:[\s,]+(?:not\s+.+|sorry))?[\s.!]*$/iu,
  // "ah zut non, c'est le rapport que j'ai rendu, pas les clés": the one done, not the one marked.
  fr: /^((?:(?:non|ah|oh|oups|pardon|zut|mince|attends|attendez|remets-la|remets-le|remettez-la|remettez-le|en\s+fait)[\s,!.]+)*)c['’]est\s+(?!quoi\b)(.+?)\s+(?:que\s+(?:je\s+voulais\s+\p{L}+(?:\s+comme\s+\p{L}+)?|j['’]ai\s+\p{L}+(?:é|ée|i|ie|u|ue|is|it|ert|int))|qu['’]il\s+fallait\s+\p{L}+)(?:[\s,]+(?:pardon|désolée?|pas\s+.+))?[\s.!]*$/iu,
  es: [
    /^((?:(?:no|ay|uy|perdón|perdon)[\s,]+)*)era\s+(.+?)\s+(?:la|el|lo)\s+que\s+quer[íi]a\s+\p{L}+(?:[\s,]+(?:perdón|perdon))?[\s.!]*$/iu,
    // "la que había que borrar era la del mecánico": the one meant, said last.
    /^((?:(?:no|ay|uy|perdón|perdon)[\s,]+)*)(?:la|el|lo)\s+que\s+(?:hab[íi]a|ten[íi]a|hay)\s+que\s+(?<verb>\p{L}+)\s+era\s+(.+?)[\s.!]*$/iu,
  ],
};
// "au jeudi 26", "al jueves 3": a weekday with its day of the month; the day says it all.
const WEEKDAY_DAY: Partial<Record<Language, RegExp>> = {
  es: /(?<![\p{L}])(?:(al|para\s+el|el)\s+)?(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\s+(\d{1,2})(?![\d:h.]|\s*(?:hs?|horas?)\b)/giu,
  fr: /(?<![\p{L}])(?:(au|pour\s+le|le)\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+(\d{1,2})(?![\d:h.]|\s*(?:h|heures?)\b)/giu,
};
// "pack bei der präsentation noch den tag kunde dazu": the tag for the task named after "bei".
const DE_TAG_AT =
  /\b(?:pack|packe|füg|füge|gib|mach)\s+(?:(?:bitte|mal|ma)\s+)*(?:bei|beim)\s+(.+?)\s+(?:(?:bitte|noch|mal)\s+)*(?:den|das)\s+tag\s+#?([\p{L}\p{N}_-]+)\s+(?:dazu|hinzu|dran)\b/giu;
// "ich wollt ihn eigentlich nur auf Freitag schieben": what was meant, said as the command it is.
const DE_ONLY_MEANT =
  /^(?:(?:ich|i)\s+)?(?:wollt|wollte)\s+(ihn|sie|es|das)\s+(?:eigentlich\s+)?(?:nur\s+|bloß\s+)?(?=\S)/iu;
// "… eintragen und mich eine Stunde vorher erinnern": a reminder asked for with its verb last.
const DE_REMIND_LAST = /\b(und\s+)?mich\s+(?!an\b|daran\b)(.+?)\s+(?:daran\s+)?erinnern\b/giu;
// "die Vorbereitung fürs Teammeeting schieb bitte auf Montag": the task named first, then the command.
const DE_OBJECT_FIRST =
  /^((?:(?:ah|oh|ach|und|also)[\s,]+)*)((?:die|der|das|den|dem|mein|meine|meinen)\s+[^\s?.!,][^?.!,]*?)\s+(schieb|schiebe|verschieb|verschiebe|zieh|ziehe|stell|stelle|lösch|lösche|streich|streiche|markier|markiere|erledige)\s+((?:(?:bitte|mal|ma|doch|halt)\s+)*)(?=\S)/iu;
// "den Abwart hab ich vorhin angerufen": the thing first, then the report ("ich hab … angerufen").
// "Und bei der ersten schreib als Notiz dazu: …": the task at that place of the list shown, then what to do.
const DE_PLACES: Record<string, string> = {
  ersten: "first",
  zweiten: "second",
  dritten: "third",
  vierten: "fourth",
  letzten: "last",
};
const DE_ORDINAL_AT = /(?<![\p{L}])bei\s+der\s+(ersten|zweiten|dritten|vierten|letzten)(?![\p{L}])/iu;
// "Schieb alles, was heut fällig is, auf morgen": everything due that day (a relative clause).
const DE_ALL_DUE = /(?<![\p{L}])alles\s*,?\s*was\s+(\p{L}+)\s+fällig\s+(?:ist|is|isch|wär|wäre)\s*,?\s*/iu;
// "Der Physio-Termin is auf Mittwoch verlegt worden": a move reported in the passive.
const DE_MOVED_PASSIVE =
  /(?<![\p{L}])(?:ist|is|wurde|isch)\s+(?:auf|to)\s+((?:den\s+|nächsten\s+|nächste\s+)?[\p{L}\p{N}.]+(?:\s+um\s+\d{1,2}(?::\d\d)?(?:\s+uhr)?)?)\s+(?:verlegt|verschoben)(?:\s+worden)?(?![\p{L}])/iu;
const DE_OBJECT_REPORT =
  /^((?:(?:ah|oh|ach|und|also)[\s,]+)*)((?:den|die|das|dem)\s+(?!(?:erste|zweite|dritte|vierte|letzte|andere)\b)[^\s?.!,][^?.!,]*?)\s+(?:hab|habe)\s+ich\s+((?:(?:vorhin|gestern|heute|schon|grad|gerade|eben|endlich)\s+)*(?:[^?.!,]+?\s+)?)(\p{L}+(?:t|en))\s*[.!]*$/iu;
// "am Freitagabend": a weekday and a part of it written as one word.
const DE_PART_CLOCK =
  /\b(abend|abends|nachmittag|nachmittags|nacht)\s+um\s+(\d{1,2})(?::([0-5]\d))?(?![\d:])(?:\s*uhr\b)?/giu;
const DE_WEEKDAY_PART =
  /\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)(morgen|vormittag|mittag|nachmittag|abend|nacht)\b/giu;
// "benennen Sie es bitte um in „…“", "benenn das um in …": the particle before the new name, not at the end.
const DE_RENAME_UM_IN = /\b(?:benennen\s+sie|benenne|benenn|nenn|nenne)\s+(.+?)\s+um\s+in\b/giu;
// "el lunes que viene", "el mes que viene": the coming one, as chrono's Spanish reads "el próximo lunes".
const ES_COMING =
  /(?<![\p{L}])(lunes|martes|miércoles|jueves|viernes|sábado|domingo|mes|año)\s+que\s+viene(?![\p{L}])/giu;
// "chaque premier lundi du mois", "el primer lunes de cada mes": a weekday's place in every month, as
// recurrence.ts reads it ("the first monday of every month"; German's rows say it already).
const NTH_WEEKDAY_OF_MONTH: Partial<Record<Language, RegExp>> = {
  fr: /\b(?:chaque|tous\s+les|le)\s+(premier|deuxième|second|troisième|quatrième|dernier)s?\s+(\p{L}+)\s+(?:du|de\s+chaque|de\s+tous\s+les)\s+mois\b/giu,
  es: /\b(?:cada|el|todos\s+los)\s+(primer|segundo|tercer|cuarto|último)o?s?\s+(\p{L}+)\s+(?:del|de\s+cada)\s+mes\b/giu,
};
const NTH: Record<string, string> = {
  premier: "first",
  deuxième: "second",
  second: "second",
  troisième: "third",
  quatrième: "fourth",
  dernier: "last",
  primer: "first",
  segundo: "second",
  tercer: "third",
  cuarto: "fourth",
  último: "last",
  ersten: "first",
  zweiten: "second",
  dritten: "third",
  vierten: "fourth",
  letzten: "last",
};

// "el 15 del mes que viene", "le 15 du mois prochain", "am 15. nächsten Monats": that day of next month.
const NEXT_MONTH_ON: Partial<Record<Language, RegExp>> = {
  es: /\bel\s+(?:día\s+)?(\d{1,2})\s+del\s+(?:mes\s+que\s+viene|próximo\s+mes|mes\s+próximo|siguiente\s+mes|mes\s+siguiente)(?![\p{L}])/giu,
  fr: /\ble\s+(\d{1,2})(?:er|e|ème)?\s+du\s+mois\s+(?:prochain|suivant)(?![\p{L}])/giu,
  de: /\bam\s+(\d{1,2})\.\s+(?:nächsten|kommenden)\s+monats(?![\p{L}])/giu,
};
// "hab heute die Handyrechnung bezahlt": the same words right after "hab" in a report.
const DE_REPORT_ADVERBS = /\b((?:ich\s+)?(?:hab|habe))\s+(?:(?:schon|heute|gestern|bereits|jetzt|auch)\s+)+/giu;
const DE_DONE_ADVERBS =
  /\b(hab|habe)\s+ich\s+(?:(?:schon|heute|noch|gerade|grad|endlich|auch|bereits|gestern|jetzt|abend|morgen|früh|vormittag|nachmittag|mittag|am\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))\s+)+(erledigt|gemacht)\b/giu;
// "le 1er de chaque mois", "el 15 de cada mes": a monthly day, as recurrence.ts reads it.
const EVERY_MONTH_ON: Partial<Record<Language, RegExp>> = {
  fr: /\b(?:le|tous\s+les)\s+(\d{1,2})(?:er|e|ème)?\s+(?:de\s+chaque\s+mois|du\s+mois|de\s+tous\s+les\s+mois)\b/giu,
  // "el 15 de cada mes", "todos los meses el 15", "cada mes el 15".
  es: /\bel\s+(?:día\s+)?(\d{1,2})\s+de\s+cada\s+mes\b|\b(?:todos\s+los\s+meses|cada\s+mes)\s+el\s+(?:día\s+)?(\d{1,2})(?!\s*(?:de|h|hs|:|\d))\b/giu,
  // "jeden 1. im Monat", "am 15. jedes Monats" ("jeden Monat am 15." is DE_DAY_ONLY's, after "jeden Monat").
  de: /\b(?:jeden|am)\s+(\d{1,2})\.\s+(?:im\s+monat|jedes\s+monats|des\s+monats)\b/giu,
};

// "un mardi sur deux", "une semaine sur deux", "un lunes sí y otro no": every other one.
const EVERY_OTHER: Partial<Record<Language, RegExp>> = {
  fr: /\b(?:un|une)\s+(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine)\s+sur\s+deux\b/giu,
  es: /\b(?:un|una)\s+(lunes|martes|miércoles|jueves|viernes|sábado|domingo|semana)\s+sí\s+y\s+(?:otro|otra)\s+no\b/giu,
  de: /\balle\s+zwei\s+wochen\s+(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s?\b/giu,
};

const MIND_GERUND = /\b((?:you|u)\s+mind\s+)([a-z]+ing)\b/gi;
// "remind me on the same day at 8 about it" (German "… dran"): what to be reminded of, next to its verb.
// "put it in the gear tag please": a tag said as a place to put it.
const PUT_IN_TAG =
  /\bput\s+(it|them|that|those)\s+(?:in|under|into)\s+(?:the\s+)?#?([\p{L}\p{N}_-]+)\s+(?:tag|label|category)\b/iu;
// "chief moved it to sunday at 10am", "they've pushed it to friday": someone else moved it, so it moves.
const SOMEONE_MOVED_IT =
  /^(?:(?:ok|so|and)\s+)?(?:the\s+)?(?:they|he|she|someone|[a-z]+)(?:\s+has|\s+have|['’]s|['’]ve)?\s+(?:moved|pushed|bumped|shifted|rescheduled|postponed)\s+(it|that|this|them)\s+(to|till|until)\b/i;
// "Lindiwe just emailed, she pushed the subtitle deadline to next Wednesday": someone else's move, named.
const SOMEONE_MOVED_THE =
  /(?<=^|[,.;!]\s*)(?:they|he|she|[a-z]+)(?:\s+has|\s+have|['’]s|['’]ve)?\s+(?:just\s+)?(?:moved|pushed|bumped|shifted|rescheduled|postponed)\s+(the\s+[^,.;!?]+?)\s+(to|till|until)\b/gi;
// 'remove from "Fahrrad reparieren" the date' (German 'bei "X" das Datum rausnehmen'): a field taken off
// a task, said after the task; the same as "remove the date from X", never a delete.
const FIELD_AFTER_TASK =
  /^(remove|delete|clear|take)\s+(?:from|of|off|bei|beim|bei\s+der|bei\s+dem|von|vom)\s+(.+?)\s+((?:the|its)\s+(?:due\s+)?(?:date|deadline|reminder|repeat|tags?|priority))(?=\s*(?:[,.;!?]|$))/i;
// "for the dentist check-up, remind me the night before at 7pm": the reminder is the named task's.
const TOPIC_THEN_REMIND =
  /^(?:as\s+for|for|about|re:?|regarding)\s+((?:the|my|that)\s+[^,;:]+?)\s*[,;:]\s*(remind\s+me)\s+(?!to\b|about\b|of\b|that\b)(?![^.!?]*\bto\s)/i;
const ABOUT_IT_LAST =
  /^((?:and\s+)?remind\s+me)\s+(?!about\b|of\b|to\b)(.+?)\s+(about\s+(?:it|that|this))(?=\s*[.!?]*$)/i;

/** Inverted punctuation and the tables applied; the result is what the parsers read. */
const FACE_AFTER_STOP = /([.!?]\s*)(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\p{Emoji_Modifier})+\s*(?=\p{L})/gu;

export function normalizeWords(text: string, trace?: RowTrace, known?: Language): { text: string; language: Language } {
  const language = known ?? detectLanguage(text);
  // "Kölle Alaaf! 🥳 Trag mir bitte ein: …": a face after a sentence's end only says how they feel.
  const typed = text.replace(/[¿¡]/g, "").replace(FACE_AFTER_STOP, "$1");
  let t = clockDigits(
    language === "en" ? typed : restoreMarks(chatSpelling[language](typed, trace), language),
    language,
  );
  const other = EVERY_OTHER[language];
  if (other) t = t.replace(other, (_all, unit: string) => `every other ${unit}`);
  const nth = NTH_WEEKDAY_OF_MONTH[language];
  if (nth)
    t = t.replace(nth, (all, place: string, day: string) => {
      const weekday = FOREIGN_WEEKDAYS[day.toLowerCase()];
      return weekday === undefined ? all : `the ${NTH[place.toLowerCase()]} ${WEEKDAYS[weekday]} of every month`;
    });
  const nextMonth = NEXT_MONTH_ON[language];
  if (nextMonth)
    t = t.replace(nextMonth, (all, d: string) => (+d >= 1 && +d <= 31 ? `on the ${ordinal(+d)} of next month` : all));
  const monthly = EVERY_MONTH_ON[language];
  if (monthly)
    t = t.replace(monthly, (all, d1: string | undefined, d2: string | undefined) => {
      const d = +(d1 ?? d2 ?? 0);
      return d >= 1 && d <= 31 ? `every month on the ${ordinal(d)}` : all;
    });
  // "die zweite hab ich heute noch erledigt": words of time between "hab ich" and the participle say
  // nothing more in a report; in a question ("was habe ich heute erledigt?") they are the question.
  if (language === "de" && !DE_QUESTION_START.test(t.trim())) t = t.replace(DE_DONE_ADVERBS, "$1 ich $2");
  if (language === "de" && !/\?\s*$/.test(t)) t = t.replace(DE_REPORT_ADVERBS, "$1 ");
  if (language === "es")
    t = t
      .replace(ES_OBJECT_FIRST_PAST, "$1ya $3 $2")
      .replace(ES_DONE_ON_DAY, "$1")
      .replace(ES_SPOKEN_PARTICIPLE, "$1ado")
      .replace(ES_PERSON_FIRST_PAST, "$1ya $3 $2")
      .replace(ES_COMING, "próximo $1");
  // "l'acompte des impôts, je l'ai payé ce matin": said of the thing named before, it is done.
  if (language === "fr") t = t.replace(FR_DONE_IT, "is done");
  if (language === "fr")
    t = t.replace(FR_MUST_THAT, (all, verb: string) => {
      const infinitive = frInfinitive(verb);
      return infinitive ? `il faut ${infinitive}` : all;
    });
  if (language === "fr") t = t.replace(FR_TOPIC_ASKED, "$1j'ai $3$4 $2 ?").replace(FR_TOPIC_DONE, "j'ai $3 $1$4");
  const notDone = NOT_DONE[language];
  if (notDone) t = t.replace(notDone, "isn't done");
  // With the deed said ("la que había que borrar …"), it is kept: "i meant to borrar the …".
  for (const cleft of [CLEFT_MEANT[language] ?? []].flat())
    t = t.replace(cleft, (...m) => {
      const verb = (m.at(-1) as { verb?: string } | undefined)?.verb;
      return `${m[1]}i meant ${verb ? `to ${verb} ` : ""}${verb ? m[3] : m[2]}`;
    });
  if (language === "de")
    t = reorderClosed(
      t
        .replace(DE_THANKS_LAST, "")
        .replace(DE_ONLY_MEANT, "$1 ")
        .replace(DE_OBJECT_FIRST, "$1$3 $4$2 ")
        .replace(DE_OBJECT_REPORT, "$1ich hab $2 $3$4")
        .replace(DE_MOVED_PASSIVE, "got moved to $1")
        .replace(DE_ALL_DUE, "alles von $1 ")
        .replace(DE_ORDINAL_AT, (_all, place: string) => `for the ${DE_PLACES[place.toLowerCase()]} one`)
        .replace(DE_WEEKDAY_PART, "$1 $2")
        // "am Donnerstag Abend um 8": the evening's 8 is 20:00 (a 24-hour clock from here on).
        .replace(
          DE_PART_CLOCK,
          (_all, part: string, h: string, m: string | undefined) =>
            `${part} um ${+h < 12 ? +h + 12 : +h}:${m ?? "00"} Uhr`,
        )
        .replace(DE_REMIND_LAST, "$1remind me $2")
        .replace(DE_RENAME_UM_IN, "rename $1 to")
        .replace(DE_TAG_AT, "tag $1 with $2")
        .replace(DE_DAY_MONTH, (all, d: string, m: string) =>
          +d >= 1 && +d <= 31 && +m >= 1 && +m <= 12 ? `${+d}. ${DE_MONTHS[+m - 1]}` : all,
        ),
      trace,
    )
      // "am 2. Jänner Pickerl machen lassen, bitte eintragen": the command said last, after the thing, goes first.
      .replace(DE_COMMAND_LAST, "$1$3 $2")
      .replace(DE_DAY_ONLY, (all, d: string) => (+d >= 1 && +d <= 31 ? `on the ${ordinal(+d)}` : all));
  const weekdayDay = WEEKDAY_DAY[language];
  if (weekdayDay)
    t = t.replace(weekdayDay, (all, lead: string | undefined, d: string) =>
      +d >= 1 && +d <= 31 ? `${/^(?:al|au)$/i.test(lead ?? "") ? "to" : "on"} the ${ordinal(+d)}` : all,
    );
  t = dayOnly(t, language);
  // "les chapons c'est commandé", "la premiere c'est payé": the thing, then its state.
  if (language === "fr")
    t = t.replace(FR_THING_STATE, (all, thing: string, state: string) =>
      /^bon$/i.test(state) || (!FR_STATE_ROWS.has(state.toLowerCase()) && FR_DONE_STATES.test(state))
        ? `${thing} is done`
        : all,
    );
  if (language === "fr")
    t = t.replace(ELIDED_PRONOUN, (word, verb: string) => (VERBS.fr.has(unmarked(verb)) ? `l' ${verb}` : word));
  if (language !== "en")
    t = frontClitics(applyForeign[language](splitClitics(politeImperatives(t, language), language), trace), language);
  // "would you mind putting a note on …": the command after "mind" is a gerund.
  t = t.replace(MIND_GERUND, (all, lead: string, verb: string) => {
    const base = baseOfGerund(verb);
    return base ? lead + base : all;
  });
  // "1hr", "30mins": a unit typed onto its number is its own word for the text-speak rows.
  t = applyTextSpeak(t.replace(/\b(\d+)(hrs?|mins?)\b/gi, "$1 $2"), trace)
    .replace(ABOUT_IT_LAST, "$1 $3 $2")
    .replace(TOPIC_THEN_REMIND, "$2 about $1 ")
    .replace(FIELD_AFTER_TASK, "$1 $3 from $2")
    .replace(SOMEONE_MOVED_IT, "move $1 $2")
    .replace(SOMEONE_MOVED_THE, "move $1 $2")
    .replace(PUT_IN_TAG, "tag $1 $2")
    .replace(IS_BEFORE_STATE, " is")
    .replace(WEEKDAY_BEFORE_DAY, "the ")
    .replace(BARE_HOUR, "$1at $2$3");
  if (language === "en")
    t = fixSpelling(t)
      .replace(YOU_CAN_AFTER, "$1$3 $2$4")
      .replace(REASON_SO_PRIORITY, ", ")
      .replace(PLUS_AND, " and ")
      .replace(FINISHED_STUFF, "all completed tasks")
      .replace(WORKS_BETTER, "make it $1")
      .replace(BRING_FORWARD, "move $1 $2")
      .replace(HOUR_BEFORE_PART, "$2 at $1")
      .replace(LIKE_THE_OTHER, "")
      .replace(MILITARY_TIME, (_all, h: string, m: string) => `${+h % 12 || 12}:${m}${+h < 12 ? "am" : "pm"}`)
      .replace(ASKED_WHETHER, (_all, who: string, aux: string) => `${aux} ${who.toLowerCase() === "i" ? "I" : who}`);
  // "Otra pregunta: …" with its lead taken away leaves the colon.
  return {
    text: t
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^[,:;]\s*/, "")
      .replace(/([,;])\s*:\s*/g, "$1 ")
      // "and while you're at it, call it …" with the aside read as nothing leaves "and ,".
      .replace(/\b(and|then|also)\s+,\s*/gi, "$1 ")
      // "j'ai payé le loyer, enfin." with its "enfin" read as nothing leaves a comma before the stop.
      .replace(/\s*,\s*(?=[.!?](?:\s|$))/g, ""),
    language,
  };
}
