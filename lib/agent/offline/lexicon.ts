// Phrasing knowledge as data: the word tables the normaliser applies before any intent is
// looked for. Teaching the interpreter a new spelling, abbreviation or foreign command word
// is adding a row here (and a case in cases/*.jsonl that uses it), not writing a new pattern.
//
// Each row: [what people type, what the parsers read]. Matching is by whole words, ignoring
// case; longer phrases win over shorter ones. A row may carry a `when` condition on the
// words around it, for abbreviations that are also ordinary words ("sun" cream vs "sun 3pm").

export type Row = readonly [from: string, to: string, when?: { before?: RegExp; after?: RegExp }];

// A weekday abbreviation that is also a word counts only next to a date connector or a time.
const DATE_SLOT = { before: /\b(?:on|by|next|this|until|till|due|before|after|every|from|to)\s+$/i };
const TIME_NEXT = { after: /^\s+(?:at\s+)?\d/ };

/** Text-speak, chat abbreviations and misspellings → plain English. */
export const TEXT_SPEAK: Row[] = [
  ["2moro", "tomorrow"], ["2morrow", "tomorrow"], ["tmrw", "tomorrow"], ["tmrrw", "tomorrow"], ["tmr", "tomorrow"],
  ["tmw", "tomorrow"], ["tomoz", "tomorrow"], ["tommorow", "tomorrow"], ["tomorow", "tomorrow"], ["tommorrow", "tomorrow"],
  ["2day", "today"], ["tday", "today"], ["2nite", "tonight"], ["2night", "tonight"], ["tonite", "tonight"],
  ["pls", "please"], ["plz", "please"], ["plse", "please"], ["thx", "thanks"], ["thnx", "thanks"], ["thanx", "thanks"],
  ["tnx", "thanks"], ["u", "you"], ["ur", "your"], ["r", "are"], ["wat", "what"], ["wot", "what"], ["wut", "what"],
  ["hav", "have"], ["hv", "have"], ["n", "and"], ["b4", "before"], ["abt", "about"], ["w/", "with"], ["bc", "because"],
  ["cuz", "because"], ["gonna", "going to"], ["wanna", "want to"], ["gotta", "have to"], ["lemme", "let me"],
  ["appt", "appointment"], ["mins", "minutes"], ["min", "minutes"], ["hr", "hour"], ["hrs", "hours"],
  ["wk", "week"], ["wks", "weeks"], ["nxt", "next"], ["asap", "asap"], ["eod", "end of day"],
  ["mon", "monday", DATE_SLOT], ["mon", "monday", TIME_NEXT], ["tue", "tuesday"], ["tues", "tuesday"],
  ["wed", "wednesday", DATE_SLOT], ["wed", "wednesday", TIME_NEXT], ["weds", "wednesday"], ["thu", "thursday"],
  ["thur", "thursday"], ["thurs", "thursday"], ["fri", "friday"], ["sat", "saturday", DATE_SLOT], ["sat", "saturday", TIME_NEXT],
  ["sun", "sunday", DATE_SLOT], ["sun", "sunday", TIME_NEXT],
  // "push it 2 tomorrow", "the gym 1": digits standing for words.
  ["2", "to", { after: /^\s+(?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|the\s+\d)\b/i, before: /[a-z]\s+$/i }],
  ["1", "one", { before: /\bthe\s+[a-z]+\s+$/i }],
];

/** Words in front of a command that say nothing about it ("yo", "lol wait", "ugh."). */
export const INTERJECTIONS = [
  "yo", "lol", "lmao", "haha", "hahaha", "hehe", "ugh", "argh", "hmm", "hm", "hmmm", "oh", "ooh", "oops", "whoops",
  "wait", "uh", "um", "er", "ah", "aah", "meh", "welp", "oof", "ok so", "okay so", "so", "k", "kk", "alright so",
  "wait no", "oh no", "no wait", "no sorry", "nope", "fine", "uy", "ay", "vale", "bueno", "oye", "bon", "alors", "euh", "ah bon",
  "ähm", "äh", "ach", "naja", "na ja", "okay also", "ok also",
];

/** The languages the interpreter reads and answers in. */
export type Language = "en" | "es" | "fr" | "de";
export type Foreign = Exclude<Language, "en">;

// German: a date word or a clock time follows ("auf Freitag", "um 17 Uhr" is chrono's).
const DE_DATE_AHEAD = {
  after: /^\s+(?:(?:den|dem|nächsten?|nächste|kommenden?|diesen?|dieses|spätestens)\s+)?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|übermorgen|heute|nächste|kommende|ende|\d|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)/i,
};
// "jeden Montag", "cada lunes", "chaque lundi": recurrence.ts reads English weekday names.
const EVERY_BEFORE = { before: /\b(?:every|jeden|jede|jedes|cada|todos\s+los|chaque|tous\s+les|nächsten|kommenden|next)\s+$/i };
// "décale la tâche 3 à lundi", "mueve la tarea 2 al viernes": the target day of a move.
const FR_DAY_AHEAD = { after: /^\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|après-demain|la\s+semaine)\b/i };
const ES_DAY_AHEAD = { after: /^\s+(?:(?:el\s+)?(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|mañana|pasado\s+mañana|la\s+semana|la\s+próxima)\b/i };
// "nächsten Freitag" is the coming one, as "next friday" (chrono.de reads it as next week's).
const WEEKDAY_AHEAD = { after: /^\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b/i };
// German "es"/"das" stand for the task only right after a command verb ("verschiebe es …").
const AFTER_VERB = { before: /^\s*(?:\S+\s+){1}$/ };
// "benenne X in Y um", "ändere den Titel von X zu Y": "in"/"zu" is "to" only there.
const RENAME_BEFORE = { before: /\b(?:rename|benenne|umbenennen|titel\s+von|namen\s+von|title\s+of)\b.+\s$/i };
// "und" joins two commands ("lösche 2 und 3", "… und erinnere mich …"); inside a title it stays.
const DE_COMMAND_AHEAD = {
  after: /^\s+(?:#?\d|(?:die\s+)?aufgabe\b|erinner|lösch|füg|verschieb|markier|erledig|hak|zeig|setz|änder|benenn|trag|mach|entfern|streich|remind|add|delete|move|mark|complete)/i,
};
// "erinnere mich morgen an den Zahnarzt": "an den" is "about" only after "erinnere mich".
const REMIND_BEFORE = { before: /\berinnere?\s+mich\b(?!.*\b(?:an|about)\b).*\s$/i };

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
export const FOREIGN: Record<Foreign, Row[]> = {
  es: [
    ["añade", "add"], ["añadir", "add"], ["agrega", "add"], ["agregar", "add"], ["apunta", "add"], ["anota", "add"],
    ["crea", "add"], ["recuérdame", "remind me to"], ["muéstrame", "show me"], ["muestra", "show"], ["enséñame", "show me"],
    ["marca", "mark"], ["completa", "complete"], ["termina", "complete"], ["borra", "delete"], ["elimina", "delete"], ["quita", "delete"],
    ["mueve", "move"], ["pasa", "move"], ["aplaza", "postpone"], ["cambia", "change"], ["renombra", "rename"], ["deshaz", "undo"], ["deshacer", "undo"],
    ["reabre", "reopen"], ["qué tareas tengo", "what tasks do I have"], ["qué tengo", "what do I have"], ["qué hay", "what is due"],
    ["qué vence", "what is due"], ["mis tareas", "my tasks"], ["tareas", "tasks"], ["tarea", "task"], ["la tarea", "task"],
    ["como hecha", "as done"], ["como hecho", "as done"], ["como completada", "as done"], ["como terminada", "as done"],
    ["como pendiente", "as not done"], ["pendientes", "pending"], ["vencidas", "overdue"], ["atrasadas", "overdue"],
    ["la primera", "the first"], ["el primero", "the first"], ["la segunda", "the second"], ["el segundo", "the second"],
    ["la tercera", "the third"], ["el tercero", "the third"], ["la última", "the last"], ["el último", "the last"],
    ["y también", "and also"], ["también", "also"], ["eso", "that"], ["esa", "that"], ["gracias", "thanks"],
    ["muchas gracias", "thanks"], ["hola", "hello"], ["buenos días", "good morning"], ["para mañana", "for tomorrow"], ["para hoy", "for today"],
    ["pasado mañana", "the day after tomorrow"], ["mañana por la mañana", "tomorrow morning"], ["mañana por la tarde", "tomorrow afternoon"],
    ["mañana", "tomorrow"], ["hoy", "today"], ["esta noche", "tonight"], ["esta tarde", "this afternoon"], ["esta semana", "this week"],
    ["la semana que viene", "next week"], ["la próxima semana", "next week"],
    ["lunes", "monday", EVERY_BEFORE], ["martes", "tuesday", EVERY_BEFORE], ["miércoles", "wednesday", EVERY_BEFORE],
    ["jueves", "thursday", EVERY_BEFORE], ["viernes", "friday", EVERY_BEFORE], ["sábado", "saturday", EVERY_BEFORE],
    ["domingo", "sunday", EVERY_BEFORE], ["cada", "every"], ["todos los días", "every day"], ["todos los", "every"],
    ["al", "to", ES_DAY_AHEAD], ["a", "to", ES_DAY_AHEAD], ["para el", "for", ES_DAY_AHEAD], ["prioridad alta", "high priority"], ["prioridad baja", "low priority"], ["urgente", "urgent"], ["sí", "yes"], ["vale", "okay"],
  ],
  fr: [
    ["ajoute", "add"], ["ajouter", "add"], ["crée", "add"], ["note", "add"], ["rappelle-moi de", "remind me to"], ["rappelle-moi d'", "remind me to "],
    ["rappelle-moi", "remind me"], ["montre-moi", "show me"], ["affiche", "show"], ["marque", "mark"], ["termine", "complete"], ["supprime", "delete"],
    ["efface", "delete"], ["enlève", "delete"], ["déplace", "move"], ["décale", "move"], ["repousse", "postpone"], ["reporte", "postpone"],
    ["renomme", "rename"], ["en", "to", { before: /\brenomme\b.+\s$/i }], ["por", "to", { before: /\brenombra\b.+\s$/i }], ["rouvre", "reopen"], ["annule", "undo"], ["mets-la", "make it"],
    ["mets-le", "make it"], ["mets", "put"], ["qu'est-ce que j'ai à faire", "what do I have to do"],
    ["qu'est-ce que j'ai", "what do I have"], ["mes tâches", "my tasks"], ["la tâche", "task"], ["tâches", "tasks"],
    ["tâche", "task"], ["comme terminée", "as done"], ["comme terminé", "as done"], ["comme faite", "as done"],
    ["comme fait", "as done"], ["comme non terminée", "as not done"], ["en retard", "overdue"], ["en priorité haute", "high priority"], ["priorité haute", "high priority"],
    ["en priorité basse", "low priority"], ["priorité basse", "low priority"], ["urgente", "urgent"], ["merci", "thanks"], ["merci beaucoup", "thanks"],
    ["bonjour", "hello"], ["salut", "hello"], ["après-demain", "the day after tomorrow"], ["demain matin", "tomorrow morning"],
    ["demain soir", "tomorrow evening"], ["demain", "tomorrow"], ["aujourd'hui", "today"], ["ce soir", "tonight"], ["cet après-midi", "this afternoon"],
    ["cette semaine", "this week"], ["la semaine prochaine", "next week"],
    ["lundi", "monday", EVERY_BEFORE], ["mardi", "tuesday", EVERY_BEFORE], ["mercredi", "wednesday", EVERY_BEFORE],
    ["jeudi", "thursday", EVERY_BEFORE], ["vendredi", "friday", EVERY_BEFORE], ["samedi", "saturday", EVERY_BEFORE],
    ["dimanche", "sunday", EVERY_BEFORE], ["chaque", "every"], ["tous les jours", "every day"], ["tous les", "every"],
    ["la première", "the first"], ["la deuxième", "the second"], ["la troisième", "the third"],
    ["la dernière", "the last"], ["annule ça", "undo that"], ["ça", "that"], ["oui", "yes"], ["non", "no"], ["à", "to", FR_DAY_AHEAD], ["pour", "for", FR_DAY_AHEAD],
  ],
  de: [
    // Adding ("füge … hinzu" and "… hinzufügen" are brought to the front by DE_REORDER first).
    ["trag", "add"], ["trage", "add"], ["notiere", "add"], ["notier", "add"], ["erstelle", "create"], ["erstell", "create"],
    ["leg", "create"], ["lege", "create"], ["neue aufgabe", "new task"], ["eine neue aufgabe", "a new task"], ["eine aufgabe", "a task"],
    ["erinnere mich an den", "remind me about"], ["erinnere mich an die", "remind me about"], ["erinnere mich an das", "remind me about"],
    ["erinnere mich ans", "remind me about"], ["erinnere mich an", "remind me about"], ["erinnere mich daran", "remind me to"],
    ["an den", "about", REMIND_BEFORE], ["an die", "about", REMIND_BEFORE], ["an das", "about", REMIND_BEFORE], ["ans", "about", REMIND_BEFORE],
    ["an", "about", REMIND_BEFORE], ["erinnere mich", "remind me"], ["erinner mich", "remind me"], ["ich muss", "I need to"], ["ich sollte", "I should"], ["wir müssen", "we need to"],
    // Listing
    ["zeig mir", "show me"], ["zeige mir", "show me"], ["zeig", "show"], ["zeige", "show"], ["liste", "list"],
    ["was steht", "what is due"], ["was ist", "what is"], ["was habe ich", "what do I have"], ["was hab ich", "what do I have"],
    ["was muss ich", "what do I have to do"], ["welche aufgaben habe ich", "what tasks do I have"], ["welche aufgaben", "which tasks"],
    ["habe ich", "do I have"], ["gibt es", "is there"], ["ist", "is"], ["sind", "are"], ["noch", "still"],
    ["meine aufgaben", "my tasks"], ["alle aufgaben", "all tasks"], ["die aufgabe", "task"], ["der aufgabe", "task"],
    ["aufgaben", "tasks"], ["aufgabe", "task"], ["alle", "all"], ["alles", "everything"], ["fällig", "due"], ["überfällig", "overdue"],
    ["überfälligen", "overdue"], ["überfällige", "overdue"], ["überfälliges", "overdue"], ["offen", "open"], ["offenen", "open"], ["offene", "open"],
    ["erledigten", "completed"], ["erledigte", "completed"], ["verspätete", "overdue"], ["als erledigt", "as done"],
    ["als fertig", "as done"], ["als offen", "as not done"], ["als nicht erledigt", "as not done"], ["nicht erledigt", "not done"],
    ["erledigt", "done"], ["fertig", "done"],
    // Completing, deleting, changing
    ["erledige", "complete"], ["erledigen", "complete"], ["markiere", "mark"], ["markier", "mark"], ["schließe", "complete"],
    ["lösche", "delete"], ["lösch", "delete"], ["entferne", "remove"], ["entfern", "remove"], ["streiche", "delete"], ["streich", "delete"],
    ["verschiebe", "move"], ["verschieb", "move"], ["schiebe", "move"], ["schieb", "move"], ["verlege", "move"], ["setze", "set"], ["setz", "set"], ["ändere", "change"], ["änder", "change"],
    ["benenne", "rename"], ["mach", "make", { after: /^\s+(?:es|das|sie|ihn|die\s+aufgabe)\b/i }],
    ["mache", "make", { after: /^\s+(?:es|das|sie|ihn|die\s+aufgabe)\b/i }],
    ["es", "it", AFTER_VERB], ["das", "that", AFTER_VERB], ["sie", "it", AFTER_VERB], ["ihn", "it", AFTER_VERB],
    ["rückgängig", "undo"], ["widerrufe", "undo"],
    ["den titel von", "the title of"], ["den namen von", "the title of"], ["die priorität von", "the priority of"],
    ["in", "to", RENAME_BEFORE], ["zu", "to", RENAME_BEFORE], ["und", "and", DE_COMMAND_AHEAD],
    ["auf hoch", "to high"], ["auf niedrig", "to low"], ["auf mittel", "to medium"],
    ["hohe priorität", "high priority"], ["mit hoher priorität", "with high priority"], ["niedrige priorität", "low priority"],
    ["mit niedriger priorität", "with low priority"], ["wichtig", "important"], ["dringend", "urgent"],
    ["mit dem tag", "tagged"], ["mit tag", "tagged"],
    // Dates: prepositions before a date word, units, relative words (see the comment above).
    ["auf", "to", DE_DATE_AHEAD], ["für", "for", DE_DATE_AHEAD], ["bis", "by", DE_DATE_AHEAD], ["ab", "from", DE_DATE_AHEAD],
    ["um", "by", { after: /^\s+(?:\d+|einen|eine|zwei|drei|vier)\s+(?:tag|tage|tagen|woche|wochen)\b/i }],
    ["einen", "a", { after: /^\s+(?:tag|woche|monat)\b/i }], ["eine", "an", { after: /^\s+(?:stunde)\b/i }], ["eine", "a", { after: /^\s+(?:woche)\b/i }],
    ["zwei", "two", { after: /^\s+(?:tage|wochen|stunden)\b/i }], ["drei", "three", { after: /^\s+(?:tage|wochen|stunden)\b/i }],
    ["stunden", "hours"], ["stunde", "hour"], ["minuten", "minutes"], ["minute", "minute"], ["tage", "days"], ["tagen", "days"],
    ["tag", "day", { before: /(?:\d|einen|a|zwei|drei|vier|jeden)\s+$/i }], ["wochen", "weeks"], ["woche", "week", { before: /(?:\d|einen|eine|a|an|zwei|drei|jede)\s+$/i }],
    ["vorher", "before"], ["früher", "before"], ["am tag vorher", "the day before"], ["am vortag", "the day before"], ["später", "later"],
    ["übermorgen", "the day after tomorrow"], ["morgen früh", "tomorrow morning"], ["morgen vormittag", "tomorrow morning"],
    ["morgen nachmittag", "tomorrow afternoon"], ["morgen abend", "tomorrow evening"], ["heute früh", "this morning"],
    ["heute morgen", "this morning"], ["heute nachmittag", "this afternoon"], ["heute abend", "tonight"], ["heute nacht", "tonight"],
    ["morgen", "tomorrow"], ["heute", "today"], ["diese woche", "this week"], ["dieser woche", "this week"],
    ["nächste woche", "next week"], ["nächster woche", "next week"], ["kommende woche", "next week"], ["ende der woche", "end of the week"],
    ["montag", "monday", EVERY_BEFORE], ["dienstag", "tuesday", EVERY_BEFORE], ["mittwoch", "wednesday", EVERY_BEFORE],
    ["donnerstag", "thursday", EVERY_BEFORE], ["freitag", "friday", EVERY_BEFORE], ["samstag", "saturday", EVERY_BEFORE],
    ["sonntag", "sunday", EVERY_BEFORE], ["jeden tag", "every day"], ["täglich", "daily"], ["wöchentlich", "weekly"], ["monatlich", "monthly"],
    ["jeden", "every"], ["jede", "every"], ["jedes", "every"], ["nächsten", "next", WEEKDAY_AHEAD], ["kommenden", "next", WEEKDAY_AHEAD],
    ["montags", "on mondays"], ["dienstags", "on tuesdays"], ["mittwochs", "on wednesdays"], ["donnerstags", "on thursdays"],
    ["freitags", "on fridays"], ["samstags", "on saturdays"], ["sonntags", "on sundays"],
    // Ordinals and small talk
    ["die erste", "the first"], ["die zweite", "the second"], ["die dritte", "the third"], ["die letzte", "the last"],
    ["den ersten", "the first"], ["den zweiten", "the second"], ["den dritten", "the third"], ["den letzten", "the last"],
    ["und auch", "and also"], ["auch", "too"], ["nummer", "number"],
    // "bitte" mid-sentence ("lösche bitte die Aufgabe …") says nothing; at the edges it is "please".
    ["bitte", "please", { before: /^\s*$/ }], ["bitte", "please", { after: /^\s*[.!?]*\s*$/ }], ["bitte", ""], ["danke", "thanks"], ["danke dir", "thanks"], ["danke euch", "thanks"], ["dankeschön", "thanks"], ["danke schön", "thanks"], ["dankeschön", "thanks"],
    ["vielen dank", "thanks"], ["hallo", "hello"], ["guten morgen", "good morning"], ["guten tag", "hello"], ["guten abend", "good evening"],
    ["servus", "hello"], ["moin", "hello"], ["tschüss", "bye"], ["ja", "yes"], ["nein", "no"], ["genau", "exactly"],
  ],
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
  ["schreibe", "auf", "add"], ["nimm", "auf", "add"], ["setz", "auf die liste", "add"], ["setze", "auf die liste", "add"],
  ["hak", "ab", "check off"], ["hake", "ab", "check off"], ["streich", "durch", "check off"], ["streiche", "durch", "check off"],
  ["mach", "rückgängig", "undo"], ["mache", "rückgängig", "undo"], ["nimm", "zurück", "undo"],
  ["öffne", "wieder", "reopen"], ["mach", "wieder auf", "reopen"], ["benenne", "um", "rename"], ["schieb", "auf", "move"],
  ["schiebe", "auf", "move"], ["was steht", "an", "what is due"], ["was habe ich", "vor", "what do I have"], ["was hab ich", "vor", "what do I have"],
  ["ich habe", "erledigt", "I finished"], ["ich hab", "erledigt", "I finished"], ["ich habe", "gemacht", "I did"], ["ich hab", "gemacht", "I did"],
  ["", "hinzufügen", "add"], ["", "eintragen", "add"], ["", "aufschreiben", "add"], ["", "notieren", "add"], ["", "auf die liste setzen", "add"],
  ["", "löschen", "delete"], ["", "entfernen", "remove"], ["", "streichen", "delete"], ["", "abhaken", "check off"],
  ["", "als erledigt markieren", "complete"], ["", "erledigen", "complete"], ["", "verschieben", "move"], ["", "umbenennen", "rename"],
  ["", "rückgängig machen", "undo"], ["", "wieder öffnen", "reopen"],
];

/** Words before a German command that the verb-final rows skip ("bitte …", "kannst du …"). */
export const DE_LEADS = ["bitte", "kannst du", "kannst du bitte", "könntest du", "könntest du bitte", "würdest du", "ok", "okay", "also", "gut", "ähm", "äh", "und", "dann"];
/** A German sentence that starts like this is a question: its verb-final word is not a command. */
export const DE_QUESTION_START = /^(?:was|welche[nrs]?|wann|wie|wo|gibt|habe|hab|ist|sind|muss|soll|steht|stehen)\b/i;

/** Words that show a message's language (for the replies and the table the normaliser applies). */
export const LANGUAGE_HINTS: Record<Foreign, string[]> = {
  es: ["añade", "apunta", "agrega", "muéstrame", "marca", "tareas", "tarea", "mañana", "hoy", "gracias", "deshaz", "qué", "también", "hecha", "borra", "elimina", "recuérdame", "mis", "enséñame", "mueve", "cambia", "quita", "completa", "hola", "viernes", "lunes", "martes", "miércoles", "jueves", "sábado", "domingo", "anota", "renombra", "aplaza", "reabre", "pendientes", "semana", "próxima", "sí"],
  fr: ["ajoute", "mets-la", "mets-le", "tâche", "tâches", "demain", "aujourd'hui", "merci", "marque", "qu'est-ce", "vendredi", "terminée", "annule", "supprime", "efface", "déplace", "montre-moi", "affiche", "lundi", "mardi", "mercredi", "jeudi", "samedi", "dimanche", "bonjour", "salut", "décale", "rappelle-moi", "renomme", "rouvre", "repousse", "reporte", "prochaine", "enlève", "oui", "non"],
  de: ["ich", "mich", "mir", "meine", "meinen", "bitte", "aufgabe", "aufgaben", "morgen", "heute", "übermorgen", "erledigt", "erledige", "erledigen", "lösche", "lösch", "löschen", "füge", "füg", "hinzu", "hinzufügen", "verschiebe", "verschieben", "zeig", "zeige", "steht", "fällig", "rückgängig", "danke", "hallo", "erinnere", "markiere", "hake", "ändere", "benenne", "trag", "trage", "eintragen", "nächste", "nächsten", "uhr", "woche", "welche", "habe", "gibt", "auf", "für", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "entferne", "streiche", "notiere", "überfällig", "offen", "guten", "vielen", "schön", "ist", "mach", "mache", "wieder", "ja", "nein", "uhr"],
};

/** Prepositions that announce a date in each language ("für morgen", "le 5 mars", "a las 5"): cut with the date. */
export const DATE_CONNECTORS: Record<Foreign, string[]> = {
  es: ["el", "la", "para", "antes del", "antes de", "hasta el", "hasta", "a las", "a la", "a", "al", "de", "del", "desde el", "en"],
  fr: ["le", "la", "pour", "avant le", "avant", "jusqu'au", "d'ici", "à", "dès", "au", "en", "ce"],
  de: ["am", "an", "um", "für", "bis", "bis zum", "zum", "ab", "vor", "den", "dem", "spätestens", "im", "in"],
};

/** Verbs that start a command: "finish the tax return and remove the yoga task" is two clauses. */
export const COMMAND_LEADS = [
  "add", "complete", "mark", "delete", "remove", "move", "push", "reschedule", "postpone", "rename", "tag", "untag",
  "reopen", "finish", "undo", "show", "list", "change", "set", "make", "cancel", "check off", "tick off", "remind me",
];

/**
 * Requests outside a to-do list, as shapes rather than sentences: [verbs addressed to the
 * assistant, who it is for, what is asked for, the short answer]. "make dinner reservations"
 * or "make an appointment with the vet" do not fit (no "me/us"; the object is a chore word).
 */
export const OUT_OF_SCOPE: ReadonlyArray<{ verbs: string[]; objects: string[] | "any"; reply: string }> = [
  // Entertain me.
  {
    verbs: ["tell", "give", "write", "sing", "compose", "recite", "share", "make up", "read", "know", "got", "have", "do"],
    objects: ["joke", "jokes", "poem", "poems", "story", "stories", "song", "songs", "riddle", "riddles", "limerick", "haiku", "fun fact", "bedtime story", "pun", "puns", "tongue twister"],
    reply: "Ha — I'd love to, but I'm only good at to-do lists, not entertainment. Want to add, check or tick off a task instead?",
  },
  // Physical things the app cannot do for you.
  {
    verbs: ["make", "bring", "fetch", "cook", "bake", "brew", "pour", "get", "grab", "fix", "deliver", "hand", "pass", "build", "clean", "drive", "massage", "mow", "wash"],
    objects: "any",
    reply: "I wish I could! I can't do things in the real world, but I can put it on your to-do list — just say \"add …\".",
  },
];

/** Objects that make "make me a …"/"get me a …" a request about the list, not a physical favour. */
export const LIST_OBJECTS = /\b(?:tasks?|todos?|to-?dos?|lists?|reminders?|notes?|summary|overview|agenda|schedule|plan|appointment|reservations?|booking|copy|report|backup|export)\b/i;

/** Closing words: the user is done for now ("that's all", "nothing else", "we're done"). */
export const CLOSINGS = [
  "that's all", "that is all", "that's it", "that is it", "that's everything", "that'll be all", "that will be all",
  "nothing else", "nothing more", "all good", "all set", "we're done", "we are done", "i'm done", "i am done",
  "i'm good", "i'm all set", "no more", "done for now", "that's all for now", "that's it for now", "that's all for today",
  "that's it for today", "all done for now", "i think that's it", "i think that's all",
];
