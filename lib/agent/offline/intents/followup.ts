// Answers to our own clarifying questions: "the dentist one", "3", "the second",
// "yes" — re-read the request that prompted the question with the chosen task.
import type { Ctx } from "../context";
import { findDates } from "../dates";
import { findInvalidDate } from "../dates-invalid";
import { numbersInLastAssistantText, parseTaskNumber, resolveOne, cleanRefPhrase } from "../references";
import type { HistoryTurn, TaskSnapshot } from "../types";
import { COMMAND_LEADS } from "../lexicon";
import { MESSAGES, OUR_QUESTIONS } from "../messages";
import { normalizeWords } from "../normalize";
import { contentStems, stemsMatch } from "../text";
import { dayOne } from "./correction";

const COMMAND_START = new RegExp(`^(?:${COMMAND_LEADS.map((w) => w.replace(/\s+/g, "\\s+")).join("|")})\\s+\\S`, "i");

/** The English offer to add what we did not understand (every language's is in messages.ts). */
export const ADD_OFFER = MESSAGES.en.addOffer;

const YES =
  /^(?:yes|yeah|yep|yup|sure|ok(?:ay)?|correct|right|exactly|please\s+do|do\s+it|go\s+ahead|that\s+one|that'?s\s+(?:it|right|the\s+one)|y)(?:[,!.\s]+(?:please|thanks|thank\s+you|do\s+it))*$/i;
const NO =
  /^(?:no|nope|nah|neither|none(?:\s+of\s+them)?|never\s*mind|cancel|forget\s+it|don'?t|stop)(?:[,!.\s]+(?:thanks|thank\s+you))*$/i;

const REFUSAL =
  /\b(?:no|not|never|neither|nor|none|don'?t|doesn'?t|cancel|stop|forget|nicht|kein[e]?|nein|weder|pas|non|ni|aucune?|rien|ninguna?|ninguno|nada|tampoco)\b/i;

/** A new task named by no name at all: "add something for tomorrow". */
export const PLACEHOLDER = /\b(?:something|a\s+thing|a\s+task|a\s+new\s+task|smth|sth)\b/i;

export type Followup =
  | { kind: "redo"; previous: string; override: TaskSnapshot }
  | { kind: "rewrite"; text: string }
  | { kind: "add"; previous: string }
  | { kind: "cancel" };

function pendingQuestion(history: HistoryTurn[] | undefined): { previous: string; question: string } | null {
  if (!history || history.length < 2) return null;
  const last = history[history.length - 1];
  if (last.role !== "assistant" || last.calls?.length || !/\?\s*$/.test(last.text.trim())) return null;
  const prev = history[history.length - 2];
  if (prev.role !== "user") return null;
  return { previous: prev.text, question: last.text };
}

// A question about the list ("what's still on for tomorrow?"), not "how about friday?" or "is friday ok?".
const LIST_QUESTION =
  /^(?:so\s+|and\s+|ok(?:ay)?\s+)?(?:what(?:'s|\s+is|\s+are)\s+(?:still\s+)?(?:on|left|due|open|pending|planned|coming\s+up)|what\s+(?:do|did)\s+i\s+have|what\s+have\s+i\s+got|(?:is|are)\s+there\s+any|any\s+(?:tasks|things|stuff)|which\s+(?:tasks|ones)\s+(?:are|do))\b/i;

export function followup(ctx: Ctx): Followup | null {
  const q = pendingQuestion(ctx.history);
  if (!q) return null;
  const text = ctx.text
    .replace(/^(?:i\s+meant|i\s+mean|i\s+want|i'?d\s+like|the\s+one\s+(?:called|named)|it'?s|its|oh|um+|no,?)\s+/i, "")
    .trim();
  const wordCount = text.split(/\s+/).length;
  const whole = ctx.raw.replace(/[.!?…\s]+$/g, "").trim();
  if (NO.test(whole) || NO.test(text)) return { kind: "cancel" };
  if (YES.test(whole) || YES.test(text)) {
    if (OUR_QUESTIONS.addOffer.test(q.question)) return { kind: "add", previous: q.previous };
    const shown = numbersInLastAssistantText(ctx.history);
    if (shown.length === 1) {
      const t = ctx.tasks.find((x) => x.number === shown[0]);
      if (t) return { kind: "redo", previous: q.previous, override: t };
    }
    return null;
  }
  // We asked what a new task should be called ("add something for tomorrow"): the answer is its title.
  if (OUR_QUESTIONS.newTaskName.test(q.question) && PLACEHOLDER.test(q.previous))
    return { kind: "rewrite", text: q.previous.replace(PLACEHOLDER, ctx.raw.replace(/[.!?…\s]+$/g, "").trim()) };
  if (wordCount > 7) return null;
  // "push it to friday", "delete the dentist": a new command, not an answer to glue into our question.
  if (
    COMMAND_START.test(ctx.text) &&
    !/^(?:make|set|change)\s+it\s+(?!to\s+(?:done|complete|finished)\b)/i.test(ctx.text)
  )
    return null;
  // "so what's still on for tomorrow?": a question of the user's own, not a date for ours.
  if (ctx.question && LIST_QUESTION.test(text)) return null;
  const dateAnswer = findDates(text, ctx.date);
  // We asked for the time of a new task before reminding ahead of it: the time joins its date.
  if (dateAnswer.dates[0]?.hasTime && OUR_QUESTIONS.reminderTime.test(q.question)) {
    // The request as the parsers read it (a German or Spanish one is in English words by now).
    const previous = normalizeWords(q.previous).text;
    const r = /(?:[,;]\s*|\s+)(?:and\s+)?(?:please\s+)?remind\s+me\s+/i.exec(previous);
    if (r && r.index > 0 && !/^remind\s+me\b/i.test(previous.trim())) {
      const time = /^\d/.test(text) ? `at ${text}` : text;
      return { kind: "rewrite", text: `${previous.slice(0, r.index)} ${time}${previous.slice(r.index)}` };
    }
  }
  // We asked for a date ("To when should I move …?", "Which date did you mean?").
  if (dateAnswer.dates.length && OUR_QUESTIONS.askDate.test(q.question)) {
    const bad = findInvalidDate(q.previous, ctx.date);
    if (bad) return { kind: "rewrite", text: q.previous.slice(0, bad.index) + text + q.previous.slice(bad.end) };
    return { kind: "rewrite", text: `${q.previous} to ${text}` };
  }
  const shown = numbersInLastAssistantText(ctx.history);
  const n = parseTaskNumber(text);
  if (n !== null) {
    const t = ctx.tasks.find((x) => x.number === n);
    return t ? { kind: "redo", previous: q.previous, override: t } : null;
  }
  // Words are matched among the candidates we offered first, then among all tasks.
  const pool = shown.length ? ctx.tasks.filter((t) => shown.includes(t.number)) : ctx.tasks;
  const cleaned = cleanRefPhrase(text.replace(/\s+(?:one|task)$/i, ""));
  for (const tasks of pool === ctx.tasks ? [pool] : [pool, ctx.tasks]) {
    const out = resolveOne(cleaned, tasks, { history: ctx.history });
    if (out.kind === "one" && !out.partial) return { kind: "redo", previous: q.previous, override: out.task };
  }
  // "friday's": the one we offered that is due that day.
  const picked = pool === ctx.tasks ? null : (onlyOneNamed(text, pool) ?? dayOne(text, { ...ctx, tasks: pool }));
  return picked ? { kind: "redo", previous: q.previous, override: picked } : null;
}

/**
 * "celle de mamie", "la de mi abuela", "die von Oma", "the one for grandma": whatever the small
 * words around it, the answer's words that name exactly one of the tasks we offered pick it.
 */
function onlyOneNamed(text: string, offered: TaskSnapshot[]): TaskSnapshot | null {
  // "never mind about the bank", "pas celle de mamie": a word of a task is no choice of it when it is refused.
  if (REFUSAL.test(text)) return null;
  const picks = new Set<TaskSnapshot>();
  for (const w of contentStems(text)) {
    const which = offered.filter((t) => contentStems(t.title).some((x) => stemsMatch(w, x)));
    if (which.length === 1) picks.add(which[0]!);
  }
  return picks.size === 1 ? [...picks][0]! : null;
}
