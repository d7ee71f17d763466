// Every task operation runs here: its operation-log row and the change share one transaction,
// so a change never exists without its log row. Failures are logged as `failed` rows after the
// transaction rolled back, so nothing but the log changes.
import "server-only";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Prisma, type Operation } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { storableJson, storableText } from "@/lib/validation";
import type { OperationContext, ToolError, ToolResult } from "./types";

export type Tx = Prisma.TransactionClient;

export type Outcome = {
  result: ToolResult;
  taskId?: string | null;
  before?: unknown;
  undoOfId?: string | null;
  /** The operation actually performed, when it differs from the one asked (complete → reopen). */
  operation?: Operation;
  /** The task's updated_at after the change: an undo checks nothing changed since. */
  version?: string | null;
  /** Further changes made by the same call (a whole turn undone), each logged as its own success row. */
  also?: { undoOfId: string; taskId: string; before: unknown; version: string; result: ToolResult }[];
};

export type Spec = { operation: Operation; input: unknown };

/** Thrown inside the transaction to roll it back and log the ToolError as failed. */
class Failed extends Error {
  constructor(
    readonly result: ToolError,
    readonly taskId: string | null,
  ) {
    super(result.message);
  }
}

export function fail(result: ToolError, taskId: string | null = null): never {
  throw new Failed(result, taskId);
}

const INTERNAL: ToolError = {
  ok: false,
  code: "internal",
  message: "Something went wrong on our side; nothing was changed. Please try again.",
};

function asJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  // NULs dropped and unpaired surrogates replaced: jsonb cannot store them, and the log must
  // record refused input too.
  return value === undefined || value === null ? Prisma.JsonNull : (storableJson(value) as Prisma.InputJsonValue);
}

/** The columns every log row (pending, success, failed, rejected) takes from who acted, where, and with what input. */
export function logRow(ctx: OperationContext, input: unknown) {
  return {
    userId: ctx.userId,
    // Its own column, never part of the input: a model's tool input may hold any key.
    actorId: ctx.actorId ?? ctx.userId,
    conversationId: ctx.conversationId ?? null,
    messageId: ctx.messageId ?? null,
    toolCallId: ctx.toolCallId ?? null,
    originalCommand: ctx.originalCommand ?? null,
    source: ctx.source,
    approval: ctx.approval ?? null,
    input: asJson(input),
  };
}

/** What a tool call id that already ran returned, or null when it never ran. */
async function earlier(db: Db, ctx: OperationContext): Promise<ToolResult | null> {
  if (!ctx.toolCallId) return null;
  const row = await db.taskOperationLog.findUnique({ where: { toolCallId: ctx.toolCallId } });
  if (!row) return null;
  if (row.userId !== ctx.userId)
    return { ok: false, code: "conflict", message: "That tool call id is already in use." };
  if (row.status === "pending") return { ok: false, code: "conflict", message: "That change is still being made." };
  return storedResult(row.result);
}

export async function runLogged(
  db: Db,
  ctx: OperationContext,
  spec: Spec,
  body: (tx: Tx) => Promise<Outcome>,
): Promise<ToolResult> {
  // A tool call id that already ran is caught by the log's unique index on the first insert
  // below (one statement fewer per call than looking first); the catch answers as it did.
  const started = performance.now();
  const base = logRow(ctx, spec.input);
  try {
    return await db.$transaction(async (tx) => {
      const log = await tx.taskOperationLog.create({
        data: { ...base, operation: spec.operation, status: "pending" },
        select: { id: true },
      });
      const out = await body(tx);
      if (!out.result.ok) fail(out.result, out.taskId ?? null);
      const result = "operationId" in out.result ? { ...out.result, operationId: log.id } : out.result;
      await tx.taskOperationLog.update({
        where: { id: log.id },
        data: {
          status: "success",
          operation: out.operation ?? spec.operation,
          taskId: out.taskId ?? null,
          undoOfId: out.undoOfId ?? null,
          before: asJson(out.before),
          result: asJson({ ...result, ...(out.version ? { version: out.version } : {}) }),
          durationMs: Math.round(performance.now() - started),
          finishedAt: new Date(),
        },
      });
      for (const more of out.also ?? []) {
        const id = randomUUID();
        await tx.taskOperationLog.create({
          data: {
            ...base,
            id,
            toolCallId: null,
            operation: spec.operation,
            status: "success",
            taskId: more.taskId,
            undoOfId: more.undoOfId,
            before: asJson(more.before),
            result: asJson({ ...more.result, operationId: id, version: more.version }),
            durationMs: 0,
            finishedAt: new Date(),
          },
          select: { id: true },
        });
      }
      return result;
    });
  } catch (error) {
    return logFailure(db, ctx, spec, error, started);
  }
}

/**
 * What a change that did not happen answers, and its `failed` log row (written outside the
 * rolled-back work, so nothing but the log changes). A tool call id that already ran answers
 * as it did then.
 */
export async function logFailure(
  db: Db,
  ctx: OperationContext,
  spec: Spec,
  error: unknown,
  started: number,
): Promise<ToolResult> {
  const base = logRow(ctx, spec.input);
  if (isToolCallIdClash(error)) {
    // The same tool call is running (or just ran) in another request: answer as it did.
    const replayed = await earlier(db, ctx);
    if (replayed) return replayed;
  }
  const failure = error instanceof Failed ? error.result : INTERNAL;
  if (!(error instanceof Failed)) console.error("task operation failed", spec.operation, error);
  await db.taskOperationLog
    .create({
      data: {
        ...base,
        operation: spec.operation,
        status: "failed",
        taskId: error instanceof Failed ? error.taskId : null,
        error: storableText(failure.message),
        result: asJson(failure),
        durationMs: Math.round(performance.now() - started),
        finishedAt: new Date(),
      },
    })
    .catch((logError) => console.error("could not log a failed task operation", logError));
  return failure;
}

function isToolCallIdClash(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // P2002 from Prisma's own queries; P2010 with SQLSTATE 23505 from raw SQL (lib/tasks/add.ts).
  const meta = JSON.stringify(error.meta ?? {});
  return (
    (error.code === "P2002" || (error.code === "P2010" && meta.includes('"originalCode":"23505"'))) &&
    meta.includes("tool_call_id")
  );
}

/** Strips the stored bookkeeping (version) from a logged result. */
export function storedResult(value: unknown): ToolResult {
  const { version: _version, ...rest } = value as ToolResult & { version?: string };
  return rest as ToolResult;
}

const OPERATION_OF_TOOL: Record<string, Operation> = {
  complete_task: "complete",
  update_task: "update",
  delete_task: "delete",
  add_task: "add",
  undo_operation: "undo",
};

/**
 * A change the user rejected when asked to approve it: its own outcome (status rejected), not a
 * failure, so it never counts in the failure rate. Nothing changed, so there is no error either.
 */
export async function logRejected(db: Db, ctx: OperationContext, tool: string, input: unknown): Promise<void> {
  const reopen = tool === "complete_task" && (input as { completed?: unknown } | null)?.completed === false;
  const answer: ToolError = { ok: false, code: "rejected", message: "Rejected by the user." };
  await db.taskOperationLog.upsert({
    where: { toolCallId: ctx.toolCallId ?? "" },
    update: {},
    create: {
      ...logRow({ ...ctx, approval: "rejected" }, input),
      operation: reopen ? "reopen" : (OPERATION_OF_TOOL[tool] ?? "update"),
      status: "rejected",
      result: asJson(answer),
      durationMs: 0,
      finishedAt: new Date(),
    },
  });
}
