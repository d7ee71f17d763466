// How the audit trail's rows read, on /admin/audit and in the account history on /admin/users.
import { OPERATION_LABELS, OPERATIONS } from "@/lib/admin/filter-fields";
import { AUDIT_KINDS } from "@/lib/audit/kinds";
import type { AuditRow } from "@/lib/audit/list";

export function kindLabel(row: Pick<AuditRow, "kind">): string {
  return AUDIT_KINDS[row.kind].label;
}

/** Who acted: "themself", an admin's e-mail, or why there is no one to name. */
export function actorText(row: AuditRow): string {
  if (row.actorId === null) {
    if (row.kind === "account_deleted") return "its owner";
    if (row.kind === "sign_in_failed") return "not signed in";
    return "a deleted account";
  }
  if (row.actorId === row.subjectId) return "themself";
  return row.actorEmail ?? "a deleted account";
}

/** Whose account or data: their e-mail while the account exists, else its bare id. */
export function subjectText(row: AuditRow): string | null {
  if (row.subjectEmail) return row.subjectEmail;
  return row.subjectId ? `deleted account ${row.subjectId.slice(0, 8)}` : null;
}

const count = (value: unknown) => (typeof value === "number" ? value : 0);

/** The facts in a row's detail, in words (detail holds no personal text, so there is none to show). */
export function detailText(row: AuditRow): string {
  const d = row.detail;
  switch (row.kind) {
    case "account_deleted":
      return `${d.role === "admin" ? "an admin" : "a user"}; ${count(d.tasks)} tasks, ${count(d.conversations)} conversations, ${count(d.messages)} messages, ${count(d.operationLogs)} log rows`;
    case "sign_in_failed":
      return d.reason === "unknown_account" ? "no account has that e-mail" : "wrong password";
    case "signed_out":
      return d.everywhere ? "“Sign out everywhere”" : "";
    case "registered":
      return d.role === "admin" ? "the first account: admin" : "";
    case "log_entry_viewed":
      return typeof d.operation === "string" && (OPERATIONS as readonly string[]).includes(d.operation)
        ? `${OPERATION_LABELS[d.operation as keyof typeof OPERATION_LABELS]} operation`
        : "";
    case "users_listed":
      return `${count(d.shown)} shown${d.searched ? ", searched" : ""}`;
    case "logs_exported": {
      const parts = ["operation", "status", "source"].flatMap((k) =>
        typeof d[k] === "string" ? [`${k} ${d[k]}`] : [],
      );
      if (typeof d.from === "string") parts.push(`from ${d.from}`);
      if (typeof d.to === "string") parts.push(`to ${d.to}`);
      if (d.byUser) parts.push("one user");
      if (d.bySearch) parts.push("a text search");
      return parts.length ? `filtered: ${parts.join(", ")}` : "everything";
    }
    case "tasks_exported":
    case "conversation_exported":
      return typeof d.format === "string" ? d.format.toUpperCase() : "";
    default:
      return "";
  }
}
