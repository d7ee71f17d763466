"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { onShowTask } from "@/components/events";
import { Toaster } from "@/components/ui/toast";
import { ExportMenu } from "@/components/chat/export-menu";
import { Sidebar } from "@/components/sidebar/sidebar";
import { TaskPanel } from "@/components/tasks/task-panel";
import { rememberTimeZone } from "@/components/tasks/time-zone";
import { CloseIcon, KeyboardIcon, SidebarIcon, TasksIcon } from "@/components/ui/icons";
import { ShortcutHelpDialog } from "./shortcut-help-dialog";
import { shortcutFor } from "./shortcuts";
import { useDrawerFocus } from "./use-drawer-focus";
import { useMediaQuery } from "./use-media-query";

// Below these widths the sidebar and the task panel become drawers over the chat (the panel
// needs more room: beside a sidebar, a column at 1024px would squeeze the chat to ~400px).
const NARROW = "(max-width: 768px)";
const NO_PANEL_ROOM = "(max-width: 1279px)";

const ICON_BUTTON = "grid size-8 place-items-center rounded-lg text-muted hover:bg-subtle hover:text-ink";

/** sidebar | chat | task panel, with drawers on small screens and the app's keyboard shortcuts. */
export function ChatShell({ children }: { children: ReactNode }) {
  const router = useRouter();
  useEffect(rememberTimeZone, []);
  const narrow = useMediaQuery(NARROW);
  const panelNarrow = useMediaQuery(NO_PANEL_ROOM);
  const [sidebarCollapsed, setSidebarCollapsed] = useStoredFlag("doable-sidebar-collapsed");
  const [panelCollapsed, setPanelCollapsed] = useStoredFlag("doable-tasks-collapsed");
  const [sidebarDrawer, setSidebarDrawer] = useState(false);
  const [panelDrawer, setPanelDrawer] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const sidebarRef = useRef<HTMLElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  useDrawerFocus(narrow && sidebarDrawer, sidebarRef);
  useDrawerFocus(panelNarrow && panelDrawer, panelRef);

  const sidebarShown = narrow ? sidebarDrawer : !sidebarCollapsed;
  const panelShown = panelNarrow ? panelDrawer : !panelCollapsed;
  const toggleSidebar = useCallback(
    () => (narrow ? setSidebarDrawer((open) => !open) : setSidebarCollapsed(!sidebarCollapsed)),
    [narrow, sidebarCollapsed, setSidebarCollapsed],
  );
  const togglePanel = () => (panelNarrow ? setPanelDrawer((open) => !open) : setPanelCollapsed(!panelCollapsed));
  const closeDrawers = useCallback(() => {
    setSidebarDrawer(false);
    setPanelDrawer(false);
  }, []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const action = shortcutFor(event);
      if (!action) {
        if (event.key === "Escape" && !event.defaultPrevented) closeDrawers();
        return;
      }
      event.preventDefault();
      if (action === "newChat") {
        closeDrawers();
        router.push("/");
      } else if (action === "toggleSidebar") toggleSidebar();
      else if (action === "search") {
        // The sidebar opens where it was hidden; the box is focused once it is shown.
        if (narrow) setSidebarDrawer(true);
        else setSidebarCollapsed(false);
        requestAnimationFrame(() =>
          document.querySelector<HTMLInputElement>('input[aria-label="Search conversations"]')?.focus(),
        );
      } else if (action === "help") setHelpOpen(true);
      else {
        closeDrawers();
        document.querySelector<HTMLElement>("[data-composer]")?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, toggleSidebar, closeDrawers, narrow, setSidebarCollapsed]);

  // A reminder's Open shows the task panel, wherever it was hidden.
  useEffect(
    () =>
      onShowTask(() => {
        if (panelNarrow) setPanelDrawer(true);
        else setPanelCollapsed(false);
      }),
    [panelNarrow, setPanelCollapsed],
  );

  const drawerOpen = (narrow && sidebarDrawer) || (panelNarrow && panelDrawer);
  return (
    <div className="relative flex min-w-0 flex-1">
      {drawerOpen ? <div aria-hidden="true" className="fixed inset-0 z-30 bg-black/40" onClick={closeDrawers} /> : null}
      <aside
        id="conversation-sidebar"
        ref={sidebarRef}
        aria-label="Conversation history"
        inert={!sidebarShown}
        className={`fixed inset-y-0 left-0 z-40 flex w-[min(20rem,85vw)] flex-col border-r border-line bg-surface shadow-xl transition-transform min-[769px]:static min-[769px]:z-auto min-[769px]:w-72 min-[769px]:translate-x-0 min-[769px]:shadow-none ${
          sidebarDrawer ? "translate-x-0" : "-translate-x-full"
        } ${sidebarCollapsed ? "min-[769px]:hidden" : ""}`}
      >
        <div className="flex justify-end px-2 pt-2 min-[769px]:hidden">
          <button
            type="button"
            className={ICON_BUTTON}
            aria-label="Close conversations"
            onClick={() => setSidebarDrawer(false)}
          >
            <CloseIcon />
          </button>
        </div>
        <Sidebar onNavigate={() => setSidebarDrawer(false)} />
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex h-11 shrink-0 items-center justify-between gap-2 border-b border-line px-2">
          <button
            type="button"
            className={ICON_BUTTON}
            aria-label={sidebarShown ? "Hide conversations" : "Show conversations"}
            aria-expanded={sidebarShown}
            aria-controls="conversation-sidebar"
            onClick={toggleSidebar}
          >
            <SidebarIcon />
          </button>
          <div className="flex items-center gap-1">
            <ExportMenu />
            <button
              type="button"
              className={ICON_BUTTON}
              aria-label="Keyboard shortcuts"
              onClick={() => setHelpOpen(true)}
            >
              <KeyboardIcon />
            </button>
            <button
              type="button"
              className="flex h-8 items-center gap-1.5 rounded-lg px-2 text-sm text-muted hover:bg-subtle hover:text-ink"
              aria-label={panelShown ? "Hide tasks" : "Show tasks"}
              aria-expanded={panelShown}
              aria-controls="task-panel"
              onClick={togglePanel}
            >
              <TasksIcon /> <span aria-hidden="true">Tasks</span>
            </button>
          </div>
        </div>
        <div className="flex min-h-0 flex-1">{children}</div>
      </div>

      <aside
        id="task-panel"
        ref={panelRef}
        aria-label="Tasks"
        inert={!panelShown}
        className={`fixed inset-y-0 right-0 z-40 flex w-[min(22rem,90vw)] flex-col border-l border-line bg-surface shadow-xl transition-transform xl:static xl:z-auto xl:w-80 xl:translate-x-0 xl:shadow-none ${
          panelDrawer ? "translate-x-0" : "translate-x-full"
        } ${panelCollapsed ? "xl:hidden" : ""}`}
      >
        <div className="flex justify-end px-2 pt-2 xl:hidden">
          <button type="button" className={ICON_BUTTON} aria-label="Close tasks" onClick={() => setPanelDrawer(false)}>
            <CloseIcon />
          </button>
        </div>
        <TaskPanel />
      </aside>

      <ShortcutHelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <Toaster
        position={narrow ? "top-center" : "bottom-right"}
        closeButton
        containerAriaLabel="Notifications"
        style={
          {
            "--normal-bg": "var(--color-surface)",
            "--normal-text": "var(--color-ink)",
            "--normal-border": "var(--color-line)",
          } as React.CSSProperties
        }
      />
    </div>
  );
}

/** A boolean kept in localStorage (collapsed panels stay collapsed across visits). */
function useStoredFlag(key: string): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(false);
  useEffect(() => setValue(localStorage.getItem(key) === "1"), [key]);
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(key, next ? "1" : "0");
      } catch {
        // No storage (private mode): the choice lasts for this page only.
      }
    },
    [key],
  );
  return [value, set];
}
