// Doable's own model timeout, as a model middleware around the network model: the model server
// must start answering within `ms`, and then never fall silent for longer than `ms` between
// two stream parts. A long reply that keeps streaming is never cut off (an idle timeout, not a
// total one: a slow local model writing a long answer is working, a server that stopped
// sending is not). On expiry the HTTP request is aborted (the connection is closed, the server
// can stop) and the step fails with a ModelTimeoutError, which the SDK does not retry and
// lib/agent/errors.ts words for the user.
import type { LanguageModelMiddleware } from "ai";
import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from "@ai-sdk/provider";
import { setting, type EnvSource } from "@/lib/env";
import { ModelTimeoutError } from "./errors";

/** AI_TIMEOUT_MS as a positive whole number of milliseconds, else the default (60 s). */
export function timeoutMs(env: EnvSource = process.env): number {
  return setting("AI_TIMEOUT_MS", env);
}

/** One timer per model call: armed while Doable waits on the server, disarmed otherwise. */
function watchdog(ms: number, onExpire: (error: ModelTimeoutError) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fail!: (error: ModelTimeoutError) => void;
  const expired = new Promise<never>((_, reject) => (fail = reject));
  expired.catch(() => undefined); // observed by whoever races it; never unhandled
  return {
    expired,
    arm() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const error = new ModelTimeoutError(ms);
        onExpire(error);
        fail(error);
      }, ms);
    },
    disarm: () => clearTimeout(timer),
  };
}

const NO_USAGE: LanguageModelV4Usage = {
  inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

export function timeoutMiddleware(ms: number): LanguageModelMiddleware {
  return {
    specificationVersion: "v4",
    async wrapGenerate({ model, params }) {
      const controller = new AbortController();
      const dog = watchdog(ms, (error) => controller.abort(error));
      dog.arm();
      const abortSignal = params.abortSignal
        ? AbortSignal.any([params.abortSignal, controller.signal])
        : controller.signal;
      const call = Promise.resolve(model.doGenerate({ ...params, abortSignal }));
      call.catch(() => undefined);
      try {
        return await Promise.race([call, dog.expired]);
      } finally {
        dog.disarm();
      }
    },
    async wrapStream({ model, params }) {
      const controller = new AbortController();
      const dog = watchdog(ms, (error) => controller.abort(error));
      const abortSignal = params.abortSignal
        ? AbortSignal.any([params.abortSignal, controller.signal])
        : controller.signal;
      dog.arm();
      const call = Promise.resolve(model.doStream({ ...params, abortSignal }));
      call.catch(() => undefined);
      let result: Awaited<typeof call>;
      try {
        result = await Promise.race([call, dog.expired]);
      } finally {
        dog.disarm();
      }
      const reader = result.stream.getReader();
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async pull(out) {
          // Timed only while waiting on the server, not while the consumer is busy.
          dog.arm();
          try {
            const next = await Promise.race([reader.read(), dog.expired]);
            if (next.done) out.close();
            else out.enqueue(next.value);
          } catch (error) {
            if (!ModelTimeoutError.isInstance(error)) throw error;
            // Reported as providers report a failure mid-stream (an error part, then a finish
            // with reason "error"), so the turn ends like any other model failure.
            reader.cancel(error).catch(() => undefined);
            controller.abort(error);
            out.enqueue({ type: "error", error });
            out.enqueue({ type: "finish", finishReason: { unified: "error", raw: "timeout" }, usage: NO_USAGE });
            out.close();
          } finally {
            dog.disarm();
          }
        },
        async cancel(reason) {
          dog.disarm();
          await reader.cancel(reason).catch(() => undefined);
        },
      });
      return { ...result, stream };
    },
  };
}
