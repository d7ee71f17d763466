"use client";

// Which task cards' operations were undone another way (the task panel, "undo" in chat, an
// admin): their Undo buttons say "Undone". Asked of the server once per page of messages (on
// load and for each older page), and again whenever tasks change; never once per card.
import { createContext, useCallback, useEffect, useRef, useState } from "react";
import { undoneOperationsAction } from "@/app/(app)/(chat)/actions/chat";
import { onTasksChanged } from "@/components/events";
import { isToolPart, type ChatMessage } from "./types";

export type UndoneState = {
  /** Operations a successful undo reverted. */
  undone: ReadonlySet<string>;
  /** Operations of a page just loaded, not yet checked: their Undo waits for the answer. */
  checking: ReadonlySet<string>;
};

export const UndoneContext = createContext<UndoneState>({ undone: new Set(), checking: new Set() });

/** The operation ids of the messages' undoable task cards. */
export function operationIdsOf(messages: readonly Pick<ChatMessage, "parts">[]): string[] {
  const ids: string[] = [];
  for (const m of messages) {
    for (const p of m.parts) {
      if (!isToolPart(p) || p.state !== "output-available") continue;
      const out = p.output;
      if (out?.ok && out.kind !== "listed" && out.kind !== "undone" && out.operationId) ids.push(out.operationId);
    }
  }
  return ids;
}

const without = (set: ReadonlySet<string>, ids: readonly string[]) => {
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
};

/** The undone state for the cards of `messages`; `checkPage` is called with each older page loaded. */
export function useUndoneOperations(messages: readonly ChatMessage[]): { state: UndoneState; checkPage: (page: readonly ChatMessage[]) => void } {
  const [initialIds] = useState(() => operationIdsOf(messages));
  const [undone, setUndone] = useState<ReadonlySet<string>>(() => new Set());
  const [checking, setChecking] = useState<ReadonlySet<string>>(() => new Set(initialIds));
  const latest = useRef(messages);
  useEffect(() => {
    latest.current = messages;
  });

  const check = useCallback(async (ids: string[], page: boolean) => {
    if (ids.length === 0) return;
    if (page) setChecking((current) => new Set([...current, ...ids]));
    const result = await undoneOperationsAction(ids).catch(() => null);
    if (page) setChecking((current) => without(current, ids));
    // An undo cannot itself be undone: once undone, an operation stays undone.
    if (result?.ok && result.undone.length) setUndone((current) => new Set([...current, ...result.undone]));
  }, []);

  useEffect(() => {
    void check(initialIds, true);
  }, [check, initialIds]);
  useEffect(() => onTasksChanged(() => void check(operationIdsOf(latest.current), false)), [check]);

  const checkPage = useCallback((page: readonly ChatMessage[]) => void check(operationIdsOf(page), true), [check]);
  return { state: { undone, checking }, checkPage };
}
