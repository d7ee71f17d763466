"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { listConversationsAction } from "@/app/(app)/(chat)/actions/conversations";
import type { ConversationSummary } from "@/lib/conversations/types";

export type ListView = "active" | "archived";

type State = { items: ConversationSummary[]; nextCursor: string | null; loading: boolean; error: string | null; loaded: boolean };

const EMPTY: State = { items: [], nextCursor: null, loading: true, error: null, loaded: false };

/** The sidebar's list for one view and search: first page on change, more on demand, local edits. */
export function useConversationList(view: ListView, query: string) {
  const [state, setState] = useState<State>(EMPTY);
  // Answers to an older view/query (or an older reload) arrive late; only the latest counts.
  const generation = useRef(0);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = cursor ? generation.current : ++generation.current;
      setState((s) => ({ ...(cursor ? s : { ...s, nextCursor: null }), loading: true, error: null }));
      const result = await listConversationsAction({ view, query, cursor });
      if (mine !== generation.current) return;
      setState((s) =>
        result.ok
          ? { items: cursor ? [...s.items, ...result.items.filter((item) => !s.items.some((had) => had.id === item.id))] : result.items, nextCursor: result.nextCursor, loading: false, error: null, loaded: true }
          : { ...s, loading: false, error: result.message, loaded: true },
      );
    },
    [view, query],
  );

  // Another view or search starts empty rather than showing the previous one's rows.
  useEffect(() => {
    setState(EMPTY);
    void load(null);
  }, [load]);

  const loadMore = useCallback(() => {
    if (!state.loading && state.nextCursor) void load(state.nextCursor);
  }, [load, state.loading, state.nextCursor]);

  const reload = useCallback(() => void load(null), [load]);

  /** A conversation with new activity (or a new one): to the top, titled as told. */
  const bringToTop = useCallback((id: string, title?: string) => {
    setState((s) => {
      const had = s.items.find((item) => item.id === id);
      // Not listed yet and no title to show (the list is still loading): the load brings it,
      // titled; a "New chat" placeholder would flash and then change under the pointer.
      if (!had && title === undefined) return s;
      const item: ConversationSummary = { id, title: title ?? had?.title ?? "New chat", status: "active", updatedAt: new Date().toISOString() };
      return { ...s, items: [item, ...s.items.filter((other) => other.id !== id)] };
    });
  }, []);

  const rename = useCallback((id: string, title: string) => {
    setState((s) => ({ ...s, items: s.items.map((item) => (item.id === id ? { ...item, title } : item)) }));
  }, []);

  const remove = useCallback((id: string) => {
    setState((s) => ({ ...s, items: s.items.filter((item) => item.id !== id) }));
  }, []);

  return { ...state, loadMore, reload, bringToTop, rename, remove };
}
