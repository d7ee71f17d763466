// The SWR keys of the data the chat shares with the panels around it: whoever changes that data
// revalidates these keys (./revalidate.ts), and every view of it reads again. The list keys are
// the read routes' URLs, so a key says what it fetches.
import { unstable_serialize } from "swr/infinite";
import type { TaskListView } from "@/lib/tasks/list-views";

export type ListView = "active" | "archived";

const TASKS_URL = "/api/tasks";
const CONVERSATIONS_URL = "/api/conversations";
const UNDONE = "undone-operations";

/** The task panel's list for one view, with every view's count (GET app/api/tasks/route.ts). */
export const tasksKey = (view: TaskListView) => `${TASKS_URL}?view=${view}`;

/**
 * Which of these task-card operations were undone another way (the chat's Undo buttons). `undos`
 * counts the chat's own undo replies, so one arriving asks again whatever else revalidates.
 */
export const undoneKey = (ids: readonly string[], undos: number) =>
  ids.length ? [UNDONE, String(undos), ...ids] : null;

/** Whether a key's data follows from the user's tasks: both of the above. */
export const isTaskDataKey = (key: unknown) =>
  (typeof key === "string" && key.startsWith(`${TASKS_URL}?`)) || (Array.isArray(key) && key[0] === UNDONE);

/** One page of the sidebar's list (GET app/api/conversations/route.ts); `cursor` null for the first. */
export function conversationsKey(view: ListView, query: string, cursor: string | null): string {
  const params = new URLSearchParams({ view, q: query });
  if (cursor) params.set("cursor", cursor);
  return `${CONVERSATIONS_URL}?${params}`;
}

/** The infinite-list key of the unfiltered active list, where a new conversation shows first. */
export const activeConversationsKey = unstable_serialize(() => conversationsKey("active", "", null));

/** Whether a cache key is one of the sidebar's infinite lists (any view or search). */
export const isConversationListKey = (cacheKey: string) =>
  cacheKey.startsWith(unstable_serialize(() => `${CONVERSATIONS_URL}?`));
