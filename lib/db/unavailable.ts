// Whether an error means the database cannot be reached right now (server down, restarting,
// connections cut, pool exhausted) rather than a fault in a query: the caller is told to retry
// (503 with Retry-After), not that something broke (500).
const CODES = new Set([
  // Node's sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // PostgreSQL: connection exceptions (08…), operator intervention (57P…: shutdown, crash, starting up)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  // Prisma: can't reach, timed out, closed, pool timeout
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);

const MESSAGES =
  /connection terminated|can't reach database|connection refused|terminating connection|server closed the connection|timed out fetching a new connection|the database system is (?:starting up|shutting down)|client has encountered a connection error|connection is closed/i;

import "server-only";
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof e.code === "string" && CODES.has(e.code)) return true;
    if (typeof e.originalCode === "string" && CODES.has(e.originalCode)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

/**
 * Runs an idempotent write again when the connection it used was cut (a server restart drops
 * every pooled connection; the first query on each dead one fails, the pool then reconnects).
 * Only for statements that are safe to repeat: an upsert, never a plain insert.
 */
export async function retryWhenUnavailable<T>(write: () => Promise<T>, attempts = 3, delayMs = 200): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isDatabaseUnavailable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
}

/** Seconds a client is asked to wait before trying again. */
export const UNAVAILABLE_RETRY_SECONDS = 5;
