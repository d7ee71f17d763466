/**
 * Errors with stable codes. Anything thrown as an AppError may be shown to the user as is;
 * anything else is logged and shown as a generic message, so no stack trace reaches a browser.
 */
import { isDatabaseUnavailable } from "./db/unavailable";

export const UNAVAILABLE_MESSAGE = "Doable can’t reach its database right now. Please try again in a moment.";

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "limit"
  | "too_large"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  limit: 409,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { retryAfterSeconds?: number; fields?: Record<string, string> },
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

/** The JSON body and status for any error, safe to send to a browser. */
export function errorBody(error: unknown): {
  status: number;
  body: { error: { code: ErrorCode; message: string; fields?: Record<string, string> } };
} {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, fields: error.details?.fields } },
    };
  }
  if (isDatabaseUnavailable(error)) {
    console.error("database unavailable:", error instanceof Error ? error.message : error);
    return { status: 503, body: { error: { code: "unavailable", message: UNAVAILABLE_MESSAGE } } };
  }
  console.error(error);
  return {
    status: 500,
    body: { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
  };
}
