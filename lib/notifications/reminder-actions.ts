// Done and Snooze from a reminder (bell, toast): both go through the task service, so they are
// checked, logged and undoable like any change, and the service reschedules the reminder.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { completeTask, updateTask } from "@/lib/tasks/service";
import type { ToolResult } from "@/lib/tasks/types";
import { markRead } from "./bell";
import { readSettings } from "./settings";
import { SNOOZES, snoozeUntil } from "./snooze";

export const reminderActionInput = z.strictObject({
  id: z.uuid({ error: "That reminder does not exist." }),
  action: z.enum(["done", "snooze"], { error: "Choose Done or Snooze." }),
  snooze: z.enum(SNOOZES, { error: "Snooze for 10 minutes, 1 hour or until tomorrow morning." }).optional(),
});
export type ReminderActionInput = z.input<typeof reminderActionInput>;

const notFound: ToolResult = { ok: false, code: "not_found", message: "That reminder’s task no longer exists." };

export async function actOnReminder(
  db: Db,
  userId: string,
  browserZone: string,
  input: unknown,
  now = new Date(),
): Promise<ToolResult> {
  const parsed = reminderActionInput.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      code: "invalid_input",
      message: parsed.error.issues[0]?.message ?? "That is not a reminder action.",
    };
  const { id, action, snooze } = parsed.data;
  const row = await db.notification.findFirst({
    where: { id, userId, channel: "in_app" },
    select: { task: { select: { number: true, deletedAt: true } } },
  });
  // Another user's reminder id answers exactly as a missing one.
  if (!row?.task || row.task.deletedAt) return notFound;
  const settings = await readSettings(db, userId);
  const timeZone = settings.timeZone ?? browserZone;
  const ctx = { userId, source: "ui" as const, timeZone, now };
  const result =
    action === "done"
      ? await completeTask(db, ctx, { task: row.task.number })
      : await updateTask(db, ctx, {
          task: row.task.number,
          remindAt: snoozeUntil(snooze ?? "10m", now, timeZone, settings.allDayHour).toISOString(),
        });
  if (result.ok) await markRead(db, userId, [id], now);
  return result;
}
