// What every Doable mail shares: sender and recipient, a Message-ID fixed per outbox row, and
// the one-click unsubscribe (RFC 8058).
import "server-only";
import { unsubscribeUrl } from "../unsubscribe";
import type { Delivery } from "./types";

export type MailOptions = { from: string; appUrl: string; secret: string };

/** The host part of the sender's address ("Doable <no-reply@example.com>" → "example.com"). */
export function messageIdDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "doable.invalid";
}

export function messageId(notificationId: string, from: string): string {
  return `<notification-${notificationId}@${messageIdDomain(from)}>`;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What every Doable mail carries: sender, recipient, the row's Message-ID and the one-click unsubscribe. */
export function envelope(delivery: Delivery, options: MailOptions) {
  const unsubscribe = unsubscribeUrl(options.appUrl, delivery.userId, options.secret);
  return {
    unsubscribe,
    fields: {
      from: options.from,
      to: delivery.user.email,
      messageId: messageId(delivery.id, options.from),
      headers: {
        "List-Unsubscribe": `<${unsubscribe}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
      },
    },
  };
}
