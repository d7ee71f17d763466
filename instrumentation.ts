// Runs once when the server starts: warm the offline interpreter (chrono and Intl set-up take
// ~0.3 s) so the first chat message does not pay for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmUp } = await import("@/lib/agent/offline/interpret");
  warmUp();
}
