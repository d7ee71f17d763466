import "server-only";
// The admin's view of the notification outbox: filter by status, channel, type and user; counts
// per status; a failed row can be retried (it goes back to pending, due now, attempts reset).
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { maskSensitive } from "@/lib/privacy/sensitive";
import { AppError } from "@/lib/errors";

export const NOTIFICATION_STATUSES = ["pending", "sent", "failed", "cancelled"] as const;
export const NOTIFICATION_CHANNELS = ["in_app", "email"] as const;
export const NOTIFICATION_TYPES = ["reminder", "digest"] as const;
export const NOTIFICATIONS_SHOWN = 100;

const optional = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: `Unknown ${label}.` }).optional());

export const notificationFilters = z.object({
  status: optional(NOTIFICATION_STATUSES, "status"),
  channel: optional(NOTIFICATION_CHANNELS, "channel"),
  type: optional(NOTIFICATION_TYPES, "type"),
  user: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string().max(254, "The user filter is too long.").optional(),
  ),
});
export type NotificationFilters = z.output<typeof notificationFilters>;

export type NotificationRow = {
  id: string;
  createdAt: Date;
  userEmail: string;
  channel: (typeof NOTIFICATION_CHANNELS)[number];
  type: (typeof NOTIFICATION_TYPES)[number];
  status: (typeof NOTIFICATION_STATUSES)[number];
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  title: string | null;
};

function where(f: NotificationFilters): Prisma.NotificationWhereInput {
  const uuid = f.user && z.uuid().safeParse(f.user).success;
  return {
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.user ? (uuid ? { userId: f.user } : { user: { email: { contains: f.user, mode: "insensitive" } } }) : {}),
  };
}

/** The newest rows matching the filters, and how many match in each status. */
export async function listNotifications(db: Db, f: NotificationFilters) {
  const base = where(f);
  const [rows, grouped] = await Promise.all([
    db.notification.findMany({
      where: { ...base, ...(f.status ? { status: f.status } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: NOTIFICATIONS_SHOWN,
      include: { user: { select: { email: true } } },
    }),
    db.notification.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(
    NOTIFICATION_STATUSES.map((s) => [s, grouped.find((g) => g.status === s)?._count._all ?? 0]),
  ) as Record<(typeof NOTIFICATION_STATUSES)[number], number>;
  // Task titles are the users' words: masked like the operation log's (lib/privacy/sensitive.ts).
  const list: NotificationRow[] = await Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      createdAt: r.createdAt,
      userEmail: r.user.email,
      channel: r.channel,
      type: r.type,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.nextAttemptAt,
      sentAt: r.sentAt,
      lastError: r.lastError,
      title:
        typeof (r.payload as { title?: unknown } | null)?.title === "string"
          ? await maskSensitive((r.payload as { title: string }).title)
          : null,
    })),
  );
  return { rows: list, counts };
}

/** Puts a failed notification back in the queue, due now. Only failed rows can be retried. */
export async function retryNotification(db: Db, id: string, now = new Date()): Promise<void> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That notification does not exist.");
  const changed = await db.notification.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, lastError: null },
  });
  if (changed.count === 1) return;
  const exists = await db.notification.findUnique({ where: { id }, select: { status: true } });
  if (!exists) throw new AppError("not_found", "That notification does not exist.");
  throw new AppError("conflict", `Only failed notifications can be retried; this one is ${exists.status}.`);
}
