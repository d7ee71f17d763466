import type { Metadata } from "next";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { type AuditFilterValues, AuditFilters } from "@/components/admin/audit-filters";
import { Pagination } from "@/components/admin/pagination";
import { AuditTable } from "@/components/admin/audit-table";
import { buttonClass } from "@/components/ui/button";
import { AUDIT_FILTER_KEYS, auditSearchParams, hasAuditFilters, parseAuditQuery } from "@/lib/audit/filters";
import { listAuditPage } from "@/lib/audit/list";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Checked here, not only in the admin layout: a layout and its page render in parallel (see the logs page).
  await requireAdmin();
  const params = await searchParams;
  const values = rawValues(params);
  const parsed = parseAuditQuery(params);

  if (!parsed.ok) {
    return (
      <Shell>
        <AuditFilters values={values} invalid={Object.keys(parsed.fields)} />
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger"
        >
          <p>
            <span className="font-medium">These filters can’t be used.</span> {parsed.message}
          </p>
          <Link href="/admin/audit" className={buttonClass("secondary")}>
            Clear filters
          </Link>
        </div>
      </Shell>
    );
  }

  const { filters } = parsed.query;
  const page = await listAuditPage(await getDb(), parsed.query);
  const href = (cursor: { after?: string; before?: string }) => {
    const query = auditSearchParams(filters, cursor).toString();
    return query ? `/admin/audit?${query}` : "/admin/audit";
  };

  return (
    <Shell>
      <AuditFilters values={values} />
      {page.rows.length ? (
        <section aria-label="Events" className="space-y-4">
          <AuditTable rows={page.rows} />
          <Pagination href={href} newer={page.newer} older={page.older} shown={page.rows.length} />
        </section>
      ) : (
        <p className="rounded-xl border border-dashed border-line bg-surface px-6 py-10 text-center text-sm text-muted">
          {hasAuditFilters(filters)
            ? "No events match these filters."
            : parsed.query.after
              ? "No more events."
              : "No events yet."}
        </p>
      )}
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="w-full flex-1 overflow-y-auto">
      <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-6 sm:px-6">
        <AdminTabs current="/admin/audit" />
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">Audit</h1>
          <p className="mt-1 text-sm text-muted">
            Sign-ins, registrations and sign-outs, account and conversation changes, admins’ views of other people’s
            data, exports and admin undos, newest first, with the address and browser they came from. Task changes are
            in the operation log. No e-mail, name or text is kept in an event: it outlives the account it names. Times
            are UTC.
          </p>
        </header>
        {children}
      </div>
    </main>
  );
}

/** The filter fields exactly as the URL has them, to refill the form (even when invalid). */
function rawValues(params: SearchParams): AuditFilterValues {
  const out: AuditFilterValues = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) out[key] = first.slice(0, 300);
  }
  return out;
}
