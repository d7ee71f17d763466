"use client";

import { useActionState, useEffect, useState } from "react";
import { saveSettingsAction, type SettingsState } from "@/app/(app)/settings/actions";
import { browserTimeZone } from "@/components/tasks/time-zone";
import { buttonClass } from "@/components/ui/button";
import type { NotificationSettings } from "@/lib/notifications/settings";

const LEADS = [
  { value: 0, label: "At the due time" },
  { value: 5, label: "5 minutes before" },
  { value: 15, label: "15 minutes before" },
  { value: 30, label: "30 minutes before" },
  { value: 60, label: "1 hour before" },
  { value: 1440, label: "1 day before" },
];

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: h, label: `${String(h).padStart(2, "0")}:00` }));

const CONTROL =
  "block w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm shadow-xs outline-none focus:border-accent focus:ring-2 focus:ring-accent/25 aria-invalid:border-danger disabled:opacity-50";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-danger">
      {message}
    </p>
  ) : null;
}

export function SettingsForm({ initial, emailAvailable }: { initial: NotificationSettings; emailAvailable: boolean }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, null);
  // A zone never saved starts as the browser's (read after hydration: the server cannot know it).
  const [timeZone, setTimeZone] = useState(initial.timeZone ?? "");
  const [zones, setZones] = useState<string[]>([]);
  useEffect(() => {
    if (!initial.timeZone) setTimeZone(browserTimeZone());
    setZones(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  }, [initial.timeZone]);
  const fields = state?.fields ?? {};
  const invalid = (name: string) => (fields[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});

  return (
    <form action={action} className="space-y-6" noValidate>
      <section className="space-y-4" aria-labelledby="reminders-heading">
        <h2 id="reminders-heading" className="text-base font-semibold">
          Reminders
        </h2>
        <div className="space-y-1.5">
          <label htmlFor="timeZone" className="block text-sm font-medium">
            Time zone
          </label>
          <input
            id="timeZone"
            name="timeZone"
            list="time-zones"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            className={CONTROL}
            autoComplete="off"
            spellCheck={false}
            {...invalid("timeZone")}
          />
          <datalist id="time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p className="text-xs text-muted">
            All-day reminders and the digest follow this zone{initial.timeZone ? "" : " (filled in from your browser)"}.
          </p>
          <FieldError id="timeZone-error" message={fields.timeZone} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="reminderLeadMinutes" className="block text-sm font-medium">
            Remind me of tasks due at a time
          </label>
          <select
            id="reminderLeadMinutes"
            name="reminderLeadMinutes"
            defaultValue={initial.reminderLeadMinutes}
            className={CONTROL}
            {...invalid("reminderLeadMinutes")}
          >
            {LEADS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
          <FieldError id="reminderLeadMinutes-error" message={fields.reminderLeadMinutes} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="allDayHour" className="block text-sm font-medium">
            Remind me of all-day tasks at
          </label>
          <select
            id="allDayHour"
            name="allDayHour"
            defaultValue={initial.allDayHour}
            className={CONTROL}
            {...invalid("allDayHour")}
          >
            {HOURS.map((h) => (
              <option key={h.value} value={h.value}>
                {h.label}
              </option>
            ))}
          </select>
          <FieldError id="allDayHour-error" message={fields.allDayHour} />
        </div>
      </section>

      <section className="space-y-4" aria-labelledby="email-heading">
        <h2 id="email-heading" className="text-base font-semibold">
          E-mail
        </h2>
        {emailAvailable ? null : (
          <p
            className="rounded-lg border border-line bg-subtle px-3 py-2 text-sm text-muted"
            data-testid="email-unavailable"
          >
            E-mail is not set up on this Doable server (its administrator has not set SMTP_URL), so reminders reach you
            in the app only.
          </p>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="emailReminders"
            defaultChecked={initial.emailReminders}
            disabled={!emailAvailable}
          />
          E-mail me reminders too
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="digestEnabled"
            defaultChecked={initial.digestEnabled}
            disabled={!emailAvailable}
          />
          Send a morning digest (overdue and due today)
        </label>
        <div className="space-y-1.5">
          <label htmlFor="digestHour" className="block text-sm font-medium">
            Digest time
          </label>
          <select
            id="digestHour"
            name="digestHour"
            defaultValue={initial.digestHour}
            className={CONTROL}
            {...invalid("digestHour")}
          >
            {HOURS.map((h) => (
              <option key={h.value} value={h.value}>
                {h.label}
              </option>
            ))}
          </select>
          <FieldError id="digestHour-error" message={fields.digestHour} />
        </div>
      </section>

      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>
        {state ? (
          <p role="status" className={`text-sm ${state.ok ? "text-muted" : "text-danger"}`}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
