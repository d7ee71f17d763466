import type { z } from "zod";

/** zod issues as one message per field ("" for the whole input), for forms and API errors. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

// PostgreSQL's text and jsonb cannot hold U+0000: a NUL in user or model input would fail the
// write with a 500. It is refused as bad input instead (found by lib/security/bad-input.test.ts).
export const NUL_MESSAGE = "Text cannot contain the NUL character.";
export const hasNoNul = (s: string) => !s.includes("\u0000");
/** Text safe to store: a refusal message may echo the refused input, NUL and all. */
export const withoutNul = (s: string) => s.replaceAll("\u0000", "");
/** A JSON text holding an escaped NUL (an even number of backslashes before \u0000). */
export const JSON_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;
