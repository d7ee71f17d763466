import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { emailConfigured } from "@/lib/notifications/mail-config";
import { readSettings } from "@/lib/notifications/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  // Here as well as in the layout: Next renders the two in parallel.
  const user = await requireUser();
  const settings = await readSettings(await getDb(), user.id);
  return (
    <main className="mx-auto w-full max-w-xl space-y-8 overflow-y-auto px-4 py-10">
      <div>
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="mt-1 text-sm text-muted">When Doable reminds you, and how.</p>
      </div>
      <SettingsForm initial={settings} emailAvailable={emailConfigured()} />
    </main>
  );
}
