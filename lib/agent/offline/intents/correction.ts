// Corrections and elliptical follow-ups, resolved through the dialogue state:
//   "no, the other one", "I meant the vet, not the groomer", "not the bakery - the pharmacy"
//     → undo the last turn's change, then make the same change to the intended task;
//   "and the receipts too", "same for the piano one", "do the same for walk the dog"
//     → the last change again, on another task.
import { clarifyReference, result, type Ctx } from "../context";
import { dialogueState, retarget } from "../dialogue";
import { resolveOne } from "../references";
import type { Interpretation } from "../types";

const OOPS = /^(?:(?:no|nope|nah|wait|sorry|oops|whoops|oh|hmm+|actually|my\s+bad|ugh|not\s+that\s+one|wrong\s+one)\b[\s,.!-]*)+/i;
const MEANT = /^(?:i\s+)?(?:meant|mean|wanted|was\s+talking\s+about)\s+(.+?)(?:\s*[,;-]?\s+not\s+(.+))?$/i;
const NOT_BUT = /^not\s+(.+?)\s*(?:[,;]|\s-\s|\s+but)\s*(?:i\s+meant\s+|it'?s\s+)?(.+)$/i;
const X_NOT_Y = /^(.+?)\s*,\s*not\s+(.+)$/i;
const OTHER = /^(?:the\s+)?other\s+(?:one|task)$/i;

const SAME_FOR = /^(?:and\s+|also\s+|then\s+)*(?:do\s+|please\s+do\s+)?(?:the\s+)?same\s+(?:thing\s+)?(?:for|with|to)\s+(.+)$/i;
const TOO = /^(?:and\s+|also\s+)*(.+?)\s+(?:too|as\s+well)$/i;

function intended(text: string): string | null {
  const stripped = text.replace(OOPS, "").trim();
  const oops = stripped !== text.trim();
  let m: RegExpExecArray | null;
  if ((m = MEANT.exec(stripped))) return m[1]!;
  if ((m = NOT_BUT.exec(stripped))) return m[2]!;
  if (oops && (m = X_NOT_Y.exec(stripped))) return m[1]!;
  if (oops && OTHER.test(stripped)) return stripped;
  return null;
}

const NARROW = /^(?:(?:ok(?:ay)?|fine|alright|then)\b[\s,.!]*)*(?:just|only)\s+(?:do\s+)?(.+?)(?:\s+then)?$/i;

export function correction(ctx: Ctx): Interpretation | null {
  const state = dialogueState(ctx.history);
  // "ok, only the dishes then" after rejecting a bulk change: the same change, on that task only.
  const narrow = state.lastAttempt?.rejected ? NARROW.exec(ctx.raw.replace(/[.!?…]+$/g, "").trim()) : null;
  if (narrow && state.lastAttempt) {
    const out = resolveOne(narrow[1]!, ctx.tasks, { history: ctx.history });
    const first = state.lastAttempt.calls[0]!;
    if (out.kind === "one" && state.lastAttempt.calls.every((c) => c.tool === first.tool)) {
      const mine = state.lastAttempt.calls.find((c) => c.input.task === out.task.number) ?? first;
      const calls = retarget([mine], out.task, ctx.date.timeZone);
      if (calls.length) return result(calls[0]!.tool, calls, { tasks: [out.task.number], narrowed: true }, 0.8);
    }
  }
  const change = state.lastChange;
  if (!change || change.calls.some((c) => c.tool === "add_task")) return null;
  const text = ctx.raw.replace(/[.!?…]+$/g, "").trim();

  const target = state.changeIsLatest ? intended(text) : null;
  if (target) {
    const out = resolveOne(target, ctx.tasks, { history: ctx.history });
    if (out.kind !== "one") return clarifyReference(out, "change instead", { correction: true });
    if (change.touched.includes(out.task.number)) return null;
    const calls = [{ tool: "undo_operation" as const, input: {} }, ...retarget(change.calls, out.task, ctx.date.timeZone)];
    return result("correction", calls, { tasks: [out.task.number], undo: true }, 0.8);
  }

  const m = SAME_FOR.exec(ctx.text) ?? TOO.exec(ctx.text);
  if (!m) return null;
  const out = resolveOne(m[1]!, ctx.tasks, { history: ctx.history });
  if (out.kind !== "one" || out.partial || change.touched.includes(out.task.number)) return null;
  const calls = retarget(change.calls, out.task, ctx.date.timeZone);
  if (!calls.length) return null;
  return result(calls[0]!.tool, calls, { tasks: [out.task.number], ellipsis: true }, 0.8);
}
