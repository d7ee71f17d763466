// /api/unsubscribe, without signing in. POST (a mail client's one-click, RFC 8058, or the
// button below) turns e-mail off. GET only shows that button: link scanners and previews open
// links in mails, and must not unsubscribe anyone by doing so.
import "server-only";
import type { Db } from "@/lib/db/client";
import { unsubscribe, verifyUnsubscribeToken } from "./unsubscribe";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} · Doable</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>${body}</body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

const invalid = () =>
  page(
    400,
    "This link is not valid",
    "<p>The unsubscribe link is incomplete or was not made by Doable. Sign in and turn e-mail off in Settings instead.</p>",
  );

export async function handleUnsubscribe(request: Request, db: Db, secret: string): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token");
  if (request.method === "GET") {
    if (!token || !verifyUnsubscribeToken(token, secret)) return invalid();
    const action = `/api/unsubscribe?token=${encodeURIComponent(token)}`;
    return page(
      200,
      "Stop e-mails from Doable?",
      `<p>You will no longer get reminder or digest e-mails. Reminders still appear in the app.</p><form method="post" action="${escapeHtml(action)}"><button type="submit">Stop e-mails</button></form>`,
    );
  }
  if (!(await unsubscribe(db, token, secret))) return invalid();
  return page(
    200,
    "E-mail is off",
    "<p>Doable will not e-mail you any more. You can turn e-mail back on in Settings.</p>",
  );
}
