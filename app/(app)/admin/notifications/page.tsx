import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { absoluteTime } from "@/components/admin/format";
import { RetryButton } from "@/components/admin/retry-button";
import { buttonClass } from "@/components/ui/button";
import {
  listNotifications,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  NOTIFICATION_TYPES,
  NOTIFICATIONS_SHOWN,
  notificationFilters,
} from "@/lib/admin/notifications";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Notifications" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 300);

const STATUS_STYLE: Record<string, string> = {
  pending: "bg-warning/12 text-warning",
  sent: "bg-success/12 text-success",
  failed: "bg-danger-soft text-danger",
  cancelled: "bg-subtle text-muted",
};
const SELECT = "rounded-lg border border-line bg-surface px-2 py-1.5 text-sm";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Checked here too: a layout and its page render in parallel (see the logs page).
  await requireAdmin();
  const params = await searchParams;
  const raw = {
    status: first(params.status) ?? "",
    channel: first(params.channel) ?? "",
    type: first(params.type) ?? "",
    user: first(params.user) ?? "",
  };
  const parsed = notificationFilters.safeParse(raw);
  const result = parsed.success ? await listNotifications(await getDb(), parsed.data) : null;

  return (
    <main className="w-full flex-1 overflow-y-auto">
      <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-6 sm:px-6">
        <AdminTabs current="/admin/notifications" />
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
          <p className="mt-1 text-sm text-muted">
            Reminders and digests in the outbox, for every user: what is waiting, what went out, what failed and why.
            Times are UTC.
          </p>
        </header>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter notifications">
          <Choice name="status" label="Status" values={NOTIFICATION_STATUSES} value={raw.status} />
          <Choice name="channel" label="Channel" values={NOTIFICATION_CHANNELS} value={raw.channel} />
          <Choice name="type" label="Type" values={NOTIFICATION_TYPES} value={raw.type} />
          <label className="flex flex-col gap-1 text-xs text-muted">
            User (e-mail or id)
            <input name="user" defaultValue={raw.user} className={SELECT} />
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
        </form>
        {!parsed.success ? (
          <p role="alert" className="rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
            These filters can’t be used. {parsed.error.issues[0]?.message}
          </p>
        ) : null}
        {result ? (
          <>
            <p className="text-sm text-muted" data-testid="notification-counts">
              {NOTIFICATION_STATUSES.map((s) => `${result.counts[s]} ${s}`).join(" · ")}
              {result.rows.length === NOTIFICATIONS_SHOWN ? ` — the newest ${NOTIFICATIONS_SHOWN} shown` : ""}
            </p>
            {result.rows.length ? (
              <div className="overflow-x-auto rounded-xl border border-line bg-surface">
                <table className="w-full text-left text-sm">
                  <thead className="border-b border-line text-xs text-muted">
                    <tr>
                      {[
                        "Created",
                        "User",
                        "What",
                        "Channel",
                        "Status",
                        "Attempts",
                        "Next attempt / sent",
                        "Last error",
                        "",
                      ].map((h) => (
                        <th key={h} className="px-3 py-2 font-medium">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line">
                    {result.rows.map((r) => (
                      <tr key={r.id} data-testid="notification-row">
                        <td className="px-3 py-2 whitespace-nowrap text-muted">{absoluteTime(r.createdAt)}</td>
                        <td className="px-3 py-2">{r.userEmail}</td>
                        <td className="px-3 py-2">
                          {r.type}
                          {r.title ? <span className="text-muted"> · {r.title}</span> : null}
                        </td>
                        <td className="px-3 py-2">{r.channel === "in_app" ? "in app" : "e-mail"}</td>
                        <td className="px-3 py-2">
                          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[r.status]}`}>
                            {r.status}
                          </span>
                        </td>
                        <td className="px-3 py-2">{r.attempts}</td>
                        <td className="px-3 py-2 whitespace-nowrap text-muted">
                          {r.sentAt
                            ? absoluteTime(r.sentAt)
                            : r.status === "pending"
                              ? absoluteTime(r.nextAttemptAt)
                              : "—"}
                        </td>
                        <td className="max-w-xs px-3 py-2 break-words text-danger">{r.lastError ?? ""}</td>
                        <td className="px-3 py-2">{r.status === "failed" ? <RetryButton id={r.id} /> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="rounded-xl border border-dashed border-line bg-surface px-6 py-10 text-center text-sm text-muted">
                No notifications match these filters.
              </p>
            )}
          </>
        ) : null}
      </div>
    </main>
  );
}

function Choice({
  name,
  label,
  values,
  value,
}: {
  name: string;
  label: string;
  values: readonly string[];
  value: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs text-muted">
      {label}
      <select name={name} defaultValue={value} className={SELECT}>
        <option value="">Any</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v.replace("_", " ")}
          </option>
        ))}
      </select>
    </label>
  );
}
