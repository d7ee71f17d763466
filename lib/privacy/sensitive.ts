import "server-only";
// Sensitive text (product.md: e-mail addresses, phone and card numbers; issue 15 item 9 adds
// IBANs): found with OpenRedaction's patterns and validators, flagged on the row
// (messages.is_sensitive, tasks.is_sensitive) and masked in admin views and the log CSV.
//
// Why @openredaction/core (the `openredaction` package's own detector, without the Express,
// React and server adapters the umbrella package installs): it has no dependencies, no native
// code and no network; it checks cards with Luhn and IBANs with their mod-97 checksum, knows
// international phone formats, and lets us enable only the four categories. Its lite entry
// runs only the regex patterns (no NER, learning or audit). `npm run bench:sensitive` measures
// it: ~1 µs for a todo sentence (most stop at cannotHold below), 25–50 µs for a short one that
// reaches the library, 60–80 µs for 2 KB of todo text, ~15 ms for the worst case (10 KB of
// nothing but e-mail addresses). The others tried: @redactpii/node (no IBANs, US phones only,
// no Luhn: "4111 1111 1111 1112" and an IBAN's digits are "cards") and
// @libretto/redact-pii-light (its required peer @google-cloud/dlp pulls 160 packages; no Luhn
// either, and it masks dates as DIGITS).
import { LiteOpenRedaction, type PIIPattern } from "@openredaction/core/lite";

export type SensitiveKind = "email" | "phone" | "card" | "iban";
/** A span of text holding one sensitive value; "unscanned" when the detector failed on the text (all of it is hidden). */
export type SensitiveSpan = { kind: SensitiveKind | "unscanned"; start: number; end: number };

/** What a masked span reads as in admin views and the CSV. */
export const MASKS: Record<SensitiveSpan["kind"], string> = {
  email: "[email]",
  phone: "[phone]",
  card: "[card]",
  iban: "[iban]",
  unscanned: "[text hidden]",
};

const KIND_OF: Record<string, SensitiveKind> = {
  EMAIL: "email",
  PHONE_US: "phone",
  PHONE_UK: "phone",
  PHONE_UK_MOBILE: "phone",
  PHONE_INTERNATIONAL: "phone",
  CREDIT_CARD: "card",
  IBAN: "iban",
};

// Two of OpenRedaction 1.1.5's patterns miss common writing; each is replaced by the same
// pattern and validator (checksum included) with its regex corrected:
// - the international phone starts with `\b\+`, which never matches after a space ("call
//   +33 6 12 34 56 78"): the anchor becomes a lookbehind, and it runs before the UK/US
//   patterns, which would otherwise take the digits after the country code (its validator
//   leaves +1 and +44 numbers to them);
// - the IBAN pattern is case-insensitive, so "DE89 3704 0044 0532 0130 00 by friday" runs on
//   into " by" and then fails its checksum: IBANs are written in capitals, so it is not.
const TUNED: Record<string, (pattern: PIIPattern) => PIIPattern> = {
  PHONE_INTERNATIONAL: (p) => ({
    ...p,
    priority: 90,
    regex: new RegExp(p.regex.source.replace("\\b\\+", "(?<![\\w+])\\+"), p.regex.flags),
  }),
  IBAN: (p) => ({ ...p, regex: new RegExp(p.regex.source, p.regex.flags.replace("i", "")) }),
};

let detector: LiteOpenRedaction | null = null;

function getDetector(): LiteOpenRedaction {
  if (detector) return detector;
  const customPatterns = new LiteOpenRedaction({ patterns: Object.keys(TUNED) })
    .getPatterns()
    .map((pattern) => TUNED[pattern.type]?.(pattern) ?? pattern);
  const replaced = new Set(customPatterns.map((pattern) => pattern.type));
  detector = new LiteOpenRedaction({
    patterns: Object.keys(KIND_OF).filter((type) => !replaced.has(type)),
    customPatterns,
    includeNames: false,
    includeAddresses: false,
    // Messages are at most 10,000 characters; task text 2,200.
    maxInputSize: 256 * 1024,
  });
  return detector;
}

/**
 * Text that cannot hold any of the four kinds: no "@" (an e-mail) and fewer than 7 digits
 * (phone numbers have 7 or more, cards 13 or more, IBANs many). Most todo text ("buy 12 eggs",
 * "meeting 10:30-11:00") stops here without reaching the detector.
 */
function cannotHold(text: string): boolean {
  if (text.includes("@")) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++digits >= 7) return false;
  }
  return true;
}

/**
 * Long text is scanned in windows of WINDOW characters that overlap by OVERLAP (more than the
 * longest value: an e-mail address is at most 254), so every value lies whole in one of them.
 * The library's cost grows with length × values found (it rebuilds its own redacted copy per
 * value): 10 KB of nothing but e-mails took ~200 ms in one piece, ~15 ms in windows.
 */
const WINDOW = 1024;
const OVERLAP = 320;

/** The sensitive spans of a text, in order, not overlapping. */
export async function findSensitive(text: string): Promise<SensitiveSpan[]> {
  if (!text || cannotHold(text)) return [];
  const spans: SensitiveSpan[] = [];
  try {
    for (let at = 0; at < text.length; at += WINDOW) {
      const window = text.length <= WINDOW + OVERLAP ? text : text.slice(at, at + WINDOW + OVERLAP);
      spans.push(...(await detectIn(window, at)));
      if (window === text) break;
    }
  } catch (error) {
    // A pattern over its time limit, say. What could not be scanned is treated as sensitive.
    console.error("privacy: text could not be scanned for sensitive data:", error);
    return [{ kind: "unscanned", start: 0, end: text.length }];
  }
  // Overlapping finds (the same value seen by two windows, or cut at a window's edge) become one.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SensitiveSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The library's finds in `text` (a window of the whole starting at `offset`), as spans of the whole. */
async function detectIn(text: string, offset: number): Promise<SensitiveSpan[]> {
  const spans: SensitiveSpan[] = [];
  for (const detection of (await getDetector().detect(text)).detections) {
    const kind = KIND_OF[detection.type];
    if (!kind) continue;
    let [start, end] = detection.position;
    // The UK/US patterns leave out a leading "+1 (" or "+44 ": masked with the number.
    if (kind === "phone")
      start -= /(?:\+\d{0,3}[\s\u00A0.-]?)?\(?$/.exec(text.slice(Math.max(0, start - 6), start))?.[0].length ?? 0;
    spans.push({ kind, start: start + offset, end: end + offset });
  }
  return spans;
}

/** Whether any of the texts holds an e-mail address, a phone, card or IBAN number. */
export async function isSensitive(...texts: (string | null | undefined)[]): Promise<boolean> {
  for (const text of texts) if (text && (await findSensitive(text)).length) return true;
  return false;
}

/** The text with each sensitive value replaced by its mask ("[email]", "[phone]", …). */
export async function maskSensitive(text: string): Promise<string>;
export async function maskSensitive(text: string | null): Promise<string | null>;
export async function maskSensitive(text: string | null): Promise<string | null> {
  if (!text) return text;
  const spans = await findSensitive(text);
  if (!spans.length) return text;
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + MASKS[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}

// Ids and timestamps are machine values: the digits of a UUID ("82133348-1e15-…") or an ISO date are
// never a phone number, and masking them would break the links and sorting that use them.
const MACHINE_VALUE =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)$/i;

/** The strings of a JSON value that people wrote or read (its ids and timestamps left out). */
export function jsonTexts(value: unknown): string[] {
  if (typeof value === "string") return MACHINE_VALUE.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(jsonTexts);
  if (value && typeof value === "object") return Object.values(value).flatMap(jsonTexts);
  return [];
}

/** A JSON value (an operation's input, result or before-state) with every string in it masked. */
export async function maskJson(value: unknown): Promise<unknown> {
  if (typeof value === "string") return MACHINE_VALUE.test(value) ? value : maskSensitive(value);
  if (Array.isArray(value)) return Promise.all(value.map(maskJson));
  if (value && typeof value === "object") {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await maskJson(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}
