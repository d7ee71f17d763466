// One-click unsubscribe (RFC 8058) without signing in: the link carries the user id and an HMAC
// of it under the auth secret, so only Doable can make one and it works from any mail client.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { cancelPendingEmail } from "./settings";

// Its own purpose string: a signature made here can never pass as one made for anything else.
const PURPOSE = "doable:unsubscribe:v1:";

function signature(userId: string, secret: string): string {
  return createHmac("sha256", secret)
    .update(PURPOSE + userId)
    .digest("base64url");
}

export function unsubscribeToken(userId: string, secret: string): string {
  return `${userId}.${signature(userId, secret)}`;
}

export function unsubscribeUrl(baseUrl: string, userId: string, secret: string): string {
  return `${baseUrl}/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(userId, secret))}`;
}

const tokenShape = z
  .string()
  .max(200)
  .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);

/** The user a token was made for, or null for anything Doable did not sign. */
export function verifyUnsubscribeToken(token: unknown, secret: string): string | null {
  const parsed = tokenShape.safeParse(token);
  if (!parsed.success) return null;
  const [userId, given] = parsed.data.split(".");
  if (!userId || !given) return null;
  const expected = Buffer.from(signature(userId, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? userId : null;
}

/** Turns every e-mail off for the token's user (reminders and digest); false when the token is not valid. */
export async function unsubscribe(db: Db, token: unknown, secret: string): Promise<boolean> {
  const userId = verifyUnsubscribeToken(token, secret);
  if (!userId) return false;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return; // a deleted account: nothing left to send to
    await tx.userSettings.upsert({
      where: { userId },
      create: { userId, emailReminders: false, digestEnabled: false },
      update: { emailReminders: false, digestEnabled: false },
    });
    await cancelPendingEmail(tx, userId);
  });
  return true;
}
