// The keyboard shortcuts, one list for both the handler and the help dialog.
export type ShortcutAction = "newChat" | "focusComposer" | "toggleSidebar" | "search" | "help";

export const SHORTCUTS: { action: ShortcutAction; keys: string[][]; label: string }[] = [
  { action: "newChat", keys: [["Mod", "Shift", "O"]], label: "New chat" },
  { action: "focusComposer", keys: [["/"], ["Shift", "Esc"]], label: "Focus the message box" },
  { action: "toggleSidebar", keys: [["Mod", "B"]], label: "Show or hide conversations" },
  { action: "search", keys: [["Mod", "K"]], label: "Search conversations (the archive too)" },
  { action: "help", keys: [["?"]], label: "Show keyboard shortcuts" },
];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Which shortcut a key press means, if any. Bare keys ("/", "?") are left alone while typing. */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  const mod = event.metaKey || event.ctrlKey;
  const key = event.key.toLowerCase();
  if (mod && event.shiftKey && key === "o") return "newChat";
  if (mod && !event.shiftKey && !event.altKey && key === "b") return "toggleSidebar";
  if (mod && !event.shiftKey && !event.altKey && key === "k") return "search";
  if (event.shiftKey && key === "escape") return "focusComposer";
  if (mod || event.altKey || typingIn(event.target)) return null;
  if (key === "/") return "focusComposer";
  if (key === "?") return "help";
  return null;
}
