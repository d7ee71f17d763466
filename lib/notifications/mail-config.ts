// E-mail is on only when the operator configured an SMTP server: SMTP_URL (smtp://, smtps://,
// with credentials if needed) and MAIL_FROM. Links in mails need the site's public address.

import "server-only";
import { setting } from "@/lib/env";

export function smtpUrl(): string | null {
  return setting("SMTP_URL") ?? null;
}

export function emailConfigured(): boolean {
  return smtpUrl() !== null;
}

/** The public address of the site, for links in e-mails (APP_URL; without it, this machine's port). */
export function appUrl(): string {
  return (setting("APP_URL") ?? `http://localhost:${setting("PORT")}`).replace(/\/+$/, "");
}

export function mailFrom(): string {
  return setting("MAIL_FROM") ?? `Doable <no-reply@${new URL(appUrl()).hostname}>`;
}
