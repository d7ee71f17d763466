// `npm run retention [-- --dry-run]`: applies the retention policy to the database named by
// DATABASE_URL (see lib/admin/retention.ts and .env.example). Safe to run daily, e.g. from cron.
// On the embedded database (PGlite) stop the server first: only one process may open its
// directory at a time.
import { openDatabase } from "@/lib/db/client";
import { policyFromEnv, runRetention } from "@/lib/admin/retention";
import { catchUpRollups } from "@/lib/admin/rollup";
import { outboxPolicyFromEnv, purgeOutbox } from "@/lib/notifications/retention";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(`Usage: npm run retention [-- --dry-run]

Deletes messages older than RETENTION_MESSAGES_DAYS (default 365) and operation logs older
than RETENTION_LOGS_DAYS (default 730), and archives conversations with no activity for
RETENTION_ARCHIVE_DAYS (default 90). Sent and cancelled notifications go after
RETENTION_NOTIFICATIONS_SENT_DAYS (default 30), failed ones after
RETENTION_NOTIFICATIONS_FAILED_DAYS (default 7). Then the admin figures' per-day rollups are
brought up to date. --dry-run prints the counts and changes nothing.`);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== "--dry-run");
if (unknown.length) {
  console.error(`Unknown argument: ${unknown.join(" ")} (try --help)`);
  process.exit(2);
}
const dryRun = args.includes("--dry-run");

let policy: ReturnType<typeof policyFromEnv>;
let outboxPolicy: ReturnType<typeof outboxPolicyFromEnv>;
try {
  policy = policyFromEnv();
  outboxPolicy = outboxPolicyFromEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const handle = await openDatabase();
try {
  const counts = await runRetention(handle.db, { policy, dryRun });
  const outbox = await purgeOutbox(handle.db, { policy: outboxPolicy, dryRun });
  // The admin figures' rollups: days the deletions changed, and closed days not rolled up yet
  // (for a server that runs without the notification worker).
  const rollups = dryRun ? null : await catchUpRollups(handle.db);
  const verb = dryRun ? "would be" : "were";
  console.log(`${dryRun ? "Dry run: nothing was changed." : "Retention applied."}
  messages older than ${policy.messagesDays} days: ${counts.messagesDeleted} ${verb} deleted
  operation logs older than ${policy.logsDays} days: ${counts.logsDeleted} ${verb} deleted
  conversations inactive for ${policy.archiveDays} days: ${counts.conversationsArchived} ${verb} archived
  notifications (sent after ${outboxPolicy.sentDays} days, failed after ${outboxPolicy.failedDays}): ${outbox.notificationsDeleted} ${verb} deleted${
    rollups
      ? `\n  admin figures: ${rollups.rolled} days rolled up, ${rollups.forgotten} days past retention forgotten`
      : ""
  }`);
} catch (error) {
  console.error("Retention failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
