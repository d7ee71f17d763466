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

// PostgreSQL's text and jsonb cannot hold U+0000, and jsonb refuses an unpaired UTF-16
// surrogate ("\ud800"): either in user or model input would fail the write with a 500. Both are
// refused as bad input instead (found by lib/security/bad-input.test.ts and an attack review).
export const UNSTORABLE_TEXT = "Text cannot contain a NUL character or a broken (unpaired surrogate) character.";
export const isStorableText = (s: string) => !s.includes("\u0000") && s.isWellFormed();
/** Text safe to store: a refusal message may echo the refused input, NUL and all. */
export const storableText = (s: string) => s.replaceAll("\u0000", "").toWellFormed();
/** A JSON text holding an escaped NUL (an even number of backslashes before \u0000). */
export const JSON_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;
/** A JSON text holding an escaped unpaired surrogate (JSON.stringify escapes only those). */
export const JSON_LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/gi;
/** Whether any string inside a JSON-able value could not be stored. */
export const hasUnstorableText = (value: unknown) => {
  const json = JSON.stringify(value) ?? "";
  return new RegExp(JSON_NUL.source).test(json) || new RegExp(JSON_LONE_SURROGATE.source, "i").test(json);
};
/** A JSON-able value with NULs dropped and unpaired surrogates replaced (U+FFFD), for the log. */
export const storableJson = (value: unknown): unknown =>
  JSON.parse((JSON.stringify(value) ?? "null").replace(JSON_NUL, "$1").replace(JSON_LONE_SURROGATE, "$1\\ufffd"));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID, as the database's uuid columns take it (any version). */
export const isUuid = (value: string): boolean => UUID.test(value);
