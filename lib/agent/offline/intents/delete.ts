// Deleting: "delete task 9", "remove the piano task", "get rid of wash the car",
// "clear all completed tasks".
import { result, type Ctx } from "../context";
import { resolveTargets } from "../targets";
import type { Interpretation } from "../types";
import { NOUN_DELETE_VERBS } from "../lexicon";
import { REASON_AFTER_CHANGE } from "../text";

const NOUN_VERB = NOUN_DELETE_VERBS.join("|");

const PATTERNS: Array<{ re: RegExp; strict?: boolean }> = [
  // Verbs that are also nouns ("bin bags", "scrap paper", "trash can"): only when they name a task,
  // or say they mean one ("bin the third task", "scrap it", "toss #4").
  {
    re: new RegExp(
      String.raw`^(?:${NOUN_VERB})\s+((?:it|that|this|them|those|these|all\b.*|#?\d+\b.*|.*\b(?:tasks?|items?|todos?|ones?)\b.*))$`,
      "i",
    ),
  },
  {
    re: new RegExp(
      String.raw`^(?:${NOUN_VERB})\s+(.+?)(?:\s+(?:from|off)\s+(?:my|the)\s+(?:to-?do\s+|task\s+)?(?:list|tasks|todos))?$`,
      "i",
    ),
    strict: true,
  },
  {
    // ("drop bus 14 at the garage": leaving a thing somewhere is a to-do, not a deletion.)
    re: /^(?:delete|remove|erase|drop(?![^,.;]*?\s(?:at|into)\s+(?:the|my|a|an|school|work|home)\b)|discard|kill|get\s+rid\s+of|throw\s+(?:away|out)|forget\s+about|purge|wipe|clear\s+out|clear|cancel|scratch(?!\s+(?:that|this|it)\b))\s+(.+?)(?:\s+(?:from|off)\s+(?:my|the)\s+(?:to-?do\s+|task\s+)?(?:list|tasks|todos))?(?:\s+(?:entirely|completely|permanently|for\s+good))?$/i,
  },
  // "take it off", "take the gutters off my list": off the list, not done.
  {
    re: /^(?:take|strike|knock)\s+(.+?)\s+off(?:\s+(?:of\s+)?(?:my|the)\s+(?:to-?do\s+|task\s+)?(?:list|tasks|todos))?$/i,
  },
  { re: /^(.+?)\s+(?:can|should)\s+(?:be\s+)?(?:deleted|removed|go|be\s+trashed|be\s+dropped)$/i, strict: true },
  { re: /^(?:i\s+)?(?:don'?t|do\s+not|no\s+longer)\s+need\s+(?:to\s+)?(.+?)(?:\s+any\s*more)?$/i, strict: true },
  { re: /^forget\s+(.+)$/i, strict: true },
];

export function del(ctx: Ctx): Interpretation | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(ctx.text);
    if (!m) continue;
    const opts = { action: "delete" as const, many: true, allowPartial: !p.strict };
    let ref = m[1]!.replace(REASON_AFTER_CHANGE, "");
    let targets = resolveTargets(ref, ctx, opts);
    // "delete the gym one, I'm not going anymore": the reason after the comma is not the task.
    const named = /^(.+?)\s*[,;]\s+\S/.exec(ref)?.[1]?.replace(/\s+(?:please|pls)$/i, "");
    // "scrap the clown one, my sister's handling it": the reason names no second task either.
    // ("scratch the pumpkin thing, kids lost interest lol": the reason only blurs the match.)
    if (named && (!targets.ok || targets.tasks.length > 1 || targets.partial)) {
      const first = resolveTargets(named, ctx, opts);
      if (first.ok && (!targets.ok || first.tasks.length < targets.tasks.length || (targets.partial && !first.partial)))
        [targets, ref] = [first, named];
    }
    // "drop the clients tag": a tag the task has, not the task.
    if (namesTag(named ?? ref, ctx)) return null;
    if (!targets.ok) {
      if (p.strict) continue;
      return targets.reply;
    }
    const calls = targets.tasks.map((t) => ({ tool: "delete_task" as const, input: { task: t.number } }));
    return result(
      "delete_task",
      calls,
      { tasks: targets.tasks.map((t) => t.number), ref: ref.trim(), group: targets.group },
      targets.partial ? 0.6 : 0.9,
    );
  }
  return null;
}

function namesTag(ref: string, ctx: Ctx): boolean {
  const m =
    /^(?:the\s+|its\s+|that\s+)?(?:#?([\p{L}\p{N}_-]+)\s+(?:tag|label)|(?:tag|label)\s+#?([\p{L}\p{N}_-]+))(?:\s+(?:from|off|on)\b.*)?$/iu.exec(
      ref.trim(),
    );
  const tag = (m?.[1] ?? m?.[2])?.toLowerCase();
  return !!tag && ctx.tasks.some((t) => t.tags.some((g) => g.toLowerCase() === tag));
}
