// Every turn ends in words. The agent's last allowed step asks the model to answer without
// tools (toolChoice "none", set in agent.ts's prepareStep); a model that calls tools anyway
// (many local servers ignore tool_choice), or that answers with nothing at all, gets its tool
// calls dropped (they are not run) and a reply written here from what the turn's tools did.
// Without this, a model stuck calling a tool every step ended the turn after five steps with
// no text, and one that broke the rule tripped the SDK's ToolChoiceViolationError.
import type { LanguageModelMiddleware } from "ai";
import type { LanguageModelV4Prompt, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import type { ToolResult } from "@/lib/tasks/types";

type Tools = { results: ToolResult[]; calls: number };

/** The tool calls since the user's latest message and their results (the turn so far). */
function turnSoFar(prompt: LanguageModelV4Prompt): Tools {
  const lastUser = prompt.findLastIndex((m) => m.role === "user");
  const results: ToolResult[] = [];
  let calls = 0;
  for (const m of prompt.slice(lastUser + 1)) {
    if (m.role === "assistant") calls += m.content.filter((p) => p.type === "tool-call").length;
    if (m.role === "tool") {
      for (const p of m.content) {
        if (p.type !== "tool-result") continue;
        if (p.output.type === "json" && p.output.value && typeof p.output.value === "object")
          results.push(p.output.value as ToolResult);
      }
    }
  }
  return { results, calls };
}

const VERBS: Record<string, string> = {
  added: "added",
  completed: "completed",
  reopened: "reopened",
  updated: "updated",
  deleted: "deleted",
  undone: "undid a change to",
};

/** The reply for a turn whose model gave none: what changed, and that the assistant stopped. */
export function stoppedReply({ results, calls }: Tools, reason: "loop" | "empty"): string {
  const done: string[] = [];
  for (const r of results) {
    if (!r.ok || r.kind === "listed") continue;
    const task = "task" in r && r.task ? ` #${r.task.number} ${r.task.title}` : "";
    done.push(`${VERBS[r.kind] ?? "changed"}${task}`);
  }
  const unique = [...new Set(done)];
  const head =
    reason === "loop"
      ? `I stopped ${calls > 0 ? `after ${calls} tool call${calls === 1 ? "" : "s"} ` : ""}without finishing my answer.`
      : calls > 0
        ? "I finished without a reply."
        : "Sorry, I have no answer to that.";
  if (unique.length)
    return `${head} Done so far: ${unique.join("; ")}. The cards above show each change (each can be undone). Tell me if anything is missing.`;
  if (calls > 0) return `${head} Nothing was changed. Try asking again, perhaps in other words.`;
  return `${head} Try asking again, perhaps in other words.`;
}

export function finalAnswerMiddleware(): LanguageModelMiddleware {
  return {
    specificationVersion: "v4",
    async wrapGenerate({ doGenerate, params }) {
      const result = await doGenerate();
      const noTools = params.toolChoice?.type === "none";
      const content = noTools ? result.content.filter((c) => c.type !== "tool-call") : result.content;
      const hasText = content.some((c) => c.type === "text" && c.text.trim());
      const hasCalls = content.some((c) => c.type === "tool-call");
      if (hasText || hasCalls || result.finishReason.unified === "error")
        return content === result.content ? result : { ...result, content };
      const text = stoppedReply(turnSoFar(params.prompt), noTools ? "loop" : "empty");
      return {
        ...result,
        content: [...content, { type: "text", text }],
        finishReason: { unified: "stop", raw: result.finishReason.raw },
      };
    },
    async wrapStream({ doStream, params }) {
      const { stream, ...rest } = await doStream();
      const noTools = params.toolChoice?.type === "none";
      let text = false;
      let calls = false;
      let failed = false;
      // A text part is held back until it has a visible character: an empty one ("content": ""
      // and nothing more) is dropped, so no reply is stored as blank or starts with a blank line.
      const held = new Map<string, LanguageModelV4StreamPart[]>();
      const transform = new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
        transform(part, controller) {
          if (
            part.type === "tool-input-start" ||
            part.type === "tool-input-delta" ||
            part.type === "tool-input-end" ||
            part.type === "tool-call"
          ) {
            if (noTools) return; // told not to call tools: the call is dropped, never run
            calls = true;
          }
          if (part.type === "text-start") return void held.set(part.id, [part]);
          if (part.type === "text-delta" || part.type === "text-end") {
            const waiting = held.get(part.id);
            if (part.type === "text-end" && waiting) return void held.delete(part.id);
            if (part.type === "text-delta" && waiting) {
              if (!part.delta.trim()) return void waiting.push(part);
              for (const p of waiting) controller.enqueue(p);
              held.delete(part.id);
            }
          }
          if (part.type === "text-delta" && part.delta.trim()) text = true;
          if (part.type === "error") failed = true;
          if (part.type === "finish") {
            if (!text && !calls && !failed && part.finishReason.unified !== "error") {
              const id = "final-answer";
              const reply = stoppedReply(turnSoFar(params.prompt), noTools ? "loop" : "empty");
              controller.enqueue({ type: "text-start", id });
              controller.enqueue({ type: "text-delta", id, delta: reply });
              controller.enqueue({ type: "text-end", id });
              controller.enqueue({ ...part, finishReason: { unified: "stop", raw: part.finishReason.raw } });
              return;
            }
            if (noTools && part.finishReason.unified === "tool-calls") {
              controller.enqueue({ ...part, finishReason: { unified: "stop", raw: part.finishReason.raw } });
              return;
            }
          }
          controller.enqueue(part);
        },
      });
      return { stream: stream.pipeThrough(transform), ...rest };
    },
  };
}
