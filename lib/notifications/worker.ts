// The outbox worker: claims due rows, delivers each through its channel, marks the outcome.
//
// Why hand-written on SELECT … FOR UPDATE SKIP LOCKED and not pg-boss or graphile-worker: both
// require Node ≥ 22 and Doable still runs on Node 20.19+; both also need their own schema and a
// real PostgreSQL server (LISTEN/NOTIFY, advisory locks), while Doable must work the same on
// embedded PGlite. The queue here is one table, written in the task service's transactions.
//
// Delivery is at least once, and at most twice in the worst case: a claim is a short statement
// that takes the rows (skipping ones another worker holds) and leases them by moving
// next_attempt_at forward; delivery runs outside any transaction; then the row is marked. A
// worker that dies between sending and marking leaves the row to be claimed again when its lease
// runs out, and it is sent again with the same Message-ID (lib/notifications/channels/email.ts),
// so a mail client can recognise the copy.
import "server-only";
import type { NotificationChannel } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Channel, Delivery } from "./channels/types";
import { systemClock, type Clock } from "./clock";

export type WorkerOptions = {
  db: Db;
  channels: Partial<Record<NotificationChannel, Channel>>;
  clock?: Clock;
  batchSize?: number;
  /** Deliveries tried before a row is marked failed. */
  maxAttempts?: number;
  /** How long a claimed row is left to its worker before another may claim it: longer than any send. */
  leaseMs?: number;
  /** Wait before retry number `attempt` (1 = after the first failure). */
  backoffMs?: (attempt: number) => number;
  /** Runs at the start of each pass, before claiming: writes rows that are due by time (digests). */
  beforePass?: (now: Date) => Promise<unknown>;
};

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_LEASE_MS = 2 * 60_000;

/** 30 s, 1 min, 2 min, 4 min, … up to an hour. */
export const exponentialBackoff = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 60 * 60_000);

/** Takes up to `batchSize` due rows for this worker and leases them; another worker skips them. */
export async function claimDue(db: Db, now: Date, batchSize = 20, leaseMs = DEFAULT_LEASE_MS): Promise<Delivery[]> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    WITH due AS (
      SELECT id FROM notifications
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE notifications n SET attempts = n.attempts + 1, next_attempt_at = ${new Date(now.getTime() + leaseMs)}
    FROM due WHERE n.id = due.id
    RETURNING n.id`;
  if (claimed.length === 0) return [];
  const rows = await db.notification.findMany({
    where: { id: { in: claimed.map((r) => r.id) } },
    include: {
      user: {
        select: { email: true, name: true, settings: { select: { emailReminders: true, digestEnabled: true } } },
      },
    },
    orderBy: { nextAttemptAt: "asc" },
  });
  return rows.map(({ user, ...row }) => ({
    id: row.id,
    userId: row.userId,
    channel: row.channel,
    type: row.type,
    taskId: row.taskId,
    payload: row.payload,
    attempts: row.attempts,
    user: {
      email: user.email,
      name: user.name,
      emailReminders: user.settings?.emailReminders ?? true,
      digestEnabled: user.settings?.digestEnabled ?? false,
    },
  }));
}

export type RunResult = { sent: number; skipped: number; retried: number; failed: number };

export function createWorker(options: WorkerOptions) {
  const { db, channels } = options;
  const clock = options.clock ?? systemClock;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoffMs ?? exponentialBackoff;

  /** Only a row still pending is marked: one cancelled meanwhile stays cancelled. */
  const mark = (id: string, data: Parameters<Db["notification"]["updateMany"]>[0]["data"]) =>
    db.notification.updateMany({ where: { id, status: "pending" }, data });

  async function deliver(row: Delivery, result: RunResult) {
    try {
      const channel = channels[row.channel];
      if (!channel)
        throw new Error(
          row.channel === "email"
            ? "E-mail is not configured on this server (SMTP_URL is not set)."
            : `No ${row.channel} channel.`,
        );
      const outcome = await channel(row);
      await mark(
        row.id,
        outcome === "sent" ? { status: "sent", sentAt: clock(), lastError: null } : { status: "cancelled" },
      );
      result[outcome === "sent" ? "sent" : "skipped"]++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000) || "Delivery failed.";
      const last = row.attempts >= maxAttempts;
      await mark(
        row.id,
        last
          ? { status: "failed", lastError: message }
          : { lastError: message, nextAttemptAt: new Date(clock().getTime() + backoff(row.attempts)) },
      );
      result[last ? "failed" : "retried"]++;
    }
  }

  /** One pass: claims what is due now and delivers it. */
  async function runOnce(): Promise<RunResult> {
    const result: RunResult = { sent: 0, skipped: 0, retried: 0, failed: 0 };
    // A failure here (a database hiccup while scheduling digests) must not hold up due reminders.
    await options
      .beforePass?.(clock())
      .catch((error: unknown) =>
        console.error("notification worker: scheduling failed:", error instanceof Error ? error.message : error),
      );
    const due = await claimDue(db, clock(), options.batchSize, options.leaseMs);
    // Side by side, so every row of the batch is done well inside its lease.
    await Promise.all(due.map((row) => deliver(row, result)));
    return result;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  /** Polls every `intervalMs` until stopped; a pass never overlaps the previous one. */
  function start(intervalMs: number) {
    if (!stopped) return;
    stopped = false;
    const tick = () => {
      running = runOnce()
        .catch((error: unknown) => {
          if (!stopped) console.error("notification worker:", error instanceof Error ? error.message : error);
        })
        .finally(() => {
          running = null;
          if (stopped) return;
          timer = setTimeout(tick, intervalMs);
          timer.unref();
        });
    };
    tick();
  }

  /** Stops polling and waits for the pass in progress, so the database can be closed after it. */
  async function stop() {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await running;
  }

  return { runOnce, start, stop };
}
