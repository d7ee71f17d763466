"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses } from "ai";
import { useCallback, useEffect, useRef, useState } from "react";
import { answerApprovalsAction } from "@/app/(app)/(chat)/actions/chat";
import type { ApprovalAnswer } from "@/lib/chat/approvals";
import { revalidateTasks, useRevalidateConversations } from "@/components/data/revalidate";
import { toast } from "@/components/ui/toast";
import { browserTimeZone } from "@/components/tasks/time-zone";
import { Composer } from "./composer";
import { EmptyChat } from "./empty-chat";
import type { EditDraft } from "./message-actions";
import type { MessageActions } from "./message-item";
import { MessageList } from "./message-list";
import { isToolPart, type ChatMessage } from "./types";

type Props = {
  conversationId?: string;
  initialMessages: ChatMessage[];
  hasMore: boolean;
  modelLabel: string;
  firstName: string;
};

/** The server's JSON error ({ error: { message } }) or the transport's text, fit to show. */
function readableError(error: Error): string {
  try {
    const parsed = JSON.parse(error.message) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // not JSON: a stream error text chosen by the server
  }
  return error.message || "Something went wrong. Try again.";
}

export function ChatView({ conversationId, initialMessages, hasMore, modelLabel, firstName }: Props) {
  const idRef = useRef<string | undefined>(conversationId);
  const [input, setInput] = useState("");
  const lastSent = useRef("");
  // How the latest request went: an edit or a regenerate refused before its reply began changed nothing.
  const responseStatus = useRef<number | null>(null);
  const failure = useRef<Error | null>(null);
  const [draft, setDraft] = useState<EditDraft | null>(null);

  const { messages, setMessages, sendMessage, status, stop, error, regenerate, clearError, addToolApprovalResponse } =
    useChat<ChatMessage>({
      id: conversationId,
      messages: initialMessages,
      generateId: () => crypto.randomUUID(),
      transport: new DefaultChatTransport({
        api: "/api/chat",
        // An edit or a regenerate names the turn it replaces (lib/chat/replace.ts); nothing else does.
        prepareSendMessagesRequest: ({ messages: all, body }) => ({
          body: {
            id: idRef.current,
            message: all.at(-1),
            timeZone: browserTimeZone(),
            ...(body?.messageId ? { trigger: body.trigger, messageId: body.messageId } : {}),
          },
        }),
        fetch: async (input, init) => {
          responseStatus.current = null;
          const response = await fetch(input, init);
          responseStatus.current = response.status;
          return response;
        },
      }),
      sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
      onError: (e) => {
        failure.current = e;
        // A send that failed keeps what was typed.
        setInput((current) => current || lastSent.current);
      },
    });

  // A new conversation learns its id from the reply's metadata: the URL and sidebar follow.
  const revalidateConversations = useRevalidateConversations();
  useEffect(() => {
    const meta = messages.findLast((m) => m.role === "assistant")?.metadata;
    if (meta?.conversationId && !idRef.current) {
      idRef.current = meta.conversationId;
      window.history.replaceState(null, "", `/c/${meta.conversationId}`);
      revalidateConversations(meta.title === undefined ? undefined : { id: meta.conversationId, title: meta.title });
    }
  }, [messages, revalidateConversations]);

  // The task panel refreshes as soon as a tool result arrives.
  const outputs = messages.reduce(
    (n, m) => n + m.parts.filter((p) => isToolPart(p) && p.state === "output-available").length,
    0,
  );
  const seenOutputs = useRef(outputs);
  useEffect(() => {
    if (outputs !== seenOutputs.current) {
      seenOutputs.current = outputs;
      revalidateTasks();
    }
  }, [outputs]);
  // A finished turn moved its conversation up (and may have titled it); its log rows are final
  // now, so the cards' undone state is read once more too.
  useEffect(() => {
    if (status !== "ready" || !idRef.current) return;
    revalidateConversations();
    revalidateTasks();
  }, [status, revalidateConversations]);

  const busy = status === "submitted" || status === "streaming";
  const send = useCallback(
    (text: string) => {
      if (!text.trim()) return;
      clearError();
      lastSent.current = text;
      setInput("");
      void sendMessage({ text });
    },
    [sendMessage, clearError],
  );
  // A bulk change's answers are stored together as they are given, so a reload loses none; the
  // last one sends them all on (sendAutomaticallyWhen) and the turn carries them out, once.
  const latestMessages = useRef(messages);
  useEffect(() => {
    latestMessages.current = messages;
  });
  const onApproval = useCallback(
    async (answers: ApprovalAnswer[]): Promise<boolean> => {
      const first = answers[0]?.approvalId;
      const message = latestMessages.current.findLast((m) =>
        m.parts.some((p) => isToolPart(p) && p.approval?.id === first),
      );
      if (!idRef.current || !message) return false;
      const result = await answerApprovalsAction(idRef.current, message.id, answers).catch(() => ({
        ok: false as const,
        message: "Your answers could not be saved. Try again.",
      }));
      if (!result.ok) {
        toast.error(result.message);
        return false;
      }
      lastSent.current = ""; // a failed send of the answers puts no old text back in the composer
      for (const { approvalId, approved } of result.answers)
        await addToolApprovalResponse({ id: approvalId, approved });
      return true;
    },
    [addToolApprovalResponse],
  );
  // Edit & resend and Regenerate: the turns from `from` on give way to a new message, and the
  // server undoes their task changes first. A request refused before its reply began changed
  // nothing, so the conversation shows as it was; the refusal's words are returned.
  const replace = useCallback(
    async (
      from: string,
      text: string,
      request: { trigger: "submit-message" | "regenerate-message"; messageId: string },
    ): Promise<string | null> => {
      const before = latestMessages.current;
      const index = before.findIndex((m) => m.id === from);
      if (index < 0 || !idRef.current) return "That message is no longer here. Reload the conversation.";
      clearError();
      lastSent.current = "";
      failure.current = null;
      setMessages(before.slice(0, index));
      await sendMessage({ text }, { body: request });
      // The undo happened on the server whether or not the new reply changed anything.
      revalidateTasks();
      if (failure.current && responseStatus.current !== 200) {
        const reason = readableError(failure.current);
        setMessages(before);
        clearError();
        return reason;
      }
      return null;
    },
    [clearError, sendMessage, setMessages],
  );
  const onResend = useCallback(async () => {
    if (!draft) return;
    setDraft(null);
    const error = await replace(draft.id, draft.text, { trigger: "submit-message", messageId: draft.id });
    if (error) setDraft({ ...draft, error });
  }, [draft, replace]);
  const onRegenerate = useCallback(
    async (replyId: string) => {
      const all = latestMessages.current;
      const question = all
        .slice(
          0,
          all.findIndex((m) => m.id === replyId),
        )
        .findLast((m) => m.role === "user");
      if (!question) return;
      const text = question.parts.map((p) => (p.type === "text" ? p.text : "")).join("\n");
      const error = await replace(question.id, text, { trigger: "regenerate-message", messageId: replyId });
      if (error) toast.error(error);
    },
    [replace],
  );
  // A new conversation is stored once its first reply names it.
  const stored = Boolean(conversationId) || messages.some((m) => m.metadata?.conversationId);
  const actions: MessageActions | undefined = stored
    ? { busy, draft, setDraft, onResend: () => void onResend(), onRegenerate: (id) => void onRegenerate(id) }
    : undefined;

  // Answers all given but never sent on (the page was reloaded in between, or the send failed):
  // the reply offers to continue, and Retry does the same.
  const answered =
    messages.at(-1)?.role === "assistant" && lastAssistantMessageIsCompleteWithApprovalResponses({ messages });
  const [stalledAtLoad] = useState(() =>
    lastAssistantMessageIsCompleteWithApprovalResponses({ messages: initialMessages })
      ? initialMessages.at(-1)?.id
      : undefined,
  );
  const continueTurn = useCallback(() => {
    clearError();
    lastSent.current = "";
    void sendMessage();
  }, [clearError, sendMessage]);

  return (
    <main className="relative flex min-w-0 flex-1 flex-col" aria-label="Chat">
      <div className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center">
        <span
          className="pointer-events-auto inline-flex items-center gap-1.5 rounded-full border border-line bg-surface/90 px-2.5 py-0.5 text-xs text-muted shadow-sm backdrop-blur"
          data-testid="model-badge"
          title="The model answering in this chat"
        >
          <span
            className={`size-1.5 rounded-full ${modelLabel === "Offline assistant" ? "bg-success" : "bg-accent"}`}
            aria-hidden="true"
          />
          {modelLabel}
        </span>
      </div>
      {messages.length === 0 ? (
        <EmptyChat firstName={firstName} onPick={send} />
      ) : (
        <MessageList
          conversationId={idRef.current}
          messages={messages}
          setMessages={setMessages}
          hasMore={hasMore}
          status={status}
          onApproval={onApproval}
          onContinue={
            answered && messages.at(-1)?.id === stalledAtLoad && status === "ready" && !error ? continueTurn : undefined
          }
          actions={actions}
          footer={
            error ? (
              <div
                role="alert"
                className="flex items-center justify-between gap-3 rounded-xl border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger"
              >
                <span>{readableError(error)}</span>
                <button
                  type="button"
                  className="shrink-0 rounded-md border border-danger/40 px-2 py-1 text-xs font-medium hover:bg-danger/10"
                  onClick={() => (answered ? continueTurn() : void regenerate())}
                >
                  Retry
                </button>
              </div>
            ) : null
          }
        />
      )}
      <Composer value={input} onChange={setInput} onSend={() => send(input)} onStop={() => void stop()} busy={busy} />
    </main>
  );
}
