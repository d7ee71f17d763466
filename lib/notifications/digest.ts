// The morning digest (opt-in in /settings): one e-mail per user and local day, at the hour they
// chose, listing what is overdue and what is due today. Rows are written by whichever worker gets
// there first (the unique dedupe key keeps one per day); the content is read when it is sent,
// so it is current, and a day with nothing to list sends nothing.
import "server-only";
import type { Db } from "@/lib/db/client";
import { listTasks } from "@/lib/tasks/service";
import type { TaskView } from "@/lib/tasks/types";
import { isoDate, wallOf } from "@/lib/time/zone";
import { emailConfigured } from "./mail-config";

/** A digest not sent within this many hours of its hour (the server was down) waits for the next day. */
const WINDOW_HOURS = 3;

export type DigestPayload = { day: string; timeZone: string };

export async function scheduleDigests(db: Db, now: Date): Promise<number> {
  if (!emailConfigured()) return 0;
  const users = await db.userSettings.findMany({
    where: { digestEnabled: true },
    select: { userId: true, timeZone: true, digestHour: true },
  });
  const rows = users.flatMap((u) => {
    const timeZone = u.timeZone ?? "UTC";
    const wall = wallOf(now, timeZone);
    if (wall.hour < u.digestHour || wall.hour >= u.digestHour + WINDOW_HOURS) return [];
    const day = isoDate(wall);
    const payload: DigestPayload = { day, timeZone };
    return [
      {
        userId: u.userId,
        channel: "email" as const,
        type: "digest" as const,
        dedupeKey: `digest:${u.userId}:${day}`,
        payload,
        nextAttemptAt: now,
      },
    ];
  });
  if (!rows.length) return 0;
  return (await db.notification.createMany({ data: rows, skipDuplicates: true })).count;
}

/** What a digest lists, read at send time through the task service's own filters. */
export async function digestContent(
  db: Db,
  userId: string,
  timeZone: string,
  now: Date,
): Promise<{ overdue: TaskView[]; today: TaskView[] }> {
  const ctx = { userId, source: "ui" as const, timeZone };
  const [overdue, today] = await Promise.all([
    listTasks(db, ctx, { due: "overdue" }, now),
    listTasks(db, ctx, { due: "today", status: "pending" }, now),
  ]);
  const late = overdue.ok && overdue.kind === "listed" ? overdue.tasks : [];
  const due =
    today.ok && today.kind === "listed" ? today.tasks.filter((t) => !late.some((l) => l.number === t.number)) : [];
  return { overdue: late, today: due };
}

/** Calls `task` at most once per `everyMs` (the worker polls every few seconds; digests need a look a minute). */
export function throttled(everyMs: number, task: (now: Date) => Promise<unknown>): (now: Date) => Promise<void> {
  let last = -Infinity;
  return async (now) => {
    if (now.getTime() - last < everyMs) return;
    last = now.getTime();
    await task(now);
  };
}
