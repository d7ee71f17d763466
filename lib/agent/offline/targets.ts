// From a reference phrase to the tasks an action applies to, or to the question to ask.
import { ask, clarifyReference, type Ctx } from "./context";
import {
  applyFilter,
  cleanRefPhrase,
  isGroupPhrase,
  isPluralRef,
  parseGroupFilter,
  pluralCount,
  resolveOne,
  resolveSeveral,
  type RefOutcome,
} from "./references";
import type { Interpretation, TaskSnapshot } from "./types";
import { messages, type Action } from "./messages";

export type Targets =
  | { ok: true; tasks: TaskSnapshot[]; partial: boolean; group: boolean }
  | { ok: false; reply: Interpretation };

export type TargetOptions = {
  /** Verb for the question ("mark as done", "delete"), worded per language by messages.ts. */
  action: Action;
  prefer?: "pending" | "completed";
  /** May one request act on several tasks ("complete 2 and 9", "all home tasks")? */
  many?: boolean;
  /** Status a group is limited to (completing only touches pending tasks). */
  groupStatus?: "pending" | "completed";
  /** Accept a best-effort partial title match. */
  allowPartial?: boolean;
  entities?: Record<string, unknown>;
};

const PLURAL_END = /\b(?:tasks|ones|items|todos|to-dos)$/i;

export function resolveTargets(phrase: string, ctx: Ctx, opts: TargetOptions): Targets {
  const refOpts = { prefer: opts.prefer, history: ctx.history, override: ctx.override };
  const cleaned = cleanRefPhrase(phrase);
  const entities = { ...(opts.entities ?? {}), ref: cleaned };
  const say = messages(ctx.language);

  // "them both", "all of those": the tasks just talked about, not a group of the whole list.
  if (opts.many && isPluralRef(phrase)) {
    const outs = resolveSeveral(phrase, ctx.tasks, refOpts);
    const tasks = outs.flatMap((o) => (o.kind === "one" ? [o.task] : []));
    const count = pluralCount(phrase);
    if (!tasks.length || tasks.length !== outs.length || (count !== null && tasks.length !== count))
      return { ok: false, reply: ask(say.whichTasks, entities, 0.4) };
    return { ok: true, tasks, partial: false, group: true };
  }
  if (opts.many && (isGroupPhrase(cleaned) || (PLURAL_END.test(cleaned) && !/\d/.test(cleaned)))) {
    const filter = parseGroupFilter(cleaned, ctx.tasks);
    const criteria = !!(filter.tag || filter.priority || filter.status || filter.due || filter.words.length);
    // "delete the tasks" names no group; only an explicit "all"/"everything" means every task.
    if (!criteria && !/\b(?:all|every|everything|both)\b/i.test(cleaned)) {
      return { ok: false, reply: ask(say.whichTasks, entities, 0.4) };
    }
    if (!filter.status && opts.groupStatus) filter.status = opts.groupStatus;
    const tasks = applyFilter(filter, ctx.tasks, ctx.date);
    if (tasks.length === 0) {
      return {
        ok: false,
        reply: ask(say.noGroupMatch(filter.status, cleaned), entities, 0.5),
      };
    }
    return { ok: true, tasks, partial: false, group: true };
  }

  const outs: RefOutcome[] = opts.many
    ? resolveSeveral(cleaned, ctx.tasks, refOpts)
    : [resolveOne(cleaned, ctx.tasks, refOpts)];
  const bad = outs.find((o): o is Exclude<RefOutcome, { kind: "one" }> => o.kind !== "one");
  if (bad) return { ok: false, reply: clarifyReference(bad, opts.action, entities, ctx.language) };
  const ones = outs as Array<Extract<RefOutcome, { kind: "one" }>>;
  const partial = ones.some((o) => o.partial);
  const unsure = ones.find((o) => o.partial && (!opts.allowPartial || o.loose));
  if (unsure) {
    const t = unsure.task;
    return {
      ok: false,
      reply: ask(
        say.confirmPartial(say.actions[opts.action], `#${t.number} ${t.title}`),
        { ...entities, candidates: [t.number] },
        0.5,
      ),
    };
  }
  return { ok: true, tasks: ones.map((o) => o.task), partial, group: false };
}
