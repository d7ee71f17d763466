// E-mail is on only when the operator configured an SMTP server: SMTP_URL (smtp://, smtps://,
// with credentials if needed) and MAIL_FROM. Links in mails need the site's public address.

import "server-only";
export function smtpUrl(): string | null {
  return process.env.SMTP_URL?.trim() || null;
}

export function emailConfigured(): boolean {
  return smtpUrl() !== null;
}

/** The public address of the site, for links in e-mails (APP_URL; without it, this machine's port). */
export function appUrl(): string {
  const configured = process.env.APP_URL?.trim();
  return (configured || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || `Doable <no-reply@${new URL(appUrl()).hostname}>`;
}
