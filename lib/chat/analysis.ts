// Intent, entities and confidence of a user message answered by an LLM: read off the tools it chose.
import "server-only";
import type { UIMessage } from "ai";

export function analysisFromTools(
  message: UIMessage,
  tools: string[],
): { intent: string; entities: unknown; confidence: number | null } {
  const inputs = (message.parts as { type: string; input?: unknown }[])
    .filter((p) => p.type.startsWith("tool-"))
    .map((p) => ({ tool: p.type.slice(5), input: p.input }));
  if (tools.length === 0) return { intent: "chat", entities: {}, confidence: null };
  const [only] = tools;
  return {
    intent: tools.length === 1 && only !== undefined ? only : tools.join("+").slice(0, 50),
    entities: { calls: inputs },
    confidence: null,
  };
}
