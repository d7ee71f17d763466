// What the user is told when the model (or a model's tool call) fails: plain words, never a
// provider's own message, status line, URL or key. The details go to the server log.
import {
  APICallError,
  InvalidToolInputError,
  JSONParseError,
  NoSuchToolError,
  RetryError,
  StreamProviderError,
  ToolCallRepairError,
} from "ai";

export const MODEL_FAILED = "The assistant could not answer just now. Your message is saved — try again.";

/** The model server sent nothing for too long (lib/agent/timeout.ts). Never retried. */
export class ModelTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`The model sent nothing for ${timeoutMs} ms.`);
    this.name = "ModelTimeoutError";
    this.timeoutMs = timeoutMs;
  }
  static isInstance(error: unknown): error is ModelTimeoutError {
    return (
      error instanceof ModelTimeoutError ||
      (error instanceof Error &&
        error.name === "ModelTimeoutError" &&
        typeof (error as { timeoutMs?: unknown }).timeoutMs === "number")
    );
  }
}

/** "60 s", "0.3 s", "90 s": how long the assistant was given. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(1))} s`;
}

/** The error and every error it wraps (a retry's attempts, causes), outermost first. */
function chain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const visit = (e: unknown) => {
    if (e == null || seen.includes(e) || seen.length > 20) return;
    seen.push(e);
    if (RetryError.isInstance(e)) {
      visit(e.lastError);
      for (const inner of [...e.errors].reverse()) visit(inner);
    }
    if (e instanceof Error && "cause" in e) visit((e as { cause?: unknown }).cause);
  };
  visit(error);
  return seen;
}

function statusOf(error: unknown): number | undefined {
  if (APICallError.isInstance(error)) return error.statusCode;
  if (StreamProviderError.isInstance(error)) return error.statusCode;
  return undefined;
}

/** A tool call the model got wrong: say what was wrong (it is the model's own output, no secret). */
function toolInputMessage(error: unknown): string | undefined {
  if (ToolCallRepairError.isInstance(error)) return toolInputMessage(error.originalError);
  if (NoSuchToolError.isInstance(error))
    return `The assistant asked for a tool that does not exist (${clip(error.toolName, 60)}), so nothing was changed.`;
  if (InvalidToolInputError.isInstance(error)) {
    const cause = error.cause;
    if (JSONParseError.isInstance(cause))
      return `The assistant's ${clip(error.toolName, 60)} call was not valid JSON, so nothing was changed.`;
    const why = cause instanceof Error ? cause.message : "its input was not usable";
    return `The assistant's ${clip(error.toolName, 60)} call could not be used (${clip(why, 200)}), so nothing was changed.`;
  }
  return undefined;
}

/** A connection that never got an answer: refused, unknown host, reset before any reply. */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" && ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"].includes(code)
  );
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The words shown for a failed turn or a failed tool call. Used as the UI stream's onError:
 * the AI SDK sends every stream error and every tool error through it.
 */
export function modelErrorMessage(error: unknown): string {
  const all = chain(error);
  const toolInput = all.map(toolInputMessage).find(Boolean);
  if (toolInput) return toolInput;
  const timeout = all.find(ModelTimeoutError.isInstance);
  if (timeout)
    return `The assistant took too long to answer (no reply in ${formatSeconds(timeout.timeoutMs)}). Your message is saved — try again.`;
  const status = all.map(statusOf).find((s) => s !== undefined);
  if (status === 429)
    return "The assistant is busy right now (the model server's rate limit was reached). Your message is saved — try again in a minute.";
  if (status === 401 || status === 403)
    return "The assistant is not set up correctly: the model server refused its credentials. Your message is saved; ask whoever runs Doable to check the model settings.";
  if (status === 404)
    return "The assistant is not set up correctly: the model server does not know the configured model or address. Your message is saved; ask whoever runs Doable to check the model settings.";
  if (status === undefined && all.some(unreachable))
    return "The assistant's model server cannot be reached right now. Your message is saved — try again.";
  return MODEL_FAILED;
}
