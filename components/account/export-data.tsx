import { buttonClass } from "@/components/ui/button";

/** The download of everything the user owns (app/api/account/export). */
export function ExportData() {
  return (
    <section aria-labelledby="data-heading" className="space-y-3">
      <h2 id="data-heading" className="text-base font-semibold">
        Your data
      </h2>
      <p className="text-sm text-muted">
        One JSON file with everything in your account: your tasks (deleted ones too), tags, conversations with every
        message, the log of every change to your tasks, your notifications and settings.
      </p>
      <a href="/api/account/export" download className={buttonClass("secondary")}>
        Download my data
      </a>
    </section>
  );
}
