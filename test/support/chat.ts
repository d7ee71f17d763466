// Helpers for tests of the chat route: requests as useChat sends them, and the streamed reply.
import { randomUUID } from "node:crypto";
import { afterEach } from "vitest";

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

const MODEL_ENV = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "AI_MODEL"] as const;

/** Points the chat at a test model server (an OpenAI-compatible URL) for the current test. */
export function pointAtModelServer(url: string, model: string) {
  Object.assign(process.env, { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: url, AI_MODEL: model });
}

/** After each test, the model settings go back to what they were when the file started. */
export function restoreModelEnvAfterEach() {
  const saved = Object.fromEntries(MODEL_ENV.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const key of MODEL_ENV) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });
}

/** Reads until `done` holds (or about 10 s pass): the reply is saved after the stream ends. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, intervalMs = 50): Promise<T> {
  let value = await read();
  for (let i = 0; i < 10_000 / intervalMs && !done(value); i++) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await read();
  }
  return value;
}
