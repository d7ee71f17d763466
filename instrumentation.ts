// Runs once when the server starts: stop on a wrong setting (lib/env.ts), say which assistant
// answers (and warn about model settings that would be ignored), start the notification worker
// (lib/notifications/README.md), and warm the offline interpreter once the server is up
// (chrono, Intl and the phrase tables take ~0.5 s) so the first chat message rarely pays for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` runs this too, in an environment that need not be the server's.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (!building) (await import("@/lib/env")).exitOnEnvProblems();
  // Before the first request: sign-in and registration limits count per TCP peer, and the header
  // they read is set here from the socket, overruling whatever a client sent under that name.
  if (!building) (await import("@/lib/socket-address-hook")).installSocketAddressHook();
  const { startupReport } = await import("@/lib/agent/provider");
  const { line, warnings } = startupReport();
  console.log(line);
  for (const warning of warnings) console.warn(`Warning: ${warning}`);
  if (building) return;
  // A second after start-up rather than before the first answer: the set-up (~0.5 s) no longer
  // delays the first 200, and a chat message that comes sooner simply pays for it itself.
  setTimeout(() => {
    import("@/lib/agent/offline/interpret")
      .then(({ warmUp }) => warmUp())
      .catch((error: unknown) => console.error("The offline assistant did not warm up:", error));
  }, 1000).unref();
  const { startNotificationWorker } = await import("@/lib/notifications/start");
  // Not awaited: the server answers while the database opens; a failure is reported, not fatal.
  startNotificationWorker().catch((error: unknown) =>
    console.error("Notifications: the worker did not start:", error instanceof Error ? error.message : error),
  );
}
