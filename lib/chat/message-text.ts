// A chat message as Markdown text, for the message's Copy action: the words as written, and a
// reply's task cards as text lines (the lines the conversation export writes, lib/tasks/describe.ts).
import { resultText } from "@/lib/tasks/describe";
import type { ToolResult } from "@/lib/tasks/types";

type Part = {
  type: string;
  text?: string;
  state?: string;
  output?: unknown;
  errorText?: string;
  approval?: { approved?: boolean; requestReason?: string };
};

type Due = (dueDate: string | null) => string | null;

/** A reply's task cards, one line each ("Added: #3 Buy milk — due Wed, Mar 11"); a list's tasks indented under it. */
export function cardLines(parts: readonly Part[], due: Due): string[] {
  return parts.flatMap((p) => {
    if (!p.type.startsWith("tool-")) return [];
    if (p.state === "output-available" && p.output && typeof p.output === "object")
      return resultText(p.output as ToolResult, due);
    if (p.state === "output-error") return [`Failed: ${p.errorText ?? "nothing was changed."}`];
    if (p.state === "output-denied" || p.approval?.approved === false)
      return [`Rejected: ${p.approval?.requestReason ?? "a change"}`];
    if (p.state === "approval-requested") return [`Waiting for approval: ${p.approval?.requestReason ?? "a change"}`];
    return [];
  });
}

/** The message as Markdown: its text, then its task cards as a list. */
export function messageMarkdown(message: { role: string; parts: readonly Part[] }, due: Due): string {
  const texts = message.parts.flatMap((p) => (p.type === "text" && p.text ? [p.text] : []));
  if (message.role === "user") return texts.join("\n");
  const cards = cardLines(message.parts, due)
    .map((line) => (line.startsWith("  ") ? `  - ${line.trim()}` : `- ${line}`))
    .join("\n");
  return [texts.join("\n\n"), cards].filter(Boolean).join("\n\n");
}
