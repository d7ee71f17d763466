/* eslint-disable @typescript-eslint/no-explicit-any -- the approval rule applies to any tool set */
// Bulk changes need the user's approval: when one model step asks to change more than one
// task, each of those calls waits for Approve / Reject. A step's size is known only once the
// model has finished it, so tool calls are held back until the step's finish part.
import type { GenericToolApprovalFunction, LanguageModelMiddleware } from "ai";
import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { CHANGING_TOOLS } from "./tools";

export type BulkApproval = { middleware: LanguageModelMiddleware; toolApproval: GenericToolApprovalFunction<any, any, any> };

/** Says in words what a call would do ("Complete #3 Call mom"), shown with its Approve / Reject. */
export type Describe = (toolCall: { toolName: string; input: unknown }) => Promise<string | undefined>;

export function bulkApproval(describe?: Describe): BulkApproval {
  const needsApproval = new Set<string>();
  const mark = (calls: { toolCallId: string; toolName: string }[]) => {
    const changing = calls.filter((c) => CHANGING_TOOLS.has(c.toolName));
    if (changing.length > 1) for (const c of changing) needsApproval.add(c.toolCallId);
  };
  const middleware: LanguageModelMiddleware = {
    specificationVersion: "v4",
    async wrapGenerate({ doGenerate }) {
      const result = await doGenerate();
      mark(result.content.filter((c) => c.type === "tool-call"));
      return result;
    },
    async wrapStream({ doStream }) {
      const { stream, ...rest } = await doStream();
      const held: Extract<LanguageModelV4StreamPart, { type: "tool-call" }>[] = [];
      const transform = new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
        transform(part, controller) {
          if (part.type === "tool-call") held.push(part);
          else if (part.type === "finish") {
            mark(held);
            for (const call of held.splice(0)) controller.enqueue(call);
            controller.enqueue(part);
          } else controller.enqueue(part);
        },
        flush(controller) {
          mark(held);
          for (const call of held.splice(0)) controller.enqueue(call);
        },
      });
      return { stream: stream.pipeThrough(transform), ...rest };
    },
  };
  const toolApproval = (async ({ toolCall }: { toolCall: { toolCallId: string; toolName: string; input: unknown } }) => {
    if (!needsApproval.has(toolCall.toolCallId)) return undefined;
    const reason = await describe?.(toolCall).catch(() => undefined);
    return reason ? { type: "user-approval", reason } : "user-approval";
  }) as GenericToolApprovalFunction<any, any, any>;
  return { middleware, toolApproval };
}
