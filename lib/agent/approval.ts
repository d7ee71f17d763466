// Bulk changes need the user's approval: when one model step asks to change more than one
// task, each of those calls waits for Approve / Reject. A step's size is known only once the
// model has finished it, so tool calls are held back until the step's finish part.
import type { LanguageModelMiddleware, ToolApprovalConfiguration, ToolSet } from "ai";
import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { absoluteDue } from "@/lib/time/due";
import type { UpdateTaskInput } from "@/lib/tasks/schemas";
import { CHANGING_TOOLS } from "./tools";

/** The agent's approval check, over its tools seen as a plain ToolSet (agent.ts). */
type ToolApproval = Extract<ToolApprovalConfiguration<ToolSet, unknown>, (...args: never[]) => unknown>;

export type BulkApproval = {
  middleware: LanguageModelMiddleware;
  toolApproval: ToolApproval;
  /** Marks a whole step's calls at once, for a model that knows them before it streams (the offline one). */
  markStep: (calls: { toolCallId: string; toolName: string }[]) => void;
};

/** Says in words what a call would do ("Complete #3 Call mom"), shown with its Approve / Reject. */
export type Describe = (toolCall: { toolName: string; input: unknown }) => Promise<string | undefined>;

const tagList = (tags: unknown) =>
  Array.isArray(tags)
    ? tags
        .filter((t) => typeof t === "string")
        .map((t) => `#${t}`)
        .join(" ")
    : "";

/** What an update would change, in words: "rename to “Buy oat milk”, due Fri, Mar 13, add #errands". */
function updateChanges(input: Partial<UpdateTaskInput>, when: { timeZone?: string; now?: Date }): string[] {
  const changes: string[] = [];
  if (typeof input.title === "string") changes.push(`rename to “${input.title}”`);
  if (input.dueDate === null) changes.push("no due date");
  else if (typeof input.dueDate === "string") changes.push(`due ${absoluteDue(input.dueDate, when) ?? input.dueDate}`);
  if (typeof input.priority === "string") changes.push(`${input.priority} priority`);
  if (tagList(input.addTags)) changes.push(`add ${tagList(input.addTags)}`);
  if (tagList(input.removeTags)) changes.push(`remove ${tagList(input.removeTags)}`);
  if (input.description === null) changes.push("remove the notes");
  else if (typeof input.description === "string") changes.push("new notes");
  if (input.repeat === null) changes.push("stop repeating");
  else if (typeof input.repeat === "string") changes.push("a new repeat rule");
  if (input.remindAt === null) changes.push("no reminder");
  else if (typeof input.remindAt === "string")
    changes.push(`remind ${absoluteDue(input.remindAt, when) ?? input.remindAt}`);
  return changes;
}

/**
 * A change to one task in words, naming the task and what would change ("Delete #3 Buy milk",
 * "Change #2 Call mom: due Fri, Mar 13, high priority"): what an approval card lists.
 */
export function describeChange(
  toolName: string,
  input: unknown,
  task: { number: number; title: string },
  when: { timeZone?: string; now?: Date } = {},
): string {
  const name = `#${task.number} ${task.title}`;
  if (toolName === "delete_task") return `Delete ${name}`;
  if (toolName === "complete_task")
    return (input as { completed?: boolean } | null)?.completed === false ? `Reopen ${name}` : `Complete ${name}`;
  const changes =
    toolName === "update_task" && input && typeof input === "object"
      ? updateChanges(input as Partial<UpdateTaskInput>, when)
      : [];
  return changes.length ? `Change ${name}: ${changes.join(", ")}` : `Change ${name}`;
}

export function bulkApproval(describeCall?: Describe): BulkApproval {
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
  const toolApproval: ToolApproval = async ({ toolCall }) => {
    if (!needsApproval.has(toolCall.toolCallId)) return undefined;
    const reason = await describeCall?.(toolCall).catch(() => undefined);
    return reason ? { type: "user-approval", reason } : "user-approval";
  };
  return { middleware, toolApproval, markStep: mark };
}
