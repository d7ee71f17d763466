"use server";

// The conversation view's reads and ratings; sending messages goes through /api/chat.
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireApiUser } from "@/lib/auth/session";
import { messagePage, setFeedback, type MessagePage } from "@/lib/chat/history";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const id = z.uuid();
const feedback = z.enum(["up", "down"]).nullable();

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", "That request is not valid.");
  return parsed.data;
}

export async function loadOlderMessagesAction(conversationId: string, beforeId: string): Promise<ActionResult<MessagePage>> {
  return runAction(async () => {
    const user = await requireApiUser();
    return messagePage(await getDb(), user.id, parse(id, conversationId), parse(id, beforeId));
  });
}

export async function setFeedbackAction(messageId: string, value: "up" | "down" | null): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireApiUser();
    await setFeedback(await getDb(), user.id, parse(id, messageId), parse(feedback, value));
    return {};
  });
}
