import { count, shortDay } from "./format";

/**
 * Operations per UTC day as plain SVG bars (no chart library): one bar per day, zero days
 * included, each with a tooltip; the whole chart is described for screen readers.
 */
export function DayChart({ days }: { days: { day: string; count: number }[] }) {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return null;
  const max = Math.max(1, ...days.map((d) => d.count));
  const width = 600;
  const height = 96;
  const gap = days.length > 60 ? 1 : 2;
  const barWidth = width / days.length;
  const busiest = days.reduce((a, b) => (b.count > a.count ? b : a));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const label = `Operations per day from ${shortDay(first.day)} to ${shortDay(last.day)}: ${count(total)} in all, busiest ${shortDay(busiest.day)} with ${count(busiest.count)}.`;
  return (
    <figure className="space-y-1.5">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        className="h-24 w-full overflow-visible"
      >
        <line
          x1="0"
          x2={width}
          y1={height - 0.5}
          y2={height - 0.5}
          className="stroke-line"
          strokeWidth="1"
          vectorEffect="non-scaling-stroke"
        />
        {days.map((d, i) => {
          const h = d.count ? Math.max(2, (d.count / max) * (height - 4)) : 0;
          return (
            <rect
              key={d.day}
              x={i * barWidth + gap / 2}
              y={height - h}
              width={Math.max(0.5, barWidth - gap)}
              height={h}
              rx="1.5"
              className="fill-accent/80 hover:fill-accent"
            >
              <title>{`${shortDay(d.day)}: ${count(d.count)} operation${d.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-muted">
        <span>{shortDay(first.day)}</span>
        <span>Peak {count(max)}/day</span>
        <span>{shortDay(last.day)}</span>
      </figcaption>
    </figure>
  );
}

/** The days to chart: the filtered range when it is short, else the 30 days up to its end; missing days count 0. */
export function chartDays(
  byDay: { day: string; count: number }[],
  range: { from?: string; to?: string },
  today: string,
): { day: string; count: number }[] {
  const counts = new Map(byDay.map((d) => [d.day, d.count]));
  const end = range.to ?? byDay.at(-1)?.day ?? today;
  const DAY = 24 * 60 * 60 * 1000;
  const endMs = Date.parse(`${end}T00:00:00Z`);
  const fromMs = range.from ? Date.parse(`${range.from}T00:00:00Z`) : Number.NaN;
  const span =
    Number.isNaN(fromMs) || (endMs - fromMs) / DAY > 91 ? 29 : Math.max(0, Math.round((endMs - fromMs) / DAY));
  const out: { day: string; count: number }[] = [];
  for (let i = span; i >= 0; i--) {
    const day = new Date(endMs - i * DAY).toISOString().slice(0, 10);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}
