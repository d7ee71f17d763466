// With a model configured, a new chat's title is the model's summary of its first exchange,
// asked for once the reply has streamed (Next's `after`), so the reply never waits for it. Until
// then the chat shows the title made without a model (./title.ts); a title the user gave is
// never replaced, whenever the model answers.
import "server-only";
import { streamText, type LanguageModel, type UIMessage } from "ai";
import { after } from "next/server";
import { createModel, modelInfo } from "@/lib/agent/provider";
import type { Db } from "@/lib/db/client";
import { cutAtWord, TITLE_CHARS } from "./title";

const INSTRUCTIONS = [
  "You name conversations between a user and their to-do assistant.",
  "Reply with only a title of 2 to 6 words that says what the conversation is about, the way a person would name it (for example: Groceries and the dentist).",
  "Write it in the language of the user's message. No quotes, no emoji, no final punctuation.",
].join(" ");
const EXCERPT_CHARS = 600;
const TITLE_TIMEOUT_MS = 15_000;

type Exchange = { message: string; reply: Pick<UIMessage, "parts"> };

/** The model's answer as a title: one line, no quotes, label or final punctuation, cut at a word. Null when nothing is left. */
export function cleanModelTitle(text: string): string | null {
  const line =
    text
      .trim()
      .split(/\r?\n/)
      .find((l) => l.trim()) ?? "";
  const clean = line
    .replace(/^\s*(?:title|titre|título|titel)\s*:\s*/iu, "")
    .replace(/[*_#`]+/g, "")
    .replace(/^["'“”‘’«»\s]+|["'“”‘’«»\s]+$/gu, "")
    .replace(/\.{3}|…/g, " ")
    .replace(/\s+/g, " ")
    .replace(/[\s.!?,;:]+$/u, "")
    .trim();
  const cut = cutAtWord(clean, TITLE_CHARS).replace(/[\s.!?,;:]+$/u, "");
  return cut ? cut.charAt(0).toLocaleUpperCase() + cut.slice(1) : null;
}

/** Asks the model for a title for the exchange; null when it fails or says nothing usable. */
export async function askModelForTitle(model: LanguageModel, { message, reply }: Exchange): Promise<string | null> {
  const replyText = (reply.parts as { type: string; text?: string }[])
    .filter((p) => p.type === "text" && p.text)
    .map((p) => p.text)
    .join("\n");
  try {
    const result = streamText({
      model,
      system: INSTRUCTIONS,
      prompt: `User: ${message.slice(0, EXCERPT_CHARS)}\n\nAssistant: ${replyText.slice(0, EXCERPT_CHARS)}`,
      maxOutputTokens: 30,
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(TITLE_TIMEOUT_MS),
      onError: () => undefined, // a failed title is no failure of the turn: the title made without a model stays
    });
    return cleanModelTitle(await result.text);
  } catch {
    return null;
  }
}

/** Stores a model's title unless the user has named the chat meanwhile. Whether it was stored. */
export async function saveModelTitle(db: Db, conversationId: string, title: string): Promise<boolean> {
  const { count } = await db.conversation.updateMany({
    where: { id: conversationId, titleSource: { in: ["draft", "auto"] } },
    data: { title, titleSource: "model" },
  });
  return count === 1;
}

/** Asks for the title and stores it; a model or database failure leaves the title as it was. */
export async function titleWithModel(
  db: Db,
  conversationId: string,
  exchange: Exchange,
  model: LanguageModel = titleModel(),
): Promise<string | null> {
  const title = await askModelForTitle(model, exchange);
  if (!title) return null;
  try {
    return (await saveModelTitle(db, conversationId, title)) ? title : null;
  } catch (error) {
    console.error("conversation title not saved", error);
    return null;
  }
}

function titleModel(): LanguageModel {
  // The offline assistant's dependencies are never used by a configured model.
  return createModel({ now: () => new Date(), timeZone: "UTC", loadTasks: async () => [] }).model;
}

/**
 * After the reply to a chat's first message: asks the model for a title once the response has
 * finished. Nothing with the offline assistant (the reply's save titled the chat already), and
 * nothing outside a Next request (a script or test calling the turn directly).
 */
export function titleAfterFirstReply(db: Db, conversationId: string, exchange: Exchange): void {
  if (modelInfo().provider === "offline") return;
  try {
    after(() => titleWithModel(db, conversationId, exchange).then(() => undefined));
  } catch {
    // `after` outside a request scope: no one is waiting for this title.
  }
}
