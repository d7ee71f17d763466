import "server-only";
import { z } from "zod";
import { type Cursor, decodeCursor } from "@/lib/cursor";
import { fieldErrors } from "@/lib/validation";

// The operation log's filters live in the URL (shareable, back-button friendly). The page,
// the CSV export and the tests all parse them here, so a link to a filtered page and the
// export of that page always mean the same rows.

import {
  FILTER_KEYS,
  OPERATIONS,
  SOURCES,
  STATUSES,
  type OperationName,
  type SourceName,
  type StatusName,
} from "./filter-fields";

export { FILTER_KEYS, OPERATIONS, SOURCES, STATUSES, type OperationName, type SourceName, type StatusName };

export type LogFilters = {
  /** A user id, or part of a user's email or name. */
  user?: string;
  operation?: OperationName;
  status?: StatusName;
  source?: SourceName;
  /** UTC calendar days, inclusive: YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Free text over the user's original words and the task title. */
  q?: string;
};

/** The days a filter may name: PostgreSQL timestamps start at year 1, ISO dates end at year 9999. */
export const FIRST_DAY = "0001-01-01";
export const LAST_DAY = "9999-12-31";

/** A position in the log: the (created_at, id) of a row. Pages are read from there on. */
export type { Cursor };

export type LogQuery = { filters: LogFilters; after?: Cursor; before?: Cursor };

/** "" and whitespace mean "no filter" (an empty field of a submitted form). */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    // PostgreSQL text cannot hold NUL: refuse it here rather than fail the query with a 500.
    .refine((value) => !value.includes("\u0000"), `${label} cannot contain a NUL character.`)
    .transform((value) => value || undefined)
    .optional();

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.enum(values, { error: `${label} must be one of: ${values.join(", ")}.` }).optional())
    .optional();

const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .refine(isCalendarDay, `${label} must be a date like 2026-11-23.`)
        // Year 0000 is a valid JS Date but no PostgreSQL timestamp: the query would fail with a 500.
        .refine(isStorableDay, `${label} must be a date between ${FIRST_DAY} and ${LAST_DAY}.`)
        .optional(),
    )
    .optional();

const cursorParam = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const cursor = decodeCursor(value);
    if (!cursor) {
      ctx.addIssue({ code: "custom", message: "The page link is not valid. Start again from the newest operations." });
      return z.NEVER;
    }
    return cursor;
  })
  .optional();

const querySchema = z
  .object({
    user: optionalText(254, "User"),
    operation: optionalChoice(OPERATIONS, "Operation"),
    status: optionalChoice(STATUSES, "Status"),
    source: optionalChoice(SOURCES, "Source"),
    from: optionalDay("From"),
    to: optionalDay("To"),
    q: optionalText(200, "Search text"),
    after: cursorParam,
    before: cursorParam,
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "“To” must be on or after “From”." });
    }
    if (value.after && value.before) {
      ctx.addIssue({
        code: "custom",
        path: ["after"],
        message: "The page link is not valid. Start again from the newest operations.",
      });
    }
  });

export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

export type ParsedLogQuery =
  | { ok: true; query: LogQuery }
  | { ok: false; message: string; fields: Record<string, string> };

/** Parses URL search params into filters and an optional cursor. Never throws. */
export function parseLogQuery(params: SearchParamsInput): ParsedLogQuery {
  const parsed = querySchema.safeParse(firstValues(params));
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return { ok: false, message: Object.values(fields)[0] ?? "These filters are not valid.", fields };
  }
  const { after, before, ...filters } = parsed.data;
  return { ok: true, query: { filters: dropUndefined(filters), after, before } };
}

/** The search params for these filters (and optionally a cursor), with empty ones left out. */
export function toSearchParams(filters: LogFilters, page: { after?: string; before?: string } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page.after) params.set("after", page.after);
  if (page.before) params.set("before", page.before);
  return params;
}

export function hasFilters(filters: LogFilters): boolean {
  return FILTER_KEYS.some((key) => Boolean(filters[key]));
}

/** The first instant of a UTC day. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The first instant after a UTC day; null for LAST_DAY (no bound needed, and year 10000 has no ISO form PostgreSQL is sure to read). */
export function dayAfter(day: string): Date | null {
  if (day >= LAST_DAY) return null;
  const start = dayStart(day);
  return new Date(start.getTime() + 24 * 60 * 60 * 1000);
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = dayStart(value);
  // Rejects 2026-02-30 and the like, which Date would roll over into March.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isStorableDay(day: string): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}

function firstValues(params: SearchParamsInput): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) out[key] ??= value;
    return out;
  }
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[key] = first;
  }
  return out;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
