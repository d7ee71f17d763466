// Which model answers: an OpenAI (or OpenAI-compatible) model when OPENAI_API_KEY is set,
// otherwise the built-in offline assistant.
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { createOfflineModel, OFFLINE_MODEL_ID, type OfflineDeps } from "./offline-model";

export type ModelInfo = { provider: "openai" | "openai-compatible" | "offline"; modelId: string; label: string };

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

export function modelInfo(env = process.env): ModelInfo {
  if (!env.OPENAI_API_KEY?.trim()) return { provider: "offline", modelId: OFFLINE_MODEL_ID, label: "Offline assistant" };
  const modelId = env.AI_MODEL?.trim() || DEFAULT_OPENAI_MODEL;
  return { provider: env.OPENAI_BASE_URL?.trim() ? "openai-compatible" : "openai", modelId, label: modelId };
}

export function createModel(offline: OfflineDeps, env = process.env): { model: LanguageModelV4; info: ModelInfo } {
  const info = modelInfo(env);
  if (info.provider === "offline") return { model: createOfflineModel(offline), info };
  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  const openai = createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL });
  // OpenAI-compatible servers speak chat completions; OpenAI itself gets its Responses API.
  return { model: baseURL ? openai.chat(info.modelId) : openai(info.modelId), info };
}
