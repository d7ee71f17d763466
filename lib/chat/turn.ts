// One chat turn: validate, save the user's message, run the agent over the stored context,
// stream the reply, and save it (after every step, and at the end even if the client left or
// the model failed). The route handler only adds the session.
import { randomUUID } from "node:crypto";
import { consumeStream, createAgentUIStreamResponse, type UIMessage } from "ai";
import type { Conversation } from "@/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/users";
import { createTaskAgent } from "@/lib/agent/agent";
import type { Interpretation } from "@/lib/agent/offline/types";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse, readJson } from "@/lib/http";
import { consume } from "@/lib/rate-limit";
import { toSnapshot, taskWithTags } from "@/lib/tasks/view";
import { applyApprovals } from "./approvals";
import { analysisFromTools } from "./analysis";
import { chatRequest } from "./schemas";
import { createConversation, findConversation, loadContext, saveAnalysis, saveAssistantMessage, saveUserMessage } from "./store";

export type ChatMetadata = {
  conversationId: string;
  title: string;
  model: string;
  createdAt?: string;
  finishReason?: string;
  usage?: unknown;
};

/** Shown to the user when the model fails; the details go to the server log only. */
const MODEL_FAILED = "The assistant could not answer just now. Your message is saved — try again.";

export async function handleChat(db: Db, user: SessionUser, request: Request, now = new Date()): Promise<Response> {
  try {
    await consume("chat", user.id, db);
    const body = await readJson(request, chatRequest);
    const timeZone = body.timeZone ?? "UTC";
    let conversation: Conversation;
    if (body.id) conversation = await findConversation(db, user.id, body.id);
    else if (body.message.role === "user") {
      conversation = await createConversation(db, user.id, body.message.parts.map((p) => ("text" in p ? String(p.text) : "")).join(" "));
    } else throw new AppError("bad_request", "Approvals need the conversation id.");

    const baseCtx = { userId: user.id, source: "chat" as const, conversationId: conversation.id, timeZone };
    let userMessageId: string | null;
    let originalCommand: string | null;
    let approved: Set<string> | undefined;
    if (body.message.role === "user") {
      const saved = await saveUserMessage(db, conversation, body.message);
      userMessageId = saved.id;
      originalCommand = saved.text;
    } else {
      const applied = await applyApprovals(db, conversation, body.message, baseCtx);
      ({ userMessageId, originalCommand, approved } = applied);
    }
    // The turn answers its own message: messages another tab sent meanwhile are not its to answer.
    const loaded = await loadContext(db, conversation.id);
    const own = loaded.findIndex((m) => m.id === (body.message.role === "user" ? userMessageId : body.message.id));
    const context = own >= 0 ? loaded.slice(0, own + 1) : loaded;

    let interpretation: Interpretation | null = null;
    const { agent, info } = createTaskAgent({
      db,
      ctx: { ...baseCtx, messageId: userMessageId, originalCommand },
      userName: user.name,
      now,
      approved,
      offline: {
        loadTasks: async () =>
          (await db.task.findMany({ where: { userId: user.id, deletedAt: null }, include: taskWithTags, orderBy: { number: "asc" } })).map(toSnapshot),
        onInterpretation: (it) => (interpretation = it),
      },
    });

    const started = performance.now();
    const metadata: ChatMetadata = { conversationId: conversation.id, title: conversation.title, model: info.label };
    let savedToolStates = ""; // no tool calls saved yet
    const persist = async (message: UIMessage, extra: Record<string, unknown> = {}) => {
      const tools = [...new Set((message.parts as { type: string }[]).filter((p) => p.type.startsWith("tool-")).map((p) => p.type.slice(5)))];
      const stored = (message.metadata ?? {}) as Record<string, unknown>;
      await saveAssistantMessage(db, conversation, {
        replyToId: userMessageId,
        message: { ...message, metadata: { ...stored, ...metadata } },
        metadata: { ...stored, ...metadata, provider: info.provider, modelId: info.modelId, toolsUsed: tools, processingMs: Math.round(performance.now() - started), ...extra },
      });
      return tools;
    };

    return await createAgentUIStreamResponse({
      agent,
      uiMessages: context,
      originalMessages: context,
      abortSignal: request.signal,
      generateMessageId: randomUUID,
      // no-transform: the stream is not gzipped by `next start` (CPU per chunk, and a proxy
      // that compresses may buffer what should arrive as it is written).
      headers: { "x-conversation-id": conversation.id, "cache-control": "no-cache, no-transform" },
      messageMetadata: ({ part }) => {
        if (part.type === "start") return { ...metadata, createdAt: new Date().toISOString() };
        if (part.type === "finish") return { ...metadata, finishReason: part.finishReason, usage: part.totalUsage };
        return undefined;
      },
      onError: (error) => {
        console.error("chat model failed", error);
        return MODEL_FAILED;
      },
      // Saved after each step that ran tools: executed operations' results are never lost with a
      // later failure. A text-only step waits for the save at the end (one write fewer per turn).
      onUIMessageStepEnd: async ({ responseMessage }: { responseMessage: UIMessage }) => {
        const states = toolStates(responseMessage);
        if (states === savedToolStates) return;
        savedToolStates = states;
        await persist(responseMessage);
      },
      onEnd: async ({ responseMessage, isAborted, outcome }) => {
        // A provider's error event mid-stream ends the turn with finishReason "error", not a throw.
        const failed = outcome.status === "failed" || (responseMessage.metadata as { finishReason?: string } | undefined)?.finishReason === "error";
        // Reading `request` here also keeps it alive for the whole turn: Node 20's Request passes
        // an abort on to request.signal through a weak reference, so once the Request itself
        // was collected mid-turn, a client's abort never reached the agent (lib/chat/faults.test.ts).
        const aborted = isAborted || request.signal.aborted;
        const tools = await persist(responseMessage, {
          ...(aborted ? { aborted: true } : {}),
          ...(failed ? { error: MODEL_FAILED } : {}),
        });
        if (body.message.role === "user" && userMessageId) {
          const analysis = interpretation
            ? { intent: (interpretation as Interpretation).intent, entities: (interpretation as Interpretation).entities, confidence: (interpretation as Interpretation).confidence }
            : analysisFromTools(responseMessage, tools);
          await saveAnalysis(db, userMessageId, analysis);
        }
      },
      consumeSseStream: consumeStream,
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The reply's tool calls and how far each got: a step that changed none has nothing new to save. */
function toolStates(message: Pick<UIMessage, "parts">): string {
  return (message.parts as { type: string; toolCallId?: string; state?: string }[])
    .filter((p) => p.type.startsWith("tool-"))
    .map((p) => `${p.toolCallId}:${p.state}`)
    .join(",");
}
