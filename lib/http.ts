import type { z } from "zod";
import { AppError, errorBody } from "./errors";
import { fieldErrors } from "./validation";

/** Reads and validates a JSON request body; bad JSON or a bad shape becomes a 400 AppError. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw new AppError("bad_request", Object.values(fields)[0] ?? "The request is not valid.", { fields });
  }
  return parsed.data;
}

/** A JSON error response for any thrown value (with Retry-After for rate limits). */
export function errorResponse(error: unknown): Response {
  const { status, body } = errorBody(error);
  const headers: Record<string, string> = {};
  if (error instanceof AppError && error.details?.retryAfterSeconds) headers["Retry-After"] = String(error.details.retryAfterSeconds);
  return Response.json(body, { status, headers });
}
