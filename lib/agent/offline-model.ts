// The built-in offline assistant as an AI SDK language model: it reads the conversation the SDK
// hands it, asks the interpreter for tool calls, and once the tools ran, words a reply from their
// results. Same pipeline as an LLM: the agent loop, tools, approval and persistence do not know
// the difference.
import { randomUUID } from "node:crypto";
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import type { StreamTextTransform, TextStreamPart, ToolSet } from "ai";
import { dialogueState } from "@/lib/agent/offline/dialogue";
import { interpret, replyHints } from "@/lib/agent/offline/interpret";
import { composeReply } from "@/lib/agent/offline/reply";
import type {
  HistoryTurn,
  Interpretation,
  TaskSnapshot,
  ToolCall,
  ToolName,
  ToolResult,
} from "@/lib/agent/offline/types";

export const OFFLINE_MODEL_ID = "doable-offline-1";

export type OfflineDeps = {
  now: () => Date;
  timeZone: string;
  /** The user's tasks as they are now (read fresh for each user turn). */
  loadTasks: () => Promise<TaskSnapshot[]>;
  /** Told what the user's message was understood as (stored on the message). */
  onInterpretation?: (it: Interpretation) => void;
  /** Told a step's tool calls before they are streamed (bulk approval needs the step's size). */
  onStepCalls?: (calls: { toolCallId: string; toolName: string }[]) => void;
};

const USAGE: LanguageModelV4Usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

type Turn = Extract<LanguageModelV4Prompt[number], { role: "user" | "assistant" | "tool" }>;

const textOf = (message: { content: unknown }) =>
  Array.isArray(message.content)
    ? message.content
        .filter((p: { type: string }) => p.type === "text")
        .map((p: { text: string }) => p.text)
        .join("\n")
    : typeof message.content === "string"
      ? message.content
      : "";

function outputToResult(output: { type: string; value?: unknown; reason?: string }): ToolResult {
  if (output.type === "json") return output.value as ToolResult;
  // A rejected approval replays from the stored conversation as an error text.
  const denied =
    output.type === "execution-denied" ||
    (output.type === "error-text" && /execution denied/i.test(String(output.value ?? "")));
  if (denied) return { ok: false, code: "rejected", message: output.reason ?? "You chose not to make this change." };
  return {
    ok: false,
    code: "internal",
    message: typeof output.value === "string" ? output.value : "That did not work.",
  };
}

const TOOL_NAMES: ReadonlySet<string> = new Set<ToolName>([
  "add_task",
  "list_tasks",
  "complete_task",
  "update_task",
  "delete_task",
  "undo_operation",
]);
const isToolName = (name: string): name is ToolName => TOOL_NAMES.has(name);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A tool call of the conversation as the interpreter's shape; null for one it never makes. */
function callOf(c: { toolName: string; input: unknown }): ToolCall | null {
  return isToolName(c.toolName) && isRecord(c.input) ? { tool: c.toolName, input: c.input } : null;
}

/** The conversation as the interpreter reads it: turns with their calls and results. */
function historyOf(messages: Turn[]): HistoryTurn[] {
  const history: HistoryTurn[] = [];
  const results = new Map<string, ToolResult>();
  for (const m of messages)
    if (m.role === "tool")
      for (const p of m.content) if (p.type === "tool-result") results.set(p.toolCallId, outputToResult(p.output));
  for (const m of messages) {
    if (m.role === "user") history.push({ role: "user", text: textOf(m) });
    else if (m.role === "assistant") {
      const calls = m.content.filter((p) => p.type === "tool-call");
      const last = history.at(-1);
      // Consecutive assistant messages (one per step) make one turn.
      const turn: HistoryTurn = last?.role === "assistant" ? last : { role: "assistant", text: "" };
      if (turn !== last) history.push(turn);
      const text = textOf(m);
      if (text) turn.text = turn.text ? `${turn.text}\n${text}` : text;
      if (calls.length) {
        const known = calls.flatMap((c) => {
          const call = callOf(c);
          return call ? [{ call, result: results.get(c.toolCallId) ?? null }] : [];
        });
        turn.calls = [...(turn.calls ?? []), ...known.map((k) => k.call)];
        turn.results = [...(turn.results ?? []), ...known.map((k) => k.result)];
      }
    }
  }
  return history;
}

/** Words a reply about a step's calls and their results, for the user message at `userIndex`. */
type Replier = (done: { call: ToolCall; result: ToolResult }[]) => string;

function replier(deps: OfflineDeps, turns: Turn[], userIndex: number, now: Date): Replier {
  // The user's message the reply answers: its language, whether it asked a question, and the
  // changing turn before it (what an undo put back), all read from the conversation. The
  // history also lets a message with no words of its own ("2", "ok") be answered in the
  // conversation's language.
  const userTurn = turns[userIndex];
  const userText = userTurn ? textOf(userTurn) : "";
  const history = historyOf(turns.slice(0, Math.max(userIndex, 0)));
  const hints = replyHints({ text: userText, now, timeZone: deps.timeZone, tasks: [], history });
  const previous = dialogueState(history).lastChange;
  return (done) =>
    composeReply(
      done.map((d) => d.call),
      done.map((d) => d.result),
      {
        now,
        timeZone: deps.timeZone,
        ...hints,
        ...(previous ? { previousChange: { calls: previous.calls, results: previous.results } } : {}),
      },
    );
}

type Answer = {
  content: LanguageModelV4Content[];
  toolCalls: boolean;
  /** For a step of tool calls: the reply, once they have run (see replyInStep). */
  reply?: Replier;
};

/** The model's answer for this step: tool calls for a new user message, or the reply to tool results. */
async function respond(deps: OfflineDeps, prompt: LanguageModelV4Prompt): Promise<Answer> {
  const turns = prompt.filter((m): m is Turn => m.role !== "system");
  const last = turns.at(-1);
  const now = deps.now();
  const userIndex = turns.findLastIndex((m) => m.role === "user");
  if (last?.role === "tool") {
    // The tools ran (approved ones, or a step whose reply was not written in it): reply about
    // the calls of the latest assistant step.
    const assistant = [...turns].reverse().find((m) => m.role === "assistant");
    const calls = assistant?.role === "assistant" ? assistant.content.filter((p) => p.type === "tool-call") : [];
    const byId = new Map<string, ToolResult>();
    for (const m of turns)
      if (m.role === "tool")
        for (const p of m.content) if (p.type === "tool-result") byId.set(p.toolCallId, outputToResult(p.output));
    const done = calls.flatMap((c) => {
      const call = callOf(c);
      const result = byId.get(c.toolCallId);
      return call && result ? [{ call, result }] : [];
    });
    return { content: [{ type: "text", text: replier(deps, turns, userIndex, now)(done) }], toolCalls: false };
  }
  const userTurn = turns[userIndex];
  const text = userTurn ? textOf(userTurn) : "";
  const it = interpret({
    text,
    now,
    timeZone: deps.timeZone,
    tasks: await deps.loadTasks(),
    history: historyOf(turns.slice(0, userIndex)),
  });
  deps.onInterpretation?.(it);
  // Never an empty reply: the offline model's turn always ends in words (final-answer.ts is not in its way).
  if (it.calls.length === 0)
    return {
      content: [{ type: "text", text: it.reply?.trim() || "How can I help with your tasks?" }],
      toolCalls: false,
    };
  const calls = it.calls.map((c) => ({
    type: "tool-call" as const,
    toolCallId: `call_${randomUUID()}`,
    toolName: c.tool,
    input: JSON.stringify(c.input),
  }));
  deps.onStepCalls?.(calls);
  return {
    content: calls,
    toolCalls: true,
    reply: replier(deps, turns, userIndex, now),
  };
}

export type OfflineModel = {
  model: LanguageModelV4;
  /**
   * Writes the reply to a step's tool calls as soon as every call has run, as a step of its own
   * right after it, without asking the model again: one model step per turn instead of two (a
   * second model step costs a whole AI SDK stream pipeline for words the interpreter can write
   * as soon as the results are in). The turn stored is the same: the tools' step, then the
   * reply's. A step with a call that waits for approval, failed or was denied gets no reply
   * here: the loop's next model step words it from the results, as a model would.
   */
  replyInStep: {
    transform: StreamTextTransform<ToolSet>;
    /** Whether the reply was written: the agent stops there (its stop condition). */
    replied: () => boolean;
  };
};

export function createOfflineModel(deps: OfflineDeps): OfflineModel {
  let pending: Replier | null = null;
  const model: LanguageModelV4 = {
    specificationVersion: "v4",
    provider: "doable",
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options: LanguageModelV4CallOptions) {
      const { content, toolCalls } = await respond(deps, options.prompt);
      return {
        content,
        finishReason: { unified: toolCalls ? "tool-calls" : "stop", raw: undefined },
        usage: USAGE,
        warnings: [],
      };
    },
    async doStream(options: LanguageModelV4CallOptions) {
      const { content, toolCalls, reply } = await respond(deps, options.prompt);
      pending = reply ?? null;
      const parts: LanguageModelV4StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "response-metadata", modelId: OFFLINE_MODEL_ID, timestamp: deps.now() },
      ];
      for (const c of content) {
        if (c.type === "text") {
          const id = randomUUID();
          // The reply is whole at once: one delta (a chunk per word cost CPU in every stream stage).
          parts.push({ type: "text-start", id }, { type: "text-delta", id, delta: c.text }, { type: "text-end", id });
        } else if (c.type === "tool-call") {
          parts.push(
            { type: "tool-input-start", id: c.toolCallId, toolName: c.toolName },
            { type: "tool-input-delta", id: c.toolCallId, delta: c.input },
            { type: "tool-input-end", id: c.toolCallId },
            c,
          );
        }
      }
      parts.push({
        type: "finish",
        usage: USAGE,
        finishReason: { unified: toolCalls ? "tool-calls" : "stop", raw: undefined },
      });
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          for (const p of parts) controller.enqueue(p);
          controller.close();
        },
      });
      return { stream };
    },
  };
  let replied = false;
  const transform: StreamTextTransform<ToolSet> = () => {
    const calls = new Map<string, ToolCall>();
    const results = new Map<string, ToolResult>();
    let settled = true; // every call of the step ran, and the step has no words yet
    let stepStart: Extract<TextStreamPart<ToolSet>, { type: "start-step" }> | null = null;
    return new TransformStream<TextStreamPart<ToolSet>, TextStreamPart<ToolSet>>({
      transform(part, controller) {
        controller.enqueue(part.type === "finish" && replied ? { ...part, finishReason: "stop" } : part);
        if (part.type === "start-step") {
          calls.clear();
          results.clear();
          settled = true;
          stepStart = part;
        } else if (part.type === "tool-call") {
          const call = callOf(part);
          if (call) calls.set(part.toolCallId, call);
          else settled = false;
        } else if (part.type === "tool-result") results.set(part.toolCallId, part.output as ToolResult);
        else if (part.type === "text-start" || part.type === "tool-error" || part.type === "tool-approval-request")
          settled = false;
        else if (part.type === "finish-step") {
          const reply = pending;
          pending = null;
          if (!reply || !settled || !stepStart || calls.size === 0 || ![...calls.keys()].every((id) => results.has(id)))
            return;
          const text = reply([...calls].map(([id, call]) => ({ call, result: results.get(id) as ToolResult })));
          const id = randomUUID();
          // Set before the step reaches the agent loop, which then asks its stop condition.
          replied = true;
          controller.enqueue(stepStart);
          controller.enqueue({ type: "text-start", id });
          controller.enqueue({ type: "text-delta", id, text });
          controller.enqueue({ type: "text-end", id });
          controller.enqueue({ ...part, usage: { ...part.usage }, finishReason: "stop" });
        }
      },
    });
  };
  return { model, replyInStep: { transform, replied: () => replied } };
}
