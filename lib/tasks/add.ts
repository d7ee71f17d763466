// Adding a task in one statement: the number, the task, its tags and its `success` log row
// together, so the change and its log row still commit together or not at all (a single
// statement is atomic), in one round trip instead of six. The row is written as it ends up
// after runLogged's pending → success (a pending row is never visible outside its transaction
// either). Whatever fails — a tool call id that already ran, a vanished account, the database —
// takes runLogged's failure path: nothing changed, one `failed` row, or the earlier answer.
import "server-only";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { isSensitive } from "@/lib/privacy/sensitive";
import { storableJson } from "@/lib/validation";
import { futureReminder, type Due } from "./dates";
import { firstOccurrence } from "./repeat-next";
import { fail, logFailure, logRow, type Tx } from "./log";
import { syncReminder } from "@/lib/notifications/outbox";
import type { addTaskInput } from "./schemas";
import type { OperationContext, ToolResult } from "./types";
import { toView, type TaskRow } from "./view";

/** JSON as the log stores it: JSON null for nothing, and only text jsonb can hold. */
const jsonb = (value: unknown) => JSON.stringify(value === undefined || value === null ? null : storableJson(value));

/** `within`: the caller's transaction to join; a failure is then thrown for the caller to roll back and log. */
export async function addParsedTask(
  db: Db,
  ctx: OperationContext,
  input: unknown,
  data: z.output<typeof addTaskInput>,
  dueOf: (value: string) => Due,
  within?: Tx,
): Promise<ToolResult> {
  const spec = { operation: "add" as const, input };
  const started = performance.now();
  try {
    const now = ctx.now ?? new Date();
    // A repeat with no due date starts at its first occurrence.
    const when = data.dueDate
      ? dueOf(data.dueDate)
      : data.repeat
        ? firstOccurrence(data.repeat, ctx.timeZone ?? "UTC", now)
        : null;
    const tags = [...new Set(data.tags ?? [])];
    const row: TaskRow = {
      id: randomUUID(),
      userId: ctx.userId,
      number: 0, // handed out by the statement
      title: data.title,
      description: data.description || null,
      status: "pending",
      priority: data.priority ?? "medium",
      dueDate: when?.date ?? null,
      dueAllDay: when?.allDay ?? false,
      completedAt: null,
      repeat: data.repeat || null,
      remindAt: data.remindAt ? futureReminder(data.remindAt, ctx, now) : null,
      // Worked out here, in the same statement as the task: no extra round trip.
      isSensitive: await isSensitive(data.title, data.description),
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
      tags: tags.map((name) => ({ tag: { name } })),
    };
    const operationId = randomUUID();
    const result = { ok: true as const, kind: "added" as const, task: toView(row), operationId };
    const log = logRow(ctx, input);
    const tagSteps = tags.length
      ? // DO UPDATE, not DO NOTHING: it returns a tag another request created after this
        // statement's snapshot, which DO NOTHING would skip (and the task lose the tag).
        Prisma.sql`, tagged AS (
          INSERT INTO tags (id, user_id, name) SELECT gen_random_uuid(), ${ctx.userId}::uuid, name FROM unnest(${tags}::text[]) AS name WHERE EXISTS (SELECT 1 FROM task)
          ON CONFLICT (user_id, name) DO UPDATE SET name = EXCLUDED.name
          RETURNING id
        ), linked AS (
          INSERT INTO task_tags (task_id, tag_id) SELECT ${row.id}::uuid, id FROM tagged
        )`
      : Prisma.empty;
    const insert = Prisma.sql`
      WITH numbered AS (
        UPDATE users SET last_task_number = last_task_number + 1 WHERE id = ${ctx.userId}::uuid RETURNING last_task_number
      ), task AS (
        INSERT INTO tasks (id, user_id, number, title, description, priority, due_date, due_all_day, repeat, remind_at, is_sensitive, created_at, updated_at)
        SELECT ${row.id}::uuid, ${ctx.userId}::uuid, last_task_number, ${row.title}, ${row.description}, ${row.priority}::"Priority",
               ${row.dueDate}, ${row.dueAllDay}, ${row.repeat}, ${row.remindAt}, ${row.isSensitive}, ${now}, ${now}
        FROM numbered
        RETURNING id, number
      )${tagSteps}, logged AS (
        INSERT INTO task_operation_logs (id, user_id, actor_id, conversation_id, message_id, tool_call_id, original_command, source, approval, input,
                                         operation, status, task_id, before, result, duration_ms, created_at, finished_at)
        SELECT ${operationId}::uuid, ${log.userId}::uuid, ${log.actorId}::uuid, ${log.conversationId}::uuid, ${log.messageId}::uuid, ${log.toolCallId},
               ${log.originalCommand}, ${log.source}::"OperationSource", ${log.approval}::"Approval", ${jsonb(input)}::jsonb,
               'add', 'success', task.id, 'null'::jsonb,
               jsonb_set(${jsonb({ ...result, version: now.toISOString() })}::jsonb, '{task,number}', to_jsonb(task.number)),
               round(${performance.now() - started} + 1000 * extract(epoch FROM clock_timestamp() - statement_timestamp()))::int,
               -- The app's clock, as for every other row it writes: "the latest change" is found by
               -- created_at, and the database's clock may differ from the app's.
               ${now}, ${now}::timestamptz + (clock_timestamp() - statement_timestamp())
        FROM task
        RETURNING id
      )
      SELECT task.number FROM task, logged`;
    // A task with a due date or a reminder may need a reminder row, which must commit with the
    // task: then the statement and syncReminder share a transaction. Without either (most adds),
    // the one statement is the whole change.
    // Inside a caller's transaction (addTasks: an import, all or nothing) it joins that one.
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => (within ? work(within) : db.$transaction(work));
    const rows =
      row.dueDate || row.remindAt
        ? await inTransaction(async (tx) => {
            const inserted = await tx.$queryRaw<{ number: number }[]>(insert);
            if (inserted[0])
              await syncReminder(
                tx,
                ctx.userId,
                { ...row, number: inserted[0].number },
                { timeZone: ctx.timeZone, now },
              );
            return inserted;
          })
        : await (within ?? db).$queryRaw<{ number: number }[]>(insert);
    const number = rows[0]?.number;
    if (number === undefined) fail({ ok: false, code: "not_found", message: "Your account no longer exists." });
    return { ...result, task: { ...result.task, number } };
  } catch (error) {
    if (within) throw error;
    return logFailure(db, ctx, spec, error, started);
  }
}
