// Phrasing knowledge as data: the word tables the normaliser applies before any intent is
// looked for. Teaching the interpreter a new spelling, abbreviation or foreign command word
// is adding a row here (and a case in cases/*.jsonl that uses it), not writing a new pattern.
//
// Each row: [what people type, what the parsers read]. Matching is by whole words, ignoring
// case; longer phrases win over shorter ones. A row may carry a `when` condition on the
// words around it, for abbreviations that are also ordinary words ("sun" cream vs "sun 3pm").
// One file (over 300 lines): a table (data), kept whole so every word row is found in one place.

export type Row = readonly [from: string, to: string, when?: { before?: RegExp; after?: RegExp }];

// A weekday abbreviation that is also a word counts only next to a date connector or a time.
const DATE_SLOT = { before: /\b(?:on|by|next|this|until|till|due|before|after|every|from|to|meant|not|make\s+(?:it|that))\s+$/i };
const TIME_NEXT = { after: /^\s+(?:at\s+)?\d/ };
// "demain, plutôt lundi", "am Samstag, lieber am Sonntag": after a comma, the word takes a date back.
const AFTER_COMMA = { before: /,\s*$/ };

// "merci, moi aussi 🙂": said last, a reply to us ("ajoute moi aussi du pain" is a title's words).
const SAID_LAST = { after: /^[\s.!?…]*(?:\p{Extended_Pictographic}(?:\s|\u{FE0F})*)*$/u };

// "a pressie for jess sat": the message's last word, after anything but a subject ("where I sat").
const LAST_WORD = { after: /^\s*[.!?]*$/, before: /(?<!\b(?:i|we|he|she|they|you|it|was|had|have|just))\s+$/i };

// "move the 3rd to wednesday": an ordinal right after a command and "the" picks from a list (not "on the 3rd").
const VERB_THE = {
  before: /\b(?:move|push|delete|remove|mark|complete|finish|tick|check|drop|bump|shift|reschedule|rename|tag|do|(?:knock|tick|check|cross)\s+off)\s+the\s+$/i,
};

// "knock off the 2nd and 4th": the second of two places in the list.
const ORDINAL_PAIR = { before: /\b(?:1st|2nd|3rd|4th|first|second|third)\s+(?:and|&|or)\s+$/i };
const ONE_AHEAD = { after: /^\s+(?:one|task|item)s?\b/i };

/** Text-speak, chat abbreviations and misspellings → plain English. */
// "an hour before it starts": the due moment is when it starts ("before it starts raining" is no reminder).
const BEFORE_IT_STARTS = { before: /\b(?:before|earlier|ahead)\s+$/i, after: /^\s*(?:[.,!?]|$)/ };
export const TEXT_SPEAK: Row[] = [
  // "tomorrow by noon": a deadline at noon is due at noon (chrono reads "at noon", not "by noon").
  ["by noon", "at noon"],
  ["2moro", "tomorrow"], ["2morrow", "tomorrow"], ["tmrw", "tomorrow"], ["tmrrw", "tomorrow"], ["tmr", "tomorrow"],
  ["tmw", "tomorrow"], ["tomoz", "tomorrow"], ["tommorow", "tomorrow"], ["tomorow", "tomorrow"], ["tommorrow", "tomorrow"],
  ["2day", "today"], ["tday", "today"], ["2nite", "tonight"], ["tmrow", "tomorrow"], ["2night", "tonight"], ["tonite", "tonight"],
  ["pls", "please"], ["plz", "please"], ["plse", "please"], ["thx", "thanks"], ["thnx", "thanks"], ["thanx", "thanks"],
  ["tnx", "thanks"], ["wats", "what's"], ["whats", "what's"], ["whens", "when's"], ["u", "you"], ["or not", "", { after: /^\s*\?/ }], ["or nah", "", { after: /^\s*\?*\s*$/ }], ["del", "delete", { after: /^\s+(?:it|that|this|them|those|the|task)\b/i }], ["del", "delete", { before: /(?:^|[,;.!?]|\b(?:ok|okay|pls|please|and|then|now|so|also|just|can\s+you|could\s+you|pls\s+can\s+u))\s*$/i, after: /^\s+#?\d/ }], ["kindly", "please"], ["my hubby", "my husband"], ["n", "and", { before: /^\s*$/, after: /^\s+(?:tag|move|push|add|mark|make|delete|remind|put)\b/i }], ["n", "and", { before: /^\s*$/, after: /^\s+(?:the|that|this|those|#\d)\b/i }], ["hubby", "my husband"], ["previous night", "the night before"], ["the previous day", "the day before"], ["do the needful and", ""], ["manage to", "", { before: /\b(?:did|do|can|could)\s+(?:i|we|you)\s+$/i }], ["since the start of the month", "since the 1st"], ["split them up:", "move"],
  // Dictation and hurried typing: "… at two in the afternoon period", "sined the feild trip form finaly", "ad … plz".
  ["period", ".", { before: /\b(?:done|am|pm|afternoon|morning|evening|tonight|tomorrow|today|\d)\s+$/i, after: /^\s*$/ }],
  ["finaly", "finally"], ["totaly", "totally"], ["sined", "signed"], ["feild", "field"],
  ["ad", "add", { before: /^\s*$/, after: /^\s+(?!(?:copy|campaign|spend|budget|account|agency|review|creative|banner|slot|break|sales|team|hoc|revenue|blocker|blockers|block|network|placement|design|mockups?|proofs?|space|buys?|run|launch|reports?|tests?|platform|manager|text|video|script|poster|deadline|ads)\b)\p{L}/iu }], ["jobs", "tasks", { before: /^\s*(?:(?:pls|please|can\s+you|could\s+you)\s+)?(?:move|push|shift|bump|delete|remove|show|list|tag)\s+(?:all|every)\s+(?:(?:my|the|of\s+my|of\s+the)\s+)?[\p{L}-]+\s+$/iu }], ["prepone", "move"], ["beforehand", "before"], ["itself", "", { before: /\b(?:today|tomorrow|tonight|now)\s+$/i }], ["na", "", { before: /\p{L}\s+$/u, after: /^\s*[.!?]*\s*$/ }], ["ah", "", { before: /\p{L}\s+$/u, after: /^\s*[.!?]*\s*$/ }], ["hi", "high", { before: /(?:^|[,;:]\s*|\b(?:make\s+it|it'?s|set\s+(?:it\s+)?to|as)\s+)$/i, after: /^\s+prio(?:rity)?\b/i }], ["did not", "didn't"], ["in morning", "in the morning"], ["in evening", "in the evening"], ["in afternoon", "in the afternoon"], ["yday", "yesterday"], ["ur", "you're", { after: /^\s+(?:at\s+it|welcome|the\s+best|so\s+\w+|a\s+(?:star|legend|lifesaver|gem))\b/i }], ["ur", "your"], ["r", "are"], ["wat", "what"], ["wht", "what"], ["wot", "what"], ["wut", "what"],
  ["evry", "every"], ["evrey", "every"], ["thru", "through"], ["hav", "have"], ["hv", "have"], ["n", "and"], ["b4", "before"], ["abt", "about"], ["w/", "with"], ["w", "with", { after: /^\s+(?:the|my|a|an|that|this|it|him|her|them|[A-Z]\p{L}+)\b/u }], ["bc", "because"],
  ["cuz", "because"], ["put in", "add", { before: /(?:^|\b(?:please|pls|can\s+you|could\s+you)\s+)$/i, after: /^\s+(?:a|an|my)\s/i }],
  // "move everything from today to monday": the tasks due that day, not a range of days.
  ["from", "due", { before: /\b(?:move|push|shift|bump|reschedule|postpone)\s+(?:everything|all(?:\s+(?:my\s+)?(?:tasks|stuff|things))?)\s+$/i, after: /^\s+(?:today|tomorrow|yesterday|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:to|till|until|onto)\s+\S/i }], ["em", "them", { before: /\b(?:check|tick|cross|mark|knock|move|push|bump|delete|remove|bin|ditch|drop|finish|complete|tag|do|did|get|got|put|make|set)(?:s|ed|ing)?\s+$/i }], ["gonna", "going to"],
  // "the Atlantic Sail's held outside, push her to monday": a ship (or car) moved is the task.
  ["her", "it", { before: /\b(?:push|move|bump|shift|reschedule|postpone)\s+$/i, after: /^\s+(?:to|back|forward|till|until|out)\b/i }], ["wanna", "want to"], ["gotta", "have to"], ["lemme", "let me"],
  ["mins", "minutes"], ["min", "minutes"], ["hr", "hour"], ["hrs", "hours"],
  ["wk", "week"], ["wks", "weeks"], ["nxt", "next"], ["asap", "asap"], ["eod", "end of day"],
  ["mon", "monday", DATE_SLOT], ["mon", "monday", TIME_NEXT], ["tue", "tuesday"], ["tues", "tuesday"],
  ["wed", "wednesday", DATE_SLOT], ["wed", "wednesday", TIME_NEXT], ["weds", "wednesday"], ["thu", "thursday"],
  ["thur", "thursday"], ["thurs", "thursday"], ["fri", "friday"], ["sat", "saturday", DATE_SLOT], ["sat", "saturday", TIME_NEXT], ["sat", "saturday", LAST_WORD],
  ["sun", "sunday", DATE_SLOT], ["sun", "sunday", TIME_NEXT],
  // "push it 2 tomorrow", "the gym 1": digits standing for words.
  ["2", "to", { after: /^\s+(?:tomorrow|today|tonight|tmrw|tmr|2moro|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|next|the\s+\d)\b/i, before: /\b(?!(?:flat|apt|apartment|room|unit|suite|floor|level|gate|platform|table|chapter|ch|part|step|phase|stage|round|grade|year|bus|line|block|ward|bed|court|pitch|lot|box|page|season|episode|ep|vol|lesson|module|week|day|no|number|task|item)\s+$)[a-z0-9]*[a-z]\s+$/i }],
  ["1", "one", { before: /\bthe\s+[a-z]+\s+$/i }],
  // "make the 2nd 1 high priority", "not that 1, the 1st" (not "push that 1 hour later").
  ["1", "one", { before: /\b(?:the\s+\d{1,2}(?:st|nd|rd|th)|that|this|which|other)\s+$/i, after: /^(?!\s*(?:[:.]\d|h\b|hrs?\b|hours?\b|mins?\b|minutes?\b|days?\b|weeks?\b|months?\b|[ap]\.?m\b))/i }],
  // Chat words for a reminder: "ping me at 5 about the rent", "nudge me to call Jo tomorrow".
  ["ping me", "remind me"], ["nudge me", "remind me"], ["alert me", "remind me"],
  // "an hour before it starts": before the due moment, which is when it starts.
  ["it starts", "", BEFORE_IT_STARTS], ["it begins", "", BEFORE_IT_STARTS],
  // "just got off the phone w the pediatrician": the call was made.
  ["got off the phone with", "called"], ["got off the phone w", "called"],
  // "I should like to be reminded to pay the rates": a formal "remind me to".
  ["i should like to be reminded to", "remind me to"], ["i should like to be reminded about", "remind me about"], ["if you would be so kind", "please"], ["while you are at it", ""], ["while you're at it", ""], ["i would be grateful if you could", "could you"], ["i'd be grateful if you could", "could you"], ["i would like to be reminded to", "remind me to"], ["i'd like to be reminded to", "remind me to"],
  // "remind us the evening before": a couple's list is still one account's.
  ["remind us", "remind me"],
  // "can you open it again?": reopen it.
  ["open it again", "reopen it"],
  // "I need to remember of pay the rent": a learner's "remember to".
  ["remember of", "remember to", { after: /^\s+[a-z]+\s/i }],
  // "give me a reminder an hour before the retro": a reminder asked for, not a list ("give me my tasks").
  ["give me a reminder", "remind me"], ["send me a reminder", "remind me"], ["give me a heads up", "remind me"], ["give me a nudge", "remind me"],
  // "need 2 call the bank", "have 2 pay rent": "to" before a verb.
  ["2", "to", { before: /\b(?:need|have|got|want|going|remember|forget)\s+$/i, after: /^\s+[a-z]/i }],
  ["2", "to", { before: /\bremind\s+me\s+$/i, after: /^\s+(?!(?:hours?|hrs?|minutes?|mins?|days?|weeks?|h)\b)[a-z]/i }],
  ["nite", "night"],
  // "the invites went out this afternoon", "the package for marco went out": things that go out were sent.
  ["went out", "were sent", { before: /\b(?:(?:invites?|invitations?|letters?|cards?|e-?mails?|newsletters?|invoices?|parcels?|packages?|forms?|orders?)(?:\s+(?:for|to)\s+\S+(?:\s+\S+)?)?|(?:1st|2nd|3rd|first|second|third|last|other)\s+one)\s+$/i }],
  ["ty", "thanks"], ["tysm", "thanks"], ["tyvm", "thanks"], ["prio", "priority"], ["pri", "priority", { before: /\b(?:high|low|medium|top)\s+$/i }],
  // "what'd I finish", "when'd we pay it": a past question ("what would" has no "I get done" after it).
  ["what'd", "what did", { after: /^\s+(?:i|we)\b/i }], ["when'd", "when did", { after: /^\s+(?:i|we)\b/i }],
  // "wat's due", "pls ad a task: …" (a command word one letter short, where only a command fits).
  // "and the third also": "also" ending a message is "too".
  ["also", "too", { before: /\S\s+$/, after: /^\s*[.!?]*\s*$/ }], ["also", "", { before: /\badd\s+$/i }],
  // "the 2nd one", "the top one": a place in the list shown.
  ["1st", "first", ONE_AHEAD], ["2nd", "second", ONE_AHEAD], ["3rd", "third", ONE_AHEAD], ["3rd", "third", VERB_THE], ["2nd", "second", VERB_THE], ["4th", "fourth", ORDINAL_PAIR], ["4th", "fourth", ONE_AHEAD],
  ["top", "first", ONE_AHEAD], ["bottom", "last", ONE_AHEAD],
  // "a week from today", "arvo" (Australian: afternoon).
  ["from today", "", { before: /\b(?:days?|weeks?|months?)\s+$/i }], ["arvo", "afternoon"],
  ["arvo tmrw", "tomorrow afternoon"],
  // "tomorrow in the afternoon", "friday in the morning": a part of a named day.
  ["in the", "", { before: /\b(?:today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+$/i, after: /^\s+(?:morning|afternoon|evening)\b/i }],
  ["wat's", "what's"], ["taks", "task"], ["ad", "add", { before: /(?:^|\b(?:please|pls|plz|you|u)\s+)$/i, after: /^\s+(?:a|an|the|new|to|task)\b/i }],
];

/**
 * The words a command turns on, which a misspelling would hide from the parsers ("compelte",
 * "delte", "thrusday"). An unknown word one edit (or one swapped pair, or two edits in a long
 * word) away from exactly one of these is read as it (normalize.ts `fixSpelling`).
 */
export const SPELLED_WORDS = [
  "add", "complete", "completed", "delete", "deleted", "remove", "removed", "finish", "finished", "mark", "change", "rename",
  "reschedule", "postpone", "cancel", "move", "show", "list", "remind", "reminder", "priority", "urgent", "important",
  "tomorrow", "today", "tonight", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "weekend", "overdue", "everything", "morning", "afternoon", "evening", "first", "second", "third", "already",
  "actually", "anything", "other", "before",
];

/** Words in front of a command that say nothing about it ("yo", "lol wait", "ugh."). */
export const INTERJECTIONS = [
  "yo", "lol", "lmao", "haha", "hahaha", "hehe", "ugh", "argh", "hmm", "hm", "hmmm", "oh", "ooh", "oops", "whoops",
  "wait", "uh", "um", "er", "ah", "aah", "meh", "welp", "oof", "ok so", "okay so", "so", "k", "kk", "alright so",
  "wait no", "oh no", "no wait", "no sorry", "nope", "fine", "too bad", "oh well", "schade", "dommage", "qué pena", "que pena", "lástima", "uy", "ay", "vale", "bueno", "bon", "bah", "alors", "euh", "ah bon",
  "ähm", "äh", "ach", "naja", "na ja", "okay also", "ok also", "listo", "forgot", "i forgot", "almost forgot", "before i forget", "btw",
  "by the way", "anyway", "finally", "at last", "at long last", "che", "parce", "fair enough", "dale", "pues", "passt",
  "oh dear", "damn", "carallo", "at some point", "someday", "eventually", "quick one", "quick q", "eh", "i am afraid", "i'm afraid", "for my records", "for the record", "au fait",
];

/** The languages the interpreter reads and answers in. */
export type Language = "en" | "es" | "fr" | "de";
export type Foreign = Exclude<Language, "en">;

// German: a date word or a clock time follows ("auf Freitag", "um 17 Uhr" is chrono's).
const DE_DATE_AHEAD = {
  after: /^\s+(?:(?:den|dem|nächsten?|nächste|kommenden?|diesen?|dieses|spätestens)\s+)?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|übermorgen|heute|nächste|kommende|ende|\d|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)/i,
};
// "jeden Montag", "cada lunes", "chaque lundi": recurrence.ts reads English weekday names.
// "cada lunes", and the second day of "cada lunes y jueves".
const EVERY_BEFORE = { before: /\b(?:every|jeden|jede|jedes|cada|todos\s+los|los|chaque|tous\s+les|nächsten|kommenden|next)\s+(?:(?:zweiten|zweite|other|ersten|erste|first)\s+)?(?:\p{L}+\s+(?:y|et|und|and|pis)\s+(?:les\s+|los\s+|die\s+)?)?$/iu };
// "décale la tâche 3 à lundi", "mueve la tarea 2 al viernes": the target day of a move.
// "passe la déclaration en priorité haute": "passer" sets a priority here, elsewhere it is a title's word ("passer au pressing").
const FR_PRIORITY_LATER = { after: /^\s.*\ben\s+(?:(?:haute|basse)\s+)?priorit/i };
// "remets-la à lundi", "passe la deuxième à vendredi": a day further on makes the verb a move.
const FR_TO_DAY = { after: /^\s+(?:[^\s,.;!?]+\s+){0,5}(?:à|au|pour)\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|après-demain|la\s+semaine|\d)/i };
const FR_DAY_AHEAD = { after: /^\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|après-demain|la\s+semaine)\b/i };
// "efface la 4", "borra la 3": a task's number after the feminine article (la tarea / la tâche), not a date.
// "das Datum bei X", "die Priorität vom X": the task whose date or priority it is.
const FIELD_BEHIND = { before: /(?:date|datum|priorität|priority)\s+$/i };
const TASK_NUMBER_AHEAD = { after: /^\s*#?\d{1,3}(?![\d:h]|[.,]\d)(?!\s+(?:de|del|h|heures?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)/i };
// "ya terminé la 3": a report about a task named by its number.
const TASK_NUMBER_AHEAD_LA = { after: /^\s+(?:la\s+)?#?\d{1,3}(?![\d:])/i };
const ES_ADD_BEFORE = /(?<![\p{L}])(?:apúntame|apunta|anotá|anótame|anota|agrégame|agrega|añade)(?![\p{L}])/iu;
// "el jueves por la tarde", "mañana en la noche": a part of the day right after its day.
const ES_DAY_BEHIND = { before: /(?<![\p{L}])(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|mañana)\s+$/iu };
const ES_ORDINAL_AHEAD = { after: /^\s+(?:la|el)\s+(?:primera|segunda|tercera|cuarta|última|otra|primero|segundo|tercero|cuarto|último|otro)\b/i };
const ES_DAY_AHEAD = { after: /^\s+(?:(?:el\s+)?(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|mañana|pasado\s+mañana|la\s+semana|la\s+próxima)\b/i };
// "quiero eliminar …", "je voudrais supprimer …": a wish that is really the command after it.
const ES_COMMAND_AHEAD = { after: /^\s+(?:borrar|eliminar|quitar|marcar|completar|terminar|mover|cambiar|renombrar|aplazar|reabrir)\b/i };
const FR_COMMAND_AHEAD = { after: /^\s+(?:supprimer|effacer|enlever|marquer|terminer|déplacer|décaler|renommer|reporter|repousser|rouvrir|changer|modifier)\b/i };
// "nächsten Freitag" is the coming one, as "next friday" (chrono.de reads it as next week's).
const WEEKDAY_AHEAD = { after: /^\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b/i };
// German "es"/"das" stand for the task only right after a command verb ("verschiebe es …"): the
// first word of the message. "es", "sie", "ihn" (never articles) also after a clause's first word
// ("das ist dringend, setz es auf hohe Priorität"); "…, übermorgen das Auto zu waschen" keeps its "das".
const AFTER_VERB = { before: /^\s*(?:\S+\s+){1}$/ };
const AFTER_CLAUSE_VERB = { before: /(?:^|[,;:.!?])\s*(?:(?:und|dann|bitte)\s+)?[^\s,;:.!?]+\s+$/i };
// "benenne X in Y um", "ändere den Titel von X zu Y": "in"/"zu" is "to" only there.
const RENAME_BEFORE = { before: /\b(?:rename|benenne?|umbenennen|titel\s+von|namen\s+von|title\s+of)\b.+\s$/i };
// "und" joins two commands ("lösche 2 und 3", "… und erinnere mich …"); inside a title it stays.
const DE_COMMAND_AHEAD = {
  after: /^\s+(?:#?\d|(?:die\s+)?aufgabe\b|erinner|lösch|füg|verschieb|markier|erledig|hak|zeig|setz|änder|benenn|trag|mach|entfern|streich|gib|remind|add|delete|move|mark|complete)/i,
};
// "enlève l'étiquette urgent du rapport / de la tâche 5": after a tag's name, "du"/"de" is "from".
const TAG_NAMED_FR = { before: /(?<!\p{L})(?:étiquette|tag)\s+#?[\p{L}\p{N}_-]+\s+$/iu };
// Changes to an existing task said in another language ("rappelle-moi deux heures avant", "ponle la
// etiqueta casa", "gib ihm niedrige Priorität"): units before "before", and "and" in front of a command.
const UNIT_BEFORE = { before: /\b(?:\d+|une?|dos|tres|deux|trois|quatre|media|demi|diez|quince|veinte|treinta|dix|quinze|vingt|trente)\s+$/i };
const UNITS_BEHIND = { before: /\b(?:hora|horas|minutos?|mins?|días?|semanas?|heures?|minutes?|jours?|semaines?)\s+$/i };
const COUNT_AHEAD = { after: /^\s+(?:horas|minutos|días|semanas|heures|minutes|jours|semaines)\b/i };
const CLOCK_BEHIND = { before: /\d(?::\d\d|h\d*)?\s+$/i };
// "um 10 Uhr vormittags": German may say "Uhr" between the time and the part of the day.
const DE_CLOCK_BEHIND = { before: /\d(?::\d\d)?(?:\s+uhr)?\s+$/i };
const FR_INFINITIVE_AHEAD = { after: /^\s+\p{L}{3,}(?:er|ir|re)(?![\p{L}'’])/iu };
// "setz die auf hohe Prio", "verschieb das auf Montag": "die"/"das" is the task talked about when no noun follows.
const DE_PRONOUN_OBJECT = {
  before: /\b(?:setz|setze|lösch|lösche|verschieb|verschiebe|schieb|verleg|hak|erledige)\s+$/i,
  after: /^\s*(?:(?:auf|bitte|mal|doch|gleich|noch|jetzt|wieder|zurück|ab|raus|weg|um|als|lieber|auch|prio|priorität)(?![\p{L}])|[,.!?]|$)/iu,
};
// "bin noch total müde": how one feels, said before the feeling.
const MOOD_AHEAD_DE = { after: /^\s+(?:(?:noch|so|total|echt|voll|ziemlich|sehr)\s+)*(?:müde|kaputt|erschöpft|platt|gestresst)(?![\p{L}])/iu };
const ES_AND_AHEAD = { after: /^\s+(?:avísame|recuérdame|ponle|pon|ponla|ponlo|márcala|márcalo|marca|muévela|muévelo|mueve|pásala|pásalo|pasa|cambia|bórrala|bórralo|borra|quita|quítale|añade|apunta|agrega|anota|aplaza|completa|termina|elimina|deshaz|reabre|renombra)\b/i };
const AT_START = { before: /^\s*$/ };
// "et pour les photos du mariage, mets une échéance à mercredi": the task said first, then the change.
const FR_TOPIC_FIRST = {
  before: /(?:^|[,.;!?]|\b(?:et|bon|ok|alors))\s*$/i,
  after: /^\s+(?:les?|la|l['’]|mon|ma|mes|ton|ta|tes)\s*\p{L}[^,]*,/iu,
};
// "et le cadeau pour Mathilde pareil", "y lo del banco igual": the same change, said last, after a
// task ("me da igual", "c'est pareil" say something else).
const SAME_LAST = { before: /^\s*(?:y|et|und|and)\s+(?!.*\b(?:da|es|sea|lo|est|c'est|ist|das|mir)\s+$).+\s$/i, after: /^\s*[.!?]*\s*$/ };
// At the start, or after one word and a comma ("oye, me cambiaron …").
const LEAD_AT_MOST = { before: /^(?:\s*\p{L}+\s*,)?\s*$/u };
// "la cita la pasan al martes": a day or time follows the move ("la pasan a buscar" is a pick-up).
const ES_TO_AHEAD = {
  after: /^\s+(?:al|para|pa)\b|^\s+a\s+(?:las?\s+\d|mañana|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)/iu,
};
// "¿a qué hora quedó lo del dentista?": asked first ("añade preguntar a qué hora quedó …" is a task's words).
const QUESTION_LEAD = { before: /(?:^|[,.;!?¿]\s*)(?:(?:y|oye|che|bueno)\s+)?$/i };
// "la 2 y la 5 ya están": a report on tasks named by number or place, ending its clause ("las fotos ya
// están" may only mean ready).
const CLAUSE_END = {
  before: /\b(?:la|el|las|los)\s+(?:\d+|primer[ao]?|segund[ao]|tercer[ao]?|últim[ao])\s+$/iu,
  after: /^\s*(?:[,.;!]|$)/,
};
// "cada semana", "tous les mois", "jeden Monat": the unit of a repeat (recurrence.ts reads English units).
const EVERY_UNIT = { before: /\b(?:cada|todos\s+los|todas\s+las|chaque|tous\s+les|toutes\s+les|jeden|jede|jedes|every)\s+(?:(?:\d+|dos|tres|deux|trois|two|three|other)\s+)?$/i };
// "erinnere mich morgen an den Zahnarzt": "an den" is "about" only after "erinnere mich".
const REMIND_BEFORE = { before: /\berinnere?\s+mich\b(?!.*\b(?:an|about)\b).*\s$/i };
// A participle in a question about what was done ("las tareas que ya he completado", "qu'est-ce que j'ai
// terminé cette semaine ?"): only with a question word before it and nothing but a period after it, so
// a report ("he terminado el informe", "j'ai terminé le rapport") keeps its verb for PAST_TENSE.
const ES_DONE_ASKED = {
  before: /(?:^|[^\p{L}])(?:qué|que|cuáles?|tareas)(?![\p{L}]).*\s$/iu,
  after: /^\s*(?:[?.!,]|$|(?:esta|este|hoy|ayer|la\s+semana|el\s+mes|el\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo))(?![\p{L}]))/iu,
};
const FR_DONE_ASKED = {
  before: /(?:\bqu['’]|\bque\b|\bquoi\b|\bquel(?:le)?s?\b|\btâches\b).*\s$/i,
  after: /^\s*(?:[?.!,]|$|(?:cette|ce|cet|hier|aujourd'hui|la\s+semaine|le\s+mois|depuis|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\p{L}]))/iu,
};

/**
 * Command words of other languages → the English the parsers read, one table per language
 * (the normaliser applies the table of the language `LANGUAGE_HINTS` found). Titles keep the
 * user's words (only these rows are replaced): "apunta lavar el coche mañana" becomes "add lavar
 * el coche tomorrow" and the task is "Lavar el coche".
 *
 * Dates: weekdays, month dates and clock times ("el 5 de marzo", "vendredi à 17h", "am 5. März
 * um 17 Uhr") are left for chrono's own locale parsers (dates.ts). The date rows kept here are
 * words whose English form later stages read (intents/list.ts turns "today"/"tomorrow"/"this
 * week"/"next week" into `due` filters; dates.ts reads "next week" as its Monday and a part of
 * the day as a stand-in hour) or that a locale parser misreads: chrono.es reads "pasado mañana"
 * and chrono.fr "après-demain" as tomorrow, chrono.de reads "nächste Woche" as in 7 days and the
 * "fr" of "morgen früh" as Friday, and none knows "la próxima semana" or "diese Woche".
 */
// "el miércoles no el martes", "jeudi pas mardi", "mittwoch nicht dienstag": the day said instead of another.
const dayNotDay = (days: string, article: string) => ({
  before: new RegExp(String.raw`\b(?:${days})\s+$`, "iu"),
  after: new RegExp(String.raw`^\s+(?:${article}\s+)?(?:${days})\b`, "iu"),
});
const ES_DAY_NOT_DAY = dayNotDay("lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|mañana|hoy", "el");
// "la réunion est décalée à lundi": news of the task, not words of a new one ("ajoute appeler Julien, le
// match est reporté à samedi", "vérifier si le vol est reporté").
const FR_NEWS = { before: /^(?![\s\S]*\b(?:ajout\p{L}*|rajout\p{L}*|not\p{L}*|inscri\p{L}*|mets|vérifi\p{L}*|demand\p{L}*|si|que)\b)/iu };
const FR_DAY_NOT_DAY = dayNotDay("lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|aujourd'hui", "le");
const DE_DAY_NOT_DAY = dayNotDay("montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|heute", "am");
const ES_WEEKDAY_NEXT = /^\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b/i;

export const FOREIGN: Record<Foreign, Row[]> = {
  es: [
    ["que se repita", "make it repeat"], ["posterga", "postpone"], ["hasta mañana", "see you tomorrow", { before: /(?:^|[.!,]\s*)$/, after: /^\s*[.!]*\s*$/ }], ["cuántas cosas tengo", "how many do I have"], ["cuántas", "how many"], ["cuántos", "how many"], ["cuantas", "how many"], ["cuantos", "how many"], ["todas", "all", { before: /\b(?:\p{L}*las|\p{L}*los|them)\s+$/iu }], ["ponle también", "also give it"], ["todas las de hoy", "everything due today"], ["todas las de mañana", "everything due tomorrow"],
    ["añade", "add"], ["añadir", "add"], ["agrega", "add"], ["agregar", "add"], ["apunta", "add"], ["anota", "add"],
    ["crea", "add"], ["recuérdame", "remind me about", { after: /^\s+(?:it|them)\b/i }],
    // "y recuérdame una hora antes": a reminder ahead of the task just said, not a new one.
    ["recuérdame", "remind me", { after: /^\s+(?:una|un|media|\d+|dos|tres|cinco|diez|quince|veinte|treinta)\s+(?:hora|horas|minutos?|min|día|días)\s+antes\b/iu }], ["recuérdame", "remind me to"], ["muéstrame", "show me"], ["muestra", "show"], ["enséñame", "show me"], ["enseñame", "show me"],
    ["marca", "mark"], ["márcame", "mark"], ["completa", "complete"], ["termina", "complete"], ["borra", "delete"], ["elimina", "delete"], ["quita", "delete"],
    ["mueve", "move"], ["pasa", "move"], ["pasá", "move"],
    // "páselo al viernes" (usted); "el pase" is a pass, so only where a command starts.
    // "ay no, eso no. deshazlo": the change just made was not wanted.
    ["eso no", "not that", { after: /^\s*[.,!;]/ }],
    ["pase", "move", { before: /(?:^|[,.;:!?]\s*|\b(?:entonces|y|luego|mejor|ahora)\s+)$/i }], ["pase", "move", { after: /^\s+(?:it|them)\b/ }], ["aplaza", "postpone"], ["pospón", "postpone"], ["posponé", "postpone"], ["una semana", "a week"], ["cambia", "change"], ["sacá", "delete", { after: /^\s+(?:lo\s+del?|la\s+tarea|(?:la|el)\s+\d)\b/iu }], ["saca", "delete", { after: /^\s+(?:lo\s+del?|la\s+tarea|(?:la|el)\s+\d)\b/iu }], ["renombra", "rename"], ["deshaz", "undo"], ["deshacer", "undo"],
    ["reabre", "reopen"], ["vuelve a abrirla", "reopen it"], ["vuelve a abrirlo", "reopen it"], ["no lo hice", "isn't done"], ["cuándo tenía", "when is"], ["reabrí", "reopen"], ["ponme", "add"], ["me cambias", "change"], ["nomás", ""], ["al último", "the last one"], ["ya quedó", "done:"], ["entonces", "then", { after: /^\s*[.!?]*\s*$/ }], ["recuérdame lo del", "remind me about the"], ["me corrieron", "move", LEAD_AT_MOST], ["corre", "move", { before: /^\s*(?:(?:y|oye|che|porfa)[\s,]+)?$/i, after: /^\s+(?:la|el|lo|las|los)\s/i }], ["la pasan", "got moved", ES_TO_AHEAD], ["lo pasan", "got moved", ES_TO_AHEAD], ["la pasaron", "got moved", ES_TO_AHEAD], ["lo dejo", "move it", ES_TO_AHEAD], ["la dejo", "move it", ES_TO_AHEAD], ["lo dejamos", "move it", ES_TO_AHEAD], ["la dejamos", "move it", ES_TO_AHEAD], ["lo pasaron", "got moved", ES_TO_AHEAD], ["ya están", "are done", CLAUSE_END], ["ya estan", "are done", CLAUSE_END], ["me movieron", "move", LEAD_AT_MOST], ["me cambiaron", "move", LEAD_AT_MOST], ["que sea", "make it", { before: /^\s*(?:y\s+|and\s+)?$/i }], ["misma hora", ""], ["o todavía no", "", { after: /^\s*\?*\s*$/ }], ["qué tareas tengo", "what tasks do I have"], ["qué más tengo", "what else do I have"], ["qué tengo", "what do I have"], ["qué hay", "what is due"],
    ["qué vence", "what is due"], ["mis tareas", "my tasks"], ["tareas", "tasks"], ["tarea", "task"], ["una tarea", "a task"], ["una nueva tarea", "a new task"], ["la tarea", "task"],
    ["como hecha", "as done"], ["como hecho", "as done"], ["como completada", "as done"], ["como completado", "as done"], ["como terminada", "as done"],
    ["como pendiente", "as not done"], ["pendientes", "pending"], ["vencidas", "overdue"], ["vencido", "overdue"], ["vencidos", "overdue"], ["vencida", "overdue"], ["atrasado", "overdue"],
    ["qué me queda", "what do I have left"], ["qué me quedan", "what do I have left"], ["qué he", "what have I"], ["qué hice", "what did I do"], ["hay algo", "is there anything"], ["hay", "are there", { after: /^\s+(?!que\b)\S/i }], ["tengo algo", "do I have anything"], ["tengo alguna", "do I have any"],
    ["completado", "completed", ES_DONE_ASKED], ["completadas", "completed", ES_DONE_ASKED], ["terminado", "finished", ES_DONE_ASKED], ["hecho", "done", ES_DONE_ASKED],
    // Reminders and changes to an existing task ("avísame media hora antes", "ponle la etiqueta X", "a las 8 de la mañana").
    ["avísame", "remind me"], ["sería usted tan amable de avisarme", "could you remind me"], ["y", "and", AT_START], ["y", "and", { before: /^\s*(?:ah|oh|ay|uy|ok|vale|bueno|listo)[\s,!.]+$/i }], ["y", "and", ES_AND_AHEAD], ["ponele", "to", { before: /\bnombre\s+a\s+[^,]+,\s*$/i }], ["ponele", "give it"], ["ponle", "", { after: /^\s+(?:qu[eé]\s+me\s+avise|remind\s+me)\b/i }], ["ponle", "give it"], ["ponles", "give them"], ["me han cambiado", "move"], ["en alta", "to high priority"], ["con prioridad alta", "high priority"], ["con", "", { before: /\b(?:etiquétal[ao]s?|etiquetal[ao]s?|etiquet[ae]\s+(?:it|them))\s+$/i }], ["k tengo", "what do I have", AT_START], ["de", "for", { before: /^(?:y\s+)?(?:qué|que|k)\s+tengo\s+$/i }], ["qué me avise", "remind me about it"], ["dime", "tell me"], ["pon", "add", { after: /^\s+\p{L}+(?:ar|er|ir)\b/iu }], ["pon", "put"], ["en", "to", { after: /^\s+prioridad\b/i }],
    ["la etiqueta", "the tag"], ["una hora", "an hour"], ["media hora", "half an hour"], ["horas", "hours", UNIT_BEFORE], ["minutos", "minutes", UNIT_BEFORE],
    ["dos", "two", COUNT_AHEAD], ["diez", "ten", COUNT_AHEAD], ["quince", "fifteen", COUNT_AHEAD], ["veinte", "twenty", COUNT_AHEAD], ["treinta", "thirty", COUNT_AHEAD], ["tres", "three", COUNT_AHEAD], ["antes", "before", UNITS_BEHIND], ["el día antes", "the day before"],
    ["la noche anterior", "the night before"], ["un día antes", "a day before"], ["el recordatorio", "the reminder"], ["un recordatorio", "a reminder"], ["a qué hora era", "when is"], ["a qué hora es", "when is"], ["a que hora es", "when is", QUESTION_LEAD], ["a qué hora quedó", "when is", QUESTION_LEAD], ["repite", "repeat"], ["deja de repetir", "stop repeating"],
    ["todas las", "every"], ["día", "day", EVERY_UNIT], ["días", "day", EVERY_UNIT], ["semana", "week", EVERY_UNIT], ["semanas", "week", EVERY_UNIT], ["mes", "month", EVERY_UNIT],
    ["meses", "month", EVERY_UNIT], ["año", "year", EVERY_UNIT], ["años", "year", EVERY_UNIT], ["cada quince días", "every 2 weeks"],
    ["de la mañana", "am", CLOCK_BEHIND], ["de la tarde", "pm", CLOCK_BEHIND], ["de la noche", "pm", CLOCK_BEHIND],
    ["por", "to", { before: /\b(?:renombrar?|nombre\s+(?:a|de))\b[^:]+\s$/i }], ["para", "to", { before: /\btareas?\s+$/i }], ["de la lista", "from the list"], ["de mi lista", "from my list"], ["mostrarme", "show me"], ["lo pendiente", "pending tasks"], ["pendiente", "pending"],
    ["la primera", "the first"], ["el primero", "the first"], ["la segunda", "the second"], ["el segundo", "the second"],
    ["la tercera", "the third"], ["el tercero", "the third"], ["la cuarta", "the fourth"],
    // "no espera, la cuarta, no la tercera": the one meant, then the one not meant.
    ["espera", "wait", { before: /^\s*(?:no[\s,]+)?$/i }], ["no", "not", { before: /,\s*$/, after: /^\s+(?:la|el)\s+(?:primera|segunda|tercera|cuarta|última|otra|primero|segundo|tercero|cuarto|último|otro)\b/iu }], ["la última", "the last"], ["el último", "the last"], ["la otra", "the other one"], ["el otro", "the other one"], ["a la otra", "the other one", { before: /(?:[.…:,]|\bno)\s*$/i }],
    // "uy perdona, me he liado: la segunda", "desmárcala", "xfa".
    ["me he liado", "my mistake"], ["era", "i meant", ES_ORDINAL_AHEAD], ["otra pregunta", ""], ["no", "not", { before: /\b(?:primera|segunda|tercera|cuarta|última|primero|segundo|tercero|cuarto|último)\s+$/i, after: /^\s+(?:la|el)\s/i }], ["no", "not", ES_DAY_NOT_DAY],
    // "me equivoqué, era el monotributo no las expensas": the one meant, then the one not meant.
    ["no", "not", { before: /\b(?:era|eran|es|quise\s+decir|me\s+refería\s+a)\s+(?:el|la|los|las|lo\s+del?)\s+\p{L}+(?:\s+\p{L}+)?\s+$/iu, after: /^\s+(?:el|la|los|las|lo\s+del?)\s/i }],
    ["me podría apuntar", "could you add"], ["muchísimas gracias", "thanks so much"], ["es usted muy amable", "you're the best"], ["no mejor", "no, actually"], ["quise decir", "i meant"], ["atrasadas", "overdue"], ["atrasados", "overdue"], ["cuántas tengo", "how many do I have"], ["una preguntica", ""], ["una pregunta", ""], ["vuélvalo a abrir", "reopen it"], ["para cuándo era", "when is"], ["sería tan amable de", "could you"], ["mañana temprano", "tomorrow morning"], ["ándale", ""], ["córreme", "move"], ["lo de la", "the"], ["qué siempre no", "because not anymore"], ["me has salvado", "you saved my"], ["me salvaste la vida", "you saved my life"], ["mae", "mate", { before: /\bgracias\s+$/i }], ["añadirme", "add"], ["si es tan amable", "please"], ["muy amable", "thanks"], ["para cuándo tengo", "when is"],
    ["agrégale", "add", { after: /^\s+una\s+nota\b/i }], ["una nota", "a note"], ["perdone", "sorry"], ["desmarca", "reopen"], ["xfa", "please"],
    ["ya terminé", "finished", TASK_NUMBER_AHEAD_LA], ["ya la hice", "is done"], ["ya lo hice", "is done"], ["mejor", "actually", { before: /^\s*$/ }], ["mejor", "actually", ES_AND_AHEAD], ["mejor", "i mean", AFTER_COMMA],
    ["y también", "and also"], ["también", "also"], ["eso", "that"], ["esa", "that"], ["gracias", "thanks"],
    ["muchas gracias", "thanks"], ["le agradezco", "thank you"], ["mucho", "very much", { before: /\bagradezco\s+$/i }], ["se lo agradezco", "thank you"], ["que tenga buena noche", "have a good night"], ["que tenga una buena noche", "have a good night"], ["que tenga buen día", "have a good day"], ["que tenga un buen día", "have a good day"], ["que tenga buena tarde", "have a good afternoon"], ["que tengas buena tarde", "have a good afternoon"], ["que tengas buen día", "have a good day"],
    ["órale", "ok"], ["qué chido", "cool"], ["me podría decir", "could you tell me"], ["me puede mostrar", "can you show me"], ["me puedes mostrar", "can you show me"], ["lo qué tengo", "what I have"], ["me podrías decir", "could you tell me"], ["me puede decir", "can you tell me"], ["me puedes decir", "can you tell me"], ["eso es todo", "that's all"], ["cuéntame", "tell me"], ["un chiste", "a joke"], ["un cuento", "a story"], ["una historia", "a story"], ["un poema", "a poem"], ["nada más", "nothing else"], ["hola", "hello"], ["qué tal", "how are you"], ["buenas tardes", "good afternoon"], ["buenas noches", "good night"], ["me voy a dormir", "I'm going to sleep"],
    ["buen fin de semana", "have a good weekend"], ["hasta luego", "see you later"], ["ahí nos vidrios", "see you later"], ["adiós", "bye"], ["por hoy", "for today"], ["buenos días", "good morning"], ["bos días", "good morning"], ["para mañana", "for tomorrow"], ["para hoy", "for today"],
    ["pasado mañana", "the day after tomorrow"], ["mañana por la mañana", "tomorrow morning"], ["mañana por la tarde", "tomorrow afternoon"], ["esta mañana", "this morning"],
    // "mañana en la tarde" (Mexico), "el jueves por la noche": a part of the day after its day.
    ["en la tarde", "afternoon", ES_DAY_BEHIND], ["por la tarde", "afternoon", ES_DAY_BEHIND], ["en la noche", "evening", ES_DAY_BEHIND], ["por la noche", "evening", ES_DAY_BEHIND],
    ["mañana", "tomorrow"], ["hoy", "today"], ["ayer", "yesterday"], ["la semana pasada", "last week"], ["el mes pasado", "last month"], ["esta noche", "tonight"], ["esta tarde", "this afternoon"], ["esta semana", "this week"],
    ["la semana que viene", "next week"], ["la próxima semana", "next week"],
    ["lunes", "monday", EVERY_BEFORE], ["martes", "tuesday", EVERY_BEFORE], ["miércoles", "wednesday", EVERY_BEFORE],
    ["jueves", "thursday", EVERY_BEFORE], ["viernes", "friday", EVERY_BEFORE], ["sábado", "saturday", EVERY_BEFORE],
    ["domingo", "sunday", EVERY_BEFORE], ["sábados", "saturday", EVERY_BEFORE], ["domingos", "sunday", EVERY_BEFORE], ["cada", "every"], ["todos los días", "every day"], ["todos los", "every"], ["los", "on", { before: /\bsemanas?\s+$/i }], ["los", "every", { before: /(?<!\bsemanas?\s+)$/i, after: /^\s+(?:lunes|martes|miércoles|jueves|viernes|sábados|domingos)(?![\p{L}])/iu }],
    ["al", "to", ES_DAY_AHEAD], ["a", "to", ES_DAY_AHEAD], ["para el", "for", ES_DAY_AHEAD], ["es prioridad alta", "high priority"], ["es prioridad baja", "low priority"], ["prioridad alta", "high priority"], ["prioridad baja", "low priority"], ["prioridad media", "medium priority"], ["urgente", "urgente", { before: /(?:etiqueta\s+(?:de\s+)?|\btag\s+|\betiquet\p{L}*\s+(?:\S+\s+){0,3}como\s+)$/iu }], ["urgente", "urgent"], ["sí", "yes"], ["vale", "okay"],
    ["qué puedes hacer", "what can you do"], ["cómo funciona", "how does it work"], ["cómo funciona esto", "how does this work"], ["ayuda", "help"],
    ["está hecha", "is done"], ["está hecho", "is done"], ["está terminada", "is done"], ["está pendiente", "is still open"], ["sigue pendiente", "is still open"],
    ["borrar", "delete"], ["eliminar", "delete"], ["quitar", "delete"], ["marcar", "mark"], ["completar", "complete"], ["terminar", "complete"],
    ["mover", "move"], ["pasar", "move", { before: /(?<!\b(?:que|debo|necesito|have\s+to|need\s+to|must)\s*)$/i }], ["cambiar", "change"], ["modificar", "change"], ["renombrar", "rename"], ["mostrar", "show"], ["apuntar", "add"], ["anotar", "add"],
    ["crear", "add"], ["aplazar", "postpone"], ["reabrir", "reopen"],
    ["quiero", "I want to", ES_COMMAND_AHEAD], ["me puedes", "can you"], ["lo de", "the"], ["lo del", "the"], ["la prioridad de", "the priority of"], ["la prioridad del", "the priority of the"], ["a alta", "to high"], ["a baja", "to low"], ["a media", "to medium"],
    ["puedes", "can you"], ["podrías", "could you"], ["por favor", "please"], ["cuándo es", "when is"], ["cuándo vence", "when is"],
    // "¿tengo algo vencido?", "q tengo esta semana", "¿qué terminé ayer?", "quita la fecha del DNI".
    ["a la misma hora", ""], ["qué terminé", "what did i finish"], ["qué acabé", "what did i finish"], ["acabé", "finished"],
    ["qué completé", "what did i complete"], ["quita la fecha del", "remove the due date of the"], ["una fecha límite", "a due date"], ["una fecha limite", "a due date"], ["quitar la fecha del", "remove the due date of the"], ["quita la fecha al", "remove the due date of the"], ["quítale la fecha al", "remove the due date of the"], ["quítale la fecha a", "remove the due date of"], ["ya veré cuándo", "no rush"],
    // "añade la etiqueta marketing a la presentación": the tag goes "to" the task.
    ["a", "from", { before: /\b(?:quítale|quitale|sácale|sacale)\s+la\s+etiqueta\s+#?[\p{L}\d_-]+\s+$/iu }], ["a", "to", { before: /\bcambia\s+(?:it|them)\s+$/i, after: /^\s+\p{L}+(?:ar|er|ir)\b/iu }], ["a", "to", { before: /\betiqueta\s+#?[\p{L}\d_-]+\s+$/iu }],
    // "cada lunes y jueves": the second day of a weekly repeat.
    ["y", "and", { before: /\b(?:cada|every|todos\s+los)\s+\p{L}+\s+$/iu, after: ES_WEEKDAY_NEXT }],
    // Everyday and regional commands: "apúntame que …", "anotá que el lunes tengo que …" (voseo), "táchalo", "pásamela".
    ["apúntame", "add"], ["anótame", "add"], ["anotarme", "add"], ["anotá", "add"], ["agrégame", "add"], ["que", "", { before: /(?<![\p{L}])(?:apúntame|apunta|anotá|anótame|anota)\s+$/iu }],
    ["tengo que", "", { before: ES_ADD_BEFORE }], ["qué tengo que", "", { before: ES_ADD_BEFORE }],
    ["porfa", "please"], ["la", "task", TASK_NUMBER_AHEAD],
    // Voseo imperatives ("borrá", "recordame", "mostrame"), usted ("podría", "puede"), a pronoun joined to an infinitive
    // ("agregarle la etiqueta"), and everyday words: "plis", "mil gracias", "ya está lista", "me equivoqué", "búscame".
    ["borrá", "delete"], ["recordame", "remind me about", { after: /^\s+(?:it|them)\b/i }], ["recordame", "remind me to"], ["a las", "at", { before: /\b(?:anterior|antes)\s+$/i }], ["ups", "oops", AT_START], ["devuélvemelo", "put it back"], ["devuélvemela", "put it back"], ["el día anterior", "the day before"], ["agregá", "add"], ["mostrame", "show me"], ["marcá", "mark"], ["mové", "move"],
    ["podría", "could you"], ["puede", "can you"], ["agregarle", "add"], ["ponerle", "give it"], ["plis", "please"], ["mil gracias", "thanks"],
    ["perfecto", "perfect"], ["nono", "no no"], ["está lista", "is done"], ["todavía no está lista", "isn't done"], ["todavía no está listo", "isn't done"], ["dos cosas", "two things"], ["tres cosas", "three things"], ["cuatro cosas", "four things"], ["quitarle la fecha a la tarea de", "remove the due date of"], ["quitarle la fecha a", "remove the due date of"], ["quitarle la fecha al", "remove the due date of the"], ["no tengo apuro", "no rush"], ["sin apuro", "no rush"], ["está listo", "is done"], ["me equivoqué", "my mistake"],
    ["búscame", "find"], ["busca", "find"], ["todo lo que tenga", "tasks mentioning"], ["las que digan", "tasks mentioning"], ["las que tengan", "tasks mentioning"],
    ["tb", "too"], ["tmb", "too"], ["y tb", "and also"], ["pará", "wait"],
    // Chat Spanish: "me queda", "agéndame", "tacha la segunda", "eres lo máximo", "gracias po", "jajaja".
    ["me queda", "do i have left"], ["agéndame", "add"], ["agendá", "add"], ["al final se canceló", "cancel"], ["me podría decir para cuándo es", "when is"], ["disculpe", "", AT_START], ["tacha", "check off"], ["eres lo máximo", "you're the best"],
    ["deshace", "undo"], ["la del", "the"], ["el del", "the"], ["la de la", "the"], ["oye", "hey"], ["cuándo tengo", "when is"],
    ["po", "", { before: /\b(?:gracias|thanks|sí|ya)\s+$/i }], ["jajaja", "haha"],
    // "súbele la prioridad a alta", "ponela en …" (voseo), "volvé a ponerlo" (bring it back), "cambia el nombre de la tarea 3 a …".
    ["súbele la prioridad", "set the priority"], ["bájale la prioridad", "set the priority"], ["poné", "put"],
    ["súbele la prioridad al", "set the priority of the"], ["súbele la prioridad a la", "set the priority of the"],
    ["bájale la prioridad al", "set the priority of the"], ["bájale la prioridad a la", "set the priority of the"],
    ["volvé a ponerlo", "put it back"], ["regrésalo", "put it back"], ["vuelve a ponerla", "put it back"],
    ["cambia el nombre de", "rename"], ["cámbiale el nombre a", "rename it to", { after: /^\s+(?!(?:la|el)\s+(?:\d|tarea|primera|segunda|tercera|última|del|de)\b|tarea\b|lo\s+del?\b|\d|[^:]*:\s*\S)/iu }], ["cámbiale el nombre a", "rename"], ["le cambia el nombre a", "rename"],
    // Usted ("agregue", "avíseme", "cámbiele el nombre a"), as in Mexico and Colombia.
    // "ya está hecha", "me refería a la de …", "no era la del plomero, era la del pasaporte".
    ["ya está hecha", "is done"], ["ya está hecho", "is done"], ["me refería a", "i meant"], ["perdona", "sorry"],
    ["no a", "not", { before: /,\s*$/ }], ["no el", "not", { before: /,\s*$/ }], ["no era", "not"], ["era", "i meant", { before: /[,:]\s*$/ }],
    // "uy no", "me confundí", "y que se repita cada …", "¿cuándo era?", "póngale", "deshaga", "ya había …".
    // "tengo que …", "¿me recuerdas qué tareas acabé ayer?", "así que quita esa tarea", "al final se ha cancelado".
    // "ya la he hecho, márcala", "gracias majo", "bacán", "que sea a las 6", "¿a qué hora era …?", "recuérdamelo".
    ["ya la he hecho", "is done"], ["genial", "great"], ["majo", "", { before: /gracias\s+$/i }],
    ["tengo que", "i have to"], ["me recuerdas", "tell me"], ["qué tareas acabé", "what tasks did i finish"],
    ["así que", "so"], ["esa tarea", "that task"], ["se ha cancelado", "was cancelled"], ["al final", "", { after: /^\s+(?:se|lo|la|no|ya|isn't)\b/i }],
    ["uy no", "oops"], ["me confundí", "my mistake"], ["y que se repita", "and make it repeat"],
    ["cuándo era", "when is", { after: /^\s+(?:el|la|los|las|lo|mi|mis)\b/i }], ["cuándo era", "when is it"], ["y", "and", { after: /^\s+(?:la\s+etiqueta|el\s+tag|la\s+prioridad|prioridad)\b/i }], ["póngale", "give it"], ["deshaga", "undo"], ["ya había", "have i already"],
    ["con la etiqueta", "tagged"], ["qué tareas terminé", "what tasks did i finish"], ["cuáles tareas terminé", "which tasks did i finish"], ["cuáles", "which"],
    ["agregue", "add"], ["agrégueme", "add"], ["anote", "add"], ["marque", "mark"], ["entonces", "then", AT_START], ["anóteme", "add"], ["márqueme", "mark"], ["muévame", "move"], ["deshacé", "undo"], ["cuándo era lo del", "when is the"],
    ["qué me toca", "what do I have"], ["qué pendientes tengo", "what's pending"], ["tengo algo apuntado sobre", "do I have anything about"], ["lo mismo con", "same for"], ["lo mismo para", "same for"], ["igual para", "same for"], ["igual", "same", SAME_LAST], ["es el", "it's", { after: /^\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b/iu }], ["es a las", "it's at"], ["como hechas", "as done"], ["todas las de", "all tagged"], ["ya hice", "I already did", { after: /^\s+(?:las\s+dos|los\s+dos|ambas|ambos|todas|todos)\b/i }], ["ese no", "not that one"], ["esa no era", "not that one"], ["las dos", "both"], ["quítale la etiqueta de", "remove the tag"], ["quítale la etiqueta", "remove the tag"], ["quítale la de", "remove the tag", { before: /\betiqueta\b/i }], ["me cuenta", "tell me"], ["es urgente", "urgent"],
    ["a las", "at", { before: /\bpor\s+la\s+(?:mañana|tarde|noche)\s+$/i }], ["a las", "at", { after: /^\s+\d{1,2}(?:[:.h]\d\d)?\b/i }], ["po", "", { before: /\p{L}\s+$/u, after: /^\s*(?:[,.!?]|$)/ }], ["avíseme", "remind me"], ["recuérdeme", "remind me about", { after: /^\s+(?:it|them)\b/i }], ["recuérdeme", "remind me to"], ["muéstreme", "show me"],
    ["borre", "delete"], ["elimine", "delete"], ["mueva", "move"], ["cámbiele el nombre a", "rename it to", { after: /^(?!.*\bpor\b)(?!\s+(?:la|el)\s+tarea\b)/i }], ["cámbiele el nombre a", "rename"],
    ["me hace el favor y", "please"], ["me hace el favor de", "please"], ["hágame el favor de", "please"],
    ["a", "to", { before: /\b(?:renombra|cambia\s+el\s+nombre\s+de|cámbiale\s+el\s+nombre\s+a)\s+(?:la\s+)?(?:tarea\s+)?#?\d+\s+$/i }],
    // "no, perdón, la tercera", "perdón, quería decir el jueves", "¿… o no?", "vuelve a abrir esa tarea".
    // "ostras, que se me olvidaba: …": said before the thing almost forgotten.
    ["ostras", "", AT_START], ["que se me olvidaba", ""], ["se me olvidaba", ""], ["eh", "", { after: /^\s*[.!?]*\s*$/ }],
    // Chilean "ya po anótame … al tiro", "listo, ya pagué …": leads and fillers that ask nothing.
    ["ya po", "", AT_START], ["al tiro", ""], ["que se me olvida", ""], ["listo", "ok", AT_START],
    ["espere", "wait"],
    // "al domingo mejor", "hoy en la mañana", "no la borres": a change said last, the morning, an undo.
    ["hoy en la mañana", "this morning"], ["hoy por la mañana", "this morning"], ["en la mañana", "in the morning"],
    ["no la borres", "don't delete it"], ["no lo borres", "don't delete it"], ["lo recogí", "I picked it up"], ["la recogí", "I picked it up"],
    ["perdón", "sorry"], ["perdon", "sorry"], ["quería decir", "i meant"], ["o no", "", { after: /^\s*\?/ }], ["vuelve a abrir", "reopen"], ["marqué como terminado", "terminé"], ["marqué como terminada", "terminé"], ["marqué como hecho", "terminé"], ["marqué como hecha", "terminé"], ["vuelva a abrir", "reopen"],
    // "márcala como pendiente otra vez", "sácale lo de que se repita".
    ["otra vez", "again"], ["sácale lo de que se repita a", "stop repeating"],
    // "¿me podría agregar …?", "pásame lo del dentista al lunes", "¿ya quedó hecho?", "a lo de la X ponle …", "te pasaste".
    ["me podría", "could you"], ["me podrías", "could you"], ["pásame", "move"], ["pasame", "move"], ["ya quedó hecho", "is done"], ["quedó hecho", "is done"],
    ["a lo de la", "the", AT_START], ["a lo del", "the", AT_START], ["te pasaste", "you're the best"], ["jaja", "haha"],
    // "uf, vaya semanita me espera".
    ["uf", "ugh", AT_START], ["vaya semanita me espera", "what a week"],
    // Costa Rica's "pura vida mae", "por la ayuda", "gracias querida, sos un sol".
    ["pura vida mae", "cheers mate", AT_START], ["por la ayuda", "for the help"],
    ["sos un sol", "you're the best"], ["eres un sol", "you're the best"],
    // "las otras dos pásalas a mañana", "…, raquel me dijo que sí".
    ["anoche", "last night"], ["está arreglado", "is done"], ["ahorita", "", AT_START], ["hágame el favor y", "please"], ["me cambia", "move"], ["que me la recuerde", "remind me about it"], ["la noche antes", "the night before"], ["sos una genia", "you're the best"], ["sos un genio", "you're the best"], ["me salvaste la semana", "you saved my life"], ["las otras dos", "the other two"], ["me dijo que sí", "said yes"],
    // "agendalo así no me olvido", "che que terminé ayer?", "¿me puede recordar lo de …?".
    ["así no me olvido", ""], ["che", "hey", AT_START], ["che", "", { before: /\p{L}\s+$/u, after: /^\s*[.!?]*\s*$/ }], ["que terminé", "what did i finish", { before: /^\s*(?:(?:che|oye|y)\s+)?$/i }],
    ["me puede recordar", "can you remind me about"],
    // "ponle etiqueta de trabajo", "ya está, las pagué recién", "desmarcá".
    ["ponle etiqueta de", "tag it"], 
    // "anota X para el 15, etiqueta familia", "etiquétala como casa": the verb, also as a joined word ("etiquetalo como auto").
    ["etiqueta", "tag"], ["como", "as", { before: /\betiqueta\s+(?:it|them|l[oa]s?)\s+$/i }],
    ["ya está", "is done", { after: /^\s*(?:[,.!]|$)/ }], ["recién", "", { after: /^\s*(?:[,.!]|$)/ }], ["desmarcá", "reopen"], ["mejor", "", { before: /\d\s+$/, after: /^\s*(?:[,.!]|$)/ }], ["mejor", "instead", { after: /^\s*[.!?]*\s*$/ }],
  ],
  fr: [
    ["ajoutez", "add"], ["c'est bon", "", { after: /^\s*,\s*c'est\s+fait\b/i }], ["c'est envoyé", "is sent"], ["est envoyé", "is sent"], ["aussi", "too", { after: /^\s+(?:c'est|est)\s/i }], ["ainsi que", "also add", AT_START], ["à place", "instead"], ["faite", "done", { before: /\bmarque(?:-|\s+)(?:la|le|les|it|them)\s+$/i }], ["kessé que j'ai", "what do I have"],
    // "il faut payer le loyer", "je dois rappeler le garage": a to-do said as a need, its infinitive kept.
    ["il faut", "I need to", FR_INFINITIVE_AHEAD], ["faut", "I need to", FR_INFINITIVE_AHEAD], ["je dois", "I need to", FR_INFINITIVE_AHEAD],
    ["ajoute", "add"], ["ajouter", "add"], ["crée", "add"], ["note", "add"], ["ajoute une note à", "add a note to"], ["avec un rappel", "with a reminder"], ["me faire penser de", "remind me to"], ["me faire penser d'", "remind me to "], ["rappelle-moi de", "remind me to"], ["rappelle-moi d'", "remind me to "],
    ["rappelle-moi", "remind me"], ["montre-moi", "show me"], ["fais-moi voir", "show me"], ["de la semaine prochaine", "next week", { before: /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+$/i }], ["on est ensemble", "see you"], ["dêh", ""], ["j'ai coché", "i checked"], ["par erreur", "by mistake"], ["en vrai", "actually", { before: /\S\s+$/, after: /^\s*[.!]*\s*$/ }], ["affiche", "show"], ["marque", "mark"], ["termine", "complete"], ["supprime", "delete"],
    ["efface", "delete"], ["enlève", "delete"], ["déplace", "move"], ["décale", "move"], ["repousse", "postpone"], ["reporte", "postpone"],
    // Reminders and changes to an existing task ("rappelle-moi deux heures avant", "donne-lui l'étiquette X", "à 7h du soir").
    ["et", "and", AT_START], ["en fait", "actually"], ["ajoute-lui", "give it"], ["donne-lui", "give it"], ["donnez-lui", "give it"], ["aussi", "", { before: /-lui\s+$/i }], ["une priorité élevée", "high priority"], ["j'ai fini quoi", "what did I finish"], ["l'étiquette", "the tag"],
    ["une heure", "an hour"], ["une demi-heure", "half an hour"], ["heures", "hours", UNIT_BEFORE], ["deux", "two", COUNT_AHEAD], ["dix", "ten", COUNT_AHEAD], ["quinze", "fifteen", COUNT_AHEAD], ["vingt", "twenty", COUNT_AHEAD], ["trente", "thirty", COUNT_AHEAD], ["nonante", "ninety", COUNT_AHEAD], ["trois", "three", COUNT_AHEAD],
    ["avant", "before", UNITS_BEHIND], ["la veille", "the day before"], ["la veille au soir", "the night before"], ["un jour avant", "a day before"], ["le rappel", "the reminder"], ["répète", "repeat"], ["arrête de répéter", "stop repeating"],
    ["toutes les", "every"], ["jour", "day", EVERY_UNIT], ["jours", "day", EVERY_UNIT], ["semaine", "week", EVERY_UNIT], ["semaines", "week", EVERY_UNIT], ["mois", "month", EVERY_UNIT],
    ["année", "year", EVERY_UNIT], ["ans", "year", EVERY_UNIT], ["tous les quinze jours", "every 2 weeks"],
    ["du matin", "am", CLOCK_BEHIND], ["du soir", "pm", CLOCK_BEHIND], ["de l'après-midi", "pm", CLOCK_BEHIND],
    ["renomme", "rename"], ["en", "to", { before: /\brenommer?\b.+\s$/i }], ["pour", "to", { before: /\btâches?\s+$/i }], ["pour", "to", { before: /\b(?:nom|renomme|renommer|rename)\b.*\s$/i, after: /^\s+["«“]/ }], ["de la liste", "from the list"], ["de ma liste", "from my list"], ["me montrer", "show me"], ["m'afficher", "show me"], ["rouvre", "reopen"], ["annule", "undo"], ["change le nom de", "rename"], ["change le titre en", "rename it to"], ["change le nom en", "rename it to"], ["préviens-moi", "remind me"], ["vous pouvez", "can you"], ["a été déplacé", "was moved"], ["a été déplacée", "was moved"], ["mets", "add", { after: /^\s+\p{L}+(?:er|ir|re)\b/iu }], ["mets", "put"], ["enlève l'étiquette", "remove the tag"], ["du", "from the", TAG_NAMED_FR], ["de", "from", TAG_NAMED_FR], ["à", "", { after: /^\s+tous\s+les\b/i }], ["c'est quoi qui est", "what is"], ["dans ma liste", "on my list"], ["qu'est-ce que j'ai à faire", "what do I have to do"],
    ["qu'est-ce que j'ai", "what do I have"], ["qu'est-ce qu'on a", "what do I have"], ["qu'est-ce qu'il y a", "what do I have"], ["merci quand même", "thanks anyway"], ["moi pareil", "me too", SAID_LAST], ["moi aussi", "me too", SAID_LAST], ["de prévu", "", { before: /\bqu'(?:est-ce\s+que\s+j'ai|on\s+a)\s+$/i }], ["matins", "morning", { before: /\btous\s+les\s+$/i }], ["soirs", "evening", { before: /\btous\s+les\s+$/i }], ["j'ai quoi pour", "what do I have for"], ["j'ai quoi", "what do I have"], ["qu'ai-je", "what have I"], ["quelles tâches", "which tasks"], ["qu'est-ce qui est", "what is"], ["qu'est-ce qu'il me reste", "what do I have left"],
    ["qu'est-ce qui me reste", "what do I have left"], ["c'est quoi qui me reste", "what do I have left"], ["hier soir", "last night"], ["ce midi", "this lunchtime", { before: /\bj'ai\s+\S+\s+.+$/i }], ["j'ai pogné", "j'ai acheté"], ["a été reportée", "got moved"], ["a été reporté", "got moved", FR_NEWS], ["est reportée", "got moved", FR_NEWS], ["est reporté", "got moved", FR_NEWS], ["est décalée", "got moved", FR_NEWS], ["est décalé", "got moved", FR_NEWS], ["a été décalée", "got moved", FR_NEWS], ["a été décalé", "got moved", FR_NEWS], ["faque", "", AT_START], ["c'est", "it's", { before: /(?:^|\ben\s+fait\s+|\bnon\s*,?\s+)$/i, after: /^\s+(?:tous|toutes|chaque)\s/i }], ["montre", "show"],
    ["terminé", "finished", FR_DONE_ASKED], ["terminées", "finished", FR_DONE_ASKED], ["fini", "finished", FR_DONE_ASKED], ["bouclé", "finished", FR_DONE_ASKED], ["avant de partir", "before leaving"], ["en partant", "before leaving"], ["en commençant", "starting"], ["fait", "done", FR_DONE_ASKED], ["mes tâches", "my tasks"], ["la tâche", "it", { before: /\bremet(?:s|tez)?\s+$/i, after: /^(?!\s*\d)/ }], ["la tâche", "task"], ["les tâches", "tasks", { after: /^\s+\d/ }], ["tâches", "tasks"],
    ["tâche", "task"], ["nouvelle tâche", "new task"], ["une tâche", "a task"], ["une nouvelle tâche", "a new task"], ["comme terminée", "as done"], ["comme terminé", "as done"], ["comme faite", "as done"],
    ["comme fait", "as done"], ["comme non terminée", "as not done"], ["en retard", "overdue"], ["c'est quoi mon programme", "what do I have"], ["en priorité haute", "high priority"], ["en priorité moyenne", "medium priority"], ["en priorité normale", "medium priority"], ["priorité haute", "high priority"],
    ["en priorité basse", "low priority"], ["priorité basse", "low priority"], ["urgente", "urgent"], ["merci", "thanks"], ["merci beaucoup", "thanks"], ["c'est tout", "that's all"], ["raconte-moi", "tell me"], ["une blague", "a joke"], ["une histoire", "a story"], ["un poème", "a poem"], ["rien d'autre", "nothing else"],
    ["bonjour", "hello"], ["salut", "hello"], ["bonsoir", "good evening"], ["bonne nuit", "good night"], ["chu brûlée", "I'm burnt out"], ["grosse nuit", "long night"], ["ouf", "phew", AT_START], ["sont partis", "were sent"], ["mets plutôt", "make it"], ["vire", "delete", AT_START], ["change le titre de", "rename"],  ["bon", "well", { before: /^\s*$/, after: /^\s*,|^\s+(?:faut|il\s+faut|ben|alors)\b/i }], ["bonne soirée", "have a good evening"], ["merci infiniment", "thanks so much"], ["ce week-end", "this weekend"], ["affiche-moi", "show me"], ["dis", "", { before: /^\s*$/, after: /^\s*,/ }], ["étiquetées", "tagged"], ["j'ai pas fini", "I didn't finish"], ["oublie", "forget about", AT_START],
    ["bonne journée", "have a good day"], ["bon week-end", "have a good weekend"], ["au revoir", "bye"], ["à bientôt", "see you soon"],
    ["pour aujourd'hui", "for today"], ["après-demain", "the day after tomorrow"], ["demain matin", "tomorrow morning"],
    ["demain soir", "tomorrow evening"], ["demain", "tomorrow"], ["aujourd'hui", "today"], ["hier", "yesterday"], ["la semaine dernière", "last week"], ["le mois dernier", "last month"], ["ce soir", "tonight"], ["ce matin", "this morning"], ["cet après-midi", "this afternoon"],
    ["cette semaine", "this week"], ["la semaine prochaine", "next week"],
    ["lundi", "monday", EVERY_BEFORE], ["mardi", "tuesday", EVERY_BEFORE], ["mercredi", "wednesday", EVERY_BEFORE],
    ["jeudi", "thursday", EVERY_BEFORE], ["vendredi", "friday", EVERY_BEFORE], ["samedi", "saturday", EVERY_BEFORE],
    ["dimanche", "sunday", EVERY_BEFORE], ["lundis", "monday", EVERY_BEFORE], ["mardis", "tuesday", EVERY_BEFORE], ["mercredis", "wednesday", EVERY_BEFORE],
    ["jeudis", "thursday", EVERY_BEFORE], ["vendredis", "friday", EVERY_BEFORE], ["samedis", "saturday", EVERY_BEFORE], ["dimanches", "sunday", EVERY_BEFORE], ["chaque", "every"], ["tous les jours", "every day"], ["tous les", "every"],
    ["la première", "the first"], ["la deuxième", "the second"], ["la troisième", "the third"],
    ["pas ça", "not that", { after: /^\s*[.,!;]/ }], ["la dernière", "the last"], ["l'autre", "the other one"], ["je les ai rendus", "I returned them"], ["fais-moi un rappel", "remind me"], ["plus tard", "later", { before: /\b(?:hour|hours|minutes|heure|heures)\s+$/i }], ["fais-moi penser à", "remind me about"], ["me sortir", "show me", { before: /\b(?:peux|pourrais|can\s+you)\s+$/i }], ["virer", "delete", { before: /\b(?:peux|pourrais|can\s+you)\s+$/i }], ["pas", "not", { before: /\b(?:non|no)[\s,]+$/i, after: /^\s+(?:les?|la|l'|the)\b/i }], ["je l'ai faite", "is done"], ["je l'ai fait", "is done"], ["plutôt", "i mean", AFTER_COMMA], ["plutôt", ""], ["c'est fait", "", { before: /^\s*$/, after: /^\s*,\s*j'ai\b/i }], ["c'est fait", "is done"], ["c'est faite", "is done"], ["finalement", "actually"], ["pas celui-là", "not that one"], ["pas celle-là", "not that one"], ["à la même heure", ""], ["c'est urgent", "urgent"], ["c'est important", "important"],
    ["il y a des trucs", "are there any tasks"], ["il y a des choses", "are there any tasks"], ["la fin du mois", "the end of the month"], ["fin du mois", "end of month"], ["annule ça", "undo that"], ["annulez", "undo"], ["aussi pour", "same for"], ["ajoutez aussi", "add"], ["tasse", "move"], ["même heure", ""],
    ["les deux", "both"], ["j'ai fait", "I did", { after: /^\s+(?:les\s+deux|toutes|tous|(?:la|le)\s+#?\d)\b/i }], ["m'indiquer", "tell me"], ["ce qui est", "what is"], ["celle d'hier", "yesterday's one"], ["c'est quoi que j'ai", "what do I have"], ["j'ai-tu", "do I have"], ["d'autre chose", "anything else"], ["c'est quoi le programme", "what do I have"], ["quel est le programme", "what do I have"], ["coucou", "hi"], ["rappelez-moi", "remind me"], ["à midi", "at noon"], ["midi", "at noon", { before: /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain)\s+$/i }], ["d'en retard", "overdue"], ["tu sais", "can you", { after: /^\s+(?:m'|me\s+)?\p{L}+er\b/iu }], ["c'est pas pressé", "low priority"], ["enlève le tag", "remove the tag"], ["des", "from the", { before: /(?<!\p{L})(?:étiquette|tag)\s+#?[\p{L}\p{N}_-]+\s+$/iu }], ["la semaine passée", "last week"], ["c'est à", "is at", { after: /^\s+\d/ }], ["les deux premières", "the first two"], ["sont faites", "are done"], ["chez moi", "", { before: /\b(?:retard|prévu)\s+$/i, after: /^\s*\?/ }], ["combien j'ai de", "how many"], ["j'ai combien de", "how many"], ["combien de", "how many"], ["pareil pour", "same for"], ["pareil", "same", SAME_LAST], ["seulement", "", { before: /\b(?:ajoute|rajoute)\s+$/i }], ["ça", "that"], ["oui", "yes"], ["non", "no"], ["à", "to", FR_DAY_AHEAD], ["pour", "for", FR_DAY_AHEAD], ["pour", "for", FR_TOPIC_FIRST],
    ["qu'est-ce que tu peux faire", "what can you do"], ["que peux-tu faire", "what can you do"], ["comment ça marche", "how does it work"],
    ["comment ça fonctionne", "how does it work"], ["aide", "help"], ["aide-moi", "help"],
    ["supprimer", "delete"], ["effacer", "delete"], ["enlever", "delete"], ["marquer", "mark"], ["terminer", "complete"], ["déplacer", "move"],
    ["décaler", "move"], ["renommer", "rename"], ["afficher", "show"], ["montrer", "show"], ["créer", "add"], ["noter", "add"], ["reporter", "postpone"],
    ["repousser", "postpone"], ["rouvrir", "reopen"], ["annuler", "undo"], ["changer", "change", { before: /(?<!\b(?:ajoute|rajoute|ajouter|note|pis|et|puis|seulement|de|à)\s+)$/i }], ["modifier", "change"], ["modifie", "change"],
    ["est-ce que", ""], ["est terminée", "is done"], ["est terminé", "is done"], ["est faite", "is done"], ["est fait", "is done"], ["est déjà faite", "is already done"], ["est déjà fait", "is already done"],
    ["rajoute", "add"], ["rajouter", "add"], ["note-moi de", "add"], ["note-moi d'", "add "], ["la", "task", TASK_NUMBER_AHEAD],
    // "coche le 2 pis le 4": after a verb that picks tasks, "le 2" is task 2 ("note le 2 mars" stays a date).
    ["le", "task", { ...TASK_NUMBER_AHEAD, before: /\b(?:coche|cochez|supprime|supprimez|efface|effacez|termine|terminez|déplace|décale|repousse)\s+(?:le\s+#?\d{1,3}\s*(?:,|et|pis|puis)\s+)?$/i }],
    ["est encore en cours", "is still open"], ["quand est", "when is"], ["peux-tu", "can you"], ["je voudrais", "I would like to", FR_COMMAND_AHEAD], ["je veux", "I want to", FR_COMMAND_AHEAD], ["la priorité de", "the priority of"], ["la priorité du", "the priority of the"], ["la priorité des", "the priority of the"], ["en haute", "to high"], ["en basse", "to low"], ["tu peux", "can you"], ["pourrais-tu", "could you"], ["s'il te plaît", "please"], ["s'il vous plaît", "please"], ["je vous prie", "please"], ["merci d'avance", "thanks in advance"], ["du coup", ""], ["j'ai terminé quoi", "what did I finish"], ["c'est à quelle heure", "when is"], ["déjà", "", { before: /\bheure\b[^?]*\s$/i, after: /^\s*\?/ }], ["mets en note", "add a note"], ["me rappeler d'", "remind me to "], ["me rappeler de", "remind me to"], ["une note", "a note"], ["aussi", "also", { before: /(?:pourriez-vous|pouvez-vous|peux-tu|tu\s+peux)\s+$/i }], ["à", "at", { before: /\b(?:veille|lendemain)\s+$/i, after: /^\s+\d{1,2}(?::\d\d|h)/i }], ["lui mettre", "give it"], ["me la rappeler", "remind me about it"], ["me le rappeler", "remind me about it"], ["tant qu'on y est", ""], ["dessus", "on it", { before: /\bnote\s+$/i }], ["mets-lui", "set", { after: /^\s+un\s+rappel\b/i }], ["un rappel", "a reminder"], ["j'ai des trucs", "do I have anything"], ["j'ai des affaires", "do I have anything"], ["me noter", "add"], ["j'ai pas encore", "I haven't"], ["je n'ai pas encore", "I haven't"], ["j'ai fini", "I finished"], ["qu'est-ce que j'ai réussi à finir", "what did I finish"], ["en fin de semaine", "on the weekend"], ["ce que tu viens de faire", "that"], ["j'ai été chercher", "i picked up"], ["et", "and", { before: /\d\s+$/, after: /^\s+\d/ }],
    // "remets la tâche en cours", "remets-le comme pas fait": back to not done.
    ["en cours", "as not done", { before: /\bremet(?:s|tez)?\b[^,.]*\s$/i }], ["à faire", "as not done", { before: /\bremet(?:s|tez)?\b[^,.]*\s$/i }], ["comme pas fait", "as not done"], ["comme pas faite", "as not done"], ["enlève-lui", "remove"], ["bonne soirée à vous", "have a good evening"], ["bonne journée à vous", "have a good day"],
    // "c quoi qui reste cette semaine", "les tâches qui parlent d'anniversaire", Québec "à soir".
    ["c'est quoi qui reste", "what is left"], ["qu'est-ce qui reste", "what is left"], ["qui parlent de", "about"], ["qui parlent d'", "about "], ["à soir", "tonight"], ["stp", "please"], ["steuplé", "please"], ["c'est quand", "when is"],
    // "coche la 2", "pourriez-vous …" (vous), "le truc des billets", "la première est réglée", "c'est bon, …", "cherche …".
    ["coche", "check off"], ["cocher", "check off"], ["décoche", "reopen"], ["pourriez-vous", "could you"], ["pouvez-vous", "can you"],
    ["passer", "set", FR_PRIORITY_LATER], ["passe", "set", FR_PRIORITY_LATER], ["le truc des", "the"], ["le truc de", "the"],
    ["est réglée", "is done"], ["est réglé", "is done"], ["c'est bon", "ok"], ["mets-moi un rappel pour", "remind me about"], ["ce que j'ai complété", "what I completed"], ["mets-moi un rappel", "remind me"], ["mets un rappel", "remind me"], ["le tag", "the tag"], ["sur", "on", { before: /\b(?:tag|étiquette)\s+#?[\p{L}\d_-]+\s+$/iu }],
    ["à tantôt", "see you later"], ["à plus", "see you later"], ["c quand", "when is"], ["déjà", "", { before: /\bquand\s+$/i }], ["cherche", "find"], ["parfait", "perfect"],
    // Chat French: "bcp", "prio haute", "m'ajouter", "laisse-la mais …".
    ["bcp", "a lot"], ["prio haute", "high priority"], ["m'ajouter", "add"], ["laisse-la mais", ""],
    ["celle du", "the"], ["celui du", "the"], ["celui de", "the"], ["celle de", "the"], ["aussi", "too", { after: /^\s*[.!?]*\s*$/ }], ["il me reste quoi", "what do i have left"], ["mets lui", "give it"],
    // "le premier, c'est fait", "avance-la à samedi", "passe-la en haute priorité", "celle d'internet", "remets-la", "quelles sont …".
    ["le premier", "the first"], ["le deuxième", "the second"], ["le troisième", "the third"], ["le dernier", "the last"],
    ["avance", "move"], ["avancer", "move"], ["en haute priorité", "high priority"], ["haute priorité", "high priority"],
    ["en basse priorité", "low priority"], ["basse priorité", "low priority"], ["celle d'", "the "], ["celui d'", "the "],
    // Québec and Belgium: "pis" (and), "c'est beau" (fine), "tantôt" (earlier), "allo", "merci ben gros", "il me reste".
    ["est-ce qu'il me reste", "do i have left"], ["est-ce qu'il y a", "is there"], ["à faire", "to do"], ["encore", "still", { after: /^\s+(?:anything|quelque\s+chose)\b/i }],
    // "mets-lui l'étiquette …", "c'est réglé", "je voulais dire celui des …", "alors", "pour celle-là".
    ["mets-lui", "give it"], ["c'est réglé", "is done"], ["je voulais dire", "i meant"], ["celui des", "the"], ["celle des", "the"],
    ["alors", "", { before: /\p{L}\s+$/u, after: /^\s*[.!?]*\s*$/ }], ["alors", "so"], ["aussi", "also", { before: /\bajoute\s+$/i }], ["aussi", "also", { before: /^\s*et\s+$/i }], ["pour celle-là", "for that one"], ["pour celui-là", "for that one"],
    // "repousse-la d'une semaine", "oups c'est 15h, pas 15h30", "ou pas ?", "bon", "maintenant".
    // "svp", "pourriez-vous me dire ce qui est prévu", "montre moi tout ce qui est tagué …", "enlève la date de …, ça presse pas".
    // "même heure", "euh", "pardon", "reviens en arrière", "des trucs".

    ["svp", "please"], ["me dire", "tell me"], ["ce qui est prévu", "what is due"], ["montre moi", "show me"],
    ["tout ce qui est tagué", "everything tagged"], ["tagué", "tag", { after: /^\s+(?:it|them)\b/i }], ["tagué", "tagged"], ["enlève la date de", "remove the due date of"], ["l'échéance de", "the due date of"], ["une échéance", "a due date"], ["une date limite", "a due date"], ["la date limite pour", "the due date for"], ["la date limite", "the due date"], ["tu peux corriger", "can you fix it"], ["l'échéance du", "the due date of the"], ["l'échéance", "the due date"], ["ça peut attendre", "can wait till", { ...FR_NEWS, after: /^\s+(?:jusqu['’]à\s+|à\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|la\s+semaine|le\s+\d)/iu }], ["ça peut attendre", "no rush"], ["enlève la date du", "remove the due date of the"], ["y a pas le feu", "no rush"], ["rajoute-lui", "give it"], ["c'est fait pour", "done:"], ["d'une heure", "by an hour"], ["et", "and", { after: /^\s+(?:rappelle|rappelez)-moi\b/i }], ["il n'y a pas le feu", "no rush"], ["à", "to", { before: /(?:\btag|étiquette)\s+#?[\p{L}\p{N}_-]+\s+$/iu }],
    ["ça presse pas", ""],
    ["d'une semaine", "by a week"], ["oups", "oops"],
    ["pas", "not", { before: /,\s*$/ }], ["pas", "not", FR_DAY_NOT_DAY], ["c'est", "is", { before: /\b(?:date\s+limite|échéance)\b.*\s$/i, after: /^\s+(?:\d|le\s+\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain)/i }], ["c'est", "it's", { after: /^\s+(?:\d|every\b|on\s+the\b|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain)/i }], ["ou pas", ""], ["bon", "ok", { after: /^\s+(?:c'est|alors)\b/i }],
    ["maintenant", "now"], ["et", "and", { after: /^\s+\p{L}{3,}(?:er|ir|re)\s+(?!(?:de|du|des|à|au)\b)\S/u }], ["et", "and", { after: /^\s+(?:ajoute|mets|passe|supprime|enlève|marque|décale|déplace|repousse|coche|tagu[ée]|tag)(?![\p{L}])/iu }], ["et", "and", { before: /(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\s+$/i }], ["hein", "", { before: /\bmerci\s+$/i }], ["hein", "", { after: /^\s*[.!?]*\s*$/ }],
    ["les", "", { before: /\b(?:every|tous\s+les)\s+\p{L}+\s+(?:and|et|pis)\s+$/iu, after: /^\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/i }], ["pis", "and"], ["c'est beau", "ok"], ["tantôt", "", { after: /^\s*[.!?]*\s*$/ }], ["allo", "hello"], ["merci ben gros", "thanks a lot"], ["t'es ben fin", "you're so kind"],
    ["pour ton aide", "for your help"], ["pour votre aide", "for your help"], ["il me reste", "do i have left"], ["j'ai quelque chose de prévu", "do I have anything"], ["quelque chose de prévu", "anything"], ["il y a", "is there", { after: /^\s+quelque\s+chose\b/i }], ["y a-t-il", "is there", { after: /^\s+quelque\s+chose\b/i }], ["quelque chose", "anything"],
    ["avec le tag", "tagged"], ["avec l'étiquette", "tagged"],
    ["remets", "move", FR_TO_DAY], ["remets", "restore"], ["quelles sont", "what are"], ["c'est pour quand", "when is"], ["il est pour quand", "when is"], ["où je dois", "", { before: /\btâche\s+$/i }], ["quelqu'un", "someone"], ["elle est pour quand", "when is"], ["d'abord", "", { before: /\p{L}\s+$/u, after: /^\s*[.!?]*\s*$/ }],
    // "non attends, l'autre", "passe la deuxième à vendredi", "c'est quoi mes tâches …", "c'est quand … déjà ?", "au juste".
    ["attends", "wait"], ["passe", "move", FR_TO_DAY], ["c'est quoi", "what are", { after: /^\s+(?:mes|les)\b/i }], ["déjà", "", { after: /^\s*\?/ }], ["au juste", ""],
    ["dans", "tagged", { after: /^\s+#/ }], ["j'ai bouclé quoi", "what did I finish"], ["me mettre un rappel pour", "remind me about"], ["aux deux semaines", "every two weeks"],
    // "bon ben j'ai payé le loyer, enfin.", "peux-tu me l'ajouter", "mets-lui plutôt travaux" (after a tag came off).
    ["bon ben", "", AT_START], ["pour le", "for the", { before: /^\s*$/, after: /^[^,]+,/ }], ["pour la", "for the", { before: /^\s*$/, after: /^[^,]+,/ }], ["enfin", "", { before: /,\s*$/, after: /^\s*(?:[.!]|$)/ }], ["me l' ajouter", "add it"], ["mets-lui plutôt", "tag it", { before: /(?:étiquette|tag)(?![\p{L}]).*$/iu, after: /^\s+(?!la\b|le\b|les\b|une?\b|en\b|à\b|au\b)\p{L}/u }],
    // "tag-la finances" (Québec).
    ["tag-la", "tag it"],
    // "ajouter une note à la tâche des billets".
    ["à la tâche des", "to the"],
    // "ajoute le tag urgent au devis", "mets-moi sortir …", "rappelle-le-moi …".
    ["au", "to the", { before: /\btag\s+\S+\s+$/i }], ["mets-moi", "add", { after: /^\s+\p{L}+(?:er|ir|re)\b/iu }], ["ch'est bon", "ok"], ["rappelle-le-moi", "remind me about it"], ["rappelle-la-moi", "remind me about it"], ["fais-le revenir", "make it repeat"],
  ],
  de: [
    // "…, auch die erledigten", "machen Sie das bitte dringend", "…, lukas macht das", "doch nicht. aber …".
    ["auch die erledigten", "including the completed ones"], ["morgen in der früh", "tomorrow morning"], ["nach hinten", "later", { before: /\b(?:hour|hours|minutes|stunde|stunden|minuten)\s+$/i }], ["vorhin", "earlier"], ["welche sachen", "which tasks"], ["machen sie das", "make it"], ["macht das", "does it", { before: /,\s*\p{Lu}?\p{Ll}+\s+$/u }],
    ["doch nicht", "", { before: /^\s*$/, after: /^\s*[.!,]\s*\S/ }], ["aber", "but", { before: /(?:^|[.!?]\s*)$/ }],
    ["eine viertelstunde", "15 minutes"], ["doch", "", { before: /\bnein[\s,]+$/i }], ["früh", "morning", { after: /^\s+um\s+\d/i }], ["reicht", "is enough", { before: /\b(?:wochen?|monate?|tage?)\s+$/i }], ["die alle", "them all"], ["dann", "then", { before: /^\s*(?:na\s+gut|ok(?:ay)?|gut)[\s,]*$/i }], ["nächsten monat", "next month"], ["die woche", "this week", { before: /\b(?:was\s+\S+(?:\s+ich)?|what\s+is\s+due)\s+$/i }], ["soll", "should repeat", { after: /^\s+(?:jeden|jede|jedes|alle|täglich|wöchentlich|monatlich)\b[^.?!]*\s(?:wiederkommen|wiederholen)\b/i }], ["soll sich", "should repeat", { after: /^\s+(?:jeden|jede|jedes|alle|täglich|wöchentlich|monatlich)\b[^.?!]*\swiederholen\b/i }], ["wiederkommen", "", { before: /\bsoll\s+\S.*\s$/i }], ["wiederholen", "", { before: /\bsoll\s+sich\s+\S.*\s$/i }], ["von", "from", { after: /^\s+(?:heute|morgen)\s+(?:auf|nach|zu)\b/i }], ["werktag", "weekday", { before: /\b(?:every|jeden)\s+$/i }],
    // Adding ("füge … hinzu" and "… hinzufügen" are brought to the front by DE_REORDER first).
    ["trag ein", "add"], ["eine halbe stunde", "half an hour"], ["tragen sie ein", "add"], ["am selben tag", "on the same day"], ["alle drei", "all three"], ["das gleiche fürs", "same for the"], ["dann", "then", { before: /^\s*$/ }], ["dann", "then", { before: /(?:[,.;!?…]|\p{Extended_Pictographic})\s*$/u, after: /^\s+(?:zeig|trag|lösch|mach|hak|verschieb|schieb|markier|setz|füg|schreib)e?\s/iu }], ["leg", "move", { after: /^\s+(?:ihn|sie|es|das)\s+(?:(?:lieber|doch|mal|bitte)\s+)*auf\b/i }], ["dasselbe für", "same for"], ["genauso", "same", SAME_LAST], ["doch nicht", "not"], ["nur", "just"], ["halt", "", { before: /\b(?:es|das|ihn|sie|den|die|dann)\s+$/i }], ["füg hinzu", "add"], ["trag", "add"], ["trage", "add"], ["notiere mir", "add"], ["notier mir", "add"], ["notiere", "add"], ["notier", "add"],
    // "erinnere mich daran, … die Pflanzen zu gießen": the title is the infinitive without "zu".
    ["zu", "", { before: /\berinnere?\s+mich\s+daran\b.*\s$/i, after: /^\s+\p{L}+\s*[.!?]*$/u }], ["erstelle", "create"], ["erstell", "create"],
    ["leg", "create"], ["lege", "create"], ["neue aufgabe", "new task"], ["neuer task", "new task"], ["und", "and", { before: /\btags?\s+#?[\p{L}\p{N}_-]+\s+$/iu }], ["eine neue aufgabe", "a new task"], ["eine aufgabe", "a task"],
    ["erinnere mich an den", "remind me about"], ["erinnere mich an die", "remind me about"], ["erinnere mich an das", "remind me about"],
    ["erinnere mich ans", "remind me about"], ["erinnere mich an", "remind me about"], ["erinnere mich daran", "remind me to"],
    ["an den", "about", REMIND_BEFORE], ["an die", "about", REMIND_BEFORE], ["an das", "about", REMIND_BEFORE], ["ans", "about", REMIND_BEFORE],
    ["an", "about", REMIND_BEFORE], ["erinnere mich", "remind me"], ["erinner mich", "remind me"], ["ich muss", "I need to"], ["ich sollte", "I should"], ["wir müssen", "we need to"],
    // Listing
    ["zeig mir", "show me"], ["zeige mir", "show me"], ["zeig", "show"], ["zeige", "show"], ["liste", "list"],
    ["was steht", "what is due"], ["was ist", "what is"], ["was habe ich", "what do I have"], ["was hab ich", "what do I have"],
    ["was muss ich", "what do I have to do"], ["wie viel", "how many"], ["wie viele", "how many"], ["wieviel", "how many"], ["wieviele", "how many"], ["welche aufgaben habe ich", "what tasks do I have"], ["welche aufgaben", "which tasks"],
    ["habe ich", "do I have"], ["hab ich", "do I have", { before: /^\s*$/, after: /^\s+(?:(?:heute|morgen|übermorgen|noch|sonst)\s+)*(?:was|etwas|irgendwas)\b/i }], ["gibt es", "is there"], ["ist", "is"], ["sind", "are"],
    ["meine aufgaben", "my tasks"], ["alle aufgaben", "all tasks"], ["die aufgabe", "task"], ["der aufgabe", "task"],
    ["aufgaben", "tasks"], ["aufgabe", "task"], ["alle", "all"], ["alles", "everything"], ["fällig", "due"], ["überfällig", "overdue"],
    ["überfälligen", "overdue"], ["überfällige", "overdue"], ["überfälliges", "overdue"], ["offen", "open"], ["offenen", "open"], ["offene", "open"],
    ["erledigten", "completed"], ["erledigte", "completed"], ["verspätete", "overdue"], ["als erledigt", "as done"],
    ["als fertig", "as done"], ["als offen", "as not done"], ["als nicht erledigt", "as not done"], ["nicht erledigt", "not done"], ["nicht fertig", "not done"],
    ["nicht ganz fertig", "not done"], ["nicht ganz erledigt", "not done"],
    // "nimm das Datum bei X raus, das hat keine Eile": the date of a task, and no hurry.
    ["die priorität", "the priority"], ["priorität", "priority"], ["das fälligkeitsdatum", "the due date"], ["fälligkeitsdatum", "due date"], ["das datum", "the date"], ["datum", "date"],
    ["auf", "to", { after: /^\s+(?:(?:hohe|niedrige|mittlere)\s+)?priorität\b/i }], ["bei", "of", FIELD_BEHIND], ["von", "of", FIELD_BEHIND], ["vom", "of the", FIELD_BEHIND], ["das hat keine eile", "no rush"], ["hat keine eile", "no rush"], ["bevor ich's vergesse", ""], ["bevor ichs vergesse", ""], ["bevor ich es vergesse", ""], ["keine eile", "no rush"],
    ["fast vergessen", "almost forgot"], ["boah", "", AT_START], ["erledigt", "done"], ["fertig", "done", { after: /^(?!\s+(?:machen|stellen|schreiben|bekommen|kriegen)\b)/i }], ["doch", "", { before: /\b(?:ist|sind|isch|is)\s+$/i }], ["doch", "", { before: /\b(?:nee|ne|nein|no)[\s,]+$/i }], ["verleg", "move"], ["noch", "", { before: /\badd\s+$/i }], ["eher", "actually", AT_START], ["wirklich", "actually", { before: /\b(?:ist|sind)\s+$/i }],
    ["mit", "with", { after: /^\s+(?:hoher|niedriger)\s+prio/i }], ["hoher", "high", { after: /^\s+prio/i }], ["niedriger", "low", { after: /^\s+prio/i }],
    // Completing, deleting, changing
    ["erledige", "complete"], ["erledigen", "complete"], ["markiere", "mark"], ["markier", "mark"], ["schließe", "complete"],
    ["lösche", "delete"], ["lösch", "delete"], ["entferne", "remove"], ["entfern", "remove"], ["streiche", "delete"], ["streich", "delete"],
    ["verschiebe", "move"], ["verschieb", "move"], ["schiebe", "move"], ["schieb", "move"], ["verlege", "move"], ["setze", "set"], ["setz", "set"], ["ändere", "change"], ["änder", "change"],
    ["benenne", "rename"], ["mach", "make", { after: /^\s+(?:es|das|sie|ihn|die\s+aufgabe)\b/i }],
    ["mache", "make", { after: /^\s+(?:es|das|sie|ihn|die\s+aufgabe)\b/i }],
    ["es", "it", AFTER_CLAUSE_VERB], ["das", "that", AFTER_VERB], ["sie", "it", AFTER_CLAUSE_VERB], ["ihn", "it", AFTER_CLAUSE_VERB],
    ["das nicht", "not that", { before: /(?:^|[,.!;]\s*|\b(?:nein|nee|ne|oh|ach)\s+)$/i, after: /^\s*[.,!;]/ }], ["rückgängig", "undo"], ["widerrufe", "undo"],
    ["den titel von", "the title of"], ["den namen von", "the title of"], ["die priorität von", "the priority of"],
    ["in", "to", RENAME_BEFORE], ["zu", "to", RENAME_BEFORE], ["und", "and", DE_COMMAND_AHEAD],
    ["auf hoch", "to high"], ["auf niedrig", "to low"], ["auf mittel", "to medium"],
    ["hohe priorität", "high priority"], ["mit hoher priorität", "with high priority"], ["niedrige priorität", "low priority"],
    ["mit niedriger priorität", "with low priority"], ["wichtig", "important"], ["dringend", "urgent"],
    ["mit tag", "tagged"],
    // Dates: prepositions before a date word, units, relative words (see the comment above).
    ["auf", "to", DE_DATE_AHEAD], ["für", "for", DE_DATE_AHEAD], ["bis", "by", DE_DATE_AHEAD], ["ab", "from", DE_DATE_AHEAD],
    ["um", "by", { after: /^\s+(?:\d+|einen|eine|zwei|drei|vier)\s+(?:tag|tage|tagen|woche|wochen)\b/i }],
    ["einen", "a", { after: /^\s+(?:tag|woche|monat)\b/i }], ["eine", "an", { after: /^\s+(?:stunde)\b/i }], ["eine", "a", { after: /^\s+(?:woche)\b/i }],
    ["zwei", "two", { after: /^\s+(?:tage|wochen|stunden)\b/i }], ["drei", "three", { after: /^\s+(?:tage|wochen|stunden)\b/i }],
    ["stunden", "hours"], ["stunde", "hour"], ["minuten", "minutes"], ["minute", "minute"], ["tage", "days"], ["tagen", "days"],
    ["tag", "day", { before: /(?:\d|einen|a|zwei|drei|vier|jeden)\s+$/i }], ["wochen", "weeks"], ["woche", "week", { before: /(?:\d|einen|eine|a|an|zwei|drei|jede|zweite|other)\s+$/i }],
    ["gib ihr", "give it"], ["gib ihm", "give it"], ["gib", "give"], ["die erinnerung", "the reminder"], ["wiederhole", "repeat"], ["am abend vorher", "the night before"], ["am abend", "in the evening"], ["monat", "month", EVERY_UNIT], ["jahr", "year", EVERY_UNIT], ["am vorabend", "the night before"],
    ["vorher", "before"], ["früher", "before"], ["am tag vorher", "the day before"], ["am vortag", "the day before"], ["später", "later"],
    ["übermorgen", "the day after tomorrow"], ["morgen früh", "tomorrow morning"], ["morgen vormittag", "tomorrow morning"],
    ["morgen nachmittag", "tomorrow afternoon"], ["morgen abend", "tomorrow evening"], ["heute früh", "this morning"],
    ["heute morgen", "this morning"], ["heute nachmittag", "this afternoon"], ["heute abend", "tonight"], ["heute nacht", "tonight"],
    ["morgen", "good morning", { before: /^\s*$/, after: /^\s*!+(?:\s|$)|^\s+(?:zusammen|allerseits|ihr)\b/i }], ["morgen", "tomorrow"], ["heute", "today"], ["gestern", "yesterday"], ["geschafft", "done", { before: /\bwas\b.*\s$/i }], ["letzte woche", "last week"], ["letzten monat", "last month"], ["diese woche", "this week"], ["diesen monat", "this month"], ["dieser woche", "this week"],
    ["nächste woche", "next week"], ["nächster woche", "next week"], ["in der kommenden woche", "next week"], ["kannste", ""], ["kommende woche", "next week"], ["ende der woche", "end of the week"],
    ["montag", "monday", EVERY_BEFORE], ["dienstag", "tuesday", EVERY_BEFORE], ["mittwoch", "wednesday", EVERY_BEFORE],
    ["donnerstag", "thursday", EVERY_BEFORE], ["freitag", "friday", EVERY_BEFORE], ["samstag", "saturday", EVERY_BEFORE],
    ["sonntag", "sunday", EVERY_BEFORE], ["jeden tag", "every day"], ["jeden abend", "every evening"], ["jeden morgen", "every morning"], ["täglich", "daily"], ["wöchentlich", "weekly"], ["monatlich", "monthly"],
    ["jeden", "every"], ["jede", "every"], ["jedes", "every"], ["nächsten", "next", WEEKDAY_AHEAD], ["kommenden", "next", WEEKDAY_AHEAD],
    ["montags", "on mondays"], ["dienstags", "on tuesdays"], ["mittwochs", "on wednesdays"], ["donnerstags", "on thursdays"],
    ["freitags", "on fridays"], ["samstags", "on saturdays"], ["sonntags", "on sundays"],
    // Ordinals and small talk
    ["die erste", "the first"], ["die zweite", "the second"], ["die dritte", "the third"], ["die vierte", "the fourth"], ["die letzte", "the last"],
    ["die andere", "the other one"], ["mir zeigen", "show me"], ["nee", "no"], ["nei", "no", { before: /^\s*(?:ah|oh|oh\s+je)?[\s,]*$/i }], ["entschuldigung", "sorry"], ["mit dem tag", "tagged"], ["schöns wochenend", "have a nice weekend"], ["noch was", "add", { after: /^\s*:/ }], ["stell's", "set it"], ["i mein", "I mean"], ["ist bezahlt", "is done"], ["moment", "wait", { before: /\b(?:nee|nein|ne)[\s,]*$/i }], ["stattdessen", "instead"], ["des", "", { before: /^\s*undo\s+$/i }], ["passt schon", "ok"], ["pfiat di", "bye"], ["pfiat eich", "bye"], ["alle zwei wochen", "every other week"],
    ["noch", "", { before: /\b(?:aufgabe|task)\s+\d+\s+$/i }], ["den tag", "the tag"], ["zu", "to", { before: /^\s*add\s+$/i }], ["mir bitte zeigen", "show me"], ["ansteht", "is due"], ["geben sie", "give it"], ["der ersten", "the first", { after: /^\s+(?:geben|gib)\b/i }], ["der zweiten", "the second", { after: /^\s+(?:geben|gib)\b/i }], ["der dritten", "the third", { after: /^\s+(?:geben|gib)\b/i }], ["der letzten", "the last", { after: /^\s+(?:geben|gib)\b/i }],
    ["dem", "it", { before: /\bgib\s+$/i }], ["tag's mit", "tag it"], ["schreib als notiz dazu", "add a note"], ["den anderen", "the other one"], ["das andere", "the other one"],
    ["hab ich erledigt", "is done"], ["habe ich erledigt", "is done"], ["hab ich gemacht", "is done"], ["habe ich gemacht", "is done"], ["lieber", "i mean", AFTER_COMMA], ["lieber", ""],
    ["den ersten", "the first"], ["den zweiten", "the second"], ["den dritten", "the third"], ["den letzten", "the last"],
    ["und auch", "and also"], ["auch", "too"], ["und", "and", { before: /^\s*$/ }], ["doch lieber", "actually"], ["tagge das mit", "tag it with"],
    ["tagge es mit", "tag it with"], ["hör auf, das zu wiederholen", "stop repeating it"], ["hör auf das zu wiederholen", "stop repeating it"],
    ["zur gleichen zeit", ""], ["gleiche zeit", ""], ["zur selben zeit", ""], ["nummer", "number"], ["die nummer", "number"], ["brauch ich nicht mehr", "i don't need it anymore"], ["brauche ich nicht mehr", "i don't need it anymore"],
    // "bitte" mid-sentence ("lösche bitte die Aufgabe …") says nothing; at the edges it is "please".
    ["bitte", "please", { before: /^\s*$/ }], ["bitte", "please", { after: /^\s*[.!?]*\s*$/ }], ["bitte", ""], ["danke", "thanks"], ["danke dir", "thanks"], ["danke euch", "thanks"], ["dankeschön", "thanks"], ["danke schön", "thanks"],
    ["vielen dank", "thanks"], ["das wär's", "that's all"], ["erzähl mir", "tell me"], ["erzähle mir", "tell me"], ["einen witz", "a joke"], ["eine geschichte", "a story"], ["ein gedicht", "a poem"], ["das wars", "that's all"], ["das war's", "that's all"], ["das ist alles", "that's all"], ["nichts mehr", "nothing else"], ["hallo", "hello"], ["guten morgen", "good morning"], ["guten tag", "hello"], ["guten abend", "good evening"],
    ["servus", "hello"], ["grüß gott", "hello"], ["ey", "hey", AT_START], ["moin", "hello"], ["nu", "", { before: /^\s*$/, after: /^\s*,/ }], ["was is'n", "what is"], ["tschüss", "bye"], ["gute nacht", "good night"], ["gut nacht", "good night"], ["guude", "hello", AT_START], ["mach's rückgängig", "undo it"], ["des war a schmarrn", "that was wrong"], ["ciao", "hello", AT_START], ["gell", "", { before: /,\s*$/, after: /^\s*[?!.]*\s*$/ }], ["für mein", "for my", AT_START], ["sag mal", "", AT_START], ["gut", "ok", { before: /^\s*$/, after: /^\s*[,.!]/ }], ["ab ins bett", "off to bed"], ["merci", "thanks", AT_START], ["ich kann nicht mehr", "I'm exhausted"], ["drück mir die daumen", "wish me luck"], ["schicht", "shift", { before: /\b(?:stunden|hours?)\s+$/i }], ["das schlagwort", "the tag"], ["jeden letzten freitag im monat", "every last friday of the month"], ["schönen abend noch", "have a nice evening"],
    ["schönen abend", "have a nice evening"], ["schönen tag noch", "have a nice day"], ["schöne tag no", "have a nice day"], ["schönes wochenende", "have a nice weekend"], ["bis bald", "see you soon"],
    ["auf wiedersehen", "bye"], ["ja", "yes"], ["nein", "no"], ["genau", "exactly"],
    ["was kannst du", "what can you do"], ["was kannst du alles", "what can you do"], ["wie funktioniert das", "how does this work"], ["hilfe", "help"], ["beides", "both"], ["mach", "make it", { after: /^\s+(?:\d{1,2}(?::\d\d)?(?:\s+uhr)?|halb\s+\p{L}+|viertel\s+(?:vor|nach)\s+\p{L}+)\s+draus\b/iu }], ["draus", "", { before: /(?:\buhr|\d|\bhalb\s+\p{L}+|\bviertel\s+(?:vor|nach)\s+\p{L}+)\s+$/iu }], ["fällt aus", "is cancelled"], ["bin", "i'm", { before: /(?:^|[!.,]\s*)$/, after: MOOD_AHEAD_DE.after }], ["total", "totally", MOOD_AHEAD_DE], ["müde", "tired", { before: /\bbin\s+(?:\S+\s+)*$/i }], ["ne große hilfe", "a big help"], ["eine große hilfe", "a big help"], ["bist", "you're", { after: /^\s+(?:echt\s+|wirklich\s+|so\s+)?(?:ne|eine)\s+große\s+hilfe\b/i }], ["echt", "really", { before: /\bbist\s+$/i }],
    ["kannst du", "can you"], ["könntest du", "could you"], ["würdest du", "would you"], ["wann ist", "when is"], ["wann sind", "when are"], ["bald", "soon"], ["schon", "already"],
    // "erinnere mich 2 Stunden vor dem Zahnarzttermin": an offset before a task.
    // "Winterreifen wechseln auf hohe Priorität setzen": the priority said, the verb dropped.
    ["auf", "", { after: /^\s+(?:hohe|niedrige|mittlere|normale)\s+prio(?:rität)?\b/i }],
    ["eigentlich", ""], ["nachmittags", "pm", DE_CLOCK_BEHIND], ["abends", "pm", DE_CLOCK_BEHIND], // A 24-hour clock reads "10 Uhr" as the morning already; an English "am" would be German "am" (on the).
    ["vormittags", "", DE_CLOCK_BEHIND], ["morgens", "", DE_CLOCK_BEHIND],
    ["vor dem", "before the", { before: /\b(?:minuten?|stunden?|tagen?|wochen?)\s+$/i }], ["vor der", "before the", { before: /\b(?:minuten?|stunden?|tagen?|wochen?)\s+$/i }],
    // "Könnten Sie …" (Sie), "um 8" (a clock time), "such mal nach …", "ist raus", "hab ich schon erledigt", "kannst du das abhaken".
    ["halt", "wait", { before: /(?:^|\bnein[\s,]*)$/i }], ["isch", "is"], ["könnten sie", "could you"], ["können sie", "can you"], ["um", "at", { after: /^\s+\d{1,2}(?::\d\d)?(?!\s*(?:tage?n?|wochen?|stunden?|minuten?)\b)/i }],
    ["such mal nach", "search for"], ["suche nach", "search for"], ["ist raus", "is done"], ["dran", "about it", { before: /\berinner\w*\s+mich\s+\S.*\s$/i, after: /^\s*[.!?]*\s*$/ }], ["dran", "", { after: /^\s*[.!?]*\s*$/ }],
    ["das", "that", { before: /\b(?:check off|delete|remove|move|complete|undo|reopen)\s+$/i }],
    // Chat German: "und dem Tag Finanzen", "setz die auf hohe prio", "das mit dem …", "jeden Mo".
    ["und dem tag", "tagged"], ["das mit dem", "the"], ["heute noch", "today"],
    ["wieder", "", { before: /\b(?:lösch|lösche|entfern|entferne)\s+(?:die|das|sie|es|ihn)\s+$/i }], ["jeden mo", "every monday"], ["hohe prio", "high priority"],
    // "lösch die 3", "benenn die 3 um in …": a task's number (not "die 3 Tage").
    ["die", "task", { after: /^\s+#?\d{1,3}(?![\d:.,])(?!\s+(?:tage?n?|wochen?|stunden?|minuten?|monate?n?|uhr|mal)\b)/i }],
    ["die", "it", DE_PRONOUN_OBJECT], ["das", "it", DE_PRONOUN_OBJECT],
    // "erinnere mich eine Stunde vorher daran", "zum Thema Geburtstag", "tagge die Präsentation mit #dringend", "füge hinzu: …".
    // Sie: "erfassen Sie …", "erinnern Sie mich …", "löschen Sie …".
    // "die mit dem Geschenk", "übrigens" mid-sentence, "grüezi", "nochmal".
    // "das zweite kannst du … schieben", "ne warte, ich meinte …, nicht …", "Jänner", "9 Uhr früh", "wann war …",
    // "neu: …", "merci vielmal", "hab ich morgen was?", "ist schon raus, kannst du abhaken", "prio niedrig".
    // "steht morgen eigentlich was an?"
    ["steht", "is there anything due", { before: /^\s*$/, after: /.*\ban\s*[?.!]*\s*$/i }], ["was an", "", { after: /^\s*[?.!]*\s*$/ }],
    ["das erste", "the first"], ["das zweite", "the second"], ["das dritte", "the third"],
    ["in der früh", "am", { before: /\d(?::\d\d)?\s+$/ }], ["in der früh", "", DE_CLOCK_BEHIND], ["gleiche uhrzeit", "same time"],
    // "verleg den auf Montag" (it), not "verschieb den Friseurtermin" (a noun follows: the article).
    ["den", "it", { before: /\b(?:verleg|verlege|verschieb|verschiebe|schieb|lösch|lösche)\s+$/i, after: /^\s+(?:auf|zu|nach|bitte|mal|doch|um|am|an|in|vor)\b|^\s*(?:[,.!?]|$)/iu }],
    ["ne", "no", { before: /^\s*(?:(?:hm+|äh|ach|oh|hmm)[\s,]+)?$/i }], ["falsch", "wrong", { before: /(?:^|\b(?:ne|nee|nein|oh|ach|mist|sorry)[\s,]*)$/i, after: /^\s*[,.!:-]/ }], ["ach ne", "oh no"], ["ach nee", "oh no"], ["ich meinte", "i meant"], ["nicht", "not", { before: /,\s*$/ }], ["nicht", "not", DE_DAY_NOT_DAY], ["jänner", "januar"], ["stell", "move", { after: /^\s+\S.*?\b(?:auf|on|to)\s+(?:den\s+|the\s+)?(?:\d|morgen|übermorgen|nächste|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)/i }], ["das letzte", "the last one"],
    // "jeden Dienstag und Donnerstag", "im Jänner", "am Tag davor", Austrian "eh".
    ["und", "and", { before: /(?:tag|woch)\s+$/i, after: /^\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)/i }],
    ["im", "in", { after: /^\s+(?:januar|jänner|februar|feber|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b/iu }],
    ["am tag davor", "the day before"], ["das gleiche für", "same for"], ["jeden ersten im monat", "on the 1st of every month"], ["jeden ersten des monats", "on the 1st of every month"], ["das gleiche", "same", { after: /^\s+bitte\s+für\b/i }], ["bitte für", "for", { before: /\bgleiche\s+$/i }], ["alles mit", "everything tagged", { after: /^\s+\p{L}+(?:\s+(?:kannst|als|bitte|ab|erledigt|löschen|verschieben)|\s*[.!?]*\s*$)/iu }], ["alles mit", "everything tagged", { after: /^\s+#\p{L}/u }], ["alle mit", "everything tagged", { after: /^\s+#\p{L}/u }], ["erst", "actually", { before: /(?:nein|no)[\s,]*$/i }], ["baba", "bye"],
    ["die ersten beiden", "the first two"], ["die von gestern", "yesterday's one"], ["wann muss ich", "when is"],
    ["zum", "the", { before: /\bmuss\s+ich\s+(?:nochmal\s+)?$/i }], ["schreib auf", "add"], ["ende des monats", "the end of the month"], ["ersten", "first", { after: /^\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b/i }], ["im monat", "in the month"], ["leg an", "add"], ["leg bitte an", "add"], ["leg mal an", "add"], ["lege bitte an", "add"], ["taggen sie es", "tag it"], ["mit", "with", { before: /\btaggen\s+sie\s+es\s+(?:bitte\s+)?$/i }], ["nomal", "", { after: /^\s*\?/ }], ["eh", ""],
    ["früh", "", DE_CLOCK_BEHIND], ["wann war", "when is"], ["neu", "new task", { after: /^\s*:/ }], ["merci vielmal", "thanks"],
    ["was", "anything", { before: /\S\s+$/, after: /^\s*\?*\s*$/ }], ["ist schon raus", "is done"],
    ["prio niedrig", "low priority"],
    ["noch", "", { after: /^\s+(?:mit|ein|auf|dazu|hinzu|(?:den|das)\s+tag)\b/i }], ["noch", "", { before: /^\s*(?:ich\s+)?muss\s+(?:\S+\s+)?$/i }], ["noch", "still"], ["warte", "wait", { before: /^\s*(?:ne|nein|no)[\s,]*$/i }],
    ["die mit dem", "the"], ["die mit der", "the"], ["übrigens", "", { before: /\S\s+$/ }], ["übrigens", "by the way"], ["grüezi", "hello"], ["nochmal", ""],
    ["erfassen sie", "add"], ["erinnern sie mich", "remind me"], ["löschen sie", "delete"], ["verschieben sie", "move"],
    ["markieren sie", "mark"], ["zeigen sie mir", "show me"], ["ändern sie", "change"], ["jeden zweiten", "every other"], ["jede zweite", "every other"],
    ["daran", "", { after: /^\s*[.!?]*\s*$/ }], ["zum thema", "about"], ["tagge", "tag"], ["tagg", "tag"],
    ["mit", "with", { before: /\btag(?:ge?)?\s+\S.*\s$/i, after: /^\s+#?[\p{L}\d_-]+\s*(?:[,.!?]|$|und\s)/u }], ["und nimm", "and remove the tag", { before: /\btag(?:ge?)?\s+\S.*\s$/i, after: /^\s+#?[\p{L}\d_-]+\s+raus\b/iu }], ["raus", "", { before: /\bnimm\s+#?[\p{L}\d_-]+\s+$/iu }], ["füge hinzu", "add"],
    // "ah na, ich mein mittwoch", "verschieb's auf …", "…, endlich 😅", "noch den Tag …".
    ["na", "no", { before: /^\s*(?:ah|oh|äh)?[\s,]*$/i }], ["ich mein", "i mean"], ["verschieb's", "move it"], ["endlich", "", { before: /,\s*$/, after: /^[^\p{L}\d]*$/u }],
    // "trag mal … ein", "prio hoch", "muss morgen noch … holen".
    ["hat noch zeit", "no rush"], ["beim", "from", { before: /\b(?:remove|entferne|entfern)\s+$/i }], ["das tag", "the tag"], ["mal", "", { before: /\b(?:trag|schreib|füg|pack|mach|zeig|add|lösch|loesch|hak|verschieb|schieb|markier|änder|setz)\s+$/i }], ["prio hoch", "high priority"], ["priorität hoch", "high priority"], ["muss", "i need to", AT_START],
    // "nee, die andere mein ich", "die verschieb bitte auf mittwoch", "puh, montag halt", "erinner mich da … dran", "top".
    ["abhaken", "check it off", { before: /,\s*$/ }], ["mein ich", "", { after: /^\s*[.!?]*\s*$/ }], ["mein ich", "", { before: /\S\s+$/, after: /^\s*[,;]/ }], ["die verschieb", "move it"], ["die lösch", "delete it"],
    ["puh", "ugh", AT_START], ["halt", "", { before: /\p{L}\s+$/u, after: /^[\s.!?,]*(?:\p{Extended_Pictographic}\u{FE0F}?\s*)*$/u }], ["da", "", { before: /\berinner\w*\s+mich\s+$/i }],
    // "neue aufgaben: …".
    ["neue aufgaben", "new tasks"],
    // "ok dann verschieb's …", "die zweite mach bitte hohe prio", "wann muss die offerte raus?", "zieh sie auf … vor", "stell ihn auf …".
    ["ok dann", "ok", AT_START], ["mach bitte", "make it"], ["wann muss", "when is"], ["raus", "", { before: /\bwann\s+muss\b.*\s$/i, after: /^\s*\?*\s*$/ }],
    ["sie", "it", { before: /\bmove\s+$/i }], ["stell ihn auf", "move it to"], ["noch alles offen", "open"],
  ],
};

/**
 * The command that adds, right before a new task's first word (see `INFINITIVE` in normalize.ts): the
 * table's own unconditioned rows that mean "add" ("agéndame", "crée") and the imperatives with a pronoun.
 */
const ADDS: Partial<Record<Foreign, string>> = Object.fromEntries(
  (["es", "fr"] as const).map((lang) => {
    const own = { es: ["añádeme", "apuntá"], fr: ["notez", "ajoutez"] }[lang];
    const words = [...new Set([...own, ...FOREIGN[lang].filter((r) => !r[2] && /^(?:add|create)$/.test(r[1])).map((r) => r[0])])]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, String.raw`\s+`));
    return [lang, String.raw`(?<![\p{L}'’])(?:${words.join("|")})`];
  }),
);
export const TITLE_START: Partial<Record<Foreign, RegExp>> = Object.fromEntries(
  Object.entries(ADDS).map(([lang, adds]) => [lang, new RegExp(String.raw`${adds}\s+$`, "iu")]),
);
/**
 * "apúntame pedir cita, recoger el paquete y llamar al casero", "pa mañana: comprar pilas y cambiar la
 * bombilla": an infinitive after "," or "and" in a list of them that began after the command that adds
 * (or a colon) is the next task's first word, kept as typed too.
 */
export const TITLE_LIST_GOES_ON: Partial<Record<Foreign, RegExp>> = Object.fromEntries(
  Object.entries(ADDS).map(([lang, adds]) => [
    lang,
    new RegExp(String.raw`(?:${adds}|:)\s+\p{L}+(?:ar|er|ir|re|ír)\s[^.!?;:]*(?:,|\s(?:y|e|et))\s+$`, "iu"),
  ]),
);

/**
 * Chat spellings, read before the tables (whose rows are written in the language's own
 * spelling): "q tareas tengo" is "qué tareas tengo", "jai quoi dem1" is "j'ai quoi demain",
 * "was is offen" is "was ist offen". Applied to the language `LANGUAGE_HINTS` found.
 */
export const CHAT_SPELLING: Record<Foreign, Row[]> = {
  es: [
    ["q", "qué", { before: /^\s*(?:(?:oye|y|pues|bueno|ok)\s+)?$/i }], ["q", "que"], ["que", "qué", { before: /(?:^|\b(?:oye|y|pues|bueno|ok)\s+)$/i, after: /^\s+(?:tengo|hay|me\s+queda|tareas)\b/i }],
    // "ponles a las dos la etiqueta navidad": "to both", not two o'clock.
    ["a las dos", "both", { before: /\b(?:ponles|dales|agrégales|añádeles)\s+$/i }], ["a los dos", "both", { before: /\b(?:ponles|dales|agrégales|añádeles)\s+$/i }],
    // "q cosas termine ayer": "what things" is "what".
    ["cosas", "", { before: /(?<![\p{L}])(?:q|qu[ée])\s+$/iu }],
    ["termine", "terminé", { before: /\b(?:qu[ée]|cu[áa]les)\s+(?:tareas\s+)?$/i }],
    // "qué cosas dejé hechas ayer": what was left done is what was finished.
    ["dejé hechas", "terminé"], ["dejé hecho", "terminé"], ["dejé listo", "terminé"], ["alcancé a terminar", "terminé"],
    ["cerré", "terminé", { before: /\b(?:qu[ée]|cu[áa]les)\s+(?:tareas\s+|cosas\s+)?$/i }],
    // "el jueves a las 9 hs", "a las 20 hrs": the hours' mark after a clock time.
    ["hs", "", { before: /\b\d{1,2}(?::\d\d)?\s+$/ }],
    ["holaa", "hola"], ["qué onda", "hola"], ["mñn", "mañana"], ["pa'l", "para el"], ["pal", "para el", { after: /^\s+(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|\d)/i }], ["pa", "para", { after: /^\s+(?:el|la|los|las|esta|este|mañana|hoy|pasado)\b/i }],
  ],
  fr: [
    // Swiss/French text-speak: "slt, g koi ajd ?", "ok c fait pr le train".
    ["1er", "1", { after: /^\s+\p{L}/u }], ["g koi", "j'ai quoi"], ["ajd", "aujourd'hui"], ["auj", "aujourd'hui"],
    ["jai", "j'ai"], ["semaine pro", "semaine prochaine"], ["qu est-ce", "qu'est-ce"], ["qu est ce", "qu'est-ce"], ["decale", "décale", { before: /^\s*$/ }], ["ke", "que"], ["note le", "note-le"], ["j ai", "j'ai"], ["cest-tu", "c'est"], ["c quoi", "c'est quoi"], ["c koi", "c'est quoi"], ["c pas", "c'est pas"], ["rapelle", "rappelle"], ["dem1", "demain"], ["pr", "pour"], ["c bon", "c'est bon"], ["c fait", "c'est fait"], ["slt", "salut"], ["g", "j'ai", { after: /^\s+(?:fini|\p{L}+é(?:e|s|es)?)\b/iu }],
    ["quest ce que", "qu'est-ce que"], ["qu'est ce", "qu'est-ce"], ["qqch", "quelque chose"], ["cest", "c'est"], ["aujourdhui", "aujourd'hui"], ["1re", "1", { before: /\bla\s+$/i }], ["rapeler", "rappeler"], ["rapelle-moi", "rappelle-moi"], ["suprime", "supprime"], ["2e", "2", { before: /\b(?:la|le)\s+$/i }], ["3e", "3", { before: /\b(?:la|le)\s+$/i }], ["tt", "tous", { after: /^\s+les\b/i }],
    // (Not "qu'est-ce qu'il y a demain": there "a" is the verb.)
    ["a", "à", { before: /(?<!\by\s+)$/i, after: /^\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|apr[eè]s[- ]demain|\d)/i }],
  ],
  de: [["sach ma", "sag mal"], ["dat", "das"], ["dit", "das"], ["wat", "was"], ["ick", "ich"], ["hob i", "hab ich"], ["angrufen", "angerufen"], ["jut", "gut"], ["'ne", "eine"], ["verschieb mal", "verschieb"], ["mit'm", "mit dem"], ["no nit", "noch nicht"], ["hüt", "heute"], ["wuche", "woche"], ["chönntest", "könntest"], ["chasch", "kannst"], ["morn", "morgen"], ["han i", "habe ich"], ["is", "ist", { before: /\b(?:was|wann|das|es|wer|wo)\s+$/i }], ["heut", "heute"], ["scho", "schon"], ["wohe", "woche"], ["un", "und", { before: /^\s*$/ }], ["nich", "nicht"], ["ma", "mir", { before: /\btrag\s+$/i }], ["ei", "ein", { after: /^\s*:/ }], ["zehne", "zehn"], ["vergessn", "vergessen"], ["feber", "februar"], ["in da früh", "in der früh"], ["eigtl", "eigentlich"], ["eig", "eigentlich", AT_START], ["is", "ist", { before: /\b(?:erste|zweite|dritte|letzte)\s+$/i }], ["no", "noch", { before: /\btrag\s+$/i }], ["ne", "eine", { after: /^\s+(?:halbe|stunde|viertelstunde)\b/i }], ["des", "das", { after: /^\s+(?:erste|zweite|dritte|vierte|letzte)\b/i }], ["i", "ich", { before: /\b(?:hab|hob|bin|muss|mein|moan)\s+$/i }], ["fertig gemacht", "erledigt"], ["fertiggemacht", "erledigt"], ["nöd", "nicht"], ["ned", "nicht"], ["nid", "nicht"], ["no", "noch", { after: /^\s+(?:nöd|ned|nid|nicht|offen|da|zu\s+tun)\b/i }], ["heit", "heute"], ["fürn", "für den"], ["uf", "auf"], ["nächschte", "nächsten", { after: /^\s+(?:montag|dienstag|mittwoch|mittwuch|donnerstag|freitag|samstag|sonntag)\b/i }], ["nächschte", "nächste"], ["nächste", "nächsten", { after: /^\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b/i }], ["gliichi zyt", "gleiche zeit"], ["mittwuch", "mittwoch"], ["verschiebe", "verschieben", { after: /^\s*(?:[,.!?]|$)/ }]],
};

/**
 * German word order: a separable verb's particle or a verb-final infinitive ends the sentence
 * ("füge Milch hinzu", "Milch kaufen hinzufügen", "hake den Zahnarzt ab", "benenne X in Y um").
 * Each row: [the verb in front (or "" when the whole verb ends the sentence), the word(s) at the
 * end, the English command they make]; the normaliser puts the command in front of the rest.
 * Questions ("was muss ich heute erledigen?") are left alone.
 */
export const DE_REORDER: ReadonlyArray<readonly [head: string, tail: string, to: string]> = [
  ["füge", "hinzu", "add"], ["füg", "hinzu", "add"], ["trag", "ein", "add"], ["trage", "ein", "add"], ["schreib", "auf", "add"],
  ["schreibe", "auf", "add"], ["", "erfassen", "add"], ["nimm", "auf", "add"], ["setz", "auf die liste", "add"], ["setze", "auf die liste", "add"],
  ["legen sie", "an", "add"], ["hak", "ab", "check off"], ["hake", "ab", "check off"], ["ich hak", "ab", "check off"], ["streich", "durch", "check off"], ["streiche", "durch", "check off"],
  ["mach", "rückgängig", "undo"], ["mache", "rückgängig", "undo"], ["nimm", "zurück", "undo"],
  ["nimm", "raus", "remove"], ["nimm", "heraus", "remove"], ["öffne", "wieder", "reopen"], ["mach", "wieder auf", "reopen"], ["benenne", "um", "rename"], ["benennen sie", "um", "rename"], ["schieb", "auf", "move"], ["", "schieben", "move"], ["habe ich", "schon erledigt", "have I already done"], ["hab ich", "schon erledigt", "have I already done"], ["zieh", "vor", "move"], ["ziehe", "vor", "move"],
  ["schiebe", "auf", "move"], ["was steht", "an", "what is due"], ["was ist", "fällig", "what is due"], ["was habe ich", "vor", "what do I have"], ["was hab ich", "vor", "what do I have"],
  ["was habe ich", "abgehakt", "what have I completed"], ["was habe ich", "erledigt", "what have I completed"], ["was hab ich", "abgehakt", "what have I completed"], ["", "legen", "move"], ["", "anlegen", "add"], ["", "anzeigen", "show"], ["", "wieder als offen markieren", "reopen"], ["pack", "dazu", "add"], ["ich habe", "erledigt", "I finished"], ["ich hab", "erledigt", "I finished"], ["hab", "erledigt", "I finished"], ["ich habe", "gemacht", "I did"], ["ich hab", "gemacht", "I did"],
  ["", "hinzufügen", "add"], ["", "eintragen", "add"], ["", "vorziehen", "move"], ["", "aufschreiben", "add"], ["", "notieren", "add"], ["", "auf die liste setzen", "add"],
  ["", "löschen", "delete"], ["", "entfernen", "remove"], ["", "rausnehmen", "remove"], ["", "rausschmeißen", "delete"], ["", "rauswerfen", "delete"], ["", "streichen", "delete"], ["", "abhaken", "check off"],
  ["", "als erledigt markieren", "complete"], ["", "erledigen", "complete"], ["", "verschieben", "move"], ["", "umbenennen", "rename"], ["", "umbenennen in", "rename"], ["tag", "dazu", "tag it"], ["lass das", "wiederholen", "make it repeat"], ["lass ihn", "wiederholen", "make it repeat"], ["häng", "dran", "give it"], ["", "geben", "give"],
  ["", "rückgängig machen", "undo"], ["", "wieder öffnen", "reopen"], ["", "wieder auf offen setzen", "reopen"], ["", "setzen", "set"],
];

/** Words before a German command that the verb-final rows skip ("bitte …", "kannst du …"). */
export const DE_LEADS = ["ey", "hey", "ach", "bitte", "kannst du", "kannst du bitte", "könntest du", "könntest du bitte", "würdest du", "könnten sie", "können sie", "ok", "okay", "also", "gut", "ähm", "äh", "und", "dann"];
/** A German sentence that starts like this is a question: its verb-final word is not a command. */
export const DE_QUESTION_START = /^(?:was|welche[nrs]?|wann|wie|wo|gibt|habe|hab|ist|sind|muss|soll|steht|stehen)\b/i;

/** Words that show a message's language (for the replies and the table the normaliser applies). */
export const LANGUAGE_HINTS: Record<Foreign, string[]> = {
  es: ["lo", "oye", "cuándo", "cuando", "devuélvemela", "acabé", "ayer", "perdona", "perdone", "liado", "segunda", "primera", "tercera", "desmárcala", "xfa", "completado", "espera", "cuarta", "majo", "póngale", "deshaga", "confundí", "repita", "agregue", "agrégueme", "avíseme", "cámbiele", "mñn", "deshace", "volvé", "ponerlo", "ponerla", "súbele", "eso", "tengo", "vencido", "vencidas", "añade", "apunta", "buenas", "noches", "adiós", "agrega", "muéstrame", "marca", "tareas", "tarea", "mañana", "hoy", "gracias", "deshaz", "qué", "también", "hecha", "borra", "elimina", "recuérdame", "mis", "enséñame", "mueve", "cambia", "quita", "completa", "hola", "viernes", "lunes", "martes", "miércoles", "jueves", "sábado", "domingo", "anota", "renombra", "aplaza", "reabre", "pendientes", "semana", "próxima", "sí", "ya", "del", "el", "una", "con", "por", "puedes", "funciona", "ayuda", "está", "hecho", "compré", "llamé", "pagué", "cuéntame", "chiste", "reabrir", "otra", "otro", "mejor", "hice", "borrar", "eliminar", "marcar", "completar", "mover", "cambiar", "podrías",
    "avísame", "ponle", "pon", "prioridad", "cuáles", "como", "podría", "borrá", "recordame", "porfa", "plis", "perfecto", "busca", "búscame", "tenga", "equivoqué", "mostrame", "etiqueta", "hora", "antes", "cada", "todos", "todas", "días", "semanas", "meses", "noche", "recordatorio", "repite", "repetir", "che", "todavía", "todavia", "reabrila", "reabrí", "ponme", "cambias", "misma", "po"],
  fr: ["steuplé", "rajoute", "svp", "montre", "tagué", "oups", "repousse-la", "coche-la", "pis", "allo", "tantôt", "jai", "bcp", "quand", "c'est", "qu'est", "retard", "quelles", "avance", "remets", "celui", "celle", "celui-là", "celle-là", "ajoute", "mets-la", "mets-le", "tâche", "tâches", "qu'ai-je", "cette", "bonne", "nuit", "bonsoir", "soirée", "journée", "revoir", "bientôt", "demain", "aujourd'hui", "merci", "marque", "qu'est-ce", "vendredi", "terminée", "annule", "supprime", "efface", "déplace", "montre-moi", "affiche", "lundi", "mardi", "mercredi", "jeudi", "samedi", "dimanche", "bonjour", "salut", "décale", "rappelle-moi", "renomme", "rouvre", "repousse", "reporte", "prochaine", "enlève", "oui", "non", "j'ai", "déjà", "le", "les", "du", "des", "avec", "peux", "peux-tu", "marche", "aide", "est-ce", "terminé", "fait", "raconte-moi", "blague", "l'autre", "plutôt", "supprimer", "effacer", "marquer", "terminer", "déplacer", "pourrais-tu", "stp", "quoi", "dans", "reste", "n'est", "pas", "pareil", "tag-la",
    "ajoute-lui", "donne-lui", "pourriez-vous", "vous", "s'il", "plaît", "priorité", "coche", "décoche", "réglée", "cherche", "l'étiquette", "heure", "avant", "veille", "rappel", "est", "dernière", "faite", "finalement", "je", "répète", "répéter", "slt", "koi", "ajd", "auj", "pr", "zut"],
  de: ["doch", "schmarrn", "rückgängig", "nur", "vielmal", "schöns", "wochenend", "entschuldigung", "meinte", "anzeigen", "erste", "zweite", "dritte", "umbenennen", "anlegen", "eigtl", "nich", "nee", "stattdessen", "passt", "scho", "pfiat", "ersten", "zweiten", "dritten", "letzten", "geben", "alle", "wochen", "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "pack", "schreib", "notiz", "dazu", "ansteht", "abgehakt", "hak", "jänner", "vielmal", "schöne", "ne", "grüezi", "nochmal", "übrigens", "erfassen", "erinnern", "löschen", "benenn", "verschieb", "tage", "und", "wann", "sind", "moin", "bis", "hohe", "mit", "dem", "tagge", "gute", "nacht", "abend", "schönen", "schönes", "wochenende", "tschüss", "wiedersehen", "ich", "mich", "mir", "meine", "meinen", "bitte", "aufgabe", "aufgaben", "morgen", "heute", "übermorgen", "erledigt", "erledige", "erledigen", "lösche", "lösch", "löschen", "füge", "füg", "hinzu", "hinzufügen", "verschiebe", "verschieben", "zeig", "zeige", "steht", "fällig", "rückgängig", "danke", "hallo", "erinnere", "markiere", "hake", "ändere", "benenne", "trag", "trage", "eintragen", "nächste", "nächsten", "uhr", "woche", "welche", "habe", "gibt", "auf", "für", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "entferne", "streiche", "notiere", "überfällig", "offen", "guten", "vielen", "schön", "ist", "mach", "mache", "wieder", "ja", "nein", "kannst", "funktioniert", "hilfe", "hab", "wir", "schon", "bald", "du", "andere", "anderen", "lieber", "erzähl", "erzähle", "witz", "verschieb's",
    "gib", "priorität", "könnten", "können", "such", "suche", "raus", "isch", "nummer", "übrigens", "abhaken", "erinner", "lieber", "jeden", "jede", "jedes", "monat", "bisch", "fürs", "gleiche", "erinnerung", "wiederhole", "nimm", "heraus", "datum", "fälligkeitsdatum", "eile", "keine", "leg", "lege", "ned", "nöd", "fertig", "vom", "beim", "bei"],
};

/**
 * "faut que j'appelle la caisse", "il faudrait que je finisse le rapport": a to-do said as a need in
 * the French subjunctive. The verb goes back to its infinitive so the title reads as one ("Appeler
 * la caisse"): irregular forms first, then the first ending that fits (longest first).
 */
export const FR_SUBJUNCTIVE: { irregular: Record<string, string>; endings: ReadonlyArray<readonly [string, string]> } = {
  irregular: { fasse: "faire", aille: "aller", prenne: "prendre", mette: "mettre", envoie: "envoyer" },
  endings: [["isse", "ir"], ["ende", "endre"], ["elle", "eler"], ["ette", "eter"], ["ène", "ener"], ["ète", "eter"], ["e", "er"]],
};

/**
 * Past-tense reports in Spanish, French and German ("ya compré la comida del perro", "j'ai appelé
 * le propriétaire", "ich habe Mama angerufen"): where the verb and its object are, the endings that
 * turn the verb back into an infinitive (every candidate is tried; only one that names exactly one
 * open task, with the object, counts), irregular forms, and the small words dropped from the object.
 */
export const PAST_TENSE: Record<Foreign, { re: RegExp; endings: ReadonlyArray<readonly [string, string]>; irregular: Record<string, string>; stop: string[] }> = {
  es: {
    re: /^(?:and\s+)?(?:ya\s+|por\s+fin\s+|hoy\s+|today\s+|yesterday\s+|already\s+)*(?:(?:he|hemos|ya\s+he|había|have\s+i\s+already)\s+)?(?:(?:lo|la|los|las|le|les)\s+)?(?<verb>\p{L}{2,}(?:é|í|ado|ido|to|cho)|\p{L}{3,}[ei]|hice|fui|puse|traje|dije|vi)\s+(?<object>.+)$/iu,
    // Typed without the accent too ("recogi el paquete", "pague la luz"): only a task it names counts.
    endings: [["gué", "gar"], ["qué", "car"], ["cé", "zar"], ["é", "ar"], ["í", "er"], ["í", "ir"], ["ado", "ar"], ["ido", "er"], ["ido", "ir"], ["gue", "gar"], ["que", "car"], ["ce", "zar"], ["e", "ar"], ["i", "er"], ["i", "ir"]],
    irregular: { hice: "hacer", hecho: "hacer", fui: "ir", puse: "poner", puesto: "poner", traje: "traer", dije: "decir", dicho: "decir", vi: "ver", visto: "ver", escrito: "escribir", devuelto: "devolver", vuelto: "volver", abierto: "abrir", roto: "romper", resuelto: "resolver" },
    stop: ["el", "la", "los", "las", "un", "una", "del", "de", "al", "a", "mi", "mis", "ya", "hoy", "today", "yesterday", "por", "fin", "para", "the", "con"],
  },
  fr: {
    re: /^(?:and\s+)?(?:(?:yesterday|today)[,\s]+)?(?:j'ai|on\s+a|nous\s+avons|je\s+suis|c'est)\s+(?:déjà\s+|enfin\s+|bien\s+|already\s+|today\s+|yesterday\s+)*(?<verb>\p{L}{2,})\s+(?<object>.+)$/iu,
    endings: [["é", "er"], ["ée", "er"], ["és", "er"], ["e", "er"], ["i", "ir"], ["u", "re"], ["us", "re"], ["u", "oir"], ["it", "ire"], ["is", "ir"]],
    irregular: { fait: "faire", pris: "prendre", mis: "mettre", écrit: "écrire", dit: "dire", vu: "voir", lu: "lire", bu: "boire", eu: "avoir", été: "être", ouvert: "ouvrir", rendu: "rendre", vendu: "vendre", offert: "offrir", appris: "apprendre", compris: "comprendre", reçu: "recevoir" },
    stop: ["le", "la", "les", "l", "un", "une", "du", "de", "des", "au", "aux", "à", "mon", "ma", "mes", "déjà", "enfin", "today", "yesterday", "this", "morning", "gars"],
  },
  de: {
    // "ich habe Mama angerufen", "hab ich die Wohnung schon geputzt?", "Blumen gegossen" (a participle alone).
    re: /^(?:and\s+)?(?:(?:(?:ich|wir)\s+(?:habe|hab|haben)|(?:habe|hab|haben)(?:\s+(?:ich|wir))?)\s+(?<object>.+?)\s+(?<verb>\p{L}{4,})|(?<object2>\p{L}.*?)\s+(?:(?:habe|hab|haben)\s+(?:ich|wir)\s+(?:(?:too|already|grad|gerade|eben|endlich|jetzt|today|yesterday|earlier|übrigens|by\s+the\s+way)\s+)*)?(?<verb2>(?:an|auf|aus|ein|mit|weg|zu|ab|vor|nach|zurück|raus|rein|hoch|runter)?ge\p{L}{3,}(?:t|en)|(?:be|ver|er|zer|ent|emp)\p{L}{3,}t|\p{L}{3,}iert))$/iu,
    endings: [["iert", "ieren"], ["et", "en"], ["t", "en"], ["en", "en"]],
    irregular: { gegossen: "gießen", geschrieben: "schreiben", gegessen: "essen", gegangen: "gehen", gebracht: "bringen", gedacht: "denken", getan: "tun", gewesen: "sein", gehabt: "haben", überwiesen: "überweisen", gesprochen: "sprechen" },
    stop: ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "mein", "meine", "meinen", "meinem", "meiner", "schon", "heute", "today", "yesterday", "gerade", "grad", "endlich", "earlier", "already", "bereits", "jetzt", "auch", "already", "finally", "mit"],
  },
};

/** Articles in front of a task's name in a question ("ist der Zahnarzt erledigt?", "¿está hecha la compra?"). */
export const ARTICLES: Record<Foreign, RegExp> = {
  es: /^(?:el|la|los|las|un|una|mi|mis)\s+/i,
  fr: /^(?:(?:le|la|les|un|une|mon|ma|mes)\s+|l')/i,
  de: /^(?:der|die|das|den|dem|ein|eine|einen|mein|meine|meinen)\s+/i,
};

/** Prepositions that announce a date in each language ("für morgen", "le 5 mars", "a las 5"): cut with the date. */
export const DATE_CONNECTORS: Record<Foreign, string[]> = {
  es: ["el", "la", "para", "antes del", "antes de", "hasta el", "hasta", "a las", "a la", "a", "al", "de", "del", "desde el", "en"],
  fr: ["le", "la", "pour", "avant le", "avant", "jusqu'au", "d'ici", "à", "dès", "au", "en", "ce"],
  de: ["am", "an", "für", "bis", "bis zum", "zum", "ab", "vor", "den", "dem", "spätestens", "im", "in"],
};

/** Verbs that start a command: "finish the tax return and remove the yoga task" is two clauses. */
/** Deleting verbs that are also nouns ("bin bags", "scrap paper"): commands only when they point at a task. */
/** States that are their deed's own word: "the fryer's clean" reports "Deep clean the fryer" done. */
export const DONE_STATES = ["clean", "tidy", "empty"];

export const NOUN_DELETE_VERBS = ["bin", "trash", "scrap", "toss", "axe", "nuke", "ditch", "chuck"];

export const COMMAND_LEADS = [
  "add", "complete", "mark", "delete", "remove", "move", "push", "reschedule", "postpone", "rename", "tag", "untag",
  "reopen", "finish", "undo", "show", "list", "change", "set", "make", "cancel", "check off", "tick off", "remind me", "bump",
];

/**
 * Requests outside a to-do list, as shapes rather than sentences: [verbs addressed to the
 * assistant, what is asked for, which answer of `messages.ts` (`outOfScope`) it gets].
 * "make dinner reservations" or "make an appointment with the vet" do not fit (no "me/us";
 * the object is a chore word). Rows are tried in order; the general favour rule
 * (`FAVOUR_*` below) comes after them.
 */
export const OUT_OF_SCOPE: ReadonlyArray<{ verbs: string[]; objects: string[] | "any"; reply: "entertain" | "physical" }> = [
  // Entertain me.
  {
    verbs: ["tell", "give", "write", "sing", "compose", "recite", "share", "make up", "read", "know", "got", "have", "do"],
    objects: ["joke", "jokes", "poem", "poems", "story", "stories", "song", "songs", "riddle", "riddles", "limerick", "limericks", "haiku", "haikus", "sonnet", "sonnets", "rap", "fun fact", "fun facts", "fact", "facts", "bedtime story", "pun", "puns", "tongue twister", "quote", "quotes"],
    reply: "entertain",
  },
  // Physical things the app cannot do for you.
  {
    verbs: ["make", "bring", "fetch", "cook", "bake", "brew", "pour", "get", "grab", "fix", "deliver", "hand", "pass", "build", "clean", "drive", "massage", "mow", "wash"],
    objects: "any",
    reply: "physical",
  },
];

/** Creative writing asked of the assistant without "me": "write a haiku about autumn", "compose a limerick". */
export const CREATIVE_VERBS = ["write", "compose", "tell", "sing", "recite", "make up", "come up with", "invent"];
/** "tell me something funny", "say something nice", "entertain me", "make me laugh". */
export const ENTERTAIN_PHRASES = [
  "tell me something", "say something", "tell me anything", "entertain me", "amuse me", "make me laugh", "cheer me up",
  "surprise me", "talk to me", "chat with me", "let's chat", "i'm bored", "im bored",
];

/**
 * A favour asked of the assistant: "<verb> me/us <something>" ("book me a flight", "find me a
 * recipe") or "<verb> <something> for me/us" ("call my sister for me"), where the verb is not one
 * of the list's own commands (`LIST_VERBS`) and the something is not about the list. The assistant
 * can only keep the list, so it says so and shows how to add it as a task. A date in the request
 * ("book me a table for friday") makes it a plan for the user: it stays a task.
 */
export const LIST_VERBS = [
  "add", "put", "note", "jot", "write down", "remind", "show", "list", "display", "let", "mark", "check", "tick", "cross",
  "complete", "finish", "delete", "remove", "move", "push", "reschedule", "postpone", "rename", "tag", "untag", "set",
  "change", "undo", "reopen", "schedule", "track", "keep", "help", "create", "make a note", "pull up", "bring up", "update",
  "save", "log", "record", "clear", "drop", "cancel", "give", "tell", "find", "search", "get", "look", "read", "pop", "stick",
  "pencil",
];
/** Verbs of LIST_VERBS that are favours when their object is not about the list ("tell me a story", "find me a plumber"). */
export const EITHER_VERBS = ["give", "tell", "find", "search", "get", "look", "read"];

/**
 * Acts in the world that only the user can do, asked of the assistant with "can you …" ("can u
 * text my brother happy birthday", "could you pay the gas bill"): a favour even without "me/us".
 * Said with a date ("can you call the vet on monday") it is the user's plan, a task.
 */
export const ASSISTANT_ACTIONS = [
  "text", "email", "e-mail", "message", "call", "ring", "phone", "send", "book", "order", "buy", "pay", "write",
];

/**
 * Services that come to the user at once ("can u order a pizza for 6pm", "book me an uber at 5"):
 * asked of the assistant, a favour even with a time — the time is when it should come, not a plan.
 */
export const SERVICES = ["pizza", "uber", "taxi", "cab", "takeaway", "takeout"];

/** Questions about the world, not the list ("what's the forecast for friday", "who won the match"): looked up nowhere. */
export const WORLD_TOPICS = [
  "weather", "forecast", "temperature", "rain", "raining", "snow", "snowing", "sunny", "news", "headlines", "score", "scores",
  "stock", "stocks", "share price", "exchange rate", "capital", "population", "president", "prime minister", "recipe",
  "recette", "translate", "translation", "meaning of", "definition of", "define", "traffic", "invented", "discovered", "tallest",
  "biggest", "largest", "how far", "how old is", "how tall", "time in", "plus", "minus", "times", "divided by", "square root",
  "horoscope", "lottery", "who won", "who is", "who was", "who's",
  // The same topics in the other languages (their questions keep these words).
  "wetter", "hauptstadt", "nachrichten", "temperatur", "tiempo hace", "noticias", "clima", "météo", "actualités", "nouvelles", "capitale",
];

/** Objects that make "make me a …"/"get me a …" a request about the list, not a physical favour. */
export const LIST_OBJECTS = /\b(?:tasks?|todos?|to-?dos?|lists?|reminders?|notes?|summary|overview|agenda|schedule|plan|appointment|reservations?|booking|copy|report|backup|export|due|overdue|pending|open|completed|done|finished|priority|urgent|tagged|remind(?:er)?|remember)\b/i;

/**
 * Two words joined by "and" that name one thing ("add salt and pepper", "fish and chips"): after
 * "add", "milk and eggs" is two tasks but these stay one (intents/add.ts `nounItems`).
 */
export const FIXED_PAIRS = [
  "salt and pepper", "fish and chips", "mac and cheese", "bread and butter", "sweet and sour", "pen and paper",
];

/**
 * Deeds said with another verb than the task's own: "talked to Diego" for "Call Diego about the rent",
 * "le hablé a mi abuela" for "Llamar a mi abuela". Each row: verbs (base forms) that do the same deed.
 */
export const SAME_DEEDS: ReadonlyArray<readonly string[]> = [
  ["call", "talk", "speak", "ring", "phone", "llamar", "hablar", "appeler", "parler", "téléphoner", "anrufen", "sprechen", "telefonieren"],
  // A deed said in one language of a task titled in another ("ya mandé el invoice" for "Send invoice to Acme").
  ["send", "mandar", "enviar", "envoyer", "schicken", "senden", "verschicken", "abschicken"],
  ["pay", "pagar", "payer", "bezahlen", "zahlen", "überweisen"],
  ["buy", "comprar", "acheter", "kaufen", "besorgen"],
  ["book", "reservar", "réserver", "buchen"],
  ["pick up", "collect", "recoger", "buscar", "récupérer", "abholen", "holen"],
  ["renew", "renovar", "renouveler", "verlängern"],
];

/** Words after a greeting that keep it a greeting ("good morning to you", "hi there everyone", "hallo du"). */
export const GREETING_TAILS = [
  "there", "to you", "to you too", "you too", "and you", "doable", "bot", "assistant", "buddy", "friend", "mate", "you", "all",
  "everyone", "everybody", "folks", "again", "du", "ihr", "euch", "anyone there", "is anyone there", "are you there", "anybody there",
  "amigo", "mon ami", "toi", "back", "once more", "dear",
];

/**
 * How the user feels, said to the assistant ("ugh i'm so lazy this week", "feeling swamped") and
 * praise for it ("you're the best"): answered kindly, never a task. Read after "i'm / feeling".
 */
export const MOODS = [
  "lazy", "tired", "exhausted", "stressed", "stressed out", "busy", "swamped", "overwhelmed", "sleepy", "bored",
  "knackered", "burnt out", "burned out", "unmotivated", "behind", "sick", "drained", "wiped out",
];
/**
 * Remarks about the weather ("it's so cold tonight lol", "il fait tellement frette ce soir", "hace un frío
 * tremendo"): said in passing, answered kindly, never a task. The words are as the tables leave them.
 */
export const WEATHER_REMARKS = {
  leads: ["it's", "its", "it is", "so", "il fait", "fait", "hace", "hace un", "hace una", "qué", "es ist", "es is", "ist das", "ist es", "is es"],
  degree: ["so", "soo", "really", "super", "very", "too", "way too", "freaking", "bloody", "tellement", "trop", "très", "donc", "mucho", "tanto", "muy", "un", "so", "echt", "voll", "sehr", "mega"],
  words: [
    "cold", "hot", "freezing", "boiling", "warm", "chilly", "sunny", "rainy", "windy", "humid", "snowy", "gorgeous",
    "froid", "frette", "chaud", "beau", "gris", "frío", "frio", "calor", "bochorno", "kalt", "heiß", "heiss", "warm", "schwül",
  ],
  tails: ["tremendo", "tremenda", "out", "outside", "today", "tonight", "here", "rn", "right now", "this morning", "this evening", "dehors", "draußen"],
};
export const PRAISE = [
  "you're the best", "you are the best", "you rock", "you're amazing", "you're awesome", "you're a lifesaver",
  "you're a legend", "legend", "lifesaver", "you're a star", "love you", "you're so kind",
];

/** Closing words: the user is done for now ("that's all", "nothing else", "we're done"). */
export const CLOSINGS = [
  "that's all", "that is all", "that's it", "that is it", "that's everything", "that'll be all", "that will be all",
  "nothing else", "nothing more", "all good", "all set", "we're done", "we are done", "i'm done", "i am done",
  "i'm good", "i'm all set", "no more", "done for now", "that's all for now", "that's it for now", "that's all for today",
  "that's it for today", "all done for now", "i think that's it", "i think that's all", "call it a day", "let's call it a day",
  "that's enough for today",
];

/**
 * Remarks about a task the user names (intents/remark.ts). Words that link the naming to a new
 * date or priority said after it: "the demo [got moved to] 4:30", "the retro [is now on] friday",
 * "the optician [can wait till] saturday".
 */
export const REMARK_LINKS = [
  "is", "are", "was", "were", "got", "gets", "has", "have", "been", "now", "will", "be", "'ll", "should", "can", "could", "must",
  "moved", "pushed", "pushed back", "rescheduled", "postponed", "bumped", "delayed", "shifted", "changed", "switched", "put off",
  "brought forward", "pulled forward", "move", "go", "shift", "set", "planned", "scheduled", "booked", "due", "happen", "happens", "happening", "wait",
  "done", "finished", "sorted", "to", "till", "until", "for", "on", "by", "at", "before", "back", "instead", "actually",
];
/** What may lead a remark: "i'll fix the bike tyre sat at 10", "make the status update repeat every friday". */
export const REMARK_LEADS = [
  "i'll", "i will", "i'm going to", "i am going to", "going to", "i plan to", "i'm planning to", "i want to",
  "we'll", "we will", "we're going to", "make", "let's do", "let's", "i can", "i could",
];
/** Said after a task's name, it is done: "visa docs submitted", "the boiler service is sorted". */
export const REMARK_DONE = [
  "done", "finished", "complete", "completed", "sorted", "sorted out", "handled", "taken care of", "dealt with", "over",
  "out of the way", "ticked off", "submitted", "paid", "paid up", "sent", "booked", "bought", "posted", "filed", "fixed", "cleaned",
  "renewed", "returned", "picked up", "dropped off", "collected", "ordered", "restocked",
];
/** Past deeds that say a task was not done ("skipped the gym", "swapped shifts with Erik"): never a completion. */
export const NOT_DONE_PASTS = ["swapped", "switched", "skipped", "missed", "postponed", "rescheduled"];
/** Said after a task's name, it stops repeating: "the gym renewal shouldn't repeat anymore". */
export const REMARK_NO_REPEAT = [
  "shouldn't repeat anymore", "shouldn't repeat any more", "should not repeat anymore", "shouldn't repeat", "should stop repeating",
  "doesn't need to repeat", "does not need to repeat", "no longer repeats", "doesn't repeat anymore", "doesn't repeat any more",
  "can stop repeating", "is a one-off", "is a one off", "is one-off",
];

/**
 * Clock times said in words, per language: [phrase with H for the hour, minutes, hours to add].
 * "half past 4" → 4:30, "quarter to 6" → 5:45, "halb 5" → 4:30, "6 menos cuarto" → 5:45.
 * The rewritten digits then meet the date parsers' own am/pm rules.
 */
export const CLOCK_WORDS: Record<Language, ReadonlyArray<readonly [phrase: string, minute: number, shift: number]>> = {
  en: [["half past H", 30, 0], ["half H", 30, 0], ["quarter past H", 15, 0], ["a quarter past H", 15, 0], ["quarter to H", 45, -1], ["a quarter to H", 45, -1], ["quarter of H", 45, -1]],
  de: [["halb H", 30, -1], ["viertel nach H", 15, 0], ["viertel vor H", 45, -1], ["dreiviertel H", 45, -1]],
  es: [["H y media", 30, 0], ["H y cuarto", 15, 0], ["H menos cuarto", 45, -1]],
  fr: [["H h et demie", 30, 0], ["H heures et demie", 30, 0], ["H heure et demie", 30, 0], ["H h et quart", 15, 0], ["H heures et quart", 15, 0], ["H h moins le quart", 45, -1], ["H heures moins le quart", 45, -1]],
};

/**
 * Words by which people take back what they just said, mid-message: "saturday, no wait, sunday",
 * "el sábado, no espera, el domingo". Matched after the foreign tables, so the other languages'
 * rows are as typed and as the tables leave them.
 */
export const SELF_CORRECTIONS = [
  "no wait", "wait no", "wait", "no sorry", "sorry", "i mean", "i meant", "or rather", "make that", "actually", "no", "oops", "scratch that",
  "no espera", "espera", "digo", "quiero decir", "o sea",
  // French "non" and German "nein" read as "no"; "mejor", "plutôt" and "lieber" after a comma as "i mean".
  "pardon", "enfin", "je veux dire",
  "no warte", "warte", "ich meine",
];

// The hours said as words, 1 to 12, in each language ("halb vier", "las nueve menos cuarto").
export const HOUR_WORDS: Record<Language, string[]> = {
  en: ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
  es: ["una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"],
  fr: ["une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"],
  de: ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"],
};

