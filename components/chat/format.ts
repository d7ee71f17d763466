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

const PLURAL = new Intl.PluralRules("en-US");

/** "1 character", "2 characters", "1,000 characters": a count with its noun in the right form. */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${PLURAL.select(count) === "one" ? one : other}`;
}
