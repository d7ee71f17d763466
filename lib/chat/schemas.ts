// The chat route's request body. The client sends only the new message (or, to answer an
// approval, the assistant message holding the answers); history comes from the database.
import "server-only";
import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zone";
import { hasUnstorableText, UNSTORABLE_TEXT } from "@/lib/validation";

import { MAX_MESSAGE_CHARS } from "./limits";
import { ASSISTANT_PART_TYPE } from "./parts";

export { CONTEXT_MESSAGES, MAX_CONVERSATION_MESSAGES, MAX_MESSAGE_CHARS } from "./limits";

// Only what the UI sends is accepted (lib/chat/parts.ts says why): a user message is text; an
// approval answer echoes the assistant message it was shown, whose parts the agent wrote.
const textPart = z.object({ type: z.literal("text", { error: "Messages can only contain text." }), text: z.string() });
const replyPart = z.looseObject({
  type: z.string().max(100).regex(ASSISTANT_PART_TYPE, "Only the assistant's own message parts can be sent back."),
});
const messageId = z.string().trim().min(1).max(100);

const userMessage = z.strictObject({
  id: messageId,
  role: z.literal("user"),
  parts: z.array(textPart).min(1).max(20),
  metadata: z.unknown().optional(),
});

const approvalMessage = z.strictObject({
  id: messageId,
  role: z.literal("assistant"),
  parts: z.array(replyPart).max(200),
  metadata: z.unknown().optional(),
});

export const chatRequest = z
  .strictObject({
    id: z.uuid("The conversation id must be a UUID.").optional(),
    message: z.discriminatedUnion("role", [userMessage, approvalMessage], {
      error: "The message must come from the user.",
    }),
    timeZone: z.string().max(100).refine(isValidTimeZone, "Unknown time zone.").optional(),
    /**
     * Sent by useChat; the server decides what runs. With a user message, `messageId` asks to
     * replace a turn (lib/chat/replace.ts): "submit-message" names the user message edited,
     * "regenerate-message" the reply to answer again.
     */
    trigger: z.string().max(50).optional(),
    messageId: z.string().max(100).optional(),
  })
  .superRefine((body, ctx) => {
    // The message is stored as text and jsonb, neither of which can hold a NUL.
    if (hasUnstorableText(body.message)) {
      ctx.addIssue({ code: "custom", path: ["message"], message: UNSTORABLE_TEXT });
      return;
    }
    if (body.message.role !== "user") {
      if (!body.id) ctx.addIssue({ code: "custom", path: ["id"], message: "Approvals need the conversation id." });
      return;
    }
    if (replacementOf(body) && !body.id)
      ctx.addIssue({ code: "custom", path: ["id"], message: "An edit or a regenerate needs the conversation id." });
    const text = messageText(body.message.parts);
    if (!text.trim()) ctx.addIssue({ code: "custom", path: ["message"], message: "Type a message first." });
    else if (text.length > MAX_MESSAGE_CHARS) {
      ctx.addIssue({
        code: "custom",
        path: ["message"],
        message: `Messages can be at most ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} characters (this one has ${text.length.toLocaleString("en-US")}).`,
      });
    }
  });

export type ChatRequest = z.infer<typeof chatRequest>;

export type ReplacementKind = "edit" | "regenerate";

/** What a user message asks to replace (an edit of an earlier message, or a reply answered again); null for a new message. */
export function replacementOf(
  body: Pick<ChatRequest, "trigger" | "messageId" | "message">,
): { kind: ReplacementKind; messageId: string } | null {
  if (body.message.role !== "user" || !body.messageId) return null;
  if (body.trigger === "submit-message") return { kind: "edit", messageId: body.messageId };
  if (body.trigger === "regenerate-message") return { kind: "regenerate", messageId: body.messageId };
  return null;
}

export function messageText(parts: readonly { type: string }[]): string {
  return parts
    .filter(
      (p): p is { type: "text"; text: string } =>
        p.type === "text" && typeof (p as { text?: unknown }).text === "string",
    )
    .map((p) => p.text)
    .join("\n");
}
