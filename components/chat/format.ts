// Absolute due dates for task cards, in the browser's zone: "Wed, Mar 11" or "Wed, Mar 11, 5:00 PM".
const BARE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function absoluteDue(dueDate: string | null, now = new Date()): string | null {
  if (!dueDate) return null;
  const bare = BARE.exec(dueDate);
  const date = bare ? new Date(+bare[1]!, +bare[2]! - 1, +bare[3]!) : new Date(dueDate);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getFullYear() !== now.getFullYear() ? { year: "numeric" as const } : {};
  return date.toLocaleString(undefined, bare ? { weekday: "short", month: "short", day: "numeric", ...year } : { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", ...year });
}
