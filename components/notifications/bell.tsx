"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { BellIcon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";
import type { BellItem } from "@/lib/notifications/bell";
import { SNOOZES, type Snooze } from "@/lib/notifications/snooze";
import { SNOOZE_LABELS, actOn, markRead, openTask, reminderWhen } from "./reminder-actions";
import { useReminders } from "./use-reminders";

type Permission = NotificationPermission | "unsupported";

const SMALL_BUTTON = "rounded-md border border-line px-2 py-1 text-xs hover:bg-subtle";

/** The header's bell: unread reminders with Done, Snooze and Open; a toast and (if allowed) a browser notification when one arrives. */
export function NotificationBell() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState<Permission>("unsupported");
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission), []);

  // The toast's buttons outlive renders: they reach the list through a ref.
  const dropRef = useRef<(ids: string[]) => void>(() => {});
  const act = useCallback(async (item: BellItem, action: "done" | { snooze: Snooze }) => {
    if (await actOn(item, action)) dropRef.current([item.id]);
  }, []);

  const announce = useCallback(
    (item: BellItem) => {
      toast.info(`⏰ ${item.title}`, {
        description: `Reminder · ${reminderWhen(item)}`,
        duration: 60_000,
        action: { label: "Done", onClick: () => void act(item, "done") },
        cancel: { label: "Snooze 10 min", onClick: () => void act(item, { snooze: "10m" }) },
      });
      // Only when allowed, and only when the page is not in front (the toast is enough then).
      if (
        typeof Notification !== "undefined" &&
        Notification.permission === "granted" &&
        (document.visibilityState !== "visible" || !document.hasFocus())
      ) {
        try {
          const shown = new Notification(item.title, {
            body: `Reminder · ${reminderWhen(item)}`,
            tag: item.id,
            icon: "/icon.svg",
          });
          shown.onclick = () => {
            window.focus();
            setOpen(true);
            shown.close();
          };
        } catch {
          // Mobile Chrome allows them only from a service worker: the toast and the bell remain.
        }
      }
    },
    [act],
  );
  const reminders = useReminders(announce);
  useEffect(() => {
    dropRef.current = reminders.drop;
  }, [reminders.drop]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener("keydown", onKey);
    window.addEventListener("mousedown", onClick);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  async function askPermission() {
    if (typeof Notification === "undefined") return;
    setPermission(await Notification.requestPermission());
  }

  async function readAll() {
    const ids = reminders.items.map((i) => i.id);
    reminders.drop(ids);
    await markRead(ids);
    void reminders.reload();
  }

  const count = reminders.unread;
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        data-testid="notification-bell"
        aria-label={count ? `Reminders, ${count} unread` : "Reminders"}
        aria-expanded={open}
        aria-controls="reminder-list"
        onClick={() => setOpen((o) => !o)}
        className="relative grid size-8 place-items-center rounded-lg text-muted hover:bg-subtle hover:text-ink"
      >
        <BellIcon />
        {count ? (
          <span
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 grid min-w-4 place-items-center rounded-full bg-danger px-1 text-[10px] leading-4 font-semibold text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <section
          id="reminder-list"
          aria-label="Reminders"
          className="absolute right-0 z-50 mt-2 w-[min(22rem,90vw)] rounded-xl border border-line bg-surface p-2 shadow-xl"
        >
          <div className="flex items-center justify-between px-2 py-1">
            <h2 className="text-sm font-semibold">Reminders</h2>
            {reminders.items.length ? (
              <button type="button" className="text-xs text-muted hover:text-ink" onClick={() => void readAll()}>
                Mark all read
              </button>
            ) : null}
          </div>
          {permission === "default" ? (
            <button
              type="button"
              className="mx-2 mb-2 text-left text-xs text-accent underline"
              onClick={() => void askPermission()}
            >
              Also show reminders as desktop notifications
            </button>
          ) : null}
          {reminders.items.length === 0 ? (
            <p className="px-2 py-6 text-center text-sm text-muted">No new reminders.</p>
          ) : null}
          <ul className="max-h-96 space-y-1 overflow-y-auto" aria-label="Unread reminders">
            {reminders.items.map((item) => (
              <ReminderRow
                key={item.id}
                item={item}
                onAct={act}
                onOpen={() => {
                  setOpen(false);
                  openTask(item, router.push);
                }}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ReminderRow({
  item,
  onAct,
  onOpen,
}: {
  item: BellItem;
  onAct: (item: BellItem, action: "done" | { snooze: Snooze }) => Promise<void>;
  onOpen: () => void;
}) {
  const [snoozing, setSnoozing] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (action: "done" | { snooze: Snooze }) => {
    setBusy(true);
    await onAct(item, action);
    setBusy(false);
  };
  return (
    <li className="rounded-lg px-2 py-2 hover:bg-subtle/60" aria-label={item.title}>
      <p className="text-sm break-words">
        <span aria-hidden="true">⏰ </span>
        {item.taskNumber ? <span className="mr-1 text-xs text-muted">#{item.taskNumber}</span> : null}
        {item.title}
      </p>
      <p className="text-xs text-muted">{reminderWhen(item)}</p>
      <div className="mt-1.5 flex flex-wrap gap-1.5">
        {snoozing ? (
          <>
            {SNOOZES.map((s) => (
              <button
                key={s}
                type="button"
                className={SMALL_BUTTON}
                disabled={busy}
                onClick={() => void run({ snooze: s })}
              >
                {SNOOZE_LABELS[s]}
              </button>
            ))}
            <button type="button" className="px-1 text-xs text-muted hover:text-ink" onClick={() => setSnoozing(false)}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={busy || item.taskNumber === null}
              onClick={() => void run("done")}
            >
              Done
            </button>
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={busy || item.taskNumber === null}
              onClick={() => setSnoozing(true)}
            >
              Snooze
            </button>
            <button type="button" className={SMALL_BUTTON} disabled={item.taskNumber === null} onClick={onOpen}>
              Open
            </button>
          </>
        )}
      </div>
    </li>
  );
}
