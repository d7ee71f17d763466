import "server-only";
import type { Db } from "@/lib/db/client";
import type { TaskView } from "@/lib/tasks/types";
import { digestContent, type DigestPayload } from "../digest";
import { envelope, escapeHtml, type MailOptions } from "./mail-parts";
import type { Delivery } from "./types";

function line(task: TaskView, timeZone: string): string {
  const due = !task.dueDate
    ? ""
    : task.dueAllDay
      ? new Date(task.dueDate).toLocaleDateString("en-US", { timeZone: "UTC", month: "short", day: "numeric" })
      : new Date(task.dueDate).toLocaleString("en-US", {
          timeZone,
          month: "short",
          day: "numeric",
          hour: "numeric",
          minute: "2-digit",
        });
  return `#${task.number} ${task.title}${due ? ` (${due})` : ""}`;
}

/** The digest for the row's day, or null when nothing is overdue or due today. */
export async function digestMail(delivery: Delivery, db: Db, now: Date, options: MailOptions) {
  const { timeZone } = delivery.payload as DigestPayload;
  const { overdue, today } = await digestContent(db, delivery.userId, timeZone, now);
  if (!overdue.length && !today.length) return null;
  const { unsubscribe, fields } = envelope(delivery, options);
  const sections = [
    { heading: `Overdue (${overdue.length})`, tasks: overdue },
    { heading: `Due today (${today.length})`, tasks: today },
  ].filter((s) => s.tasks.length);
  const counts = [overdue.length ? `${overdue.length} overdue` : "", today.length ? `${today.length} due today` : ""]
    .filter(Boolean)
    .join(", ");
  const text = [
    `Hi ${delivery.user.name},`,
    "",
    ...sections.flatMap((s) => [s.heading, ...s.tasks.map((t) => `- ${line(t, timeZone)}`), ""]),
    `Open Doable: ${options.appUrl}/`,
    "",
    `You get this because the morning digest is on. Stop these e-mails: ${unsubscribe}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>Hi ${escapeHtml(delivery.user.name)},</p>
${sections.map((s) => `<h3>${escapeHtml(s.heading)}</h3><ul>${s.tasks.map((t) => `<li>${escapeHtml(line(t, timeZone))}</li>`).join("")}</ul>`).join("\n")}
<p><a href="${escapeHtml(options.appUrl)}/">Open Doable</a></p>
<p style="color:#666;font-size:12px">You get this because the morning digest is on. <a href="${escapeHtml(unsubscribe)}">Stop these e-mails</a>.</p>
</body></html>`;
  return { ...fields, subject: `Your day in Doable: ${counts}`, text, html };
}
