import "server-only";
import { z } from "zod";
import { dayAfter, dayStart, FIRST_DAY, LAST_DAY } from "@/lib/admin/filters";
import { type Cursor, decodeCursor } from "@/lib/cursor";
import { fieldErrors, isStorableText, isUuid } from "@/lib/validation";
import { AUDIT_KIND_NAMES, type AuditKind } from "./kinds";

// The audit page's filters live in the URL, as the operation log's do: a filtered view is a link.

export const AUDIT_FILTER_KEYS = ["kind", "actor", "subject", "from", "to"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

/** An account: its id, or (while it exists) its e-mail address. */
export type AccountRef = { id: string } | { email: string };

export type AuditFilters = {
  kind?: AuditKind;
  actor?: AccountRef;
  subject?: AccountRef;
  /** UTC calendar days, inclusive: YYYY-MM-DD. */
  from?: string;
  to?: string;
};

export type AuditQuery = { filters: AuditFilters; after?: Cursor; before?: Cursor };

export type ParsedAuditQuery =
  | { ok: true; query: AuditQuery }
  | { ok: false; message: string; fields: Record<string, string> };

/** "" and whitespace mean "no filter" (an empty field of a submitted form). */
const blank = (value: string) => value.trim() || undefined;

const account = (label: string) =>
  z
    .string()
    .transform(blank)
    .pipe(
      z
        .string()
        .max(254, `${label} can be at most 254 characters.`)
        .transform((value, ctx): AccountRef => {
          if (isUuid(value)) return { id: value.toLowerCase() };
          // E-mail addresses are stored lower-case (users.email). A NUL would fail the query with a 500.
          if (isStorableText(value) && /^[^\s@]+@[^\s@]+$/.test(value)) return { email: value.toLowerCase() };
          ctx.addIssue({ code: "custom", message: `${label} must be an account id or an e-mail address.` });
          return z.NEVER;
        })
        .optional(),
    )
    .optional();

const day = (label: string) =>
  z
    .string()
    .transform(blank)
    .pipe(
      z.iso
        .date(`${label} must be a date like 2026-11-23.`)
        // Year 0000 is a valid ISO date but no PostgreSQL timestamp: the query would fail with a 500.
        .refine((d) => d >= FIRST_DAY && d <= LAST_DAY, `${label} must be a date between ${FIRST_DAY} and ${LAST_DAY}.`)
        .optional(),
    )
    .optional();

const PAGE_LINK = "The page link is not valid. Start again from the newest events.";

const cursor = z
  .string()
  .transform((value, ctx) => {
    if (!value.trim()) return undefined;
    const decoded = decodeCursor(value.trim());
    if (!decoded) {
      ctx.addIssue({ code: "custom", message: PAGE_LINK });
      return z.NEVER;
    }
    return decoded;
  })
  .optional();

const querySchema = z
  .object({
    kind: z
      .string()
      .transform(blank)
      .pipe(z.enum(AUDIT_KIND_NAMES, { error: "Unknown event kind: choose one from the list." }).optional())
      .optional(),
    actor: account("Actor"),
    subject: account("Account"),
    from: day("From"),
    to: day("To"),
    after: cursor,
    before: cursor,
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "“To” must be on or after “From”." });
    if (value.after && value.before) ctx.addIssue({ code: "custom", path: ["after"], message: PAGE_LINK });
  });

export type SearchParamsInput = Record<string, string | string[] | undefined>;

/** URL search params into filters and an optional cursor. Never throws. */
export function parseAuditQuery(params: SearchParamsInput): ParsedAuditQuery {
  const first: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === "string") first[key] = v;
  }
  const parsed = querySchema.safeParse(first);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return { ok: false, message: Object.values(fields)[0] ?? "These filters are not valid.", fields };
  }
  const { after, before, ...rest } = parsed.data;
  const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as AuditFilters;
  return { ok: true, query: { filters, after, before } };
}

/** The URL value of an account filter. */
export function accountParam(ref: AccountRef): string {
  return "id" in ref ? ref.id : ref.email;
}

/** The search params for these filters (and optionally a page), with empty ones left out. */
export function auditSearchParams(
  filters: AuditFilters,
  page: { after?: string; before?: string } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.actor) params.set("actor", accountParam(filters.actor));
  if (filters.subject) params.set("subject", accountParam(filters.subject));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (page.after) params.set("after", page.after);
  if (page.before) params.set("before", page.before);
  return params;
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return AUDIT_FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/** The created_at bounds of a day range: from the first instant of `from` to before the day after `to`. */
export function dayRange(filters: AuditFilters): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filters.from) range.gte = dayStart(filters.from);
  const end = filters.to ? dayAfter(filters.to) : null;
  if (end) range.lt = end;
  return range;
}
