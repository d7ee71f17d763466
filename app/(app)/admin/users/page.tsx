import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { AuditLink, UsersEvents } from "@/components/admin/users-events";
import { UsersTable } from "@/components/admin/users-table";
import { buttonClass } from "@/components/ui/button";
import { listUsers, USERS_SHOWN, userSearchSchema } from "@/lib/admin/users";
import { ACCOUNT_KINDS } from "@/lib/audit/kinds";
import { recentAuditEvents } from "@/lib/audit/list";
import { recordAuditEvent } from "@/lib/audit/record";
import { requestClient } from "@/lib/audit/request";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Users" };

/** How many account changes the page shows; /admin/audit has them all. */
const ACCOUNT_EVENTS_SHOWN = 20;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Checked here too: a layout and its page render in parallel (see the logs page).
  const admin = await requireAdmin();
  const raw = (await searchParams).q;
  const search = userSearchSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const q = search.success ? search.data : "";
  const db = await getDb();
  const [users, events] = await Promise.all([
    listUsers(db, q),
    recentAuditEvents(db, ACCOUNT_KINDS, ACCOUNT_EVENTS_SHOWN),
  ]);
  // Every account's e-mail and name: recorded before they are shown, and not shown if that fails.
  await recordAuditEvent(db, {
    kind: "users_listed",
    actorId: admin.id,
    subjectId: null,
    client: await requestClient(),
    detail: { searched: Boolean(q), shown: users.length },
  });

  return (
    <main className="w-full flex-1 overflow-y-auto">
      <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-6 sm:px-6">
        <AdminTabs current="/admin/users" />
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
          <p className="mt-1 text-sm text-muted">
            Who has an account and who is an admin. A role change signs that user out everywhere; the new role applies
            when they sign in again. There is always at least one admin. Times are UTC.
          </p>
        </header>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Search users">
          <label className="flex flex-col gap-1 text-xs text-muted">
            E-mail or name
            <input
              name="q"
              defaultValue={q}
              maxLength={254}
              className="rounded-lg border border-line bg-surface px-2 py-1.5 text-sm"
            />
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Search
          </button>
        </form>
        {!search.success ? (
          <p role="alert" className="rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
            {search.error.issues[0]?.message}
          </p>
        ) : null}
        <UsersTable rows={users} currentUserId={admin.id} />
        {users.length === USERS_SHOWN ? (
          <p className="text-sm text-muted">The newest {USERS_SHOWN} shown: search to find others.</p>
        ) : null}
        <section aria-labelledby="account-events-heading" className="space-y-2 pt-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="account-events-heading" className="text-base font-semibold">
              Account changes
            </h2>
            <AuditLink />
          </div>
          <UsersEvents rows={events} />
        </section>
      </div>
    </main>
  );
}
