// Browser events between the chat and the panels around it. The chat knows when the agent
// changed tasks or created/titled a conversation; the sidebar and task panel only listen,
// so neither side imports the other.

const TASKS_CHANGED = "doable:tasks-changed";
const CONVERSATIONS_CHANGED = "doable:conversations-changed";

export type ConversationChange = { id: string; title?: string };

export function emitTasksChanged(): void {
  window.dispatchEvent(new CustomEvent(TASKS_CHANGED));
}

export function onTasksChanged(callback: () => void): () => void {
  const listener = () => callback();
  window.addEventListener(TASKS_CHANGED, listener);
  return () => window.removeEventListener(TASKS_CHANGED, listener);
}

export function emitConversationsChanged(detail?: ConversationChange): void {
  window.dispatchEvent(new CustomEvent<ConversationChange | undefined>(CONVERSATIONS_CHANGED, { detail }));
}

export function onConversationsChanged(callback: (detail: ConversationChange | undefined) => void): () => void {
  const listener = (event: Event) => callback((event as CustomEvent<ConversationChange | undefined>).detail);
  window.addEventListener(CONVERSATIONS_CHANGED, listener);
  return () => window.removeEventListener(CONVERSATIONS_CHANGED, listener);
}
