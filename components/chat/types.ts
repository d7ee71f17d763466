import type { UIMessage } from "ai";
import type { ChatMetadata } from "@/lib/chat/turn";

export type ChatMessageMetadata = Partial<ChatMetadata> & { feedback?: "up" | "down"; error?: string; aborted?: boolean };
export type ChatMessage = UIMessage<ChatMessageMetadata>;

/** A tool part as stored and streamed (the agent's tools are not typed on the client). */
export type ToolPart = {
  type: `tool-${string}`;
  toolCallId: string;
  state: "input-streaming" | "input-available" | "approval-requested" | "approval-responded" | "output-available" | "output-error" | "output-denied";
  input?: Record<string, unknown>;
  output?: unknown;
  errorText?: string;
  approval?: { id: string; approved?: boolean; reason?: string; requestReason?: string };
};

export function isToolPart(part: { type: string }): part is ToolPart {
  return part.type.startsWith("tool-") && "toolCallId" in part;
}
