"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { CheckIcon, PencilIcon, RestoreIcon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/limits";
import { messageMarkdown } from "@/lib/chat/message-text";
import { countOf, absoluteDue } from "./format";
import type { ChatMessage } from "./types";

export const ACTION =
  "inline-flex h-7 items-center gap-1 rounded-md px-1.5 text-xs text-muted hover:bg-subtle hover:text-ink disabled:opacity-40";

/** How long "Copied" stays before the button says Copy again. */
const COPIED_MS = 2_000;

/** Copies the message as Markdown (a reply's task cards as text lines) and says so on the button. */
export function CopyButton({ message }: { message: ChatMessage }) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(messageMarkdown(message, (d) => absoluteDue(d)));
    } catch {
      // No clipboard (an insecure origin) or permission refused.
      toast.error("Copying is not possible in this browser.");
      return;
    }
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), COPIED_MS);
  }
  return (
    <button
      type="button"
      className={ACTION}
      onClick={() => void copy()}
      aria-label={copied ? "Copied" : "Copy message"}
      title="Copy as Markdown"
    >
      {copied ? (
        <>
          <CheckIcon className="size-3.5" />
          <span aria-live="polite">Copied</span>
        </>
      ) : (
        <svg
          viewBox="0 0 24 24"
          className="size-3.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          <rect x="9" y="9" width="11" height="11" rx="2" />
          <path d="M5 15V6a2 2 0 0 1 2-2h9" />
        </svg>
      )}
    </button>
  );
}

export function EditButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  return (
    <button
      type="button"
      className={ACTION}
      onClick={onClick}
      disabled={disabled}
      aria-label="Edit message"
      title="Edit & resend"
    >
      <PencilIcon className="size-3.5" />
    </button>
  );
}

export function RegenerateButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  return (
    <button
      type="button"
      className={ACTION}
      onClick={onClick}
      disabled={disabled}
      aria-label="Regenerate reply"
      title="Regenerate: undo this reply's changes and answer again"
    >
      <RestoreIcon className="size-3.5" />
    </button>
  );
}

/** An edit in progress: the draft and, after a refused send, why. */
export type EditDraft = { id: string; text: string; error?: string };

type EditorProps = {
  draft: EditDraft;
  /** A reply is on its way: the edit waits for it. */
  busy: boolean;
  /** Later turns follow this message: they are replaced too. */
  replacesLater: boolean;
  onChange: (text: string) => void;
  onCancel: () => void;
  onSend: () => void;
};

/** The user's message, editable in place: Enter resends, Escape cancels. */
export function MessageEditor({ draft, busy, replacesLater, onChange, onCancel, onSend }: EditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const over = draft.text.length > MAX_MESSAGE_CHARS;
  const canSend = draft.text.trim().length > 0 && !over && !busy;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: draft.text is the trigger: the box is resized to each new text.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 240)}px`;
  }, [draft.text]);
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (canSend) onSend();
    }
  }
  return (
    <form
      className="flex w-full max-w-[85%] flex-col gap-2 rounded-2xl border border-accent bg-surface p-2"
      aria-label="Edit message"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) onSend();
      }}
    >
      <textarea
        ref={ref}
        rows={1}
        value={draft.text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-label="Edited message"
        aria-invalid={over || undefined}
        style={{ outline: "none" }}
        className="max-h-60 min-h-10 resize-none bg-transparent px-2 py-1.5 text-[15px]"
      />
      <p className="px-2 text-xs text-muted">
        {over
          ? `${countOf(draft.text.length - MAX_MESSAGE_CHARS, "character")} over the ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} limit`
          : replacesLater
            ? "Resending replaces this message and everything after it; their task changes are undone first."
            : "Resending replaces this message and its reply; the reply's task changes are undone first."}
      </p>
      {draft.error ? (
        <p role="alert" className="px-2 text-sm text-danger">
          {draft.error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-3 py-1 text-xs font-medium text-muted hover:bg-subtle"
        >
          Cancel
        </button>
        <button
          type="submit"
          disabled={!canSend}
          className="rounded-md bg-accent px-3 py-1 text-xs font-medium text-accent-ink hover:opacity-90 disabled:opacity-40"
        >
          Resend
        </button>
      </div>
    </form>
  );
}

/** On a reply that replaced an earlier turn: what happened to that turn's task changes. */
export function ReplacedNote({
  replaced,
}: {
  replaced: { kind: "edit" | "regenerate"; turns: number; undone: number };
}) {
  const from = replaced.turns > 1 ? `the ${replaced.turns} replaced replies` : "the replaced reply";
  const text =
    replaced.undone > 0
      ? `Undid ${countOf(replaced.undone, "change")} from ${from}.`
      : replaced.kind === "edit"
        ? "Edited and resent."
        : "Regenerated.";
  return (
    <p className="flex items-center gap-1.5 text-xs text-muted" data-testid="replaced-note">
      <RestoreIcon className="size-3.5" />
      {text}
    </p>
  );
}
