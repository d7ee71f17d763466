"use client";

import { markRemindersReadAction, reminderAction } from "@/app/(app)/actions/notifications";
import { revalidateTasks } from "@/components/data/revalidate";
import { emitShowTask } from "@/components/events";
import { browserTimeZone } from "@/components/tasks/time-zone";
import { toast } from "@/components/ui/toast";
import type { BellItem } from "@/lib/notifications/bell";
import type { Snooze } from "@/lib/notifications/snooze";

export const SNOOZE_LABELS: Record<Snooze, string> = {
  "10m": "10 minutes",
  "1h": "1 hour",
  tomorrow: "Tomorrow morning",
};

/** Done and Snooze through the server (the task service); the caller drops the item from the bell. */
export async function actOn(item: BellItem, action: "done" | { snooze: Snooze }): Promise<boolean> {
  const input =
    action === "done"
      ? { id: item.id, action: "done" as const }
      : { id: item.id, action: "snooze" as const, snooze: action.snooze };
  const result = await reminderAction(input, browserTimeZone());
  if (!result.ok) {
    toast.error(result.message);
    return false;
  }
  revalidateTasks();
  toast.success(
    action === "done"
      ? `Completed “${item.title}”`
      : `Snoozed “${item.title}” for ${SNOOZE_LABELS[action.snooze].toLowerCase()}`,
  );
  return true;
}

export async function markRead(ids: string[]): Promise<void> {
  const result = await markRemindersReadAction(ids);
  if (!result.ok) toast.error(result.message);
}

/** Open: the task panel shows the task; from a page without one, the chat opens first. */
export function openTask(item: BellItem, navigate: (href: string) => void): void {
  if (item.taskNumber === null) return void toast.error("That task no longer exists.");
  emitShowTask(item.taskNumber);
  if (!document.getElementById("task-panel")) navigate("/");
}

export function reminderWhen(item: BellItem): string {
  return new Date(item.at).toLocaleString(undefined, { weekday: "short", hour: "numeric", minute: "2-digit" });
}
