// A user's reminder and e-mail settings: the zod schema the /settings form is checked with
// (defined once), and reading them with defaults for users who never saved any.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/tasks/log";
import { isValidTimeZone } from "@/lib/time/zone";
import { resyncComingReminders } from "./resync";

export const LEAD_MINUTES = [0, 5, 15, 30, 60, 1440] as const;

export type NotificationSettings = {
  /** Null until the user saves the form: the browser's zone of the request is used meanwhile. */
  timeZone: string | null;
  reminderLeadMinutes: number;
  allDayHour: number;
  emailReminders: boolean;
  digestEnabled: boolean;
  digestHour: number;
};

export const DEFAULT_SETTINGS: NotificationSettings = {
  timeZone: null,
  reminderLeadMinutes: 0,
  allDayHour: 9,
  emailReminders: true,
  digestEnabled: false,
  digestHour: 8,
};

/** Intl's own spelling of a zone ("europe/berlin" → "Europe/Berlin"), or null when Intl does not know it. */
export function canonicalTimeZone(value: string): string | null {
  if (!isValidTimeZone(value)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
}

/** A whole number given as text (a form field) or a number. */
const wholeNumber = (message: string) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^\d{1,4}$/, message)
          .transform(Number),
      ],
      { error: message },
    )
    .pipe(z.number({ error: message }).int(message));

const hour = (label: string) =>
  wholeNumber(`${label} must be an hour from 0 to 23.`).pipe(
    z.number().min(0, `${label} must be an hour from 0 to 23.`).max(23, `${label} must be an hour from 0 to 23.`),
  );

/** A checkbox: "on" when ticked, absent when not; booleans from code. */
const flag = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.null()], {
    error: "Tick the box or leave it empty.",
  })
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const settingsInput = z.strictObject({
  timeZone: z
    .string({ error: "Choose a time zone." })
    .trim()
    .min(1, "Choose a time zone.")
    .max(64, "That time zone name is too long.")
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value);
      if (!zone)
        ctx.addIssue({
          code: "custom",
          message: `"${value.slice(0, 64)}" is not a time zone I know. Use a name such as Europe/Berlin or America/New_York.`,
        });
      return zone ?? value;
    }),
  reminderLeadMinutes: wholeNumber("Choose when to be reminded.").refine(
    (n) => (LEAD_MINUTES as readonly number[]).includes(n),
    "Choose when to be reminded: at the due time, or 5, 15, 30, 60 minutes or 1 day before.",
  ),
  allDayHour: hour("The all-day reminder time"),
  emailReminders: flag,
  digestEnabled: flag,
  digestHour: hour("The digest time"),
});

export type SettingsInput = z.input<typeof settingsInput>;

export async function readSettings(db: Db | Tx, userId: string): Promise<NotificationSettings> {
  const row = await db.userSettings.findUnique({ where: { userId } });
  if (!row) return DEFAULT_SETTINGS;
  const { timeZone, reminderLeadMinutes, allDayHour, emailReminders, digestEnabled, digestHour } = row;
  return { timeZone, reminderLeadMinutes, allDayHour, emailReminders, digestEnabled, digestHour };
}

/**
 * Saves checked settings and reschedules the user's coming reminders by them (a new lead time or
 * zone moves reminders already in the outbox; turning e-mail off cancels e-mail not sent yet).
 */
export async function saveSettings(
  db: Db,
  userId: string,
  settings: z.output<typeof settingsInput>,
  now = new Date(),
): Promise<void> {
  const data: Prisma.UserSettingsUncheckedCreateInput = { userId, ...settings };
  await db.$transaction(async (tx) => {
    await tx.userSettings.upsert({ where: { userId }, create: data, update: settings });
    if (!settings.emailReminders) await cancelPendingEmail(tx, userId);
    await resyncComingReminders(tx, userId, now);
  });
}

export function cancelPendingEmail(tx: Tx, userId: string) {
  return tx.notification.updateMany({
    where: { userId, channel: "email", status: "pending" },
    data: { status: "cancelled" },
  });
}
