import { absoluteDue as dueIn } from "@/lib/time/due";
import { pluralRules } from "@/lib/time/intl";

/** Absolute due dates for task cards, in the browser's zone: "Wed, Mar 11" or "Wed, Mar 11, 5:00 PM". */
export function absoluteDue(dueDate: string | null, now = new Date()): string | null {
  return dueIn(dueDate, { now });
}

const PLURAL = pluralRules("en-US");

/** "1 character", "2 characters", "1,000 characters": a count with its noun in the right form. */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${PLURAL.select(count) === "one" ? one : other}`;
}
