// Reminder e-mails through nodemailer: text and HTML, a one-click List-Unsubscribe (RFC 8058)
// and a Message-ID fixed per outbox row, so a copy sent again after a crash between sending and
// marking is recognisable as the same message.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/lib/db/client";
import { systemClock, type Clock } from "../clock";
import { digestMail } from "./digest-mail";
import { envelope, escapeHtml, type MailOptions } from "./mail-parts";
import type { ReminderPayload } from "../outbox";
import type { Channel, Delivery } from "./types";

export type EmailOptions = {
  transport: Transporter;
  from: string;
  /** Public address of the site, for links. */
  appUrl: string;
  /** Signs unsubscribe links (the auth secret). */
  secret: string;
  /** Digests read the user's tasks when they are sent. */
  db?: Db;
  clock?: Clock;
};

/** An SMTP transport from SMTP_URL, with timeouts well inside the worker's lease. */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}

function when(payload: ReminderPayload): string | null {
  if (!payload.dueDate) return null;
  const due = new Date(payload.dueDate);
  if (payload.dueAllDay)
    return `due ${due.toLocaleDateString("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" })}`;
  return `due ${due.toLocaleString("en-US", { timeZone: payload.timeZone, weekday: "long", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" })}`;
}

export function reminderMail(delivery: Delivery, options: MailOptions) {
  const payload = delivery.payload as ReminderPayload;
  const { unsubscribe, fields } = envelope(delivery, options);
  const title = payload.title;
  const detail = when(payload);
  const open = `${options.appUrl}/`;
  const text = [
    `Hi ${delivery.user.name},`,
    "",
    `Reminder: ${title}${payload.taskNumber ? ` (#${payload.taskNumber})` : ""}${detail ? `, ${detail}` : ""}.`,
    "",
    `Open Doable: ${open}`,
    "",
    `You get this because e-mail reminders are on. Stop these e-mails: ${unsubscribe}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>Hi ${escapeHtml(delivery.user.name)},</p>
<p><strong>Reminder:</strong> ${escapeHtml(title)}${payload.taskNumber ? ` (#${payload.taskNumber})` : ""}${detail ? `, ${escapeHtml(detail)}` : ""}.</p>
<p><a href="${escapeHtml(open)}">Open Doable</a></p>
<p style="color:#666;font-size:12px">You get this because e-mail reminders are on. <a href="${escapeHtml(unsubscribe)}">Stop these e-mails</a>.</p>
</body></html>`;
  return { ...fields, subject: `Reminder: ${title}`, text, html };
}

export function createEmailChannel(options: EmailOptions): Channel {
  return async (delivery) => {
    if (delivery.type === "digest") {
      // Turned off since the row was written, or nothing to list today: nothing to send.
      if (!delivery.user.digestEnabled || !options.db) return "skipped";
      const mail = await digestMail(delivery, options.db, (options.clock ?? systemClock)(), options);
      if (!mail) return "skipped";
      await options.transport.sendMail(mail);
      return "sent";
    }
    // The user may have turned e-mail off after this row was written.
    if (!delivery.user.emailReminders) return "skipped";
    await options.transport.sendMail(reminderMail(delivery, options));
    return "sent";
  };
}
