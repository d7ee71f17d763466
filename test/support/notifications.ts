// Shared by the notification tests: users, tasks made through the task service, and the
// syncReminder call the service will make inside its own transactions.
import type { Db } from "@/lib/db/client";
import { addTask } from "@/lib/tasks/service";
import type { AddTaskInput } from "@/lib/tasks/schemas";
import type { OperationContext, ToolResult } from "@/lib/tasks/types";
import { syncReminder } from "@/lib/notifications/outbox";

export async function makeUser(
  db: Db,
  email: string,
  settings?: Partial<{ timeZone: string; reminderLeadMinutes: number; allDayHour: number; emailReminders: boolean }>,
) {
  const user = await db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: "x" } });
  if (settings) await db.userSettings.create({ data: { userId: user.id, ...settings } });
  return user.id;
}

export function ok(result: ToolResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result;
}

/** What the service's transaction will do after a change: re-read the task and sync its reminder. */
export async function sync(db: Db, userId: string, number: number, now: Date, timeZone = "UTC") {
  await db.$transaction(async (tx) => {
    const task = await tx.task.findUniqueOrThrow({ where: { userId_number: { userId, number } } });
    await syncReminder(tx, userId, task, { now, timeZone });
  });
}

/** A task added through the service, then synced as the service will. */
export async function addWithReminder(db: Db, ctx: OperationContext, input: AddTaskInput, now: Date): Promise<number> {
  const added = ok(await addTask(db, ctx, input));
  const number = added.kind === "added" ? added.task.number : 0;
  await sync(db, ctx.userId, number, now, ctx.timeZone);
  return number;
}

/** A clock the test moves by hand. */
export function manualClock(start: string) {
  let now = new Date(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set: (iso: string) => {
      now = new Date(iso);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  });
}
