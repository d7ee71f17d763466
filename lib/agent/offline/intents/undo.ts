// "undo that", "oops, undo", "revert the last change".
import { result, type Ctx } from "../context";
import type { Interpretation } from "../types";
import { reopensWithTail } from "./complete";
import { dialogueState } from "../dialogue";

const UNDO =
  /\b(?:undo|un-do|revert|reverse|roll\s*back|take\s+(?:that|it)\s+back|scratch\s+that|cancel\s+that|put\s+(?:it|that|those|them)\s+back|bring\s+(?:it|that|them)\s+back|(?:i|we)\s+(?:need|want)\s+(?:it|that|them|those)\s+back|restore\s+(?:it|that|them)|undelete)\b/i;
const OTHER_COMMAND = /\b(?:add|create|show|list|rename|move|tag|remind)\b/i;

// "wait, don't delete it!" right after a delete: take the delete back.
const NOT_DELETED = /\b(?:don'?t|do\s+not)\s+(?:delete|remove|bin|trash)\s+(?:it|that|them|this)\b/i;

export function undo(ctx: Ctx): Interpretation | null {
  const t = ctx.lower;
  const deletedLast = dialogueState(ctx.history).lastChange?.calls.some((c) => c.tool === "delete_task");
  if (!UNDO.test(t) && !(NOT_DELETED.test(t) && deletedLast)) return null;
  // "the parcel isn't picked up yet, put it back": that task reopened (complete.ts), whichever turn changed it.
  if (reopensWithTail(ctx.text)) return null;
  // "put it back as not done", "restore it as pending": a state asked for is a reopen, not an undo.
  if (/\b(?:as|to)\s+(?:not\s+(?:done|completed|finished)|undone|pending|open|incomplete|unfinished)\b/.test(t))
    return null;
  const wordCount = t.split(/\s+/).length;
  // "undo" inside a longer command is part of something else ("add 'undo the fence'").
  if (wordCount > 10 || (OTHER_COMMAND.test(t) && !/^\W*(?:undo|revert)/.test(t))) return null;
  const input: Record<string, unknown> = {};
  const id = /\boperation\s+(?:id\s+)?#?([\w-]{4,})\b/i.exec(ctx.text);
  if (id && /\d/.test(id[1])) input.operationId = id[1];
  return result(
    "undo_operation",
    [{ tool: "undo_operation", input }],
    input.operationId ? { operationId: input.operationId } : {},
    0.9,
  );
}
