import { absoluteTime } from "@/components/admin/format";
import { SimpleTable } from "@/components/admin/simple-table";
import type { AccountEventRow } from "@/lib/account/events";

const WHAT: Record<AccountEventRow["kind"], string> = {
  account_deleted: "Account deleted",
  role_granted: "Made admin",
  role_revoked: "Admin removed",
  password_changed: "Password changed",
  data_exported: "Data exported",
};

/** What a deleted account's row says about it: its role and how much went with it (no personal data is kept). */
function detailText(row: AccountEventRow): string {
  const d = row.detail;
  if (row.kind !== "account_deleted") return "";
  const n = (key: string) => (typeof d[key] === "number" ? d[key] : 0);
  return `${d.role === "admin" ? "an admin" : "a user"}; ${n("tasks")} tasks, ${n("conversations")} conversations, ${n("messages")} messages, ${n("operationLogs")} log rows`;
}

/** The account record: deletions, role changes, password changes and exports, newest first. */
export function UsersEvents({ rows }: { rows: AccountEventRow[] }) {
  if (!rows.length)
    return (
      <p className="rounded-xl border border-dashed border-line bg-surface px-6 py-6 text-center text-sm text-muted">
        No account changes yet.
      </p>
    );
  return (
    <SimpleTable headers={["When", "What", "Account", "By", "Details"]}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="account-event">
          <td className="px-3 py-2 whitespace-nowrap text-muted">{absoluteTime(r.createdAt)}</td>
          <td className="px-3 py-2">{WHAT[r.kind]}</td>
          <td className="px-3 py-2">
            {r.subjectEmail ?? <span className="text-muted">deleted account {r.subjectId.slice(0, 8)}</span>}
          </td>
          <td className="px-3 py-2">
            {r.actorId === null ? (
              <span className="text-muted">{r.kind === "account_deleted" ? "its owner" : "—"}</span>
            ) : r.actorId === r.subjectId ? (
              "themself"
            ) : (
              (r.actorEmail ?? "—")
            )}
          </td>
          <td className="px-3 py-2 text-muted">{detailText(r)}</td>
        </tr>
      ))}
    </SimpleTable>
  );
}
