"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { BellItem } from "@/lib/notifications/bell";

// Polling, not server-sent events: any app instance can answer a plain read, so nothing has to
// route a push to the instance holding the tab's connection. A reminder shows within this long
// of the worker sending it (which itself polls every few seconds).
const POLL_MS = 5_000;

/** The bell's unread reminders, polled; `onArrive` is called once for each that arrives while the page is open. */
export function useReminders(onArrive: (item: BellItem) => void) {
  const [items, setItems] = useState<BellItem[]>([]);
  const [unread, setUnread] = useState(0);
  // Null until the first answer: what is already waiting at page load is shown, not announced.
  const seen = useRef<Set<string> | null>(null);
  const arrive = useRef(onArrive);
  useEffect(() => {
    arrive.current = onArrive;
  }, [onArrive]);

  const reload = useCallback(async () => {
    let body: { items: BellItem[]; unread: number };
    try {
      const response = await fetch("/api/notifications", {
        cache: "no-store",
        headers: { accept: "application/json" },
      });
      if (!response.ok) return; // signed out or the database away: the next poll tries again
      body = await response.json();
    } catch {
      return; // offline for a moment
    }
    setItems(body.items);
    setUnread(body.unread);
    const known = seen.current;
    seen.current = new Set([...(known ?? []), ...body.items.map((i) => i.id)]);
    if (known) for (const item of body.items.filter((i) => !known.has(i.id)).reverse()) arrive.current(item);
  }, []);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void reload();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [reload]);

  /** Takes items off at once, before the reload that follows a change. */
  const drop = useCallback((ids: string[]) => {
    setItems((list) => list.filter((i) => !ids.includes(i.id)));
    setUnread((n) => Math.max(0, n - ids.length));
  }, []);

  return { items, unread, reload, drop };
}
