import { buttonClass } from "@/components/ui/button";
import { toSearchParams, type LogFilters } from "@/lib/admin/filters";
import { NavLink } from "./logs-navigation";

/** Newer / older page links: cursors in the URL, so every page has an address and Back works. */
export function Pagination({
  filters,
  newer,
  older,
  shown,
}: {
  filters: LogFilters;
  newer?: string;
  older?: string;
  shown: number;
}) {
  const href = (page: { after?: string; before?: string }) => {
    const query = toSearchParams(filters, page).toString();
    return query ? `/admin/logs?${query}` : "/admin/logs";
  };
  if (!newer && !older) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3">
      <div className="flex gap-2">
        {newer ? (
          <>
            <NavLink href={href({})} className={buttonClass("ghost")}>
              Newest
            </NavLink>
            <NavLink href={href({ before: newer })} className={buttonClass("secondary")} rel="prev">
              ← Newer
            </NavLink>
          </>
        ) : null}
      </div>
      <span className="text-xs text-muted">{shown} on this page</span>
      <div>
        {older ? (
          <NavLink href={href({ after: older })} className={buttonClass("secondary")} rel="next">
            Older →
          </NavLink>
        ) : null}
      </div>
    </nav>
  );
}
