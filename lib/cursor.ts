// Keyset paging positions (the sidebar's conversations, the admin log): the last row's time and
// id, so rows sharing a timestamp are neither skipped nor repeated. Opaque to the browser:
// base64url of "<ISO time>_<uuid>". Times are stored to the millisecond, which a Date holds
// exactly, so the round trip is lossless.
import { isUuid } from "@/lib/validation";

export type Cursor = { at: Date; id: string };

// Years PostgreSQL stores and JS writes as plain ISO (year 0000 is a Date but no timestamp).
const FIRST_YEAR = "0001";
const LAST_YEAR = "9999";

export function encodeCursor({ at, id }: Cursor): string {
  return Buffer.from(`${at.toISOString()}_${id}`, "utf8").toString("base64url");
}

/** null for anything encodeCursor did not make, so a tampered link restarts at the top. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 200) return null;
  const text = Buffer.from(value, "base64url").toString("utf8");
  const [, time, id] = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/i.exec(text) ?? [];
  if (!time || !id || !isUuid(id)) return null;
  const at = new Date(time);
  const year = time.slice(0, 4);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== time || year < FIRST_YEAR || year > LAST_YEAR) return null;
  return { at, id: id.toLowerCase() };
}
