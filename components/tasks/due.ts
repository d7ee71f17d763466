// Due dates as the task panel shows and edits them, in the browser's local time zone. The
// service sends an all-day due as a bare "YYYY-MM-DD" (a calendar day, the same everywhere)
// and a timed due as an ISO instant.
import type { TaskView } from "@/lib/tasks/types";
import { BARE_DATE as BARE } from "@/lib/time/due";

export type DueState = "overdue" | "today" | "upcoming" | "none";

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The due day ("YYYY-MM-DD") and, when timed, the local time ("HH:mm"). */
export function dueParts(dueDate: string | null): { day: string; time: string } | null {
  if (!dueDate) return null;
  if (BARE.test(dueDate)) return { day: dueDate, time: "" };
  const instant = new Date(dueDate);
  if (Number.isNaN(instant.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return { day: localDay(instant), time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}` };
}

/** Completed tasks are never overdue; an all-day task is overdue only once its day has passed. */
export function dueState(task: Pick<TaskView, "dueDate" | "status">, now = new Date()): DueState {
  const { dueDate } = task;
  const parts = dueParts(dueDate);
  if (!dueDate || !parts) return "none";
  const today = localDay(now);
  if (task.status === "completed") return parts.day === today ? "today" : "upcoming";
  if (parts.day < today) return "overdue";
  if (!parts.time) return parts.day === today ? "today" : "upcoming";
  if (new Date(dueDate).getTime() < now.getTime()) return "overdue";
  return parts.day === today ? "today" : "upcoming";
}

/** "Today", "Tomorrow 17:00", "Mon, 30 Nov", "12 Jan 2027 09:00" — short, in the user's locale. */
export function formatDue(dueDate: string | null, now = new Date()): string | null {
  const parts = dueParts(dueDate);
  if (!dueDate || !parts) return null;
  const [y, m, d] = parts.day.split("-").map(Number) as [number, number, number];
  const day = new Date(y, m - 1, d);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const offset = Math.round((day.getTime() - today.getTime()) / 86_400_000);
  const named: Record<number, string> = { [-1]: "Yesterday", 0: "Today", 1: "Tomorrow" };
  const label =
    named[offset] ??
    day.toLocaleDateString(
      undefined,
      offset > 1 && offset < 7
        ? { weekday: "short", day: "numeric", month: "short" }
        : { day: "numeric", month: "short", ...(y !== now.getFullYear() ? { year: "numeric" } : {}) },
    );
  if (!parts.time) return label;
  const time = new Date(dueDate).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
  return `${label} ${time}`;
}

/**
 * The edit form's fields back into the service's contract: a bare date for a day without a
 * time, a local "YYYY-MM-DDTHH:mm" (read in the browser's zone, sent along) with one, null to clear.
 */
export function dueInput(day: string, time: string): string | null {
  if (!day) return null;
  return time ? `${day}T${time}` : day;
}
