"use client";

import type { ConversationSummary } from "@/lib/conversations/types";
import { ConversationItem } from "./conversation-item";
import { sidebarGroups } from "./group-by-date";
import { LoadMoreSentinel } from "./load-more-sentinel";
import type { ListView, useConversationList } from "./use-conversation-list";

type Props = {
  list: ReturnType<typeof useConversationList>;
  view: ListView;
  searching: boolean;
  currentId: string | null;
  onNavigate: () => void;
  onRename: (conversation: ConversationSummary, title: string) => Promise<boolean>;
  onArchive: (conversation: ConversationSummary) => void;
  onPin: (conversation: ConversationSummary) => void;
  onDelete: (conversation: ConversationSummary) => void;
};

/** The scrolling, date-grouped list, with its loading, error and empty states. */
export function ConversationList({
  list,
  view,
  searching,
  currentId,
  onNavigate,
  onRename,
  onArchive,
  onPin,
  onDelete,
}: Props) {
  const groups = sidebarGroups(list.pinned, list.items);
  return (
    <nav
      aria-label={view === "archived" ? "Archived conversations" : "Conversations"}
      aria-busy={list.loading}
      className="min-h-0 flex-1 overflow-y-auto px-2 pb-3"
    >
      {groups.map((group) => (
        <section key={group.label} aria-label={group.label} className="mb-3">
          <h2 className="px-3 pt-2 pb-1 text-xs font-medium text-muted">{group.label}</h2>
          <ul className="space-y-0.5">
            {group.items.map((conversation) => (
              <li key={conversation.id}>
                <ConversationItem
                  conversation={conversation}
                  current={conversation.id === currentId}
                  searching={searching}
                  onNavigate={onNavigate}
                  onRename={(title) => onRename(conversation, title)}
                  onArchive={() => onArchive(conversation)}
                  onPin={() => onPin(conversation)}
                  onDelete={() => onDelete(conversation)}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {list.error ? (
        <p role="alert" className="px-3 py-2 text-sm text-danger">
          {list.error}{" "}
          <button type="button" className="underline" onClick={list.reload}>
            Try again
          </button>
        </p>
      ) : null}
      {list.loading ? <p className="px-3 py-2 text-xs text-muted">Loading…</p> : null}
      {list.loaded && !list.loading && !list.error && list.items.length === 0 && list.pinned.length === 0 ? (
        <EmptyState view={view} searching={searching} />
      ) : null}
      <LoadMoreSentinel onVisible={list.loadMore} disabled={!list.nextCursor || list.loading} />
    </nav>
  );
}

function EmptyState({ view, searching }: { view: ListView; searching: boolean }) {
  const [title, hint] = searching
    ? ["No matches", "Try other words from a title or message."]
    : view === "archived"
      ? ["Nothing archived", "Archived chats are kept here until you restore them."]
      : ["No conversations yet", "Your chats will be listed here."];
  return (
    <div className="px-6 py-10 text-center">
      <p className="text-sm font-medium">{title}</p>
      <p className="text-xs text-muted">{hint}</p>
    </div>
  );
}
