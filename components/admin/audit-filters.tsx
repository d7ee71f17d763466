import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { AUDIT_GROUPS, AUDIT_KIND_NAMES, AUDIT_KINDS, type AuditGroup } from "@/lib/audit/kinds";

export type AuditFilterValues = Partial<Record<"kind" | "actor" | "subject" | "from" | "to", string>>;

const FIELD =
  "block w-full rounded-lg border border-line bg-surface px-2 py-1.5 text-sm aria-invalid:border-danger focus:border-accent focus:outline-none";

/**
 * The filters as a plain GET form: each becomes a URL search param, so a filtered view is a link
 * and Back works. Rendered with the URL's values, also when they are invalid (the page says why).
 */
export function AuditFilters({ values, invalid = [] }: { values: AuditFilterValues; invalid?: string[] }) {
  const bad = (key: keyof AuditFilterValues) => (invalid.includes(key) ? true : undefined);
  const groups = Object.keys(AUDIT_GROUPS) as AuditGroup[];
  const active = Object.values(values).some(Boolean);
  return (
    <search aria-label="Filter audit events">
      <form
        method="get"
        action="/admin/audit"
        className="grid gap-3 rounded-xl border border-line bg-surface p-3 shadow-xs sm:grid-cols-2 lg:grid-cols-6"
      >
        <label className="space-y-1 text-xs font-medium text-muted">
          <span className="block">Kind</span>
          <select
            name="kind"
            defaultValue={AUDIT_KIND_NAMES.some((k) => k === values.kind) ? values.kind : ""}
            aria-invalid={bad("kind")}
            className={FIELD}
          >
            <option value="">All kinds</option>
            {groups.map((group) => (
              <optgroup key={group} label={AUDIT_GROUPS[group]}>
                {AUDIT_KIND_NAMES.filter((k) => AUDIT_KINDS[k].group === group).map((k) => (
                  <option key={k} value={k}>
                    {AUDIT_KINDS[k].label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-xs font-medium text-muted">
          <span className="block">By (e-mail or id)</span>
          <input
            name="actor"
            defaultValue={values.actor}
            aria-invalid={bad("actor")}
            maxLength={254}
            autoComplete="off"
            className={FIELD}
          />
        </label>
        <label className="space-y-1 text-xs font-medium text-muted">
          <span className="block">Account (e-mail or id)</span>
          <input
            name="subject"
            defaultValue={values.subject}
            aria-invalid={bad("subject")}
            maxLength={254}
            autoComplete="off"
            className={FIELD}
          />
        </label>
        <label className="space-y-1 text-xs font-medium text-muted">
          <span className="block">From (UTC)</span>
          <input type="date" name="from" defaultValue={values.from} aria-invalid={bad("from")} className={FIELD} />
        </label>
        <label className="space-y-1 text-xs font-medium text-muted">
          <span className="block">To (UTC)</span>
          <input type="date" name="to" defaultValue={values.to} aria-invalid={bad("to")} className={FIELD} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
          {active ? (
            <Link href="/admin/audit" className={buttonClass("ghost")}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
    </search>
  );
}
