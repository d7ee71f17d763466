import "server-only";
import { getDatabase } from "./client";

export type DatabaseHealth = {
  ok: boolean;
  kind: "pglite" | "postgres" | "unknown";
  latencyMs?: number;
  error?: string;
};

/** Whether the database answers a trivial query within a couple of seconds. */
export async function checkDatabase(timeoutMs = 2000): Promise<DatabaseHealth> {
  const started = performance.now();
  let kind: DatabaseHealth["kind"] = "unknown";
  try {
    await withTimeout(
      getDatabase().then(async ({ db, target }) => {
        kind = target.kind;
        await db.$queryRaw`SELECT 1`;
      }),
      timeoutMs,
    );
    return { ok: true, kind, latencyMs: Math.round(performance.now() - started) };
  } catch {
    // The reason stays in the server log; the response says only that it is unreachable.
    return { ok: false, kind, error: "The database is not reachable." };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms))),
  ]);
}
