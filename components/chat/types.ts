import type { ToolUIPart, UIDataTypes, UIMessage } from "ai";
import type { DoableUITools } from "@/lib/agent/tools";
import type { ChatMetadata } from "@/lib/chat/turn";

export type ChatMessageMetadata = Partial<ChatMetadata> & {
  feedback?: "up" | "down";
  error?: string;
  aborted?: boolean;
};
/** A chat message with the agent's tools typed: a `tool-add_task` part's output is the service's result. */
export type ChatMessage = UIMessage<ChatMessageMetadata, UIDataTypes, DoableUITools>;

/** A tool part as stored and streamed: one of the agent's tools, input and output typed. */
export type ToolPart = ToolUIPart<DoableUITools>;

export function isToolPart(part: ChatMessage["parts"][number]): part is ToolPart {
  return part.type.startsWith("tool-") && "toolCallId" in part;
}
