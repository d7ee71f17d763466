import { buttonClass } from "@/components/ui/button";
import { NavLink } from "./logs-navigation";

export function EmptyState({ filtered, paged }: { filtered: boolean; paged: boolean }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-line bg-surface px-6 py-14 text-center">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-8 stroke-muted" fill="none" strokeWidth="1.5">
        <path d="M4 6h16M4 12h10M4 18h6" strokeLinecap="round" />
      </svg>
      <h2 className="font-medium">
        {filtered ? "No operations match these filters" : paged ? "No more operations" : "No operations yet"}
      </h2>
      <p className="max-w-sm text-sm text-muted">
        {filtered
          ? "Try a wider date range, another user, or fewer filters."
          : "Operations appear here as soon as someone asks the assistant to change their tasks, or changes them in the app."}
      </p>
      {filtered || paged ? (
        <NavLink href="/admin/logs" className={buttonClass("secondary")}>
          {filtered ? "Clear filters" : "Back to the newest"}
        </NavLink>
      ) : null}
    </div>
  );
}

export function InvalidFilters({ message }: { message: string }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger"
    >
      <p>
        <span className="font-medium">These filters can’t be used.</span> {message}
      </p>
      <NavLink href="/admin/logs" className={buttonClass("secondary")}>
        Clear filters
      </NavLink>
    </div>
  );
}
