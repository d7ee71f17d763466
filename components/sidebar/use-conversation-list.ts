"use client";

import { useCallback, useMemo } from "react";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/data/fetch-json";
import { conversationsKey, type ListView } from "@/components/data/keys";
import { useRevalidateConversations } from "@/components/data/revalidate";
import type { ConversationPage, ConversationSummary } from "@/lib/conversations/types";

export type { ListView };

type Pages = ConversationPage[];

const TITLE_POLL_MS = 2000;

/** The sidebar's list for one view and search: pages loaded on demand, local edits shown at once. */
export function useConversationList(view: ListView, query: string) {
  const getKey = useCallback(
    (_index: number, previous: ConversationPage | null) =>
      previous && !previous.nextCursor ? null : conversationsKey(view, query, previous?.nextCursor ?? null),
    [view, query],
  );
  const { data, error, isLoading, size, setSize, mutate } = useSWRInfinite<ConversationPage, Error>(getKey, fetchJson, {
    // A model is still naming a new chat (lib/conversations/model-title.ts): read again until it has.
    refreshInterval: (pages) =>
      pages?.some((page) => [...page.items, ...(page.pinned ?? [])].some((item) => item.titlePending))
        ? TITLE_POLL_MS
        : 0,
  });

  // The first page carries the pinned chats. A row that moved up between two page reads, or was
  // pinned meanwhile, could come twice: it is shown once.
  const pinned = useMemo(() => data?.[0]?.pinned ?? [], [data]);
  const items = useMemo(() => {
    const seen = new Set<string>(pinned.map((item) => item.id));
    return (data ?? [])
      .flatMap((page) => page.items)
      .filter((item) => {
        if (seen.has(item.id)) return false;
        seen.add(item.id);
        return true;
      });
  }, [data, pinned]);
  const nextCursor = data?.at(-1)?.nextCursor ?? null;
  // More asked for and not here yet (a reload can shorten the list below the size asked for).
  const loadingMore = data !== undefined && size > data.length && nextCursor !== null;
  const loading = isLoading || loadingMore;

  const loadMore = useCallback(() => {
    if (!loading && nextCursor) void setSize(size + 1);
  }, [loading, nextCursor, setSize, size]);
  const reload = useCallback(() => void mutate(), [mutate]);

  /**
   * Shows an edit at once, then every list reads again: a change here (an archive, a restore)
   * moves the conversation into another view's list too, which must not stay as it was cached.
   */
  const revalidateConversations = useRevalidateConversations();
  const edit = useCallback(
    (change: (item: ConversationSummary) => ConversationSummary | null) => {
      const changed = (list: ConversationSummary[]) => list.flatMap((item) => change(item) ?? []);
      void mutate(
        (pages: Pages | undefined) =>
          pages?.map((page) => ({
            ...page,
            items: changed(page.items),
            ...(page.pinned ? { pinned: changed(page.pinned) } : {}),
          })),
        { revalidate: false },
      );
      revalidateConversations();
    },
    [mutate, revalidateConversations],
  );
  const rename = useCallback(
    (id: string, title: string) => edit((item) => (item.id === id ? { ...item, title } : item)),
    [edit],
  );
  const remove = useCallback((id: string) => edit((item) => (item.id === id ? null : item)), [edit]);
  /** Moves the chat into the Pinned section (on top) or back among the others at once; the lists then read again. */
  const pin = useCallback(
    (conversation: ConversationSummary, pinnedAt: string | null) => {
      const moved = { ...conversation, pinnedAt };
      void mutate(
        (pages: Pages | undefined) =>
          pages?.map((page, index) => {
            const items = page.items.filter((item) => item.id !== conversation.id);
            const pinnedItems = page.pinned?.filter((item) => item.id !== conversation.id);
            if (index !== 0) return { ...page, items };
            if (pinnedAt) return { ...page, items, pinned: [moved, ...(pinnedItems ?? [])] };
            return {
              ...page,
              items: [...items, moved].sort(
                (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id),
              ),
              pinned: pinnedItems,
            };
          }),
        { revalidate: false },
      );
      revalidateConversations();
    },
    [mutate, revalidateConversations],
  );

  return {
    items,
    pinned,
    pin,
    nextCursor,
    loading,
    loaded: data !== undefined || error !== undefined,
    error: error ? error.message : null,
    loadMore,
    reload,
    rename,
    remove,
  };
}
