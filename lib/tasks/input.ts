// Reading a task operation's input: zod issues become the one-line answer the user and the log
// see, and bad input fails inside the logged run (fail), so it leaves a failed log row.
import "server-only";
import type { z } from "zod";
import { parseCheckedDue, type Due } from "./dates";
import { fail } from "./log";
import type { OperationContext, ToolError } from "./types";

export function invalid(error: z.ZodError): ToolError {
  const issue = error.issues[0];
  const field = issue?.path.join(".");
  const message =
    issue?.code === "unrecognized_keys"
      ? `Unknown field: ${issue.keys.join(", ")}.`
      : (issue?.message ?? "That input is not valid.");
  return {
    ok: false,
    code: "invalid_input",
    message:
      field && issue?.code !== "unrecognized_keys" && !message.includes(field) ? `${field}: ${message}` : message,
  };
}

/** Parses with a schema inside the logged run, so bad input leaves a failed log row. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) fail(invalid(parsed.error));
  return parsed.data;
}

export function due(value: string, ctx: OperationContext): Due {
  return parseCheckedDue(value, ctx.timeZone ?? "UTC");
}
