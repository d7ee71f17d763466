// The real-model path's parts on their own: which API and model the settings choose, the
// server's start-up line and warnings, what users are told for each kind of failure, the
// system prompt's offset and rules, and the timeout and final-answer middlewares through
// generateText (the chat turn streams; openai-compatible.test.ts covers that path over HTTP).
import {
  APICallError,
  generateText,
  InvalidToolInputError,
  JSONParseError,
  NoSuchToolError,
  RetryError,
  wrapLanguageModel,
} from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MODEL_FAILED, ModelTimeoutError, modelErrorMessage } from "./errors";
import { finalAnswerMiddleware, stoppedReply } from "./final-answer";
import { instructions, utcOffset } from "./instructions";
import { modelApi, modelInfo, startupReport } from "./provider";
import { timeoutMiddleware, timeoutMs } from "./timeout";

const apiError = (statusCode: number, message = "server said something private") =>
  new APICallError({
    message,
    url: "http://10.0.0.5:8000/v1/chat/completions",
    requestBodyValues: {},
    statusCode,
    responseBody: message,
    isRetryable: statusCode === 429 || statusCode >= 500,
  });

describe("which model and API the settings choose", () => {
  it("uses the offline assistant without a key, the Responses API for OpenAI, chat completions for other servers", () => {
    expect(modelInfo({})).toMatchObject({ provider: "offline", label: "Offline assistant" });
    expect(modelInfo({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", AI_MODEL: "llama3.1" }).provider).toBe("offline");
    expect(modelInfo({ OPENAI_API_KEY: "sk-x" })).toEqual({
      provider: "openai",
      modelId: "gpt-4o-mini",
      label: "gpt-4o-mini",
      api: "responses",
    });
    expect(
      modelInfo({ OPENAI_API_KEY: "ollama", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", AI_MODEL: "llama3.1" }),
    ).toEqual({ provider: "openai-compatible", modelId: "llama3.1", label: "llama3.1", api: "chat" });
    expect(modelApi({ OPENAI_BASE_URL: "https://api.openai.com/v1" })).toBe("responses");
    expect(modelApi({ OPENAI_BASE_URL: "http://127.0.0.1:8000/v1", AI_API: "responses" })).toBe("responses");
    expect(modelApi({ AI_API: "CHAT" })).toBe("chat");
    expect(modelApi({ AI_API: "completions" })).toBe("responses"); // not a choice: the default
  });

  it("reads AI_TIMEOUT_MS, defaulting to 60 s", () => {
    expect(timeoutMs({})).toBe(60_000);
    expect(timeoutMs({ AI_TIMEOUT_MS: "300" })).toBe(300);
    expect(timeoutMs({ AI_TIMEOUT_MS: "soon" })).toBe(60_000);
    expect(timeoutMs({ AI_TIMEOUT_MS: "0" })).toBe(60_000);
  });
});

describe("the start-up line", () => {
  it("names the model, the server (without credentials or query) and the API", () => {
    expect(startupReport({})).toEqual({ line: "Assistant: offline (built-in, no model server)", warnings: [] });
    expect(startupReport({ OPENAI_API_KEY: "sk-x" })).toEqual({
      line: "Assistant: gpt-4o-mini via https://api.openai.com/v1 (Responses API), timeout 60 s",
      warnings: [],
    });
    const local = startupReport({
      OPENAI_API_KEY: "x",
      OPENAI_BASE_URL: "http://user:secret@127.0.0.1:11434/v1/?token=abc",
      AI_MODEL: "qwen2.5:7b",
      AI_TIMEOUT_MS: "120000",
    });
    expect(local.line).toBe("Assistant: qwen2.5:7b via http://127.0.0.1:11434/v1 (chat completions), timeout 120 s");
    expect(JSON.stringify(local)).not.toMatch(/secret|token|abc/);
  });

  it("warns when a model server is configured without OPENAI_API_KEY, saying local servers take any key", () => {
    const { line, warnings } = startupReport({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", AI_MODEL: "llama3.1" });
    expect(line).toMatch(/offline/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^OPENAI_BASE_URL and AI_MODEL are set but OPENAI_API_KEY is not, so the built-in offline assistant answers/,
    );
    expect(warnings[0]).toMatch(/Ollama, vLLM and LM Studio accept any non-empty key/);
  });

  it("warns about an AI_API or AI_TIMEOUT_MS it cannot use, and a base URL that is not http(s)", () => {
    const { warnings } = startupReport({
      OPENAI_API_KEY: "x",
      OPENAI_BASE_URL: "localhost:11434",
      AI_API: "completions",
      AI_TIMEOUT_MS: "fast",
    });
    expect(warnings).toEqual([
      'AI_API=completions is not "responses" or "chat"; using chat completions.',
      "AI_TIMEOUT_MS=fast is not a positive number of milliseconds; using 60000.",
      "OPENAI_BASE_URL is not an http(s) URL; requests to the model server will fail.",
    ]);
  });

  describe("printed by instrumentation.ts when the server starts", () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const key of ["NEXT_RUNTIME", "OPENAI_API_KEY", "OPENAI_BASE_URL", "AI_MODEL"]) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
      vi.restoreAllMocks();
    });
    it("logs the line and each warning", async () => {
      Object.assign(process.env, { NEXT_RUNTIME: "nodejs", AI_MODEL: "llama3.1" });
      delete process.env.OPENAI_API_KEY;
      delete process.env.OPENAI_BASE_URL;
      const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const { register } = await import("@/instrumentation");
      await register();
      expect(log).toHaveBeenCalledWith("Assistant: offline (built-in, no model server)");
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Warning: AI_MODEL is set but OPENAI_API_KEY is not/));
    });
  });
});

describe("what the user is told when the model fails", () => {
  it("words a timeout with the time allowed", () => {
    expect(modelErrorMessage(new ModelTimeoutError(60_000))).toBe(
      "The assistant took too long to answer (no reply in 60 s). Your message is saved — try again.",
    );
    expect(
      modelErrorMessage(
        new RetryError({
          message: "x",
          reason: "errorNotRetryable",
          errors: [apiError(500), new ModelTimeoutError(1500)],
        }),
      ),
    ).toMatch(/no reply in 1\.5 s/);
  });

  it("words a rate limit, a refused key and an unknown model without the server's words", () => {
    const limited = modelErrorMessage(
      new RetryError({
        message: "Failed after 2 attempts",
        reason: "maxRetriesExceeded",
        errors: [apiError(429), apiError(429)],
      }),
    );
    expect(limited).toMatch(/rate limit.*try again in a minute/);
    for (const status of [401, 403])
      expect(modelErrorMessage(apiError(status, "Incorrect API key provided: sk-abc"))).toMatch(
        /refused its credentials/,
      );
    expect(modelErrorMessage(apiError(404, "The model `gpt-5-mega` does not exist"))).toMatch(
      /does not know the configured model or address/,
    );
    for (const e of [apiError(429), apiError(401), apiError(404), apiError(500)])
      expect(modelErrorMessage(e)).not.toMatch(/private|10\.0\.0\.5|sk-abc|mega/);
  });

  it("words an unreachable server, and anything else as the general failure", () => {
    const refused = new APICallError({
      message: "Cannot connect to API: connect ECONNREFUSED",
      url: "http://127.0.0.1:1/v1",
      requestBodyValues: {},
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    expect(modelErrorMessage(refused)).toMatch(/cannot be reached right now/);
    expect(modelErrorMessage(apiError(500))).toBe(MODEL_FAILED);
    expect(modelErrorMessage(new Error("boom"))).toBe(MODEL_FAILED);
    expect(modelErrorMessage("a string")).toBe(MODEL_FAILED);
    expect(modelErrorMessage(undefined)).toBe(MODEL_FAILED);
  });

  it("names what was wrong with a tool call: bad JSON, input that is not an object, a tool that does not exist", () => {
    const badJson = new InvalidToolInputError({
      toolName: "add_task",
      toolInput: '{"title": ',
      cause: new JSONParseError({ text: '{"title": ', cause: new SyntaxError("end") }),
    });
    expect(modelErrorMessage(badJson)).toBe(
      "The assistant's add_task call was not valid JSON, so nothing was changed.",
    );
    const notObject = new InvalidToolInputError({
      toolName: "add_task",
      toolInput: "[1]",
      cause: new Error("Tool input must be a JSON object."),
    });
    expect(modelErrorMessage(notObject)).toBe(
      "The assistant's add_task call could not be used (Tool input must be a JSON object.), so nothing was changed.",
    );
    expect(modelErrorMessage(new NoSuchToolError({ toolName: "send_email", availableTools: ["add_task"] }))).toBe(
      "The assistant asked for a tool that does not exist (send_email), so nothing was changed.",
    );
  });
});

describe("the system prompt", () => {
  it("states the user's numeric UTC offset at this moment", () => {
    const winter = new Date("2026-03-10T14:00:00Z");
    const summer = new Date("2026-07-10T14:00:00Z");
    expect(utcOffset(winter, "Europe/Berlin")).toBe("UTC+01:00");
    expect(utcOffset(summer, "Europe/Berlin")).toBe("UTC+02:00");
    expect(utcOffset(winter, "Asia/Kolkata")).toBe("UTC+05:30");
    expect(utcOffset(winter, "America/St_Johns")).toBe("UTC-02:30");
    expect(utcOffset(winter, "America/New_York")).toBe("UTC-04:00");
    expect(utcOffset(winter, "UTC")).toBe("UTC+00:00");
    const prompt = instructions({ now: winter, timeZone: "Europe/Berlin", userName: "Ada" });
    expect(prompt).toContain("in Europe/Berlin, UTC offset UTC+01:00");
    expect(prompt).toContain("2026-03-14T17:00:00+01:00");
  });

  it("has rules for repeats, language, off-topic requests, rescheduling and bulk undo", () => {
    const prompt = instructions({ now: new Date("2026-03-10T14:00:00Z"), timeZone: "UTC", userName: "Ada" });
    expect(prompt).toMatch(/Never do the same thing twice/);
    expect(prompt).toMatch(/every Monday/);
    expect(prompt).toMatch(/Answer in the language the user writes in/);
    expect(prompt).toMatch(/Off-topic messages.*decline in one sentence.*Never turn chit-chat/);
    expect(prompt).toMatch(/Rescheduling.*keep the task's time of day/);
    expect(prompt).toMatch(/undo that whole turn.*once per change.*operationId/);
  });
});

describe("the timeout and final-answer middlewares (generateText)", () => {
  it("aborts a call that never returns and fails it with a ModelTimeoutError", async () => {
    let signal: AbortSignal | undefined;
    const model = new MockLanguageModelV4({
      doGenerate: (options) => {
        signal = options.abortSignal;
        return new Promise(() => undefined);
      },
    });
    const wrapped = wrapLanguageModel({ model, middleware: timeoutMiddleware(50) });
    const error = await generateText({ model: wrapped, prompt: "hi", maxRetries: 0 }).catch((e: unknown) => e);
    expect(ModelTimeoutError.isInstance(error)).toBe(true);
    expect(signal?.aborted).toBe(true);
  });

  it("drops the tool calls of a step told to use no tools and words the reply", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: {
        content: [{ type: "tool-call", toolCallId: "c1", toolName: "add_task", input: "{}" }],
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage: {
          inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 1, text: 1, reasoning: 0 },
        },
        warnings: [],
      },
    });
    const wrapped = wrapLanguageModel({ model, middleware: finalAnswerMiddleware() });
    const result = await generateText({ model: wrapped, prompt: "add x", toolChoice: "none" });
    expect(result.toolCalls).toEqual([]);
    expect(result.text).toBe("I stopped without finishing my answer. Try asking again, perhaps in other words.");
  });

  it("says what the turn changed when it stopped", () => {
    const task = (number: number, title: string) => ({ number, title }) as never;
    const reply = stoppedReply(
      {
        calls: 3,
        results: [
          { ok: true, kind: "added", task: task(1, "Milk"), operationId: "a" },
          { ok: false, code: "not_found", message: "No task #9." },
          { ok: true, kind: "completed", task: task(2, "Rent"), operationId: "b" },
        ] as never,
      },
      "loop",
    );
    expect(reply).toBe(
      "I stopped after 3 tool calls without finishing my answer. Done so far: added #1 Milk; completed #2 Rent. The cards above show each change (each can be undone). Tell me if anything is missing.",
    );
  });
});
