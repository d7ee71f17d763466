import Link from "next/link";
import type { LogRow } from "@/lib/admin/list";
import { absoluteTime, duration, otherActor, relativeTime } from "./format";
import { OperationLabel, SourceTag, StatusPill, UndonePill } from "./pills";

/** The operation log as a table: newest first, one row per operation, each opening its detail. */
export function LogsTable({ rows, now }: { rows: LogRow[]; now: Date }) {
  return (
    <div className="max-h-[70vh] overflow-auto rounded-xl border border-line bg-surface shadow-xs">
      <table className="w-full min-w-[960px] border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">Task operations, newest first</caption>
        <thead>
          <tr className="text-xs uppercase tracking-wide text-muted">
            {["Time", "User", "Operation", "Task", "Status", "Duration", "What the user said"].map((heading) => (
              <th
                key={heading}
                scope="col"
                className={`sticky top-0 z-10 ${heading === "Duration" ? "text-right" : ""} border-b border-line bg-subtle/95 px-3 py-2.5 font-medium backdrop-blur first:pl-4 last:pr-4`}
              >
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <LogTableRow key={row.id} row={row} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LogTableRow({ row, now }: { row: LogRow; now: Date }) {
  const actor = otherActor(
    row.userId,
    row.actorId && row.actorEmail ? { id: row.actorId, email: row.actorEmail } : null,
    row.source,
  );
  return (
    <tr className="group align-top hover:bg-subtle/60" data-testid="log-row">
      <td className="border-b border-line px-3 py-2.5 pl-4 whitespace-nowrap">
        <Link
          href={`/admin/logs/${row.id}`}
          className="font-medium text-ink hover:text-accent hover:underline"
          aria-label={`Open ${row.operation} operation from ${absoluteTime(row.createdAt)}`}
        >
          <time dateTime={row.createdAt.toISOString()} title={absoluteTime(row.createdAt)}>
            {relativeTime(row.createdAt, now)}
          </time>
        </Link>
        <div className="text-xs text-muted">{absoluteTime(row.createdAt)}</div>
      </td>
      <td className="border-b border-line px-3 py-2.5">
        <div className="max-w-[180px] truncate font-medium" title={row.userName}>
          {row.userName}
        </div>
        <div className="max-w-[180px] truncate text-xs text-muted" title={row.userEmail}>
          {row.userEmail}
        </div>
        {actor ? (
          <div
            className="max-w-[180px] truncate text-xs font-medium text-warning"
            title={`Made by ${actor}`}
            data-testid="log-actor"
          >
            by {actor}
          </div>
        ) : null}
      </td>
      <td className="border-b border-line px-3 py-2.5 whitespace-nowrap">
        <div className="flex items-center gap-2">
          <OperationLabel operation={row.operation} />
          <SourceTag source={row.source} />
        </div>
      </td>
      <td className="border-b border-line px-3 py-2.5">
        {row.taskTitle || row.taskNumber !== null ? (
          <div className="max-w-[220px] truncate" title={row.taskTitle ?? undefined}>
            {row.taskNumber !== null ? (
              <span className="mr-1 font-mono text-xs text-muted">#{row.taskNumber}</span>
            ) : null}
            {row.taskTitle}
          </div>
        ) : (
          <span className="text-muted">—</span>
        )}
      </td>
      <td className="border-b border-line px-3 py-2.5 whitespace-nowrap">
        <div className="flex flex-wrap items-center gap-1.5">
          <StatusPill status={row.status} />
          {row.undone ? <UndonePill /> : null}
        </div>
      </td>
      <td className="border-b border-line px-3 py-2.5 text-right font-mono text-xs whitespace-nowrap text-muted tabular-nums">
        {duration(row.durationMs)}
      </td>
      <td className="border-b border-line px-3 py-2.5 pr-4">
        {row.originalCommand ? (
          <div className="line-clamp-2 max-w-[340px] break-words" title={row.originalCommand}>
            {row.originalCommand}
          </div>
        ) : (
          <span className="text-muted">{row.undoOfId ? "Undo of an earlier operation" : "—"}</span>
        )}
        {row.status === "rejected" ? (
          <div className="mt-0.5 text-xs text-muted">Rejected by the user when asked to approve</div>
        ) : row.error ? (
          <div className="mt-0.5 line-clamp-1 max-w-[340px] text-xs text-danger">{row.error}</div>
        ) : null}
      </td>
    </tr>
  );
}
