// Snooze choices, shared by the bell (browser) and the server action: nothing here may import
// server code.
import { addDays, instantOf, wallOf } from "@/lib/time/zone";

export const SNOOZES = ["10m", "1h", "tomorrow"] as const;
export type Snooze = (typeof SNOOZES)[number];

/** 10 minutes or an hour from now, or tomorrow at the user's all-day hour in their zone. */
export function snoozeUntil(choice: Snooze, now: Date, timeZone: string, morningHour: number): Date {
  if (choice === "10m") return new Date(now.getTime() + 10 * 60_000);
  if (choice === "1h") return new Date(now.getTime() + 60 * 60_000);
  return instantOf({ ...addDays(wallOf(now, timeZone), 1), hour: morningHour, minute: 0 }, timeZone);
}
