import type { Metadata } from "next";
import { Suspense } from "react";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { FiguresSection } from "@/components/admin/figures-section";
import { FilterBar } from "@/components/admin/filter-bar";
import { LogsHeader } from "@/components/admin/logs-header";
import { LogsNavigation, NavLink, PendingRegion } from "@/components/admin/logs-navigation";
import { LogsTable } from "@/components/admin/logs-table";
import { EmptyState, InvalidFilters } from "@/components/admin/states";
import { Pagination } from "@/components/admin/pagination";
import { FiguresSkeleton } from "@/components/admin/skeletons";
import { FILTER_KEYS, hasFilters, parseLogQuery, toSearchParams } from "@/lib/admin/filters";
import { listLogPage } from "@/lib/admin/list";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Operation logs" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function OperationLogsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Checked here, not only in the admin layout: Next renders a layout and its page in parallel,
  // so a page relying on its layout's notFound() still streams its data (e2e/isolation.spec.ts).
  await requireAdmin();
  const params = await searchParams;
  const raw = rawFilterValues(params);
  const parsed = parseLogQuery(params);
  // Keyed by the URL so Back/Forward re-create the form with that URL's values.
  const formKey = new URLSearchParams(Object.entries(raw)).toString();

  if (!parsed.ok) {
    return (
      <Shell>
        <LogsHeader />
        <FilterBar key={formKey} values={raw} invalid={Object.keys(parsed.fields)} />
        <InvalidFilters message={parsed.message} />
      </Shell>
    );
  }

  const { filters } = parsed.query;
  const db = await getDb();
  const page = await listLogPage(db, parsed.query);
  const now = new Date();
  const exportQuery = toSearchParams(filters).toString();

  return (
    <Shell>
      <LogsHeader exportHref={`/api/admin/logs/export${exportQuery ? `?${exportQuery}` : ""}`} />
      <FilterBar key={formKey} values={raw} />
      <PendingRegion label="Results">
        <div className="space-y-4">
          {/* Keyed by the filters: a new filter shows the skeleton at once instead of holding the new rows back. */}
          <Suspense key={exportQuery} fallback={<FiguresSkeleton />}>
            <FiguresSection db={db} filters={filters} />
          </Suspense>
          {page.rows.length ? (
            <>
              <LogsTable rows={page.rows} now={now} />
              <Pagination
                href={(cursor) => {
                  const query = toSearchParams(filters, cursor).toString();
                  return query ? `/admin/logs?${query}` : "/admin/logs";
                }}
                link={NavLink}
                newer={page.newer}
                older={page.older}
                shown={page.rows.length}
              />
            </>
          ) : (
            <EmptyState filtered={hasFilters(filters)} paged={Boolean(parsed.query.after || parsed.query.before)} />
          )}
        </div>
      </PendingRegion>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="w-full flex-1 overflow-y-auto">
      <LogsNavigation>
        <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-6 sm:px-6">
          <AdminTabs current="/admin/logs" />
          {children}
        </div>
      </LogsNavigation>
    </main>
  );
}

/** The filter fields exactly as the URL has them, to refill the form (even when invalid). */
function rawFilterValues(params: SearchParams): Partial<Record<(typeof FILTER_KEYS)[number], string>> {
  const out: Partial<Record<(typeof FILTER_KEYS)[number], string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) out[key] = first.slice(0, 300);
  }
  return out;
}
