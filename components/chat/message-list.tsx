"use client";

import type { ChatStatus } from "ai";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { loadOlderMessagesAction } from "@/app/(app)/(chat)/actions/chat";
import type { ApprovalAnswer } from "@/lib/chat/approvals";
import { MessageItem, type MessageActions } from "./message-item";
import type { ChatMessage } from "./types";
import { UndoneContext, useUndoneOperations } from "./undone";

type Props = {
  conversationId?: string;
  messages: ChatMessage[];
  setMessages: (update: (messages: ChatMessage[]) => ChatMessage[]) => void;
  hasMore: boolean;
  status: ChatStatus;
  onApproval: (answers: ApprovalAnswer[]) => Promise<boolean>;
  /** Set when the last reply's answers are all given but were never sent on (a reload in between). */
  onContinue?: () => void;
  /** Copy, Edit & resend and Regenerate on each message, once the conversation is stored. */
  actions?: MessageActions;
  footer: ReactNode;
};

/** The conversation, newest at the bottom; older messages load as you scroll up, keeping your place. */
export function MessageList({
  conversationId,
  messages,
  setMessages,
  hasMore: initialHasMore,
  status,
  onApproval,
  onContinue,
  actions,
  footer,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const [hasMore, setHasMore] = useState(initialHasMore);
  const [loading, setLoading] = useState(false);
  const anchor = useRef<number | null>(null);
  const stick = useRef(true);
  const { state: undone, checkPage } = useUndoneOperations(messages);

  const loadOlder = useCallback(async () => {
    if (!conversationId || loading || !hasMore || !messages[0]) return;
    setLoading(true);
    const result = await loadOlderMessagesAction(conversationId, messages[0].id);
    setLoading(false);
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    anchor.current = scroller.current ? scroller.current.scrollHeight - scroller.current.scrollTop : null;
    setHasMore(result.hasMore);
    setMessages((current) => [...(result.messages as ChatMessage[]), ...current]);
    checkPage(result.messages as ChatMessage[]);
  }, [conversationId, loading, hasMore, messages, setMessages, checkPage]);

  useEffect(() => {
    const el = top.current;
    if (!el || !hasMore) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && void loadOlder(), {
      root: scroller.current,
      rootMargin: "200px 0px 0px 0px",
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loadOlder]);

  // Older messages went in above: keep what was on screen where it was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: messages is the trigger: the scroll is fixed after each change to them.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && anchor.current !== null) {
      el.scrollTop = el.scrollHeight - anchor.current;
      anchor.current = null;
    } else if (el && stick.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [messages]);

  const last = messages.at(-1);
  const lastUser = messages.findLastIndex((m) => m.role === "user");
  const waiting = status === "submitted" && last?.role === "user";
  return (
    <div
      ref={scroller}
      className="flex-1 overflow-y-auto"
      onScroll={(e) =>
        (stick.current = e.currentTarget.scrollHeight - e.currentTarget.scrollTop - e.currentTarget.clientHeight < 80)
      }
    >
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-5 px-4 pt-12 pb-6">
        <div ref={top} aria-hidden="true" />
        {hasMore ? (
          <button
            type="button"
            onClick={() => void loadOlder()}
            disabled={loading}
            className="self-center rounded-full border border-line px-3 py-1 text-xs text-muted hover:bg-subtle"
          >
            {loading ? "Loading earlier messages…" : "Load earlier messages"}
          </button>
        ) : null}
        <UndoneContext value={undone}>
          {messages.map((m, i) => (
            <MessageItem
              key={m.id}
              message={m}
              streaming={status === "streaming" && i === messages.length - 1}
              onApproval={onApproval}
              onContinue={i === messages.length - 1 ? onContinue : undefined}
              actions={actions}
              last={i === messages.length - 1}
              replacesLater={i < lastUser}
            />
          ))}
        </UndoneContext>
        {waiting ? (
          <p className="flex items-center gap-1.5 text-sm text-muted" aria-live="polite">
            <span className="size-2 animate-pulse rounded-full bg-accent" aria-hidden="true" />
            Thinking…
          </p>
        ) : null}
        {footer}
      </div>
    </div>
  );
}
