// Every sentence the assistant says, per language (data): confirmations after the tools ran,
// errors, clarifying questions, small talk. The reply follows the language of the user's message
// (normalize.ts). Adding a language is adding one entry here (plus its word table in lexicon.ts).
// One file (over 300 lines): a table (data), every sentence of every language side by side.
import type { Language } from "./lexicon";

export type { Language } from "./lexicon";

/** What a clarifying question says the assistant was about to do ("Which one should I delete?"). */
export type Action =
  | "mark as done" | "reopen" | "delete" | "update" | "move" | "change instead" | "change"
  | "stop repeating" | "remove the reminder from" | "repeat" | "remind you about";

export type Messages = {
  actions: Record<Action, string>;
  // Confirmations
  added: (what: string) => string;
  addedMany: (n: number) => string;
  completed: (what: string) => string;
  completedMany: (n: number, names: string) => string;
  reopened: (what: string) => string;
  reopenedMany: (n: number, names: string) => string;
  deleted: (what: string) => string;
  deletedMany: (n: number, names: string) => string;
  updated: (what: string, parts: string[]) => string;
  change: {
    renamed: (title: string) => string;
    due: (when: string) => string;
    noDue: string;
    priority: (p: "low" | "medium" | "high") => string;
    tags: (tags: string) => string;
    noTags: string;
    note: (note: string) => string;
    noteRemoved: string;
    reminder: (when: string) => string;
    noReminder: string;
    repeats: (rule: string) => string;
    noRepeat: string;
  };
  /** Words for the one-line list summary and task details. */
  words: Record<"overdue" | "today" | "tomorrow" | "this_week" | "next_week" | "completed" | "pending" | "high" | "low" | "medium", string>;
  dueOn: (date: string) => string;
  tasks: (n: number) => string;
  noTasks: (what: string) => string;
  /** What undoing each kind of change did ("removed #8 Buy eggs"). */
  undid: Record<"added" | "completed" | "reopened" | "deleted", string>;
  undoMany: (n: number, list: string, allKnown: boolean) => string;
  undoNone: string;
  undoKnown: (what: string) => string;
  undoBack: (what: string) => string;
  rejectedAll: (n: number) => string;
  rejectedSome: (n: number) => string;
  couldNotRun: string;
  /** Tool errors: the service's English message for English, these otherwise. */
  errors: Partial<Record<string, string>> & { other: string };
  whichOfThese: (options: string) => string;
  // Clarifying questions
  manyMatch: (phrase: string, n: number, more: number, action: string, options: string) => string;
  unknownNumber: (n: number | undefined, action: string) => string;
  noList: (empty: boolean, phrase: string, action: string) => string;
  notSure: (phrase: string | null, action: string) => string;
  notFound: (phrase: string, action: string) => string;
  whichTasks: string;
  noGroupMatch: (status: "completed" | "pending" | undefined, phrase: string) => string;
  confirmPartial: (action: string, label: string) => string;
  hasNoTags: (label: string) => string;
  needsTimeToShift: (label: string) => string;
  newName: string;
  whichDate: (problem: string, title?: string) => string;
  reminderTime: (title: string, due: string, spec: string) => string;
  reminderDue: (title: string, spec: string) => string;
  newTaskName: string;
  whatToRemind: string;
  whatTask: string;
  moveWhen: string;
  moveTaskWhen: (label: string) => string;
  whatToChange: (label: string) => string;
  noDueYet: (title: string) => string;
  alreadyHave: (label: string) => string;
  onlyTodo: string;
  /** The help text (asked what the assistant can do). */
  help: string;
  /** Requests the assistant cannot fulfil (lexicon.ts OUT_OF_SCOPE, favours, world questions). */
  outOfScope: { entertain: string; physical: string; favour: (what: string) => string; lookup: string };
  /** Answers to yes/no and "when is" questions (reply.ts answerReply); `when`/`at`/`due` are whenPhrase()s. */
  answer: {
    notFound: (search: string) => string;
    many: (n: number, search: string, each: string) => string;
    itemWhen: (label: string, when: string | null) => string;
    itemStatus: (label: string, done: boolean) => string;
    withinNoDue: (label: string) => string;
    within: (inside: boolean, label: string, when: string, done: boolean) => string;
    whenNoDue: (label: string, done: boolean) => string;
    when: (label: string, when: string, done: boolean) => string;
    done: (yes: boolean, label: string, at: string, due: string) => string;
    open: (yes: boolean, label: string, at: string, due: string) => string;
  };
  notUnderstood: (shown: string, offer: string) => string;
  addOffer: string;
  cancelled: string;
  // Small talk
  greeting: (pending: number) => string;
  thanks: string;
  acknowledged: string;
  /** The user apologised ("sorry for the back and forth"). */
  noWorries: string;
  /** To a feeling or praise ("i'm so tired", "you're the best"). */
  mood: string;
  weather: string;
  /** "give me a minute", "hang on": no task, no question. */
  wait: string;
  goodbyeThanks: string;
  goodbye: string;
  bye: string;
  /** Answer to a wish ("enjoy your evening!"). */
  wishBack: string;
};

/** English "is tomorrow", "is on Thursday", but "is due Mon, Mar 30". */
const isDue = (when: string) => (/^(?:on|today|tomorrow|yesterday)\b/.test(when) ? "" : "due ");
const quote = (lang: Language, s: string) => ({ en: `"${s}"`, es: `«${s}»`, fr: `« ${s} »`, de: `„${s}“` })[lang];
const ENGLISH_ACTIONS: Record<Action, string> = {
  "mark as done": "mark as done", reopen: "reopen", delete: "delete", update: "update", move: "move", "change instead": "change instead",
  change: "change", "stop repeating": "stop repeating", "remove the reminder from": "remove the reminder from", repeat: "repeat",
  "remind you about": "remind you about",
};

export const MESSAGES: Record<Language, Messages> = {
  en: {
    actions: ENGLISH_ACTIONS,
    added: (w) => `Added ${w}`,
    addedMany: (n) => `Added ${n} tasks:`,
    completed: (w) => `Marked ${w} as done. ✓`,
    completedMany: (n, names) => `Marked ${n} tasks as done: ${names}.`,
    reopened: (w) => `Reopened ${w} — it's open again.`,
    reopenedMany: (n, names) => `Reopened ${n} tasks: ${names}.`,
    deleted: (w) => `Deleted ${w}. Say “undo” to bring it back.`,
    deletedMany: (n, names) => `Deleted ${n} tasks: ${names}. Say “undo” to bring them back.`,
    updated: (w, parts) => (parts.length ? `Updated ${w}: ${parts.join(", ")}.` : `Updated ${w}.`),
    change: {
      renamed: (t) => `renamed to “${t}”`, due: (d) => `due ${d}`, noDue: "no due date", priority: (p) => `${p} priority`,
      tags: (t) => `tags ${t}`, noTags: "no tags", note: (n) => `note: “${n}”`, noteRemoved: "note removed",
      reminder: (r) => `reminder ${r}`, noReminder: "no reminder", repeats: (r) => `repeats ${r}`, noRepeat: "no longer repeats",
    },
    words: { overdue: "overdue", today: "due today", tomorrow: "due tomorrow", this_week: "due this week", next_week: "due next week", completed: "completed", pending: "open", high: "high priority", low: "low priority", medium: "medium priority" },
    dueOn: (d) => `due ${d}`,
    tasks: (n) => (n === 1 ? "1 task" : `${n} tasks`),
    noTasks: (what) => (what ? `No tasks match (${what}).` : "No tasks match — your list is empty."),
    undid: { added: "removed", completed: "reopened", reopened: "marked as done again", deleted: "restored" },
    undoMany: (n, list, known) => (known ? `Undid ${n} changes: ${list}.` : `Undid ${n} changes: ${list} are back as they were.`),
    undoNone: "Undone — your last change is reverted.",
    undoKnown: (w) => `Undone — ${w}.`,
    undoBack: (w) => `Undone — ${w} is back as it was.`,
    rejectedAll: (n) => `Okay — I left those ${n} tasks as they were.`,
    rejectedSome: (n) => `I left the ${n} rejected changes out.`,
    couldNotRun: "I couldn't run that — please try again.",
    errors: { other: "Something went wrong." },
    whichOfThese: (o) => `Which one did you mean: ${o}?`,
    manyMatch: (p, n, more, a, o) => `"${p}" matches ${n} tasks${more ? ` (and ${more} more)` : ""}. Which one should I ${a}: ${o}?`,
    unknownNumber: (n, a) => `I can't find task #${n}. Which task did you want me to ${a}?`,
    noList: (empty, p, a) => `${empty ? "The last list I showed you was empty, so there's no" : "I haven't shown you a list yet, so there's no"} "${p}" to pick. Which task should I ${a} (its number or part of its title)?`,
    notSure: (p, a) => `I'm not sure which task you mean${p ? ` by "${p}"` : ""}. Which one should I ${a} (its number or part of its title)?`,
    notFound: (p, a) => `I couldn't find a task matching "${p}". Which task did you want me to ${a} (its number or part of its title)?`,
    whichTasks: `Which tasks do you mean (their numbers, e.g. "3 and 5")?`,
    noGroupMatch: (s, p) => `I couldn't find any ${s === "completed" ? "completed " : s === "pending" ? "open " : ""}tasks matching "${p}". Which tasks did you mean?`,
    confirmPartial: (a, l) => `I'm not sure I have the right task. Should I ${a} ${l}?`,
    hasNoTags: (l) => `${l} has no tags. Did you mean another task?`,
    needsTimeToShift: (l) => `${l} has no time set, so there's no hour to move. What time should it be?`,
    newName: "What should the new name be?",
    whichDate: (problem, title) => `${problem} Which date did you mean${title ? ` for "${title}"` : ""}?`,
    reminderTime: (t, due, spec) => `${t} would be due ${due} with no time. What time is it, so I can remind you ${spec}?`,
    reminderDue: (t, spec) => `When is ${t} due, so I can remind you ${spec}?`,
    newTaskName: "What should the new task be called?",
    whatToRemind: "Sure — what should I remind you about, and when?",
    whatTask: "Sure — what's the task?",
    moveWhen: "Sure — to when should I move it?",
    moveTaskWhen: (l) => `To when should I move ${l}?`,
    whatToChange: (l) => `What should I change about ${l} — its title, due date, priority, tags or note?`,
    noDueYet: (t) => `${t} has no due date yet. When should it be due, or when should I remind you?`,
    alreadyHave: (l) => `You already have ${l}. Do you want to add it again, or mark it as done?`,
    help: [
      "I manage your to-do list. Try things like:",
      "- **Add**: “remind me to book the vet on Thursday at 11am”, “add buy stamps #errands, high priority”",
      "- **List**: “what's due on Friday?”, “show my completed tasks”, “any tasks about taxes?”",
      "- **Complete**: “mark task 2 as finished”, “I fed the cat”, “reopen task 4”",
      "- **Change**: “move the report to Friday 3pm”, “rename task 1 to buy snacks”, “tag task 5 with travel”",
      "- **Delete / undo**: “delete task 9”, “undo that”",
      "",
      "What would you like to do?",
    ].join("\n"),
    outOfScope: {
      entertain: "Ha — I'd love to, but I'm only good at to-do lists, not entertainment. Want to add, check or tick off a task instead?",
      physical: "I wish I could! I can't do things in the real world, but I can put it on your to-do list — just say \"add …\".",
      favour: (w) => `I can't do that myself — I only keep your to-do list. To put it on your list, say “add ${w}”.`,
      lookup: "I can't look things up — I only know your to-do list. Want to see what's due, or add a task?",
    },
    answer: {
      notFound: (s) => `I couldn't find a task matching “${s}”.`,
      many: (n, s, each) => `${n} tasks match “${s}”: ${each}.`,
      itemWhen: (l, w) => (w ? `${l} is ${w}` : `${l} has no due date`),
      itemStatus: (l, done) => (done ? `${l} is done` : `${l} is still open`),
      withinNoDue: (l) => `It has no due date — ${l} isn't scheduled for any day yet.`,
      within: (inside, l, w, done) => (done ? `${inside ? "Yes" : "No"} — ${l} was ${isDue(w)}${w}, and it's already done.` : `${inside ? "Yes" : "No"} — ${l} is ${isDue(w)}${w}.`),
      whenNoDue: (l, done) => `${l} has no due date yet${done ? ", and it's done" : ""}.`,
      when: (l, w, done) => (done ? `${l} was due ${w} — it's already done.` : `${l} is ${isDue(w)}${w}.`),
      done: (yes, l, at, due) => (yes ? `Yes — you completed ${l}${at ? ` ${at}` : ""}.` : `Not yet — ${l} is still open${due ? `, due ${due}` : ""}.`),
      open: (yes, l, at, due) => (yes ? `Yes — ${l} is still open${due ? `, due ${due}` : ""}.` : `No — you completed ${l}${at ? ` ${at}` : ""}.`),
    },
    onlyTodo: `I can only help with your to-do list. You can ask me to add, show, complete, change or delete tasks — for example "what's due on Friday?". What would you like to do?`,
    notUnderstood: (shown, offer) => `I'm not sure what you'd like me to do with "${shown}". I can add, show, complete, change or delete tasks — ${offer}?`,
    addOffer: "should I add it as a new task",
    cancelled: "Okay, I won't change anything.",
    greeting: (n) => `Hi!${n ? ` You have ${n} open task${n === 1 ? "" : "s"}.` : ""} What would you like to do?`,
    thanks: "You're welcome! Anything else I can do for your list?",
    acknowledged: "Great! Anything else I can do for your list?",
    noWorries: "No worries at all! Anything else for your list?",
    weather: "What weather! Anything I can do for your list?",
    mood: "I hear you. One small thing at a time — ask me what's due whenever you're ready.",
    wait: "Sure — take your time.",
    goodbyeThanks: "You're welcome! Your tasks are saved whenever you need them.",
    goodbye: "Alright! Your tasks are saved whenever you need them.",
    bye: "Bye! Your tasks are saved whenever you come back.",
    wishBack: "Thanks, you too! Your tasks are saved whenever you come back.",
  },
  es: {
    actions: {
      "mark as done": "marcar como hecha", reopen: "reabrir", delete: "borrar", update: "cambiar", move: "mover", "change instead": "cambiar en su lugar",
      change: "cambiar", "stop repeating": "dejar de repetir", "remove the reminder from": "quitarle el recordatorio", repeat: "repetir",
      "remind you about": "recordarte",
    },
    added: (w) => `Añadí ${w}`,
    addedMany: (n) => `Añadí ${n} tareas:`,
    completed: (w) => `Marqué ${w} como hecha. ✓`,
    completedMany: (n, names) => `Marqué ${n} tareas como hechas: ${names}.`,
    reopened: (w) => `Reabrí ${w}: vuelve a estar pendiente.`,
    reopenedMany: (n, names) => `Reabrí ${n} tareas: ${names}.`,
    deleted: (w) => `Borré ${w}. Di «deshacer» para recuperarla.`,
    deletedMany: (n, names) => `Borré ${n} tareas: ${names}. Di «deshacer» para recuperarlas.`,
    updated: (w, parts) => (parts.length ? `Cambié ${w}: ${parts.join(", ")}.` : `Cambié ${w}.`),
    change: {
      renamed: (t) => `ahora se llama «${t}»`, due: (d) => `para el ${d}`, noDue: "sin fecha", priority: (p) => `prioridad ${{ high: "alta", medium: "media", low: "baja" }[p]}`,
      tags: (t) => `etiquetas ${t}`, noTags: "sin etiquetas", note: (n) => `nota: «${n}»`, noteRemoved: "sin nota",
      reminder: (r) => `recordatorio el ${r}`, noReminder: "sin recordatorio", repeats: (r) => `se repite (${r})`, noRepeat: "ya no se repite",
    },
    words: { overdue: "vencidas", today: "para hoy", tomorrow: "para mañana", this_week: "para esta semana", next_week: "para la semana que viene", completed: "hechas", pending: "pendientes", high: "prioridad alta", low: "prioridad baja", medium: "prioridad media" },
    dueOn: (d) => `para el ${d}`,
    tasks: (n) => `${n} ${n === 1 ? "tarea" : "tareas"}`,
    noTasks: (what) => `No hay tareas${what ? ` (${what})` : ""}.`,
    undid: { added: "quité", completed: "reabrí", reopened: "marqué otra vez como hecha", deleted: "recuperé" },
    undoMany: (n, list, known) => (known ? `Deshice ${n} cambios: ${list}.` : `Deshice ${n} cambios: ${list} vuelven a estar como antes.`),
    undoNone: "Hecho: deshice tu último cambio.",
    undoKnown: (w) => `Deshecho: ${w}.`,
    undoBack: (w) => `Deshecho: ${w} vuelve a estar como antes.`,
    rejectedAll: (n) => `De acuerdo: dejé esas ${n} tareas como estaban.`,
    rejectedSome: (n) => `Dejé fuera los ${n} cambios rechazados.`,
    couldNotRun: "No pude hacerlo; inténtalo de nuevo.",
    errors: {
      not_found: "No encuentro esa tarea.", ambiguous: "Varias tareas coinciden.", nothing_to_undo: "No hay nada que deshacer.",
      cannot_undo: "Eso ya no se puede deshacer.", invalid_input: "Falta algo en la petición.", other: "Algo salió mal; no cambié nada.",
    },
    whichOfThese: (o) => `¿Cuál querías decir: ${o}?`,
    manyMatch: (p, n, more, a, o) => `«${p}» coincide con ${n} tareas${more ? ` (y ${more} más)` : ""}. ¿Cuál quieres ${a}: ${o}?`,
    unknownNumber: (n, a) => `No encuentro la tarea #${n}. ¿Qué tarea querías ${a}?`,
    noList: (empty, p, a) => `${empty ? "La última lista que te mostré estaba vacía" : "Todavía no te he mostrado ninguna lista"}, así que no hay «${p}» que elegir. ¿Qué tarea quieres ${a} (su número o parte del título)?`,
    notSure: (p, a) => `No sé bien a qué tarea te refieres${p ? ` con «${p}»` : ""}. ¿Cuál quieres ${a} (su número o parte del título)?`,
    notFound: (p, a) => `No encuentro ninguna tarea que coincida con «${p}». ¿Qué tarea querías ${a} (su número o parte del título)?`,
    whichTasks: "¿Qué tareas quieres decir (sus números, p. ej. «3 y 5»)?",
    noGroupMatch: (s, p) => `No encuentro tareas ${s === "completed" ? "hechas " : s === "pending" ? "pendientes " : ""}que coincidan con «${p}». ¿Qué tareas querías decir?`,
    confirmPartial: (a, l) => `No estoy seguro de tener la tarea correcta. ¿Quieres ${a} ${l}?`,
    hasNoTags: (l) => `${l} no tiene etiquetas. ¿Te referías a otra tarea?`,
    needsTimeToShift: (l) => `${l} no tiene hora, así que no hay hora que mover. ¿A qué hora la pongo?`,
    newName: "¿Cómo debería llamarse ahora?",
    whichDate: (problem, title) => `${problem} ¿Qué fecha querías decir${title ? ` para «${title}»` : ""}?`,
    reminderTime: (t, due) => `${t} quedaría para el ${due} sin hora. ¿A qué hora es, para poder avisarte antes?`,
    reminderDue: (t) => `¿Para cuándo es ${t}, para poder avisarte antes?`,
    newTaskName: "¿Cómo se llama la nueva tarea?",
    whatToRemind: "Claro: ¿qué quieres que te recuerde, y cuándo?",
    whatTask: "Claro: ¿cuál es la tarea?",
    moveWhen: "Claro: ¿a cuándo la muevo?",
    moveTaskWhen: (l) => `¿A cuándo muevo ${l}?`,
    whatToChange: (l) => `¿Qué cambio de ${l}: el título, la fecha, la prioridad, las etiquetas o la nota?`,
    noDueYet: (t) => `${t} todavía no tiene fecha. ¿Para cuándo es, o cuándo quieres que te lo recuerde?`,
    alreadyHave: (l) => `Ya tienes ${l}. ¿La añado otra vez o la marco como hecha?`,
    help: [
      "Llevo tu lista de tareas. Prueba cosas como:",
      "- **Añadir**: «recuérdame llamar al veterinario el jueves a las 11», «añade comprar sellos, prioridad alta»",
      "- **Ver**: «¿qué tengo el viernes?», «enséñame lo pendiente»",
      "- **Completar**: «marca la tarea 2 como hecha», «reabre la tarea 4»",
      "- **Cambiar**: «mueve la tarea 3 al viernes», «renombra la tarea 1 por comprar galletas»",
      "- **Borrar / deshacer**: «borra la tarea 9», «deshaz eso»",
      "",
      "¿Qué quieres hacer?",
    ].join("\n"),
    outOfScope: {
      entertain: "¡Ja! Me encantaría, pero solo sé de listas de tareas, no de entretenimiento. ¿Quieres añadir, ver o completar una tarea?",
      physical: "¡Ojalá pudiera! No puedo hacer cosas en el mundo real, pero puedo ponerlo en tu lista: di «añade …».",
      favour: (w) => `Eso no puedo hacerlo yo: solo llevo tu lista de tareas. Para apuntarlo, di «añade ${w}».`,
      lookup: "No puedo buscar información: solo conozco tu lista de tareas. ¿Quieres ver qué tienes pendiente o añadir una tarea?",
    },
    answer: {
      notFound: (s) => `No encuentro ninguna tarea que coincida con «${s}».`,
      many: (n, s, each) => `${n} tareas coinciden con «${s}»: ${each}.`,
      itemWhen: (l, w) => (w ? `${l} es ${w}` : `${l} no tiene fecha`),
      itemStatus: (l, done) => (done ? `${l} está hecha` : `${l} sigue pendiente`),
      withinNoDue: (l) => `No tiene fecha: ${l} no está programada para ningún día.`,
      within: (inside, l, w, done) => (done ? `${inside ? "Sí" : "No"}: ${l} era ${w}, y ya está hecha.` : `${inside ? "Sí" : "No"}: ${l} es ${w}.`),
      whenNoDue: (l, done) => `${l} todavía no tiene fecha${done ? ", y ya está hecha" : ""}.`,
      when: (l, w, done) => (done ? `${l} era ${w}; ya está hecha.` : `${l} es ${w}.`),
      done: (yes, l, at, due) => (yes ? `Sí: completaste ${l}${at ? ` ${at}` : ""}.` : `Todavía no: ${l} sigue pendiente${due ? `, para ${due}` : ""}.`),
      open: (yes, l, at, due) => (yes ? `Sí: ${l} sigue pendiente${due ? `, para ${due}` : ""}.` : `No: completaste ${l}${at ? ` ${at}` : ""}.`),
    },
    onlyTodo: "Solo puedo ayudarte con tu lista de tareas: añadir, mostrar, completar, cambiar o borrar tareas (por ejemplo «¿qué tengo para el viernes?»). ¿Qué quieres hacer?",
    notUnderstood: (shown, offer) => `No sé qué quieres que haga con «${shown}». Puedo añadir, mostrar, completar, cambiar o borrar tareas: ¿${offer}?`,
    addOffer: "la añado como tarea nueva",
    cancelled: "De acuerdo, no cambio nada.",
    greeting: (n) => `¡Hola!${n ? ` Tienes ${n} ${n === 1 ? "tarea pendiente" : "tareas pendientes"}.` : ""} ¿Qué quieres hacer?`,
    thanks: "¡De nada! ¿Algo más para tu lista?",
    acknowledged: "¡Genial! ¿Algo más para tu lista?",
    noWorries: "¡No pasa nada! ¿Algo más para tu lista?",
    weather: "¡Vaya tiempo! ¿Te ayudo con algo de tu lista?",
    mood: "Te entiendo. Poco a poco: pregúntame qué tienes pendiente cuando quieras.",
    wait: "Claro, tómate tu tiempo.",
    goodbyeThanks: "¡De nada! Tus tareas quedan guardadas para cuando las necesites.",
    goodbye: "¡Muy bien! Tus tareas quedan guardadas para cuando las necesites.",
    bye: "¡Adiós! Tus tareas te esperan cuando vuelvas.",
    wishBack: "¡Gracias, igualmente! Tus tareas te esperan cuando vuelvas.",
  },
  fr: {
    actions: {
      "mark as done": "marquer comme terminée", reopen: "rouvrir", delete: "supprimer", update: "modifier", move: "déplacer", "change instead": "modifier à la place",
      change: "modifier", "stop repeating": "ne plus répéter", "remove the reminder from": "retirer le rappel de", repeat: "répéter",
      "remind you about": "te rappeler",
    },
    added: (w) => `J'ai ajouté ${w}`,
    addedMany: (n) => `J'ai ajouté ${n} tâches :`,
    completed: (w) => `J'ai marqué ${w} comme terminée. ✓`,
    completedMany: (n, names) => `J'ai marqué ${n} tâches comme terminées : ${names}.`,
    reopened: (w) => `J'ai rouvert ${w} : elle est de nouveau en cours.`,
    reopenedMany: (n, names) => `J'ai rouvert ${n} tâches : ${names}.`,
    deleted: (w) => `J'ai supprimé ${w}. Dites « annule » pour la récupérer.`,
    deletedMany: (n, names) => `J'ai supprimé ${n} tâches : ${names}. Dites « annule » pour les récupérer.`,
    updated: (w, parts) => (parts.length ? `J'ai modifié ${w} : ${parts.join(", ")}.` : `J'ai modifié ${w}.`),
    change: {
      renamed: (t) => `renommée « ${t} »`, due: (d) => `pour le ${d}`, noDue: "sans échéance", priority: (p) => `priorité ${{ high: "haute", medium: "moyenne", low: "basse" }[p]}`,
      tags: (t) => `étiquettes ${t}`, noTags: "sans étiquettes", note: (n) => `note : « ${n} »`, noteRemoved: "note retirée",
      reminder: (r) => `rappel le ${r}`, noReminder: "sans rappel", repeats: (r) => `se répète (${r})`, noRepeat: "ne se répète plus",
    },
    words: { overdue: "en retard", today: "pour aujourd’hui", tomorrow: "pour demain", this_week: "pour cette semaine", next_week: "pour la semaine prochaine", completed: "terminées", pending: "en cours", high: "priorité haute", low: "priorité basse", medium: "priorité moyenne" },
    dueOn: (d) => `pour le ${d}`,
    tasks: (n) => `${n} ${n === 1 ? "tâche" : "tâches"}`,
    noTasks: (what) => `Aucune tâche${what ? ` (${what})` : ""}.`,
    undid: { added: "retiré", completed: "rouvert", reopened: "remarqué comme terminée", deleted: "restauré" },
    undoMany: (n, list, known) => (known ? `J'ai annulé ${n} modifications : ${list}.` : `J'ai annulé ${n} modifications : ${list} sont revenues comme avant.`),
    undoNone: "C'est annulé : ta dernière modification est défaite.",
    undoKnown: (w) => `Annulé : ${w}.`,
    undoBack: (w) => `Annulé : ${w} est revenue comme avant.`,
    rejectedAll: (n) => `D'accord : j'ai laissé ces ${n} tâches telles quelles.`,
    rejectedSome: (n) => `J'ai laissé de côté les ${n} modifications refusées.`,
    couldNotRun: "Je n'ai pas pu le faire ; réessaie, s'il te plaît.",
    errors: {
      not_found: "Je ne trouve pas cette tâche.", ambiguous: "Plusieurs tâches correspondent.", nothing_to_undo: "Il n'y a rien à annuler.",
      cannot_undo: "Ça ne peut plus être annulé.", invalid_input: "Il manque quelque chose dans la demande.", other: "Quelque chose s'est mal passé ; rien n'a changé.",
    },
    whichOfThese: (o) => `Laquelle voulais-tu dire : ${o} ?`,
    manyMatch: (p, n, more, a, o) => `« ${p} » correspond à ${n} tâches${more ? ` (et ${more} autres)` : ""}. Laquelle dois-je ${a} : ${o} ?`,
    unknownNumber: (n, a) => `Je ne trouve pas la tâche #${n}. Quelle tâche voulais-tu ${a} ?`,
    noList: (empty, p, a) => `${empty ? "La dernière liste que je t'ai montrée était vide" : "Je ne t'ai encore montré aucune liste"}, donc il n'y a pas de « ${p} » à choisir. Quelle tâche dois-je ${a} (son numéro ou une partie du titre) ?`,
    notSure: (p, a) => `Je ne sais pas bien de quelle tâche tu parles${p ? ` avec « ${p} »` : ""}. Laquelle dois-je ${a} (son numéro ou une partie du titre) ?`,
    notFound: (p, a) => `Je ne trouve aucune tâche correspondant à « ${p} ». Quelle tâche voulais-tu ${a} (son numéro ou une partie du titre) ?`,
    whichTasks: "De quelles tâches parles-tu (leurs numéros, par ex. « 3 et 5 ») ?",
    noGroupMatch: (s, p) => `Je ne trouve aucune tâche ${s === "completed" ? "terminée " : s === "pending" ? "en cours " : ""}correspondant à « ${p} ». De quelles tâches parlais-tu ?`,
    confirmPartial: (a, l) => `Je ne suis pas sûr d'avoir la bonne tâche. Dois-je ${a} ${l} ?`,
    hasNoTags: (l) => `${l} n'a pas d'étiquettes. Tu pensais à une autre tâche ?`,
    needsTimeToShift: (l) => `${l} n'a pas d'heure, donc rien à décaler. À quelle heure la mettre ?`,
    newName: "Quel doit être le nouveau nom ?",
    whichDate: (problem, title) => `${problem} Quelle date voulais-tu dire${title ? ` pour « ${title} »` : ""} ?`,
    reminderTime: (t, due) => `${t} serait pour le ${due}, sans heure. À quelle heure est-ce, pour que je puisse te le rappeler avant ?`,
    reminderDue: (t) => `Pour quand est ${t}, pour que je puisse te le rappeler avant ?`,
    newTaskName: "Comment s'appelle la nouvelle tâche ?",
    whatToRemind: "Bien sûr : de quoi dois-je te rappeler, et quand ?",
    whatTask: "Bien sûr : quelle est la tâche ?",
    moveWhen: "Bien sûr : à quand dois-je la déplacer ?",
    moveTaskWhen: (l) => `À quand dois-je déplacer ${l} ?`,
    whatToChange: (l) => `Que dois-je modifier dans ${l} : le titre, l'échéance, la priorité, les étiquettes ou la note ?`,
    noDueYet: (t) => `${t} n'a pas encore d'échéance. Pour quand est-ce, ou quand dois-je te le rappeler ?`,
    alreadyHave: (l) => `Tu as déjà ${l}. Je l'ajoute à nouveau, ou je la marque comme terminée ?`,
    help: [
      "Je tiens ta liste de tâches. Essaie par exemple :",
      "- **Ajouter** : « rappelle-moi d'appeler le vétérinaire jeudi à 11h », « ajoute acheter des timbres, priorité haute »",
      "- **Voir** : « qu'est-ce que j'ai vendredi ? », « montre-moi mes tâches »",
      "- **Terminer** : « marque la tâche 5 comme faite », « rouvre la tâche 4 »",
      "- **Modifier** : « déplace la tâche 3 à vendredi », « renomme la tâche 1 en acheter des biscuits »",
      "- **Supprimer / annuler** : « supprime la tâche 9 », « annule ça »",
      "",
      "Que veux-tu faire ?",
    ].join("\n"),
    outOfScope: {
      entertain: "Ha ! J'aimerais bien, mais je ne sais tenir que des listes de tâches, pas divertir. Tu veux ajouter, voir ou terminer une tâche ?",
      physical: "Si seulement je pouvais ! Je ne peux rien faire dans le monde réel, mais je peux l'ajouter à ta liste : dis « ajoute … ».",
      favour: (w) => `Ça, je ne peux pas le faire moi-même : je tiens seulement ta liste de tâches. Pour l'y mettre, dis « ajoute ${w} ».`,
      lookup: "Je ne peux pas chercher d'informations : je ne connais que ta liste de tâches. Tu veux voir ce qui est prévu, ou ajouter une tâche ?",
    },
    answer: {
      notFound: (s) => `Je ne trouve aucune tâche correspondant à « ${s} ».`,
      many: (n, s, each) => `${n} tâches correspondent à « ${s} » : ${each}.`,
      itemWhen: (l, w) => (w ? `${l} est prévue ${w}` : `${l} n'a pas d'échéance`),
      itemStatus: (l, done) => (done ? `${l} est terminée` : `${l} est encore en cours`),
      withinNoDue: (l) => `Elle n'a pas d'échéance : ${l} n'est prévue pour aucun jour.`,
      within: (inside, l, w, done) => (done ? `${inside ? "Oui" : "Non"} : ${l} était prévue ${w}, et elle est déjà terminée.` : `${inside ? "Oui" : "Non"} : ${l} est prévue ${w}.`),
      whenNoDue: (l, done) => `${l} n'a pas encore d'échéance${done ? ", et elle est terminée" : ""}.`,
      when: (l, w, done) => (done ? `${l} était prévue ${w} ; elle est déjà terminée.` : `${l} est prévue ${w}.`),
      done: (yes, l, at, due) => (yes ? `Oui : tu as terminé ${l}${at ? ` ${at}` : ""}.` : `Pas encore : ${l} est encore en cours${due ? `, prévue ${due}` : ""}.`),
      open: (yes, l, at, due) => (yes ? `Oui : ${l} est encore en cours${due ? `, prévue ${due}` : ""}.` : `Non : tu as terminé ${l}${at ? ` ${at}` : ""}.`),
    },
    onlyTodo: "Je ne peux t'aider qu'avec ta liste de tâches : ajouter, afficher, terminer, modifier ou supprimer des tâches (par exemple « qu'est-ce que j'ai vendredi ? »). Que veux-tu faire ?",
    notUnderstood: (shown, offer) => `Je ne sais pas quoi faire de « ${shown} ». Je peux ajouter, afficher, terminer, modifier ou supprimer des tâches : ${offer} ?`,
    addOffer: "dois-je l'ajouter comme nouvelle tâche",
    cancelled: "D'accord, je ne change rien.",
    greeting: (n) => `Bonjour !${n ? ` Tu as ${n} ${n === 1 ? "tâche en cours" : "tâches en cours"}.` : ""} Que veux-tu faire ?`,
    thanks: "Avec plaisir ! Autre chose pour ta liste ?",
    acknowledged: "Parfait ! Autre chose pour ta liste ?",
    noWorries: "Pas de souci ! Autre chose pour ta liste ?",
    weather: "Quelle météo ! Je peux t'aider avec ta liste ?",
    mood: "Je comprends. Une chose à la fois : demande-moi ce qui t'attend quand tu veux.",
    wait: "Bien sûr, prends ton temps.",
    goodbyeThanks: "Avec plaisir ! Tes tâches restent enregistrées pour la prochaine fois.",
    goodbye: "Très bien ! Tes tâches restent enregistrées pour la prochaine fois.",
    bye: "Au revoir ! Tes tâches t'attendent à ton retour.",
    wishBack: "Merci, toi aussi ! Tes tâches t'attendent à ton retour.",
  },
  de: {
    actions: {
      "mark as done": "als erledigt markieren", reopen: "wieder öffnen", delete: "löschen", update: "ändern", move: "verschieben", "change instead": "stattdessen ändern",
      change: "ändern", "stop repeating": "nicht mehr wiederholen", "remove the reminder from": "die Erinnerung entfernen", repeat: "wiederholen",
      "remind you about": "dich erinnern",
    },
    added: (w) => `Hinzugefügt: ${w}`,
    addedMany: (n) => `${n} Aufgaben hinzugefügt:`,
    completed: (w) => `${w} ist als erledigt markiert. ✓`,
    completedMany: (n, names) => `${n} Aufgaben als erledigt markiert: ${names}.`,
    reopened: (w) => `${w} ist wieder offen.`,
    reopenedMany: (n, names) => `${n} Aufgaben wieder geöffnet: ${names}.`,
    deleted: (w) => `${w} gelöscht. Sag „rückgängig“, um sie zurückzuholen.`,
    deletedMany: (n, names) => `${n} Aufgaben gelöscht: ${names}. Sag „rückgängig“, um sie zurückzuholen.`,
    updated: (w, parts) => (parts.length ? `${w} geändert: ${parts.join(", ")}.` : `${w} geändert.`),
    change: {
      renamed: (t) => `heißt jetzt „${t}“`, due: (d) => `fällig ${d}`, noDue: "kein Fälligkeitsdatum", priority: (p) => `Priorität ${{ high: "hoch", medium: "mittel", low: "niedrig" }[p]}`,
      tags: (t) => `Tags ${t}`, noTags: "keine Tags", note: (n) => `Notiz: „${n}“`, noteRemoved: "Notiz entfernt",
      reminder: (r) => `Erinnerung ${r}`, noReminder: "keine Erinnerung", repeats: (r) => `wiederholt sich (${r})`, noRepeat: "wiederholt sich nicht mehr",
    },
    words: { overdue: "überfällig", today: "heute fällig", tomorrow: "morgen fällig", this_week: "diese Woche fällig", next_week: "nächste Woche fällig", completed: "erledigt", pending: "offen", high: "Priorität hoch", low: "Priorität niedrig", medium: "Priorität mittel" },
    dueOn: (d) => `fällig ${d}`,
    tasks: (n) => `${n} ${n === 1 ? "Aufgabe" : "Aufgaben"}`,
    noTasks: (what) => `Keine Aufgaben${what ? ` (${what})` : ""}.`,
    undid: { added: "entfernt", completed: "wieder geöffnet", reopened: "wieder als erledigt markiert", deleted: "wiederhergestellt" },
    undoMany: (n, list, known) => (known ? `${n} Änderungen rückgängig gemacht: ${list}.` : `${n} Änderungen rückgängig gemacht: ${list} sind wieder wie vorher.`),
    undoNone: "Rückgängig gemacht: deine letzte Änderung ist zurückgenommen.",
    undoKnown: (w) => `Rückgängig gemacht: ${w}.`,
    undoBack: (w) => `Rückgängig gemacht: ${w} ist wieder wie vorher.`,
    rejectedAll: (n) => `In Ordnung, ich habe diese ${n} Aufgaben so gelassen, wie sie waren.`,
    rejectedSome: (n) => `Die ${n} abgelehnten Änderungen habe ich ausgelassen.`,
    couldNotRun: "Das hat nicht geklappt, bitte versuch es noch einmal.",
    errors: {
      not_found: "Diese Aufgabe finde ich nicht.", ambiguous: "Mehrere Aufgaben passen.", nothing_to_undo: "Es gibt nichts rückgängig zu machen.",
      cannot_undo: "Das lässt sich nicht mehr rückgängig machen.", invalid_input: "Da fehlt noch eine Angabe.", other: "Etwas ist schiefgegangen; nichts wurde geändert.",
    },
    whichOfThese: (o) => `Welche meinst du: ${o}?`,
    manyMatch: (p, n, more, a, o) => `„${p}“ passt zu ${n} Aufgaben${more ? ` (und ${more} weiteren)` : ""}. Welche soll ich ${a}: ${o}?`,
    unknownNumber: (n, a) => `Aufgabe #${n} finde ich nicht. Welche Aufgabe soll ich ${a}?`,
    noList: (empty, p, a) => `${empty ? "Die letzte Liste, die ich dir gezeigt habe, war leer" : "Ich habe dir noch keine Liste gezeigt"}, also gibt es kein „${p}“. Welche Aufgabe soll ich ${a} (ihre Nummer oder einen Teil des Titels)?`,
    notSure: (p, a) => `Ich weiß nicht genau, welche Aufgabe du${p ? ` mit „${p}“` : ""} meinst. Welche soll ich ${a} (ihre Nummer oder einen Teil des Titels)?`,
    notFound: (p, a) => `Ich finde keine Aufgabe zu „${p}“. Welche Aufgabe soll ich ${a} (ihre Nummer oder einen Teil des Titels)?`,
    whichTasks: "Welche Aufgaben meinst du (ihre Nummern, z. B. „3 und 5“)?",
    noGroupMatch: (s, p) => `Ich finde keine ${s === "completed" ? "erledigten " : s === "pending" ? "offenen " : ""}Aufgaben zu „${p}“. Welche Aufgaben meinst du?`,
    confirmPartial: (a, l) => `Ich bin nicht sicher, ob ich die richtige Aufgabe habe. Soll ich ${l} ${a}?`,
    hasNoTags: (l) => `${l} hat keine Tags. Meinst du eine andere Aufgabe?`,
    needsTimeToShift: (l) => `${l} hat keine Uhrzeit, also gibt es nichts zu verschieben. Um wie viel Uhr soll sie sein?`,
    newName: "Wie soll sie jetzt heißen?",
    whichDate: (problem, title) => `${problem} Welches Datum meinst du${title ? ` für „${title}“` : ""}?`,
    reminderTime: (t, due) => `${t} wäre ${due} fällig, ohne Uhrzeit. Um wie viel Uhr ist es, damit ich dich rechtzeitig erinnern kann?`,
    reminderDue: (t) => `Wann ist ${t} fällig, damit ich dich rechtzeitig erinnern kann?`,
    newTaskName: "Wie soll die neue Aufgabe heißen?",
    whatToRemind: "Gern: woran soll ich dich erinnern, und wann?",
    whatTask: "Gern: wie lautet die Aufgabe?",
    moveWhen: "Gern: auf wann soll ich sie verschieben?",
    moveTaskWhen: (l) => `Auf wann soll ich ${l} verschieben?`,
    whatToChange: (l) => `Was soll ich an ${l} ändern: Titel, Fälligkeit, Priorität, Tags oder Notiz?`,
    noDueYet: (t) => `${t} hat noch kein Fälligkeitsdatum. Wann ist es fällig, oder wann soll ich dich erinnern?`,
    alreadyHave: (l) => `Du hast schon ${l}. Soll ich sie noch einmal hinzufügen oder als erledigt markieren?`,
    help: [
      "Ich führe deine Aufgabenliste. Probier zum Beispiel:",
      "- **Hinzufügen**: „erinnere mich am Donnerstag um 11 Uhr an den Tierarzt“, „füge Briefmarken kaufen mit hoher Priorität hinzu“",
      "- **Anzeigen**: „was steht am Freitag an?“, „zeig mir meine Aufgaben“",
      "- **Erledigen**: „markiere Aufgabe 2 als erledigt“, „öffne Aufgabe 4 wieder“",
      "- **Ändern**: „verschiebe Aufgabe 3 auf Freitag“, „benenne Aufgabe 1 in Kekse kaufen um“",
      "- **Löschen / rückgängig**: „lösche Aufgabe 9“, „mach das rückgängig“",
      "",
      "Was möchtest du tun?",
    ].join("\n"),
    outOfScope: {
      entertain: "Ha – das würde ich gern, aber ich kann nur Aufgabenlisten, keine Unterhaltung. Möchtest du eine Aufgabe hinzufügen, ansehen oder abhaken?",
      physical: "Schön wär's! In der echten Welt kann ich nichts tun, aber ich kann es auf deine Liste setzen – sag einfach „füge … hinzu“.",
      favour: (w) => `Das kann ich nicht selbst erledigen – ich führe nur deine Aufgabenliste. Um es aufzuschreiben, sag „füge ${w} hinzu“.`,
      lookup: "Nachschlagen kann ich nichts – ich kenne nur deine Aufgabenliste. Möchtest du sehen, was ansteht, oder eine Aufgabe hinzufügen?",
    },
    answer: {
      notFound: (s) => `Ich finde keine Aufgabe zu „${s}“.`,
      many: (n, s, each) => `${n} Aufgaben passen zu „${s}“: ${each}.`,
      itemWhen: (l, w) => (w ? `${l} ist ${w} fällig` : `${l} hat kein Fälligkeitsdatum`),
      itemStatus: (l, done) => (done ? `${l} ist erledigt` : `${l} ist noch offen`),
      withinNoDue: (l) => `Sie hat kein Fälligkeitsdatum: ${l} ist für keinen Tag geplant.`,
      within: (inside, l, w, done) => (done ? `${inside ? "Ja" : "Nein"} – ${l} war ${w} fällig und ist schon erledigt.` : `${inside ? "Ja" : "Nein"} – ${l} ist ${w} fällig.`),
      whenNoDue: (l, done) => `${l} hat noch kein Fälligkeitsdatum${done ? " und ist schon erledigt" : ""}.`,
      when: (l, w, done) => (done ? `${l} war ${w} fällig – sie ist schon erledigt.` : `${l} ist ${w} fällig.`),
      done: (yes, l, at, due) => (yes ? `Ja – du hast ${l}${at ? ` ${at}` : ""} erledigt.` : `Noch nicht – ${l} ist noch offen${due ? `, fällig ${due}` : ""}.`),
      open: (yes, l, at, due) => (yes ? `Ja – ${l} ist noch offen${due ? `, fällig ${due}` : ""}.` : `Nein – du hast ${l}${at ? ` ${at}` : ""} erledigt.`),
    },
    onlyTodo: "Ich kann dir nur mit deiner Aufgabenliste helfen: Aufgaben hinzufügen, zeigen, erledigen, ändern oder löschen (zum Beispiel „was steht am Freitag an?“). Was möchtest du tun?",
    notUnderstood: (shown, offer) => `Ich weiß nicht genau, was ich mit „${shown}“ tun soll. Ich kann Aufgaben hinzufügen, zeigen, erledigen, ändern oder löschen – ${offer}?`,
    addOffer: "soll ich es als neue Aufgabe hinzufügen",
    cancelled: "In Ordnung, ich ändere nichts.",
    greeting: (n) => `Hallo!${n ? ` Du hast ${n} offene ${n === 1 ? "Aufgabe" : "Aufgaben"}.` : ""} Was möchtest du tun?`,
    thanks: "Gern geschehen! Noch etwas für deine Liste?",
    acknowledged: "Prima! Noch etwas für deine Liste?",
    noWorries: "Kein Problem! Noch etwas für deine Liste?",
    weather: "Was für ein Wetter! Kann ich dir bei deiner Liste helfen?",
    mood: "Verstehe. Eins nach dem anderen – frag mich einfach, was ansteht, wenn du so weit bist.",
    wait: "Klar, lass dir Zeit.",
    goodbyeThanks: "Gern geschehen! Deine Aufgaben sind gespeichert, wann immer du sie brauchst.",
    goodbye: "In Ordnung! Deine Aufgaben sind gespeichert, wann immer du sie brauchst.",
    bye: "Tschüss! Deine Aufgaben warten auf dich.",
    wishBack: "Danke, dir auch! Deine Aufgaben warten auf dich.",
  },
};

export function messages(lang: Language | undefined): Messages {
  return MESSAGES[lang ?? "en"];
}

export { quote };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (texts: string[]) => new RegExp(texts.map(escapeRe).join("|"), "i");
const all = Object.values(MESSAGES);

/** How our own questions are recognised in the history, whatever language they were asked in. */
export const OUR_QUESTIONS = {
  /** "…, should I add it as a new task?" */
  addOffer: anyOf(all.map((m) => m.addOffer)),
  /** "What should the new task be called?" */
  newTaskName: anyOf(all.map((m) => m.newTaskName)),
  /** The reminder-time question ("What time is it, so I can remind you …?"). */
  reminderTime: /so I can remind you|para poder avisarte|pour que je puisse te le rappeler|damit ich dich rechtzeitig erinnern kann/i,
  /** A question asking for a date ("To when should I move …?", "Which date did you mean?"). */
  askDate: /\b(?:to\s+when|which\s+date|what\s+date|when)\b|¿a\s+cuándo|qué\s+fecha|para\s+cuándo|à\s+quand|quelle\s+date|pour\s+quand|auf\s+wann|welches\s+datum|\bwann\b/i,
};
