"use server";

// The bell's changes. Done and Snooze go through the task service (lib/notifications/reminder-actions.ts,
// which validates its input).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { markRead } from "@/lib/notifications/bell";
import { actOnReminder, type ReminderActionInput } from "@/lib/notifications/reminder-actions";
import { isValidTimeZone } from "@/lib/time/zone";
import { userAction } from "@/lib/user-action";

const ids = z.array(z.uuid()).max(100);
// A zone the browser could not tell us is read as UTC rather than refused.
const timeZone = z.unknown().transform((tz) => (typeof tz === "string" && isValidTimeZone(tz) ? tz : "UTC"));

export const markRemindersReadAction = userAction(z.tuple([ids]), async ([list], { user, db }) => ({
  count: await markRead(db, user.id, list),
}));

export const reminderAction = userAction(
  z.tuple([z.custom<ReminderActionInput>(() => true), timeZone]),
  async ([input, zone], { user, db }) => {
    const result = await actOnReminder(db, user.id, zone, input);
    if (!result.ok) throw new AppError(result.code === "not_found" ? "not_found" : "bad_request", result.message);
    return { task: "task" in result ? result.task : null };
  },
);
