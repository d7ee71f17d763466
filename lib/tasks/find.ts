// Finding the one task a reference names, among the user's own (never anyone else's).
import "server-only";
import type { Tx } from "./log";
import { resolveTitle } from "./match";
import { toSnapshot, toView, taskWithTags, type TaskRow } from "./view";
import type { ToolError } from "./types";

export type Found = { ok: true; task: TaskRow } | ToolError;

function asNumber(ref: number | string): number | null {
  if (typeof ref === "number") return ref;
  const m = /^(?:task\s*)?#?\s*(\d{1,9})$/i.exec(ref.trim());
  return m ? Number(m[1]) : null;
}

/**
 * `ref` is a task number or text naming exactly one task. Several matches change nothing and
 * return the candidates; none says so. `prefer` breaks ties by status (completing prefers
 * pending tasks, reopening completed ones).
 */
export async function findTask(
  tx: Tx,
  userId: string,
  ref: number | string,
  opts: { prefer?: "pending" | "completed"; deleted?: boolean } = {},
): Promise<Found> {
  const deletedAt = opts.deleted ? { not: null } : null;
  const number = asNumber(ref);
  if (number !== null) {
    const task = await tx.task.findFirst({ where: { userId, number, deletedAt }, include: taskWithTags });
    return task
      ? { ok: true, task }
      : { ok: false, code: "not_found", message: `You have no ${opts.deleted ? "deleted " : ""}task #${number}.` };
  }
  const text = String(ref);
  const tasks = await tx.task.findMany({
    where: { userId, deletedAt },
    include: taskWithTags,
    orderBy: { number: "asc" },
  });
  const outcome = resolveTitle(text, tasks.map(toSnapshot), { prefer: opts.prefer });
  if (outcome.kind === "one") {
    const task = tasks.find((t) => t.number === outcome.task.number);
    if (task) return { ok: true, task };
  }
  if (outcome.kind === "many") {
    const numbers = new Set(outcome.candidates.map((c) => c.number));
    const candidates = tasks.filter((t) => numbers.has(t.number)).map(toView);
    return {
      ok: false,
      code: "ambiguous",
      message: `"${text}" matches ${candidates.length} tasks: ${candidates.map((c) => `#${c.number} ${c.title}`).join(", ")}. Which one?`,
      candidates,
    };
  }
  return { ok: false, code: "not_found", message: `No task matches "${text}".` };
}
