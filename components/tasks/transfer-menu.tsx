"use client";

import { useRef, useState } from "react";
import { DownloadIcon } from "@/components/ui/icons";
import { browserTimeZone } from "./time-zone";
import { TodoistImportDialog } from "./todoist-import-dialog";

const ITEM = "block w-full rounded-md px-3 py-1.5 text-left text-sm hover:bg-subtle";

/** The task panel's Export / Import menu. `onImported` refreshes whatever shows tasks. */
export function TransferMenu({ onImported }: { onImported: () => void }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [importing, setImporting] = useState(false);
  // The download starts from the link; the menu closes so the next choice starts from a closed menu.
  const close = () => menu.current?.removeAttribute("open");
  const href = (format: "csv" | "ics") =>
    `/api/tasks/export?format=${format}&tz=${encodeURIComponent(browserTimeZone())}`;
  return (
    <>
      <details ref={menu} className="relative">
        <summary
          className="flex size-7 cursor-pointer list-none items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink"
          aria-label="Export or import tasks"
          title="Export / Import"
        >
          <DownloadIcon />
        </summary>
        <div className="absolute right-0 z-50 mt-1 w-52 rounded-lg border border-line bg-surface p-1 shadow-lg">
          <a className={ITEM} href={href("csv")} download onClick={close}>
            Export CSV
          </a>
          <a className={ITEM} href={href("ics")} download onClick={close}>
            Export .ics (calendar)
          </a>
          <button
            type="button"
            className={ITEM}
            onClick={() => {
              close();
              setImporting(true);
            }}
          >
            Import from Todoist…
          </button>
        </div>
      </details>
      <TodoistImportDialog open={importing} onClose={() => setImporting(false)} onImported={onImported} />
    </>
  );
}
