import "server-only";
import type { NotificationChannel, NotificationType } from "@/generated/prisma/client";

/** A claimed outbox row with what a channel needs to deliver it. */
export type Delivery = {
  id: string;
  userId: string;
  channel: NotificationChannel;
  type: NotificationType;
  taskId: string | null;
  payload: unknown;
  /** Including this one. */
  attempts: number;
  user: { email: string; name: string; emailReminders: boolean; digestEnabled: boolean };
};

/**
 * Delivers one row, or throws (the worker retries with backoff). "skipped": nothing to send any
 * more (the user turned e-mail off since), and the row is cancelled rather than sent.
 */
export type Channel = (delivery: Delivery) => Promise<"sent" | "skipped">;
