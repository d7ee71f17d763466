"use client";

// Which task cards' operations were undone another way (the task panel, "undo" in chat, an
// admin): their Undo buttons say "Undone". One SWR read for all the cards on the page (never one
// per card), read again when more cards come (an older page, a new reply) and whenever tasks are
// revalidated (components/data/revalidate.ts).
import { createContext, useCallback, useMemo, useState } from "react";
import useSWR from "swr";
import { undoneOperationsAction } from "@/app/(app)/(chat)/actions/chat";
import { undoneKey } from "@/components/data/keys";
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

type Answer = { asked: ReadonlySet<string>; undone: ReadonlySet<string> };
const NONE: ReadonlySet<string> = new Set();

async function fetchUndone([, , ...ids]: readonly string[]): Promise<Answer> {
  const result = await undoneOperationsAction(ids);
  if (!result.ok) throw new Error(result.message);
  return { asked: new Set(ids), undone: new Set(result.undone) };
}

/** The undone state for the cards of `messages`; `checkPage` is called with each older page loaded. */
export function useUndoneOperations(messages: readonly ChatMessage[]): {
  state: UndoneState;
  checkPage: (page: readonly ChatMessage[]) => void;
} {
  const ids = operationIdsOf(messages);
  // Cards loaded from the server (the first page, older pages) wait for the answer before their
  // Undo works; cards of a reply arriving now are known not to be undone.
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(() => new Set(ids));
  // Until an answer for the new ids comes, the last one stands (an undo cannot itself be undone).
  // The chat's own undo replies say which operation they undid: those cards know it at once.
  const undoneHere = undoneInChat(messages);
  const { data, error } = useSWR<Answer, Error>(undoneKey(ids, undoneHere.length), fetchUndone, {
    keepPreviousData: true,
    revalidateOnFocus: false,
  });

  const checking = useMemo(() => {
    // A failed check frees the buttons: the server still refuses an undo that is not possible.
    if (error) return NONE;
    return new Set([...waiting].filter((id) => !data?.asked.has(id)));
  }, [waiting, data, error]);
  const checkPage = useCallback(
    (page: readonly ChatMessage[]) => setWaiting((current) => new Set([...current, ...operationIdsOf(page)])),
    [],
  );
  const undoneKnown = data?.undone ?? NONE;
  const hereKey = undoneHere.join(",");
  const undone = useMemo(
    () => (hereKey ? new Set([...undoneKnown, ...hereKey.split(",")]) : undoneKnown),
    [undoneKnown, hereKey],
  );
  return { state: { undone, checking }, checkPage };
}

/** The operations the chat's own "undo" replies reverted (their first; the server answers for the rest). */
function undoneInChat(messages: readonly Pick<ChatMessage, "parts">[]): string[] {
  const ids: string[] = [];
  for (const m of messages) {
    for (const p of m.parts) {
      if (!isToolPart(p) || p.state !== "output-available") continue;
      const out = p.output as { ok?: boolean; kind?: string; undoneOperation?: unknown } | undefined;
      if (out?.ok && out.kind === "undone" && typeof out.undoneOperation === "string") ids.push(out.undoneOperation);
    }
  }
  return ids;
}
