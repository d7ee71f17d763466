import Link from "next/link";
import { absoluteTime } from "@/components/admin/format";
import { SimpleTable } from "@/components/admin/simple-table";
import { UsersRoleButton } from "@/components/admin/users-role-button";
import type { UserRow } from "@/lib/admin/users";

/** Every user listed with their role and a button to change it. */
export function UsersTable({ rows, currentUserId }: { rows: UserRow[]; currentUserId: string }) {
  if (!rows.length)
    return (
      <p className="rounded-xl border border-dashed border-line bg-surface px-6 py-10 text-center text-sm text-muted">
        No users match.
      </p>
    );
  return (
    <SimpleTable headers={["Email", "Name", "Role", "Created", "", ""]}>
      {rows.map((u) => (
        <tr key={u.id} data-testid="user-row">
          <td className="px-3 py-2">
            {u.email}
            {u.id === currentUserId ? <span className="text-muted"> (you)</span> : null}
          </td>
          <td className="px-3 py-2">{u.name}</td>
          <td className="px-3 py-2">
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${u.role === "admin" ? "bg-accent/12 text-accent" : "bg-subtle text-muted"}`}
            >
              {u.role}
            </span>
          </td>
          <td className="px-3 py-2 whitespace-nowrap text-muted">{absoluteTime(u.createdAt)}</td>
          <td className="px-3 py-2">
            <UsersRoleButton userId={u.id} role={u.role} email={u.email} />
          </td>
          <td className="px-3 py-2">
            <Link
              href={`/admin/audit?subject=${u.id}`}
              aria-label={`Audit events: ${u.email}`}
              className="text-sm whitespace-nowrap text-accent hover:underline"
            >
              Events
            </Link>
          </td>
        </tr>
      ))}
    </SimpleTable>
  );
}
