import { buttonClass } from "@/components/ui/button";

/** The page title, and the CSV export of exactly the filtered set (hidden while the filters are invalid). */
export function LogsHeader({ exportHref }: { exportHref?: string }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Operation logs</h1>
        <p className="mt-1 text-sm text-muted">
          Every task operation the assistant or the app performed, for every user. Times are UTC.
        </p>
      </div>
      {exportHref ? (
        <a href={exportHref} download className={buttonClass("secondary")}>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M10 2.5a.75.75 0 0 1 .75.75v7.69l2.22-2.22a.75.75 0 1 1 1.06 1.06l-3.5 3.5a.75.75 0 0 1-1.06 0l-3.5-3.5a.75.75 0 1 1 1.06-1.06l2.22 2.22V3.25A.75.75 0 0 1 10 2.5ZM3.5 13.75a.75.75 0 0 1 .75.75v1.25c0 .14.11.25.25.25h11c.14 0 .25-.11.25-.25V14.5a.75.75 0 0 1 1.5 0v1.25A1.75 1.75 0 0 1 15.5 17.5h-11a1.75 1.75 0 0 1-1.75-1.75V14.5a.75.75 0 0 1 .75-.75Z" />
          </svg>
          Export CSV
        </a>
      ) : null}
    </header>
  );
}
