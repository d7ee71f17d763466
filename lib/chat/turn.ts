// One chat turn: validate, save the user's message, run the agent over the stored context,
// stream the reply, and save it (after every step, and at the end even if the client left or
// the model failed). The route handler only adds the session. Over 300 lines on purpose: the
// turn reads top to bottom in the order it runs, and each step is used only here.
import "server-only";
import { randomUUID } from "node:crypto";
import { consumeStream, createAgentUIStreamResponse, type UIMessage } from "ai";
import { isSessionCurrent, type SessionUser } from "@/lib/auth/users";
import { createTaskAgent } from "@/lib/agent/agent";
import { MODEL_FAILED, modelErrorMessage } from "@/lib/agent/errors";
import type { Interpretation } from "@/lib/agent/offline/types";
import { modelInfo } from "@/lib/agent/provider";
import type { Db } from "@/lib/db/client";
import { retryWhenUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/errors";
import { errorResponse, readJson } from "@/lib/http";
import { consume } from "@/lib/rate-limit";
import { toSnapshot, taskWithTags } from "@/lib/tasks/view";
import { applyApprovals } from "./approvals";
import { titleAfterFirstReply } from "@/lib/conversations/model-title";
import { analysisFromTools } from "./analysis";
import { repairDanglingTools, settleToolParts, type ToolOutcome } from "./dangling-tools";
import { claimMessage } from "./in-flight";
import { modelHistory } from "./model-history";
import { replaceTurns, type ReplacedTurns } from "./replace";
import { chatRequest, replacementOf, type ChatRequest } from "./schemas";
import {
  createConversation,
  deleteEmptyConversation,
  findConversation,
  loadContext,
  saveAssistantMessage,
  saveUserMessage,
  type Analysis,
  type ConversationRef,
} from "./store";
import { isTakenId, startUserTurn, type StartedTurn } from "./turn-start";

export type ChatMetadata = {
  conversationId: string;
  title: string;
  model: string;
  createdAt?: string;
  finishReason?: string;
  usage?: unknown;
  /** An edit or a regenerate: what the turn replaced, and how many of its task changes were undone. */
  replaced?: ReplacedTurns;
};

export type TurnOptions = {
  /**
   * The session version the caller's token carries, when the caller has not checked it against
   * the user's yet: the turn checks it with its first statement, before anything else happens.
   */
  sessionVersion?: number | null;
};

export async function handleChat(
  db: Db,
  user: SessionUser,
  request: Request,
  now = new Date(),
  opts: TurnOptions = {},
): Promise<Response> {
  let release: (() => void) | null = null;
  let created: ConversationRef | null = null;
  // In the order a turn has always checked them: the session, then the rate limit. The usual
  // user turn does both inside startUserTurn's statement; every other path does them here.
  let sessionChecked = opts.sessionVersion === undefined;
  let counted = false;
  const admit = async () => {
    if (!sessionChecked) {
      sessionChecked = true;
      if (!(await isSessionCurrent(db, user.id, opts.sessionVersion ?? undefined)))
        throw new AppError("unauthorized", "Sign in to continue.");
    }
    if (!counted) {
      counted = true;
      await consume("chat", user.id, db);
    }
  };
  try {
    let body: ChatRequest;
    try {
      body = await readJson(request, chatRequest);
    } catch (error) {
      await admit();
      throw error;
    }
    release = claimMessage(body.message.id);
    if (!release) {
      await admit();
      throw new AppError("conflict", "That message is being answered right now.");
    }
    const timeZone = body.timeZone ?? "UTC";
    const offline = modelInfo().provider === "offline";
    let started: StartedTurn | null = null;
    let found: ConversationRef | null = null;
    const replacing = replacementOf(body);
    if (body.message.role === "user" && !replacing) {
      try {
        const start = await startUserTurn(db, user.id, {
          conversationId: body.id,
          message: body.message,
          withTasks: offline,
          sessionVersion: sessionChecked ? undefined : opts.sessionVersion,
        });
        sessionChecked = true;
        if ("context" in start) started = start;
        else ({ counted, conversation: found } = start);
      } catch (error) {
        // A message id taken by a concurrent send: the statement changed nothing; the locked path decides.
        if (!isTakenId(error)) throw error;
      }
    }
    if (!started) await admit();

    let conversation: ConversationRef;
    if (started) conversation = started.conversation;
    else if (found) conversation = found;
    else if (body.id) conversation = await findConversation(db, user.id, body.id);
    else if (body.message.role === "user") {
      conversation = created = await createConversation(db, user.id, body.message.parts.map((p) => p.text).join(" "));
    } else throw new AppError("bad_request", "Approvals need the conversation id.");

    const baseCtx = { userId: user.id, source: "chat" as const, conversationId: conversation.id, timeZone };
    let userMessageId: string | null;
    let originalCommand: string | null;
    let approved: Set<string> | undefined;
    let replaced: ReplacedTurns | undefined;
    if (started) {
      userMessageId = started.userMessageId;
      originalCommand = started.text;
    } else if (replacing && body.message.role === "user") {
      // An edit or a regenerate: the replaced turns' changes are undone and the new message saved first.
      ({
        userMessageId,
        text: originalCommand,
        replaced,
      } = await replaceTurns(db, conversation, { ...replacing, message: body.message }, baseCtx));
    } else if (body.message.role === "user") {
      const saved = await saveUserMessage(db, conversation, body.message);
      userMessageId = saved.id;
      originalCommand = saved.text;
      created = null;
    } else {
      const applied = await applyApprovals(db, conversation, body.message, baseCtx);
      ({ userMessageId, originalCommand, approved } = applied);
    }
    // The turn answers its own message: messages another tab sent meanwhile are not its to answer.
    const loaded = started?.context ?? (await loadContext(db, conversation.id));
    const own = loaded.findIndex((m) => m.id === (body.message.role === "user" ? userMessageId : body.message.id));
    const context = await repairDanglingTools(db, user.id, own >= 0 ? loaded.slice(0, own + 1) : loaded);
    // Read with the turn's first statement when it could be; a second ask reads them afresh.
    let prefetched = started?.tasks ?? null;

    // What each tool call did, as it finishes: a turn stopped mid-step stores it with the reply.
    const runs: Promise<unknown>[] = [];
    const results = new Map<string, ToolOutcome>();

    let interpretation: Interpretation | null = null;
    const { agent, info, replyInStep } = createTaskAgent({
      db,
      ctx: { ...baseCtx, messageId: userMessageId, originalCommand },
      userName: user.name,
      now,
      approved,
      onToolRun: ({ run, ...call }) => {
        runs.push(run.then((output) => results.set(call.toolCallId, { ...call, output })));
      },
      offline: {
        loadTasks: async () => {
          const tasks = prefetched;
          prefetched = null;
          return (
            tasks ??
            (
              await db.task.findMany({
                where: { userId: user.id, deletedAt: null },
                include: taskWithTags,
                orderBy: { number: "asc" },
              })
            ).map(toSnapshot)
          );
        },
        onInterpretation: (it) => (interpretation = it),
      },
    });

    const startedAt = performance.now();
    const metadata: ChatMetadata = {
      conversationId: conversation.id,
      title: conversation.title,
      model: info.label,
      ...(replaced ? { replaced } : {}),
    };
    let savedToolStates = ""; // no tool calls saved yet
    let modelError: string | null = null;
    const toolsOf = (message: UIMessage) => [
      ...new Set(
        (message.parts as { type: string }[]).filter((p) => p.type.startsWith("tool-")).map((p) => p.type.slice(5)),
      ),
    ];
    const persist = async (message: UIMessage, extra: Record<string, unknown> = {}, analysis?: Analysis) => {
      const stored = (message.metadata ?? {}) as Record<string, unknown>;
      // The save is an upsert by message id, so repeating it after a dropped connection is safe.
      await retryWhenUnavailable(() =>
        saveAssistantMessage(db, conversation, {
          replyToId: userMessageId,
          message: { ...message, metadata: { ...stored, ...metadata } },
          metadata: {
            ...stored,
            ...metadata,
            provider: info.provider,
            modelId: info.modelId,
            toolsUsed: toolsOf(message),
            processingMs: Math.round(performance.now() - startedAt),
            ...extra,
          },
          analysis,
        }),
      );
    };

    return await createAgentUIStreamResponse({
      agent,
      uiMessages: modelHistory(context),
      originalMessages: context,
      abortSignal: request.signal,
      ...(replyInStep ? { experimental_transform: replyInStep.transform } : {}),
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
        modelError = modelErrorMessage(error);
        return modelError;
      },
      // Saved after each step that ran tools: executed operations' results are never lost with a
      // later failure. A step that ends the turn waits for the save at the end (one write fewer).
      onUIMessageStepEnd: async ({ responseMessage }: { responseMessage: UIMessage }) => {
        const states = toolStates(responseMessage);
        if (states === savedToolStates) return;
        // The offline reply written right after its tools' step ends the turn: the save at the end follows.
        if (replyInStep?.replied()) return;
        savedToolStates = states;
        await persist(responseMessage);
      },
      onEnd: async ({ responseMessage, isAborted, outcome }) => {
        try {
          // A provider's error event mid-stream ends the turn with finishReason "error", not a throw.
          const failed =
            outcome.status === "failed" ||
            (responseMessage.metadata as { finishReason?: string } | undefined)?.finishReason === "error";
          // Reading `request` here also keeps it alive for the whole turn: Node 20's Request passes
          // an abort on to request.signal through a weak reference, so once the Request itself
          // was collected mid-turn, a client's abort never reached the agent (lib/chat/faults.test.ts).
          const aborted = isAborted || request.signal.aborted;
          // A stop mid-step leaves calls without an outcome: wait for the tools still running, then
          // store what each did (or that it never ran), so no later turn sees a dangling call.
          await Promise.allSettled(runs);
          const settled = {
            ...responseMessage,
            parts: settleToolParts(responseMessage.parts, results, { awaitingApproval: true }),
          };
          // Stored on the user's message by the same statement as the reply.
          const it = interpretation as Interpretation | null;
          const analysis =
            body.message.role === "user" && userMessageId
              ? it
                ? { intent: it.intent, entities: it.entities, confidence: it.confidence }
                : analysisFromTools(responseMessage, toolsOf(settled))
              : undefined;
          await persist(
            settled,
            {
              ...(aborted ? { aborted: true } : {}),
              // The words the user was shown (a timeout, a rate limit…), kept with the reply.
              ...(failed ? { error: modelError ?? MODEL_FAILED } : {}),
            },
            analysis,
          ).catch((error) => {
            // The reply has been streamed already; a save that still fails is the server's to
            // report, and throwing here would only break the finished stream in the browser.
            console.error("reply not saved", error);
          });
          // A new chat's first exchange: a configured model names it once the response is done.
          if (context.length === 1 && originalCommand && !failed && !aborted)
            titleAfterFirstReply(db, conversation.id, { message: originalCommand, reply: settled });
        } finally {
          release?.();
        }
      },
      consumeSseStream: consumeStream,
    });
  } catch (error) {
    release?.();
    // A conversation made for a message that could not be saved would sit empty in the sidebar.
    if (created) await deleteEmptyConversation(db, created).catch(() => undefined);
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
