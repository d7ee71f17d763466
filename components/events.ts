// A UI command between the bell and the task panel: "open this task". It carries no data (the
// data the chat and the panels share goes through SWR keys, components/data), so neither side
// imports the other.

const SHOW_TASK = "doable:show-task";
const PENDING_SHOW_TASK = "doable-show-task";

/**
 * Asks the task panel to show a task (a reminder's Open). Kept in sessionStorage too: when no
 * panel is on the page, the caller navigates to the chat and its panel picks it up on mount.
 */
export function emitShowTask(number: number): void {
  try {
    sessionStorage.setItem(PENDING_SHOW_TASK, String(number));
  } catch {
    // No storage: the event below still reaches a panel on this page.
  }
  window.dispatchEvent(new CustomEvent<number>(SHOW_TASK, { detail: number }));
}

export function onShowTask(callback: (number: number) => void): () => void {
  const listener = (event: Event) => callback((event as CustomEvent<number>).detail);
  window.addEventListener(SHOW_TASK, listener);
  return () => window.removeEventListener(SHOW_TASK, listener);
}

/** The task a reminder's Open asked for before this page loaded, once. */
export function takePendingShowTask(): number | null {
  try {
    const value = sessionStorage.getItem(PENDING_SHOW_TASK);
    sessionStorage.removeItem(PENDING_SHOW_TASK);
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** Clears the stored request once a panel on this page handled it. */
export function clearPendingShowTask(): void {
  try {
    sessionStorage.removeItem(PENDING_SHOW_TASK);
  } catch {
    // nothing stored
  }
}
