import Link from "next/link";
import { actorText, detailText, kindLabel, subjectText } from "@/components/admin/audit-format";
import { absoluteTime } from "@/components/admin/format";
import { SimpleTable } from "@/components/admin/simple-table";
import type { AuditRow } from "@/lib/audit/list";

/** The newest account changes (registrations, password and role changes, deletions); the rest is on /admin/audit. */
export function UsersEvents({ rows }: { rows: AuditRow[] }) {
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
          <td className="px-3 py-2">{kindLabel(r)}</td>
          <td className="px-3 py-2">{r.subjectEmail ?? <span className="text-muted">{subjectText(r) ?? "—"}</span>}</td>
          <td className="px-3 py-2">{actorText(r)}</td>
          <td className="px-3 py-2 text-muted">{detailText(r)}</td>
        </tr>
      ))}
    </SimpleTable>
  );
}

/** Where the whole record is. */
export function AuditLink() {
  return (
    <Link href="/admin/audit" className="text-sm text-accent hover:underline">
      All audit events →
    </Link>
  );
}
