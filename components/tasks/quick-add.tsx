"use client";

import { useId, useRef, useState } from "react";
import { quickAddTaskAction } from "@/app/(app)/(chat)/actions/tasks";
import { PlusIcon } from "@/components/ui/icons";
import type { TaskView } from "@/lib/tasks/types";
import { browserTimeZone } from "./time-zone";

/**
 * One line of plain words at the top of the panel, read on the server as the chat reads an add
 * (dates, times, #tags, !! for urgent). A line it cannot read stays in the field with the reason below.
 */
export function QuickAdd({ onAdded }: { onAdded: (tasks: TaskView[], operationIds: string[]) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (adding) return;
    setAdding(true);
    const result = await quickAddTaskAction(text, browserTimeZone());
    setAdding(false);
    if (!result.ok) {
      setError(result.message);
      input.current?.focus();
      return;
    }
    setError(null);
    setText("");
    onAdded(result.tasks, result.operationIds);
  }

  return (
    <form onSubmit={submit} aria-label="Quick add" className="mx-4 mb-2">
      <div className="flex items-center gap-1.5">
        <label htmlFor={`${id}-line`} className="sr-only">
          New task
        </label>
        <input
          ref={input}
          id={`${id}-line`}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
          }}
          maxLength={500}
          autoComplete="off"
          enterKeyHint="done"
          placeholder="Add a task… fri 5pm #home !!"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="min-w-0 flex-1 rounded-lg border border-line bg-surface px-2.5 py-1.5 text-sm outline-none placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/25 aria-invalid:border-danger"
        />
        <button
          type="submit"
          disabled={adding}
          aria-label="Add task"
          title="Add task"
          className="grid size-8 shrink-0 place-items-center rounded-lg bg-accent text-accent-ink shadow-sm hover:opacity-90 disabled:opacity-50"
        >
          <PlusIcon className="size-4" />
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
