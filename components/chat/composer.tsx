"use client";

import { useEffect, useRef, type FormEvent, type KeyboardEvent } from "react";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/limits";
import { COMPOSER_CLEARANCE } from "@/components/ui/toast";
import { countOf } from "./format";

const WARN_AT = MAX_MESSAGE_CHARS - 1_000;

type Props = {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  busy: boolean;
};

/** Enter sends, Shift+Enter breaks the line; the limit shows as it gets close. */
export function Composer({ value, onChange, onSend, onStop, busy }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const length = value.length;
  const over = length > MAX_MESSAGE_CHARS;
  const canSend = !busy && value.trim().length > 0 && !over;

  useEffect(() => {
    ref.current?.focus();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: value is the trigger: the box is resized to each new text.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 240)}px`;
  }, [value]);

  // Toasts keep clear of the composer: its height above the bottom of the window, for the
  // Toaster's bottom offset (components/ui/toast.tsx).
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const root = document.documentElement;
    const update = () =>
      root.style.setProperty(
        COMPOSER_CLEARANCE,
        `${Math.max(0, Math.round(window.innerHeight - el.getBoundingClientRect().top))}px`,
      );
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener("resize", update);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", update);
      root.style.removeProperty(COMPOSER_CLEARANCE);
    };
  }, []);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (canSend) onSend();
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form ref={form} onSubmit={submit} className="mx-auto w-full max-w-3xl px-3 pb-3 sm:px-4 sm:pb-4">
      <div
        className={`flex items-end gap-2 rounded-2xl border bg-surface p-2 shadow-sm focus-within:border-accent ${over ? "border-danger" : "border-line"}`}
      >
        <label htmlFor="composer" className="sr-only">
          Message Doable
        </label>
        <textarea
          id="composer"
          ref={ref}
          data-composer
          rows={1}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Add, finish or change a task…"
          aria-describedby={length >= WARN_AT ? "composer-limit" : undefined}
          aria-invalid={over || undefined}
          // The box around shows focus; the global focus ring would draw a second one inside it.
          style={{ outline: "none" }}
          className="max-h-60 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-[15px] placeholder:text-muted"
        />
        {busy ? (
          <button
            type="button"
            onClick={onStop}
            aria-label="Stop the reply"
            className="grid size-10 shrink-0 place-items-center rounded-xl bg-ink text-canvas hover:opacity-90"
          >
            <span className="size-3 rounded-sm bg-current" aria-hidden="true" />
          </button>
        ) : (
          <button
            type="submit"
            disabled={!canSend}
            aria-label="Send message"
            className="grid size-10 shrink-0 place-items-center rounded-xl bg-accent text-accent-ink hover:opacity-90 disabled:opacity-40"
          >
            <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden="true">
              <path d="M3.4 2.6a.75.75 0 0 1 .8-.1l13 6.75a.75.75 0 0 1 0 1.33l-13 6.75a.75.75 0 0 1-1.05-.9L5.2 10 3.15 3.57a.75.75 0 0 1 .25-.97ZM6.55 10.75l-1.5 4.7L14.9 10 5.05 4.55l1.5 4.7h4.7a.75.75 0 0 1 0 1.5h-4.7Z" />
            </svg>
          </button>
        )}
      </div>
      <div className="mt-1.5 flex justify-between px-2 text-xs text-muted">
        <span className="hidden sm:inline">Enter to send · Shift+Enter for a new line</span>
        {length >= WARN_AT ? (
          <span id="composer-limit" className={over ? "font-medium text-danger" : ""} role={over ? "alert" : undefined}>
            {over
              ? `${countOf(length - MAX_MESSAGE_CHARS, "character")} over the ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} limit — shorten it to send`
              : `${countOf(MAX_MESSAGE_CHARS - length, "character")} left`}
          </span>
        ) : null}
      </div>
    </form>
  );
}
