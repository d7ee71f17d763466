"use server";

// Importing a Todoist CSV from the task panel: a preview that changes nothing, then the import,
// which adds the tasks through the task service as one change (one undo takes it back). The
// file's text is read again on import, so only what the server itself read is ever added.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { importTodoist, previewTodoist } from "@/lib/import/todoist";
import type { OperationContext } from "@/lib/tasks/types";
import { isValidTimeZone } from "@/lib/time/zone";
import { userAction, type ActionContext } from "@/lib/user-action";

// A zone the browser could not tell us is read as UTC rather than refused.
const timeZone = z.unknown().transform((tz) => (typeof tz === "string" && isValidTimeZone(tz) ? tz : "UTC"));
const operation = (user: ActionContext["user"], tz: string): OperationContext => ({
  userId: user.id,
  source: "ui",
  timeZone: tz,
  originalCommand: "Import from Todoist",
});

export const previewTodoistImportAction = userAction(z.tuple([z.string(), timeZone]), async ([text, tz], { user }) => {
  const preview = previewTodoist(text, operation(user, tz));
  if (!preview.ok) throw new AppError("bad_request", preview.message);
  return preview;
});

export const importTodoistAction = userAction(
  z.tuple([z.string(), timeZone, z.boolean()]),
  async ([text, tz, skipBad], { user, db }) => {
    const result = await importTodoist(db, operation(user, tz), text, { skipBad });
    if (!result.ok) throw new AppError("bad_request", result.message);
    // An import adds at least one task (importTodoist refuses a file with none), each logged.
    const [operationId] = result.operationIds;
    if (!operationId) throw new Error("An import succeeded without logging an operation.");
    return { count: result.tasks.length, operationId };
  },
);
