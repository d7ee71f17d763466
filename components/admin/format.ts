// How the admin area writes times, durations and shares. Times are shown in UTC because the
// date filters and the per-day figures are UTC days: one clock across the whole page.

const ABSOLUTE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });

/** "23 Nov 2026, 11:04:05 UTC" */
export function absoluteTime(date: Date): string {
  return `${ABSOLUTE.format(date)} UTC`;
}

/** "23 Nov" for a YYYY-MM-DD day. */
export function shortDay(day: string): string {
  return DAY.format(new Date(`${day}T00:00:00Z`));
}

/** "just now", "5 min ago", "3 h ago", "4 days ago", then the date. */
export function relativeTime(date: Date, now = new Date()): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 0) return "just now";
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return days === 1 ? "yesterday" : `${days} days ago`;
  return DAY.format(date) + (date.getUTCFullYear() === now.getUTCFullYear() ? "" : ` ${date.getUTCFullYear()}`);
}

/** "840 ms", "2.4 s", "—" */
export function duration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** "12.5%" */
export function percent(share: number): string {
  const value = share * 100;
  return `${value < 10 && value !== 0 ? value.toFixed(1) : Math.round(value)}%`;
}

export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * Who made a change when it was not the task's owner (an admin's undo): their email, or a note
 * when that account has been deleted since; null when the owner made it.
 */
export function otherActor(
  ownerId: string,
  actor: { id: string; email: string } | null,
  source: string,
): string | null {
  if (actor) return actor.id === ownerId ? null : actor.email;
  return source === "admin" ? "an admin account deleted since" : null;
}
