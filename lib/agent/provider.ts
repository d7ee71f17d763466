// Which model answers: an OpenAI (or OpenAI-compatible) model when OPENAI_API_KEY is set,
// otherwise the built-in offline assistant. Also the server's start-up line naming it.
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { wrapLanguageModel } from "ai";
import { envText, setting, type EnvSource as Env } from "@/lib/env";
import { formatSeconds } from "./errors";
import { createOfflineModel, OFFLINE_MODEL_ID, type OfflineDeps, type OfflineModel } from "./offline-model";
import { timeoutMiddleware, timeoutMs } from "./timeout";

/** Which OpenAI HTTP API the model is called through. */
export type ModelApi = "responses" | "chat";

export type ModelInfo = {
  provider: "openai" | "openai-compatible" | "offline";
  modelId: string;
  label: string;
  /** Unset for the offline assistant. */
  api?: ModelApi;
};

const OPENAI_URL = "https://api.openai.com/v1";

/** OpenAI itself speaks the Responses API; other servers (Ollama, vLLM, LM Studio) chat completions. */
function defaultApi(baseURL: string | undefined): ModelApi {
  if (!baseURL) return "responses";
  try {
    return new URL(baseURL).hostname === "api.openai.com" ? "responses" : "chat";
  } catch {
    return "chat";
  }
}

/** AI_API=responses|chat, else the default for the base URL. */
export function modelApi(env: Env = process.env): ModelApi {
  return setting("AI_API", env) ?? defaultApi(setting("OPENAI_BASE_URL", env));
}

export function modelInfo(env: Env = process.env): ModelInfo {
  if (!setting("OPENAI_API_KEY", env))
    return { provider: "offline", modelId: OFFLINE_MODEL_ID, label: "Offline assistant" };
  const modelId = setting("AI_MODEL", env);
  return {
    provider: setting("OPENAI_BASE_URL", env) ? "openai-compatible" : "openai",
    modelId,
    label: modelId,
    api: modelApi(env),
  };
}

export function createModel(
  offline: OfflineDeps,
  env: Env = process.env,
): { model: LanguageModelV4; info: ModelInfo; replyInStep?: OfflineModel["replyInStep"] } {
  const info = modelInfo(env);
  if (info.provider === "offline") return { ...createOfflineModel(offline), info };
  const openai = createOpenAI({ apiKey: setting("OPENAI_API_KEY", env), baseURL: setting("OPENAI_BASE_URL", env) });
  const model = info.api === "responses" ? openai.responses(info.modelId) : openai.chat(info.modelId);
  return { model: wrapLanguageModel({ model, middleware: timeoutMiddleware(timeoutMs(env)) }), info };
}

/** A base URL fit for a log line: no user name, password, query or fragment. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return "(not a valid URL)";
  }
}

/**
 * What the server prints when it starts: which assistant answers, through which server and
 * API, and warnings for settings that would otherwise be ignored silently.
 */
export function startupReport(env: Env = process.env): { line: string; warnings: string[] } {
  const warnings: string[] = [];
  const info = modelInfo(env);
  const baseURL = setting("OPENAI_BASE_URL", env);
  // The warnings quote what was written, which the settings have already replaced by defaults.
  const aiApi = envText("AI_API", env);
  if (info.provider === "offline") {
    const set = (["OPENAI_BASE_URL", "AI_MODEL", "AI_API"] as const).filter((k) => envText(k, env));
    if (set.length) {
      warnings.push(
        `${set.join(" and ")} ${set.length === 1 ? "is" : "are"} set but OPENAI_API_KEY is not, so the built-in offline assistant answers. ` +
          "Set OPENAI_API_KEY to use the model server; local servers such as Ollama, vLLM and LM Studio accept any non-empty key (e.g. OPENAI_API_KEY=local).",
      );
    }
    return { line: "Assistant: offline (built-in, no model server)", warnings };
  }
  if (aiApi && !setting("AI_API", env)) {
    warnings.push(
      `AI_API=${aiApi} is not "responses" or "chat"; using ${info.api === "chat" ? "chat completions" : "the Responses API"}.`,
    );
  }
  const rawTimeout = envText("AI_TIMEOUT_MS", env);
  const ms = timeoutMs(env);
  if (rawTimeout && !(Number(rawTimeout) >= 1))
    warnings.push(`AI_TIMEOUT_MS=${rawTimeout} is not a positive number of milliseconds; using ${ms}.`);
  if (baseURL && !/^https?:$/.test(safeProtocol(baseURL)))
    warnings.push(`OPENAI_BASE_URL is not an http(s) URL; requests to the model server will fail.`);
  const url = baseURL ? displayUrl(baseURL) : OPENAI_URL;
  const api = info.api === "chat" ? "chat completions" : "Responses API";
  return { line: `Assistant: ${info.modelId} via ${url} (${api}), timeout ${formatSeconds(ms)}`, warnings };
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return "";
  }
}
