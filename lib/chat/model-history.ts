// The stored conversation as a model expects to read it. Failed turns leave a user message with
// no reply (two user messages in a row) or a reply with nothing in it; a context window can
// start on a reply. Servers that require alternating roles (some vLLM chat templates) reject
// every later turn of such a history, so the model gets: user first, roles alternating (an
// unanswered user message gives way to the next) and no empty reply.
import "server-only";
import type { UIMessage } from "ai";

type Part = { type: string; text?: string };

function hasContent(p: Part): boolean {
  if (p.type === "text" || p.type === "reasoning") return Boolean(p.text?.trim());
  return p.type !== "step-start";
}

export function modelHistory(messages: UIMessage[]): UIMessage[] {
  const out: UIMessage[] = [];
  for (const message of messages) {
    if (message.role === "system") continue;
    // Parts were already filtered to those Doable keeps when the history was loaded (store.ts).
    const parts = (message.parts as Part[]).filter((p) => p.type !== "text" || p.text?.trim());
    if (!parts.some(hasContent)) continue;
    const previous = out.at(-1);
    if (!previous && message.role !== "user") continue;
    if (previous?.role === "user" && message.role === "user") {
      // The earlier one was never answered: its turn failed (and the user wrote again), or
      // another tab's turn is still answering it. Either way this turn answers the later one.
      out[out.length - 1] = { ...message, parts: parts as UIMessage["parts"] };
      continue;
    }
    if (previous?.role === "assistant" && message.role === "assistant") {
      out[out.length - 1] = {
        ...message,
        parts: [...(previous.parts as Part[]), { type: "step-start" }, ...parts] as UIMessage["parts"],
      };
      continue;
    }
    out.push({ ...message, parts: parts as UIMessage["parts"] });
  }
  return out;
}
