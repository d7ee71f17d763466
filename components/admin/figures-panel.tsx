import type { LogFigures } from "@/lib/admin/figures";
import { OPERATION_LABELS } from "@/lib/admin/filter-fields";
import { DayChart } from "./day-chart";
import { count, duration, percent, shortDay } from "./format";

/** Headline figures for the filtered set: totals, failure rate, rejections, durations, helpfulness, per type and per day. */
export function FiguresPanel({ figures, days }: { figures: LogFigures; days: { day: string; count: number }[] }) {
  const finished = figures.succeeded + figures.failed;
  const maxOp = Math.max(1, ...figures.byOperation.map((o) => o.count));
  return (
    <section aria-labelledby="figures-heading" className="space-y-3">
      <h2 id="figures-heading" className="sr-only">
        Headline figures
      </h2>
      {figures.sample ? (
        <p className="text-sm text-muted">
          The search matches more than {count(figures.sample.limit)} operations: figures for the latest{" "}
          {count(figures.sample.limit)}, since {shortDay(figures.sample.since)}
          {figures.window ? ` (of the last ${figures.window.days} days)` : ""}. Narrow the search or the dates to see
          all.
        </p>
      ) : (
        figures.window && (
          <p className="text-sm text-muted">
            Figures for the last {figures.window.days} days. Choose dates to see another period.
          </p>
        )
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Stat
          label="Operations"
          value={count(figures.total)}
          note={
            figures.pending
              ? `${count(figures.pending)} still pending`
              : figures.window
                ? `in the last ${figures.window.days} days`
                : "in the filtered set"
          }
        />
        <Stat
          label="Failure rate"
          value={figures.failureRate === null ? "—" : percent(figures.failureRate)}
          note={finished ? `${count(figures.failed)} of ${count(finished)} finished` : "nothing finished"}
          tone={figures.failureRate !== null && figures.failureRate > 0.1 ? "danger" : undefined}
        />
        {/* A rejection is the user's answer, not something that went wrong: counted apart from failures. */}
        <Stat
          label="Rejected"
          value={count(figures.rejected)}
          note={figures.rejected ? "turned down when asked; not failures" : "no changes turned down"}
        />
        {/* Read from duration histograms (lib/admin/rollup-histogram.ts): within about ±10 % of the exact value. */}
        <Stat
          label="Duration p50 / p95"
          value={figures.p50Ms === null ? "—" : `≈${duration(figures.p50Ms)} / ≈${duration(figures.p95Ms)}`}
          note="time to run an operation (approximate, ±10 %)"
        />
        <Stat
          label="Helpful replies"
          value={figures.helpfulShare === null ? "—" : percent(figures.helpfulShare)}
          note={
            figures.ratedReplies
              ? `${count(figures.helpfulReplies)} of ${count(figures.ratedReplies)} rated replies`
              : "no rated replies"
          }
        />
      </dl>
      <div className="grid gap-3 lg:grid-cols-5">
        <div className="rounded-xl border border-line bg-surface p-4 shadow-xs lg:col-span-2">
          <h3 className="text-sm font-medium">By operation</h3>
          {figures.byOperation.length ? (
            <ul className="mt-3 space-y-1.5" aria-label="Operations by type">
              {figures.byOperation.map((o) => (
                <li key={o.operation} className="grid grid-cols-[5.5rem_1fr_3.5rem] items-center gap-2 text-sm">
                  <span>{OPERATION_LABELS[o.operation]}</span>
                  <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-subtle">
                    <span
                      className="block h-full rounded-full bg-accent/70"
                      style={{ width: `${(o.count / maxOp) * 100}%` }}
                    />
                  </span>
                  <span className="text-right font-mono text-xs tabular-nums text-muted">{count(o.count)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-muted">No operations.</p>
          )}
        </div>
        <div className="rounded-xl border border-line bg-surface p-4 shadow-xs lg:col-span-3">
          <h3 className="mb-3 text-sm font-medium">Per day (UTC)</h3>
          {figures.total ? <DayChart days={days} /> : <p className="text-sm text-muted">No operations.</p>}
        </div>
      </div>
    </section>
  );
}

function Stat({ label, value, note, tone }: { label: string; value: string; note: string; tone?: "danger" }) {
  return (
    <div className="rounded-xl border border-line bg-surface p-4 shadow-xs">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd
        className={`mt-1 text-2xl font-semibold tracking-tight tabular-nums ${tone === "danger" ? "text-danger" : ""}`}
      >
        {value}
      </dd>
      <dd className="mt-0.5 text-xs text-muted">{note}</dd>
    </div>
  );
}
