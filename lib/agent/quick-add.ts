// The task panel's quick-add line ("call the plumber friday 5pm #home !!") read exactly as the
// chat reads an add: the offline interpreter's add parsing (lib/agent/offline/intents/add.ts)
// turns it into add_task inputs, which the task service then adds (service.quickAddTasks, which is
// handed this reader so that lib/tasks never depends on the interpreter).
import "server-only";
import { makeCtx } from "@/lib/agent/offline/context";
import { add, buildAdds } from "@/lib/agent/offline/intents/add";
import type { AddTaskInput } from "@/lib/tasks/schemas";
import type { QuickAddReading } from "@/lib/tasks/service";

// In a chat message bangs at the end are emphasis and dropped with the punctuation; typed into a
// task field after the words, as in front of them, they mark the task urgent.
const TRAILING_BANGS = /^(.*\S)\s+(!{2,})\s*$/s;

/** The tasks a line describes, or what the chat would have asked back (an unreal date, no title). */
export function readQuickAdd(line: string, { now, timeZone }: { now: Date; timeZone: string }): QuickAddReading {
  const text = line.trim().replace(TRAILING_BANGS, "$2 $1");
  const ctx = makeCtx({ text, now, timeZone, tasks: [] });
  // "remind me to …", "I need to …" read as the chat's add would; anything else is the task itself.
  const reading = add(ctx) ?? buildAdds({ body: ctx.text, strength: 1 }, ctx);
  const inputs = reading.calls.filter((call) => call.tool === "add_task").map((call) => call.input as AddTaskInput);
  if (inputs.length === 0)
    return {
      ok: false,
      message: reading.reply ?? "Type what the task is, for example “call the plumber friday 5pm #home”.",
    };
  return { ok: true, inputs };
}
