import Link from "next/link";
import { Markdown } from "@/components/chat/markdown";
import type { LogDetail, MessageView } from "@/lib/admin/detail";
import { OPERATION_LABELS } from "@/lib/admin/filter-fields";
import { absoluteTime, relativeTime } from "./format";
import { SourceTag, StatusPill } from "./pills";

const NO_CHAT: Partial<Record<LogDetail["source"], string>> = {
  ui: "Made in the app, not in a chat.",
  admin: "Made by an admin from the operation log, not in a chat.",
};

/** The user message that caused the operation and the assistant's reply to it: only these two. */
export function Exchange({ detail }: { detail: LogDetail }) {
  return (
    <section aria-labelledby="exchange-heading" className="rounded-xl border border-line bg-surface shadow-xs">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-4 py-2.5">
        <h2 id="exchange-heading" className="text-sm font-medium">
          Conversation
        </h2>
        {detail.conversation ? (
          <span className="text-xs text-muted">
            “{detail.conversation.title}” · <span className="font-mono">{detail.conversation.id}</span>
          </span>
        ) : null}
      </div>
      {detail.userMessage || detail.assistantReply ? (
        <ol className="space-y-3 p-4">
          {detail.userMessage ? <Bubble who="User" message={detail.userMessage} /> : null}
          {detail.assistantReply ? (
            <Bubble who="Assistant" message={detail.assistantReply} />
          ) : (
            <li className="text-sm text-muted">No assistant reply was saved for this message.</li>
          )}
        </ol>
      ) : (
        <p className="px-4 py-3 text-sm text-muted">
          {NO_CHAT[detail.source] ?? "The message that caused this operation is no longer kept."}
        </p>
      )}
    </section>
  );
}

function Bubble({ who, message }: { who: "User" | "Assistant"; message: MessageView }) {
  const mine = who === "User";
  return (
    <li
      className={`flex ${mine ? "justify-end" : "justify-start"}`}
      data-testid={mine ? "user-message" : "assistant-reply"}
    >
      <div
        className={`max-w-[85%] rounded-2xl px-3.5 py-2.5 text-sm ${mine ? "bg-accent-soft text-ink" : "border border-line bg-subtle"}`}
      >
        <div className="mb-1 flex items-center gap-2 text-xs text-muted">
          <span className="font-medium">{who}</span>
          <time dateTime={message.createdAt.toISOString()} title={absoluteTime(message.createdAt)}>
            {absoluteTime(message.createdAt)}
          </time>
          {message.feedback ? (
            <span>{message.feedback === "up" ? "· rated helpful" : "· rated not helpful"}</span>
          ) : null}
        </div>
        {mine ? (
          <p className="break-words whitespace-pre-wrap">{message.content}</p>
        ) : (
          <Markdown text={message.content} />
        )}
      </div>
    </li>
  );
}

/** The other operations on the same task, newest first. */
export function RelatedOperations({ detail, now }: { detail: LogDetail; now: Date }) {
  if (!detail.task && !detail.related.length) return null;
  return (
    <section aria-labelledby="related-heading" className="rounded-xl border border-line bg-surface shadow-xs">
      <h2 id="related-heading" className="border-b border-line px-4 py-2.5 text-sm font-medium">
        Other operations on this task
      </h2>
      {detail.related.length ? (
        <ul className="divide-y divide-line">
          {detail.related.map((op) => (
            <li key={op.id}>
              <Link
                href={`/admin/logs/${op.id}`}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm hover:bg-subtle"
              >
                <span className="w-20 font-medium">{OPERATION_LABELS[op.operation]}</span>
                <SourceTag source={op.source} />
                <StatusPill status={op.status} />
                <span className="min-w-0 flex-1 truncate text-muted">
                  {op.originalCommand ?? (op.undoOfId ? "Undo of an earlier operation" : "")}
                </span>
                <time
                  dateTime={op.createdAt.toISOString()}
                  title={absoluteTime(op.createdAt)}
                  className="text-xs text-muted"
                >
                  {relativeTime(op.createdAt, now)}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-4 py-3 text-sm text-muted">None.</p>
      )}
      {detail.relatedTruncated ? (
        <p className="border-t border-line px-4 py-2 text-xs text-muted">Showing the latest 50.</p>
      ) : null}
    </section>
  );
}
