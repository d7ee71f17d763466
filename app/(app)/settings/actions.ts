"use server";

import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError, errorBody } from "@/lib/errors";
import { emailConfigured } from "@/lib/notifications/mail-config";
import { readSettings, saveSettings, settingsInput } from "@/lib/notifications/settings";
import { fieldErrors } from "@/lib/validation";

export type SettingsState = { ok: boolean; message: string; fields?: Record<string, string> } | null;

const FIELDS = [
  "timeZone",
  "reminderLeadMinutes",
  "allDayHour",
  "emailReminders",
  "digestEnabled",
  "digestHour",
] as const;

/** Saves /settings. Bad input answers with a message per field and saves nothing. */
export async function saveSettingsAction(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  try {
    const user = await requireApiUser();
    const db = await getDb();
    const raw: Record<string, unknown> = {};
    for (const key of FIELDS) {
      const value = form.get(key);
      if (typeof value === "string") raw[key] = value;
    }
    // Unticked checkboxes send nothing.
    raw.emailReminders ??= false;
    raw.digestEnabled ??= false;
    const parsed = settingsInput.safeParse(raw);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      return { ok: false, message: "Some settings need fixing; nothing was saved.", fields };
    }
    const settings = parsed.data;
    // Without SMTP the e-mail switches are disabled in the form: keep what the user had chosen.
    if (!emailConfigured()) {
      const current = await readSettings(db, user.id);
      settings.emailReminders = current.emailReminders;
      settings.digestEnabled = current.digestEnabled;
    }
    await saveSettings(db, user.id, settings);
    return { ok: true, message: "Settings saved. Reminders scheduled from now on use them." };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    return { ok: false, message: errorBody(error).body.error.message };
  }
}
