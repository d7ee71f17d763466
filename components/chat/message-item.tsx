"use client";

import { lazy, Suspense } from "react";
import { ApprovalCard, type OnApproval } from "./approval-card";
import { FeedbackButtons } from "./feedback-buttons";
import {
  CopyButton,
  EditButton,
  MessageEditor,
  RegenerateButton,
  ReplacedNote,
  type EditDraft,
} from "./message-actions";
import { TaskCard } from "./task-card";
import { isToolPart, type ChatMessage, type ToolPart } from "./types";

// The markdown renderer is the chat page's largest dependency: it loads after first paint, and
// until then a reply shows as plain text.
const Markdown = lazy(() => import("./markdown").then((m) => ({ default: m.Markdown })));

function Reply({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="whitespace-pre-wrap break-words leading-relaxed">{text}</p>}>
      <Markdown text={text} />
    </Suspense>
  );
}

type Props = {
  message: ChatMessage;
  streaming: boolean;
  onApproval: OnApproval;
  /** Sends on answers that are all given (set only on the last message when that is needed). */
  onContinue?: () => void;
  /** Copy, Edit & resend, Regenerate; absent until the conversation is stored. */
  actions?: MessageActions;
  /** The latest message: only the latest reply can be regenerated. */
  last?: boolean;
  /** A user message with later turns after it: an edit replaces them too. */
  replacesLater?: boolean;
};

export type MessageActions = {
  /** A reply is on its way: nothing can be replaced meanwhile. */
  busy: boolean;
  draft: EditDraft | null;
  setDraft: (draft: EditDraft | null) => void;
  onResend: () => void;
  onRegenerate: (replyId: string) => void;
};

export function MessageItem({
  message,
  streaming,
  onApproval,
  onContinue,
  actions,
  last,
  replacesLater = false,
}: Props) {
  if (message.role === "user") {
    const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("\n");
    const draft = actions?.draft?.id === message.id ? actions.draft : null;
    if (actions && draft) {
      return (
        <div className="flex justify-end" data-testid="user-message-editor">
          <MessageEditor
            draft={draft}
            busy={actions.busy}
            replacesLater={replacesLater}
            onChange={(next) => actions.setDraft({ ...draft, text: next, error: undefined })}
            onCancel={() => actions.setDraft(null)}
            onSend={actions.onResend}
          />
        </div>
      );
    }
    return (
      <div className="group flex flex-col items-end gap-1" data-testid="user-message-row">
        <p
          className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-accent px-4 py-2 text-[15px] text-accent-ink"
          data-testid="user-message"
        >
          {text}
        </p>
        {actions ? (
          <div className="flex items-center gap-0.5 opacity-70 transition group-hover:opacity-100 focus-within:opacity-100">
            <CopyButton message={message} />
            <EditButton disabled={actions.busy} onClick={() => actions.setDraft({ id: message.id, text })} />
          </div>
        ) : null}
      </div>
    );
  }
  const meta = message.metadata;
  // A bulk change waits on one card, where its first request was; the other requests are on it.
  const pending = message.parts.filter((p): p is ToolPart => isToolPart(p) && p.state === "approval-requested");
  return (
    <div className="group flex flex-col gap-2" data-testid="assistant-message">
      {meta?.replaced ? <ReplacedNote replaced={meta.replaced} /> : null}
      {message.parts.map((part, i) => {
        // biome-ignore lint/suspicious/noArrayIndexKey: a text part has no id; parts are only ever appended, so its place is its identity.
        if (part.type === "text") return part.text ? <Reply key={i} text={part.text} /> : null;
        if (isToolPart(part) && part.state === "approval-requested") {
          return part === pending[0] ? <ApprovalCard key="approval" parts={pending} onApproval={onApproval} /> : null;
        }
        if (isToolPart(part)) return <TaskCard key={part.toolCallId} part={part} />;
        return null;
      })}
      {onContinue ? (
        <div
          className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-subtle px-3 py-2 text-sm"
          data-testid="approvals-answered"
        >
          <span>Your answers are saved.</span>
          <button
            type="button"
            onClick={onContinue}
            className="rounded-md bg-accent px-3 py-1 text-xs font-medium text-accent-ink hover:opacity-90"
          >
            Continue
          </button>
        </div>
      ) : null}
      {meta?.aborted ? <p className="text-xs text-muted">Stopped.</p> : null}
      {meta?.error ? <p className="text-sm text-danger">{meta.error}</p> : null}
      {!streaming ? (
        <div className="flex items-center gap-0.5 text-xs text-muted opacity-70 transition group-hover:opacity-100 focus-within:opacity-100">
          {actions ? <CopyButton message={message} /> : null}
          {actions && last ? (
            <RegenerateButton disabled={actions.busy} onClick={() => actions.onRegenerate(message.id)} />
          ) : null}
          <FeedbackButtons messageId={message.id} initial={meta?.feedback ?? null} />
        </div>
      ) : null}
    </div>
  );
}
