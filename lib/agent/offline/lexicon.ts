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
];

/**
 * Spanish and French command words and date words → the English the parsers read. Titles
 * keep the user's words (only these rows are replaced), so "apunta lavar el coche mañana"
 * becomes "add lavar el coche tomorrow" and the task is "Lavar el coche".
 */
export const FOREIGN: Row[] = [
  // Spanish
  ["añade", "add"], ["añadir", "add"], ["agrega", "add"], ["agregar", "add"], ["apunta", "add"], ["anota", "add"],
  ["crea", "add"], ["recuérdame", "remind me to"], ["muéstrame", "show me"], ["muestra", "show"], ["enséñame", "show me"],
  ["marca", "mark"], ["completa", "complete"], ["borra", "delete"], ["elimina", "delete"], ["quita", "delete"],
  ["mueve", "move"], ["pasa", "move"], ["cambia", "change"], ["deshaz", "undo"], ["deshacer", "undo"],
  ["qué tareas tengo", "what tasks do I have"], ["qué tengo", "what do I have"], ["qué hay", "what is due"],
  ["mis tareas", "my tasks"], ["tareas", "tasks"], ["tarea", "task"], ["la tarea", "task"],
  ["como hecha", "as done"], ["como hecho", "as done"], ["como completada", "as done"], ["como terminada", "as done"],
  ["la primera", "the first"], ["el primero", "the first"], ["la segunda", "the second"], ["el segundo", "the second"],
  ["la tercera", "the third"], ["el tercero", "the third"], ["la última", "the last"], ["el último", "the last"],
  ["y también", "and also"], ["también", "also"], ["eso", "that"], ["esa", "that"], ["gracias", "thanks"],
  ["muchas gracias", "thanks"], ["hola", "hello"], ["para mañana", "for tomorrow"], ["para hoy", "for today"],
  ["pasado mañana", "the day after tomorrow"], ["mañana", "tomorrow"], ["hoy", "today"], ["esta semana", "this week"],
  ["la semana que viene", "next week"], ["la próxima semana", "next week"],
  ["el lunes", "monday"], ["el martes", "tuesday"], ["el miércoles", "wednesday"], ["el jueves", "thursday"],
  ["el viernes", "friday"], ["el sábado", "saturday"], ["el domingo", "sunday"],
  ["lunes", "monday"], ["martes", "tuesday"], ["miércoles", "wednesday"], ["jueves", "thursday"], ["viernes", "friday"],
  ["sábado", "saturday"], ["domingo", "sunday"], ["prioridad alta", "high priority"], ["prioridad baja", "low priority"],
  // French
  ["ajoute", "add"], ["ajouter", "add"], ["crée", "add"], ["rappelle-moi de", "remind me to"],
  ["montre-moi", "show me"], ["affiche", "show"], ["marque", "mark"], ["termine", "complete"], ["supprime", "delete"],
  ["efface", "delete"], ["déplace", "move"], ["décale", "move"], ["annule", "undo"], ["mets-la", "make it"],
  ["mets-le", "make it"], ["mets", "put"], ["qu'est-ce que j'ai à faire", "what do I have to do"],
  ["qu'est-ce que j'ai", "what do I have"], ["mes tâches", "my tasks"], ["la tâche", "task"], ["tâches", "tasks"],
  ["tâche", "task"], ["comme terminée", "as done"], ["comme terminé", "as done"], ["comme faite", "as done"],
  ["comme fait", "as done"], ["en priorité haute", "high priority"], ["priorité haute", "high priority"],
  ["en priorité basse", "low priority"], ["priorité basse", "low priority"], ["merci", "thanks"], ["merci beaucoup", "thanks"],
  ["bonjour", "hello"], ["salut", "hello"], ["après-demain", "the day after tomorrow"], ["demain", "tomorrow"],
  ["aujourd'hui", "today"], ["cette semaine", "this week"], ["la semaine prochaine", "next week"],
  ["lundi", "monday"], ["mardi", "tuesday"], ["mercredi", "wednesday"], ["jeudi", "thursday"], ["vendredi", "friday"],
  ["samedi", "saturday"], ["dimanche", "sunday"], ["la première", "the first"], ["la deuxième", "the second"],
  ["la dernière", "the last"], ["annule ça", "undo that"], ["ça", "that"],
];

/** Words that show a message is Spanish or French (for the reply's language). */
export const LANGUAGE_HINTS: Record<"es" | "fr", string[]> = {
  es: ["añade", "apunta", "agrega", "muéstrame", "marca", "tareas", "tarea", "mañana", "hoy", "gracias", "deshaz", "qué", "también", "hecha", "borra", "elimina", "recuérdame", "mis"],
  fr: ["ajoute", "mets-la", "mets-le", "tâche", "tâches", "demain", "aujourd'hui", "merci", "marque", "qu'est-ce", "vendredi", "terminée", "annule", "supprime", "efface", "déplace", "montre-moi", "affiche"],
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
