"use client";

import { useId, useState } from "react";
import type { ApprovalAnswer } from "@/lib/chat/approvals";
import { describeRequest } from "./task-card";
import type { ToolPart } from "./types";

export type OnApproval = (answers: ApprovalAnswer[]) => Promise<boolean>;

/** "Delete #3 Buy milk": the verb apart, so the list reads as task after task. */
function RequestLine({ text }: { text: string }) {
  const [, verb, rest] = /^(\S+) (#\d+ .*)$/.exec(text) ?? [];
  if (!verb || !rest) return <span className="break-words">{text}</span>;
  return (
    <span className="break-words">
      <span className="font-medium">{verb}</span> {rest}
    </span>
  );
}

/**
 * One card for a bulk change: every change that waits, ticked by default, answered together.
 * The unticked ones are rejected in the same answer, so the turn goes on once.
 */
export function ApprovalCard({ parts, onApproval }: { parts: ToolPart[]; onApproval: OnApproval }) {
  const headingId = useId();
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const requests = parts.flatMap((p) =>
    p.state === "approval-requested"
      ? [{ id: p.approval.id, text: p.approval.requestReason ?? describeRequest(p.type.slice(5), p.input) }]
      : [],
  );
  const selected = requests.filter((r) => !unticked.has(r.id)).length;

  function toggle(id: string) {
    setUnticked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }
  async function answer(approve: (id: string) => boolean) {
    setBusy(true);
    try {
      await onApproval(requests.map((r) => ({ approvalId: r.id, approved: approve(r.id) })));
    } finally {
      setBusy(false);
    }
  }

  const button = "rounded-md px-3 py-1 text-xs font-medium disabled:opacity-50";
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-warning/40 bg-surface text-sm"
      data-testid="approval-card"
    >
      <div className="px-3 pt-3">
        <h3 id={headingId} className="font-medium">
          {requests.length === 1
            ? "1 change waits for your approval"
            : `${requests.length} changes wait for your approval`}
        </h3>
        <p className="mt-0.5 text-xs text-muted">
          This changes several tasks, so Doable asks first. Untick any you want left as they are.
        </p>
      </div>
      <ul className="mt-2 divide-y divide-line border-y border-line">
        {requests.map((r) => (
          <li key={r.id}>
            <label className="flex cursor-pointer items-start gap-2.5 px-3 py-2 hover:bg-subtle">
              <input
                type="checkbox"
                checked={!unticked.has(r.id)}
                disabled={busy}
                onChange={() => toggle(r.id)}
                className="mt-0.5 size-4 shrink-0 cursor-pointer accent-accent"
              />
              <RequestLine text={r.text} />
            </label>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2 px-3 py-2">
        <button
          type="button"
          disabled={busy || selected === 0}
          onClick={() => void answer((id) => !unticked.has(id))}
          className={`${button} bg-accent text-accent-ink hover:opacity-90`}
        >
          Approve selected
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void answer(() => true)}
          className={`${button} border border-line hover:bg-subtle`}
        >
          Approve all
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void answer(() => false)}
          className={`${button} border border-line hover:bg-subtle`}
        >
          Reject
        </button>
        <span className="ml-auto text-xs text-muted" aria-live="polite">
          {selected} of {requests.length} selected
        </span>
      </div>
    </section>
  );
}
