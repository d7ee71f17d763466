"use client";

import { usePathname } from "next/navigation";
import { useRef } from "react";
import { browserTimeZone } from "@/components/tasks/time-zone";
import { DownloadIcon } from "@/components/ui/icons";

const ITEM = "block rounded-md px-3 py-1.5 text-sm hover:bg-subtle";

/** Download the open conversation as Markdown or JSON (times in the browser's zone). */
export function ExportMenu() {
  const id = /^\/c\/([^/?#]+)/.exec(usePathname())?.[1];
  const menu = useRef<HTMLDetailsElement>(null);
  if (!id) return null;
  // The download starts from the link; the menu closes so the next choice starts from a closed menu.
  const close = () => menu.current?.removeAttribute("open");
  const href = (format: "md" | "json") =>
    `/api/conversations/${encodeURIComponent(id)}/export?format=${format}&tz=${encodeURIComponent(browserTimeZone())}`;
  return (
    <details ref={menu} className="relative">
      <summary
        className="flex size-8 cursor-pointer list-none items-center justify-center rounded-lg text-muted hover:bg-subtle hover:text-ink"
        aria-label="Export conversation"
        title="Export"
      >
        <DownloadIcon />
      </summary>
      <div className="absolute right-0 z-50 mt-1 w-48 rounded-lg border border-line bg-surface p-1 shadow-lg">
        <a className={ITEM} href={href("md")} download onClick={close}>
          Export as Markdown
        </a>
        <a className={ITEM} href={href("json")} download onClick={close}>
          Export as JSON
        </a>
      </div>
    </details>
  );
}
