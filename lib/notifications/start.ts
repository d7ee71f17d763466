// Starts the outbox worker with the server (instrumentation.ts), once per process. Each app
// process runs one; on PostgreSQL several may run against one database (claims skip each other's
// rows), on PGlite there is only ever one process.
import "server-only";
import { runtimeAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { setting } from "@/lib/env";
import { inAppChannel } from "./channels/in-app";
import type { Channel } from "./channels/types";
import { appUrl, mailFrom, smtpUrl } from "./mail-config";
import { createWorker } from "./worker";

const globalForWorker = globalThis as unknown as { doableNotificationWorker?: ReturnType<typeof createWorker> };

export async function startNotificationWorker(): Promise<void> {
  if (globalForWorker.doableNotificationWorker || setting("NOTIFICATIONS_WORKER") === "off") return;
  const db = await getDb();
  const channels: Partial<Record<"in_app" | "email", Channel>> = { in_app: inAppChannel };
  const smtp = smtpUrl();
  if (smtp) {
    const { createEmailChannel, smtpTransport } = await import("./channels/email");
    channels.email = createEmailChannel({
      transport: smtpTransport(smtp),
      from: mailFrom(),
      appUrl: appUrl(),
      secret: runtimeAuthSecret(),
      db,
    });
  }
  const { scheduleDigests, throttled } = await import("./digest");
  const digests = throttled(60_000, (now) => scheduleDigests(db, now));
  // The admin figures' per-day rollups ride on the same passes: closed days are rolled up here,
  // off the chat's write path, a second of work at most per pass (lib/admin/rollup.ts).
  const { rollupSchedule } = await import("@/lib/admin/rollup");
  const rollups = rollupSchedule(db);
  const worker = createWorker({
    db,
    channels,
    beforePass: async (now) => {
      try {
        await digests(now);
      } finally {
        await rollups(now).catch((error: unknown) =>
          console.error("admin figures: rolling up days failed:", error instanceof Error ? error.message : error),
        );
      }
    },
  });
  globalForWorker.doableNotificationWorker = worker;
  const pollMs = setting("NOTIFICATIONS_POLL_MS");
  worker.start(pollMs);
  // The database closes on the same signals (lib/db/client.ts); stopping first keeps a pass from
  // failing halfway, and an interrupted pass is safe anyway (its rows are claimed again later).
  const stop = () => void worker.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log(
    `Notifications: in-app${smtp ? ` and e-mail from ${mailFrom()}` : " (e-mail off: SMTP_URL is not set)"}, checked every ${pollMs / 1000} s`,
  );
}
