import type { z } from "zod";
import { UNAVAILABLE_RETRY_SECONDS } from "./db/unavailable";
import { AppError, errorBody } from "./errors";
import { fieldErrors } from "./validation";

/** Request bodies larger than this are refused unread (413): the chat's are a few kilobytes. */
export const MAX_BODY_BYTES = 1_000_000;

/** Reads and validates a JSON request body; bad JSON or a bad shape becomes a 400 AppError. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  let raw: unknown;
  const text = await readText(request, maxBytes);
  try {
    raw = JSON.parse(text);
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

/** The body as text, stopping (413) as soon as it passes `maxBytes`, whatever Content-Length said. */
async function readText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AppError(
      "too_large",
      `The request is too large (at most ${Math.round(maxBytes / 1000).toLocaleString("en-US")} kB).`,
    );
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON error response for any thrown value (with Retry-After for rate limits). */
export function errorResponse(error: unknown): Response {
  const { status, body } = errorBody(error);
  const headers: Record<string, string> = {};
  if (error instanceof AppError && error.details?.retryAfterSeconds)
    headers["Retry-After"] = String(error.details.retryAfterSeconds);
  else if (status === 503) headers["Retry-After"] = String(UNAVAILABLE_RETRY_SECONDS);
  return Response.json(body, { status, headers });
}

/** A file download: never cached, never sniffed into something the browser would run. */
export function downloadResponse(body: BodyInit, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
