// Helpers for tests of the chat route: requests as useChat sends them, and the streamed reply.
import { randomUUID } from "node:crypto";

export function chatRequestOf(body: unknown, init: { signal?: AbortSignal } = {}): Request {
  return new Request("http://localhost/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal: init.signal,
  });
}

export function userMessage(text: string, id: string = randomUUID()) {
  return { id, role: "user" as const, parts: [{ type: "text", text }] };
}

export type Chunk = { type: string; [key: string]: unknown };

/** The UI message stream's chunks (SSE `data:` lines). */
export async function readChunks(response: Response): Promise<Chunk[]> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Chunk);
}
