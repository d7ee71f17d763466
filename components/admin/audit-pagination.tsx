import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Newer / older page links; `href` makes a page's URL from its cursor (none: the newest page). */
export function AuditPagination({
  href,
  newer,
  older,
  shown,
}: {
  href: (page: { after?: string; before?: string }) => string;
  newer?: string;
  older?: string;
  shown: number;
}) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3">
      <div className="flex gap-2">
        {newer ? (
          <>
            <Link href={href({})} className={buttonClass("ghost")}>
              Newest
            </Link>
            <Link href={href({ before: newer })} className={buttonClass("secondary")} rel="prev">
              ← Newer
            </Link>
          </>
        ) : null}
      </div>
      <span className="text-xs text-muted">{shown} on this page</span>
      <div>
        {older ? (
          <Link href={href({ after: older })} className={buttonClass("secondary")} rel="next">
            Older →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
