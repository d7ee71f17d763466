import Link from "next/link";
import type { ComponentProps, ComponentType } from "react";
import { buttonClass } from "@/components/ui/button";

type PageHref = (page: { after?: string; before?: string }) => string;
type PageLink = ComponentType<ComponentProps<typeof Link> & { href: string }>;

/**
 * Newer / older page links: cursors in the URL, so every page has an address and Back works.
 * `href` makes a page's URL from its cursor (none: the newest page); `link` may be a Link that
 * shows the page is loading (the log's NavLink).
 */
export function Pagination({
  href,
  newer,
  older,
  shown,
  link: PageLink = Link,
}: {
  href: PageHref;
  newer?: string;
  older?: string;
  shown: number;
  link?: PageLink;
}) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3">
      <div className="flex gap-2">
        {newer ? (
          <>
            <PageLink href={href({})} className={buttonClass("ghost")}>
              Newest
            </PageLink>
            <PageLink href={href({ before: newer })} className={buttonClass("secondary")} rel="prev">
              ← Newer
            </PageLink>
          </>
        ) : null}
      </div>
      <span className="text-xs text-muted">{shown} on this page</span>
      <div>
        {older ? (
          <PageLink href={href({ after: older })} className={buttonClass("secondary")} rel="next">
            Older →
          </PageLink>
        ) : null}
      </div>
    </nav>
  );
}
