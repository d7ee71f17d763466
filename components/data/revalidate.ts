"use client";

// What replaces an event bus between the chat, the task panel and the sidebar: a part that
// changed tasks or conversations revalidates the shared keys (./keys.ts), and whichever views
// show that data read it again. SWR keeps only the latest answer when reads overlap.
import { useCallback } from "react";
import { mutate, useSWRConfig } from "swr";
import type { ConversationPage } from "@/lib/conversations/types";
import { activeConversationsKey, isConversationListKey, isTaskDataKey } from "./keys";

/** After any change to tasks (the agent's, the panel's, a reminder's, an undo). */
export function revalidateTasks(): void {
  void mutate(isTaskDataKey);
}

export type ConversationChange = { id: string; title: string };

/**
 * After a conversation was created, renamed, archived or had a turn: the sidebar's lists read
 * again. A conversation just created (with its title) is put on top of the active list at once.
 */
export function useRevalidateConversations(): (created?: ConversationChange) => void {
  const { cache, mutate: mutateKey } = useSWRConfig();
  return useCallback(
    (created) => {
      if (created)
        void mutateKey<ConversationPage[]>(activeConversationsKey, (pages) => pages && placeOnTop(pages, created), {
          revalidate: false,
        });
      // Infinite lists are not matched by a key filter (SWR skips them): their keys are looked up.
      for (const key of cache.keys()) if (isConversationListKey(key)) void mutateKey(key);
    },
    [cache, mutateKey],
  );
}

function placeOnTop(pages: ConversationPage[], { id, title }: ConversationChange): ConversationPage[] {
  const rest = pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) }));
  const first = rest[0] ?? { items: [], nextCursor: null };
  return [
    {
      ...first,
      items: [{ id, title, status: "active", updatedAt: new Date().toISOString(), pinnedAt: null }, ...first.items],
    },
    ...rest.slice(1),
  ];
}
