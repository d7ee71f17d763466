import {
  OPERATION_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  type OperationName,
  type SourceName,
  type StatusName,
} from "@/lib/admin/filter-fields";

const STATUS_STYLES: Record<StatusName, string> = {
  success: "bg-success/12 text-success ring-success/25",
  failed: "bg-danger-soft text-danger ring-danger/25",
  pending: "bg-warning/12 text-warning ring-warning/25",
  rejected: "bg-muted/12 text-muted ring-muted/25",
};

const DOT: Record<StatusName, string> = {
  success: "bg-success",
  failed: "bg-danger",
  pending: "bg-warning",
  rejected: "bg-muted",
};

export function StatusPill({ status }: { status: StatusName }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[status]}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${DOT[status]}`} />
      {STATUS_LABELS[status]}
    </span>
  );
}

export function UndonePill() {
  return (
    <span className="inline-flex items-center rounded-full bg-subtle px-2 py-0.5 text-xs font-medium text-muted ring-1 ring-inset ring-line">
      Undone
    </span>
  );
}

export function OperationLabel({ operation }: { operation: OperationName }) {
  return <span className="font-medium text-ink">{OPERATION_LABELS[operation]}</span>;
}

export function SourceTag({ source }: { source: SourceName }) {
  return (
    <span className="rounded bg-subtle px-1.5 py-0.5 text-[11px] font-medium uppercase tracking-wide text-muted">
      {SOURCE_LABELS[source]}
    </span>
  );
}
