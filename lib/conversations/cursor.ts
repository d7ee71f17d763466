import { z } from "zod";

/** Where the last page ended, as (updatedAt, id): stable even when rows share a timestamp. */
export type Cursor = { updatedAt: Date; id: string };

const cursorShape = z.object({ u: z.iso.datetime(), i: z.guid() });

export function encodeCursor({ updatedAt, id }: Cursor): string {
  return Buffer.from(JSON.stringify({ u: updatedAt.toISOString(), i: id })).toString("base64url");
}

/** null for anything not made by encodeCursor, so a tampered cursor restarts at the top. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { updatedAt: new Date(parsed.data.u), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}
