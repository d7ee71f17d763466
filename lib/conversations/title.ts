// Titles people would give a conversation ("Oat milk and the dentist"), made without a model:
// from what a turn did to tasks, else a tidy version of the first message. Never an ellipsis:
// a title is cut at a word boundary and reads as whole.
import { joinList } from "@/lib/agent/offline/format";
import type { Language } from "@/lib/agent/offline/lexicon";
import { detectLanguage } from "@/lib/agent/offline/normalize";
import type { ListTasksInput } from "@/lib/tasks/schemas";
import type { TaskView, ToolResult } from "@/lib/tasks/types";

/** Where a title came from (conversations.title_source): only draft and auto titles are replaced. */
export const TITLE_SOURCES = ["draft", "auto", "model", "user"] as const;
export type TitleSource = (typeof TITLE_SOURCES)[number];

/** Short enough to read whole in the sidebar. */
export const TITLE_CHARS = 50;
export const NEW_CHAT = "New chat";

const upperFirst = (text: string, language: Language = "en") => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);

// Small words a cut title must not end on ("… paperwork for the").
const DANGLING = /\s+(?:the|a|an|and|or|for|of|to|with|in|on|at|my|el|la|los|las|un|una|y|o|de|del|al|a|en|con|para|mi|le|les|une|et|ou|du|des|au|à|pour|avec|mon|ma|der|die|das|den|dem|ein|eine|und|oder|für|mit|zu|im|am|mein|meine)$/iu;

/** Cut at the last word boundary within `max` characters (a single long word is cut inside). */
export function cutAtWord(text: string, max = TITLE_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  let out = (space > 0 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,;:–—-]+$/u, "");
  while (DANGLING.test(out)) out = out.replace(DANGLING, "").replace(/[\s,;:–—-]+$/u, "");
  return out;
}

// A greeting or "please / can you" in front says nothing about the conversation.
const LEADS = /^(?:hey|hi|hello|ok(?:ay)?|so|please|pls|can you|could you|would you|will you|hola|buenas|por favor|puedes|podrías|salut|bonjour|s'il te plaît|s'il vous plaît|stp|peux-tu|pourrais-tu|hallo|bitte|kannst du|könntest du)(?=[\s,!.:]|$)[\s,!.:]*/iu;
const END_PUNCTUATION = /[\s.!?…,;:¿¡]+$/u;

/** The first message, tidied: no greeting or trailing punctuation, sentence-cased, cut at a word. */
export function draftTitle(text: string): string {
  let clean = text.replace(/\s+/g, " ").replace(/\.{3}|…/g, " ").trim();
  let previous = "";
  while (previous !== clean) {
    previous = clean;
    clean = clean.replace(LEADS, "").replace(/^[¿¡"“'«\s]+/u, "").trim();
  }
  clean = cutAtWord(clean.replace(END_PUNCTUATION, "")).replace(END_PUNCTUATION, "");
  return clean ? upperFirst(clean, detectLanguage(text)) : NEW_CHAT;
}

// Verbs in front of a task whose object alone names it: "Buy oat milk" is about oat milk.
// Verbs that carry the meaning stay ("Water the plants", "Clean the kitchen").
const ERRAND_VERBS: Record<Language, string[]> = {
  en: ["buy", "get", "grab", "order", "pick up", "collect", "fetch", "call", "ring", "phone", "text", "email", "e-mail", "message", "contact", "book", "reserve", "schedule", "arrange", "organise", "organize", "plan", "pay", "renew", "return", "send", "post", "submit", "finish", "complete", "prepare", "review", "see", "visit", "meet", "go to", "follow up on", "follow up with", "sort out", "do", "make"],
  es: ["compra", "comprar", "consigue", "conseguir", "pide", "pedir", "recoge", "recoger", "llama", "llamar", "escribe", "escribir", "manda", "mandar", "envía", "enviar", "reserva", "reservar", "agenda", "agendar", "programa", "programar", "organiza", "organizar", "paga", "pagar", "renueva", "renovar", "devuelve", "devolver", "termina", "terminar", "prepara", "preparar", "revisa", "revisar", "visita", "visitar", "ir a", "haz", "hacer"],
  fr: ["achète", "acheter", "prends", "prendre", "commande", "commander", "récupère", "récupérer", "appelle", "appeler", "téléphone à", "téléphoner à", "écris à", "écrire à", "envoie", "envoyer", "réserve", "réserver", "planifie", "planifier", "organise", "organiser", "paie", "paye", "payer", "renouvelle", "renouveler", "rends", "rendre", "termine", "terminer", "finis", "finir", "prépare", "préparer", "vérifie", "vérifier", "visite", "visiter", "aller à", "va à", "fais", "faire"],
  de: ["kauf", "kaufe", "besorg", "besorge", "hol", "hole", "bestell", "bestelle", "ruf", "rufe", "schreib", "schreibe", "schick", "schicke", "buch", "buche", "bezahl", "bezahle", "zahl", "zahle", "erneuere", "bring", "bringe", "erledige", "mach", "mache", "plane", "reservier", "reserviere", "prüfe", "vereinbare"],
};
// German puts the infinitive last ("Hafermilch kaufen", "Zahnarzt anrufen").
const DE_LAST_VERBS = ["kaufen", "besorgen", "holen", "abholen", "bestellen", "anrufen", "schreiben", "schicken", "buchen", "bezahlen", "zahlen", "erneuern", "zurückbringen", "erledigen", "machen", "planen", "reservieren", "prüfen", "vereinbaren", "vorbereiten", "fertigstellen", "abgeben", "einreichen"];
const DE_PARTICLES = /\s+(?:an|ab|auf|ein|zurück)$/iu;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const leadingVerb = Object.fromEntries(
  (Object.keys(ERRAND_VERBS) as Language[]).map((lang) => [lang, new RegExp(`^(?:${[...ERRAND_VERBS[lang]].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})\\s+(?=\\S)`, "iu")]),
) as Record<Language, RegExp>;
const trailingVerb = new RegExp(`\\s+(?:${DE_LAST_VERBS.join("|")})$`, "iu");

/** What a task is about: its title without an errand verb in front ("Buy oat milk" → "oat milk"). */
export function taskSubject(title: string): string {
  const clean = title.replace(/\s+/g, " ").replace(END_PUNCTUATION, "").trim();
  for (const lang of ["en", "es", "fr", "de"] as const) {
    if (!leadingVerb[lang].test(clean)) continue;
    let rest = clean.replace(leadingVerb[lang], "");
    if (lang === "es") rest = rest.replace(/^al\s+/iu, "el ").replace(/^a\s+(?=(?:la|las|los|mi|mis|tu)\s)/iu, "");
    if (lang === "fr") rest = rest.replace(/^au\s+/iu, "le ").replace(/^(?:du|des|de la|de l')\s*/iu, "");
    if (lang === "de") rest = rest.replace(DE_PARTICLES, "").replace(/^(?:den|die|das|dem|einen|eine|ein)\s+/iu, "");
    return rest.trim() || clean;
  }
  const verbLast = clean.replace(trailingVerb, "").trim();
  return verbLast || clean;
}

const MORE: Record<Language, (n: number) => string> = {
  en: (n) => `${n} more`,
  es: (n) => `${n} más`,
  fr: (n) => `${n} autres`,
  de: (n) => `${n} weitere`,
};

/** "Oat milk", "Oat milk and the dentist", "Oat milk, the dentist and 2 more". */
export function subjectsTitle(titles: string[], language: Language): string | null {
  const seen = new Set<string>();
  const subjects = titles.map(taskSubject).filter((s) => {
    const key = s.toLocaleLowerCase(language);
    if (!s || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!subjects.length) return null;
  let shown = 1;
  const joined = (n: number) => joinList(n < subjects.length ? [...subjects.slice(0, n), MORE[language](subjects.length - n)] : subjects.slice(0, n), language);
  while (shown < subjects.length && joined(shown + 1).length <= TITLE_CHARS) shown++;
  return upperFirst(cutAtWord(joined(shown)), language);
}

type ListFilter = Pick<ListTasksInput, "status" | "priority" | "due" | "tag" | "search" | "completedAfter" | "completedBefore">;
type Phrases = {
  due: Record<NonNullable<ListFilter["due"]>, string>;
  finished: string;
  all: string;
  open: string;
  tag: (tag: string) => string;
  priority: Record<NonNullable<ListFilter["priority"]>, string>;
};
const LIST_PHRASES: Record<Language, Phrases> = {
  en: {
    due: { overdue: "Overdue tasks", today: "What's due today", tomorrow: "What's due tomorrow", this_week: "What's due this week", next_week: "What's due next week" },
    finished: "Finished tasks",
    all: "All tasks",
    open: "Open tasks",
    tag: (tag) => `Tasks tagged #${tag}`,
    priority: { high: "High-priority tasks", medium: "Medium-priority tasks", low: "Low-priority tasks" },
  },
  es: {
    due: { overdue: "Tareas atrasadas", today: "Tareas para hoy", tomorrow: "Tareas para mañana", this_week: "Tareas de esta semana", next_week: "Tareas de la próxima semana" },
    finished: "Tareas completadas",
    all: "Todas las tareas",
    open: "Tareas pendientes",
    tag: (tag) => `Tareas con #${tag}`,
    priority: { high: "Tareas de prioridad alta", medium: "Tareas de prioridad media", low: "Tareas de prioridad baja" },
  },
  fr: {
    due: { overdue: "Tâches en retard", today: "À faire aujourd'hui", tomorrow: "À faire demain", this_week: "À faire cette semaine", next_week: "À faire la semaine prochaine" },
    finished: "Tâches terminées",
    all: "Toutes les tâches",
    open: "Tâches à faire",
    tag: (tag) => `Tâches #${tag}`,
    priority: { high: "Tâches de priorité haute", medium: "Tâches de priorité moyenne", low: "Tâches de priorité basse" },
  },
  de: {
    due: { overdue: "Überfällige Aufgaben", today: "Heute fällig", tomorrow: "Morgen fällig", this_week: "Diese Woche fällig", next_week: "Nächste Woche fällig" },
    finished: "Erledigte Aufgaben",
    all: "Alle Aufgaben",
    open: "Offene Aufgaben",
    tag: (tag) => `Aufgaben mit #${tag}`,
    priority: { high: "Aufgaben mit hoher Priorität", medium: "Aufgaben mit mittlerer Priorität", low: "Aufgaben mit niedriger Priorität" },
  },
};

/** A list question's title: what it asked for ("What's due this week"), or what it searched. */
export function listTitle(filter: ListFilter, language: Language): string {
  const say = LIST_PHRASES[language];
  if (filter.due) return say.due[filter.due];
  if (filter.search?.trim()) return upperFirst(cutAtWord(filter.search.trim()), language);
  if (filter.tag) return say.tag(filter.tag);
  if (filter.priority) return say.priority[filter.priority];
  if (filter.status === "completed" || filter.completedAfter || filter.completedBefore) return say.finished;
  return filter.status === "all" ? say.all : say.open;
}

type Part = { type: string; state?: string; output?: unknown };

/**
 * A title from what a turn did: the tasks it added, changed or undid, else what it listed.
 * Null when it did nothing with tasks (a greeting, a question back, a failed call). `hint` is
 * text in the user's language (their first message): it picks the words around the tasks'.
 */
export function turnTitle(parts: readonly Part[], hint: string): string | null {
  const results = parts
    .filter((p) => p.type.startsWith("tool-") && p.state === "output-available" && p.output && typeof p.output === "object")
    .map((p) => p.output as ToolResult)
    .filter((r): r is Exclude<ToolResult, { ok: false }> => r.ok === true && typeof r.kind === "string");
  const language = detectLanguage(hint);
  const touched = results.flatMap((r): TaskView[] => {
    if (r.kind === "listed") return [];
    if (r.kind === "undone") return r.tasks ?? (r.task ? [r.task] : []);
    return r.task ? [r.task] : [];
  });
  const changed = subjectsTitle(
    touched.map((t) => t.title).filter((t): t is string => typeof t === "string"),
    language,
  );
  if (changed) return changed;
  const listed = results.find((r) => r.kind === "listed");
  return listed ? listTitle((listed.filter ?? {}) as ListFilter, language) : null;
}
