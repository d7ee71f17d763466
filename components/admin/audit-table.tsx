import Link from "next/link";
import { actorText, detailText, kindLabel, subjectText } from "@/components/admin/audit-format";
import { absoluteTime } from "@/components/admin/format";
import { SimpleTable } from "@/components/admin/simple-table";
import type { AuditRow } from "@/lib/audit/list";

/** The audit trail, newest first: what happened, who did it to whose account, on what, from where. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <SimpleTable headers={["When", "What", "By", "Account", "On", "From", "Details"]}>
      {rows.map((r) => (
        <tr key={r.id} data-testid="audit-event" className="align-top">
          <td className="px-3 py-2 whitespace-nowrap text-muted">{absoluteTime(r.createdAt)}</td>
          <td className="px-3 py-2 whitespace-nowrap">{kindLabel(r)}</td>
          <td className="px-3 py-2">{actorText(r)}</td>
          <td className="px-3 py-2">
            {r.subjectId ? (
              <Link href={`/admin/audit?subject=${r.subjectId}`} className="text-accent hover:underline">
                {subjectText(r)}
              </Link>
            ) : (
              <span className="text-muted">—</span>
            )}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <Target row={r} />
          </td>
          <td className="px-3 py-2">
            <span className="font-mono text-xs">{r.ip ?? "unknown"}</span>
            {r.userAgent ? (
              <span title={r.userAgent} className="block max-w-56 truncate text-xs text-muted">
                {r.userAgent}
              </span>
            ) : null}
          </td>
          <td className="px-3 py-2 text-muted">{detailText(r)}</td>
        </tr>
      ))}
    </SimpleTable>
  );
}

/** What the event acted on: a link to the log row for an operation, a conversation's short id, a download. */
function Target({ row }: { row: AuditRow }) {
  const short = row.targetId?.slice(0, 8);
  switch (row.targetType) {
    case "operation":
      if (!row.targetId) return <span className="text-muted">—</span>;
      return row.targetExists ? (
        <Link href={`/admin/logs/${row.targetId}`} className="text-accent hover:underline">
          Log entry {short}
        </Link>
      ) : (
        <span className="text-muted">Log entry {short} (removed)</span>
      );
    case "conversation":
      return short ? <span>Conversation {short}</span> : <span className="text-muted">—</span>;
    case "export":
      return <span>Download</span>;
    default:
      return <span className="text-muted">—</span>;
  }
}
