// Which message parts Doable keeps. A client sends text (and, to answer an approval, the
// assistant message it was shown); anything else it could send — a `file` part with a URL the
// AI SDK would download on the server, a multi-megabyte `data-*` part — is refused on the way
// in and dropped from stored history on the way out, so no URL is ever fetched for a user.

type Part = { type: string };

/** What a reply may hold: the parts the agent itself writes. */
import "server-only";
export const ASSISTANT_PART_TYPE = /^(?:text|reasoning|step-start|tool-[\w-]+|dynamic-tool)$/;

export function isKeptPart(role: string, part: unknown): boolean {
  if (!part || typeof part !== "object" || typeof (part as Part).type !== "string") return false;
  const { type } = part as Part;
  if (role === "user") return type === "text" && typeof (part as { text?: unknown }).text === "string";
  return ASSISTANT_PART_TYPE.test(type);
}

/** A stored message's parts without those a client smuggled in before they were refused. */
export function keptParts<P>(role: string, parts: unknown): P[] {
  return Array.isArray(parts) ? (parts.filter((p) => isKeptPart(role, p)) as P[]) : [];
}
