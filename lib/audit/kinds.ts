// What the audit trail records: each kind's label, the group it is listed under, and what it
// targets. Free of server-only code so the admin page's filter can list them. Adding a kind
// (as sensitive_revealed was) is one entry here, one enum value in prisma/schema.prisma and an
// ALTER TYPE … ADD VALUE in a migration; the table, filters and labels follow from this list.
import type { AuditEventKind, AuditTargetType } from "@/generated/prisma/enums";

export type AuditKind = AuditEventKind;
export type AuditTarget = AuditTargetType;

export const AUDIT_GROUPS = {
  access: "Sign-in",
  account: "Account",
  conversation: "Conversations",
  admin: "Admin access",
  export: "Exports",
} as const;
export type AuditGroup = keyof typeof AUDIT_GROUPS;

type KindInfo = {
  label: string;
  group: AuditGroup;
  /**
   * What the event acted on. "user": the subject's account (its id is the target's); a
   * conversation or an operation (log row): that row's id; "export": a download, whose detail
   * says what was in it.
   */
  target: AuditTarget;
};

export const AUDIT_KINDS = {
  signed_in: { label: "Signed in", group: "access", target: "user" },
  sign_in_failed: { label: "Sign-in failed", group: "access", target: "user" },
  signed_out: { label: "Signed out", group: "access", target: "user" },
  registered: { label: "Registered", group: "account", target: "user" },
  password_changed: { label: "Password changed", group: "account", target: "user" },
  role_granted: { label: "Made admin", group: "account", target: "user" },
  role_revoked: { label: "Admin removed", group: "account", target: "user" },
  account_deleted: { label: "Account deleted", group: "account", target: "user" },
  conversation_renamed: { label: "Conversation renamed", group: "conversation", target: "conversation" },
  conversation_archived: { label: "Conversation archived", group: "conversation", target: "conversation" },
  conversation_unarchived: { label: "Conversation restored", group: "conversation", target: "conversation" },
  conversation_deleted: { label: "Conversation deleted", group: "conversation", target: "conversation" },
  log_entry_viewed: { label: "Log entry viewed", group: "admin", target: "operation" },
  users_listed: { label: "Users listed", group: "admin", target: "user" },
  operation_undone: { label: "Operation undone by an admin", group: "admin", target: "operation" },
  // An admin showed the e-mails, phone, card or IBAN numbers masked on a log entry (its target).
  sensitive_revealed: { label: "Sensitive text revealed", group: "admin", target: "operation" },
  logs_exported: { label: "Operation log exported", group: "export", target: "export" },
  tasks_exported: { label: "Tasks exported", group: "export", target: "export" },
  conversation_exported: { label: "Conversation exported", group: "export", target: "conversation" },
  data_exported: { label: "Data exported", group: "export", target: "export" },
} as const satisfies Record<AuditKind, KindInfo>;

/** Every kind, in the order the filter lists them (grouped). */
export const AUDIT_KIND_NAMES = Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]];

/** Changes to accounts, which /admin/users shows as its recent history. */
export const ACCOUNT_KINDS = AUDIT_KIND_NAMES.filter((kind) => AUDIT_KINDS[kind].group === "account");
