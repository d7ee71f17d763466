// A user's tasks, read in keyset batches as a download consumes them: the approach of the admin
// log export (lib/admin/export.ts). A pull-based stream holds one batch at a time, so a huge
// account never sits in memory, and a client that goes away stops the reads. The first batch is
// read before the stream is handed back, so a query that cannot run becomes an error response,
// not a 200 whose file stops after its header.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { taskWithTags, type TaskRow } from "./view";

export const EXPORT_BATCH_SIZE = 500;

/** The user's tasks that are not in the trash, by number; `where` narrows them further. */
export function taskBatches(db: Db, userId: string, where: Prisma.TaskWhereInput = {}, batchSize = EXPORT_BATCH_SIZE) {
  return (after: TaskRow | undefined) =>
    db.task.findMany({
      where: { ...where, userId, deletedAt: null, ...(after ? { number: { gt: after.number } } : {}) },
      include: taskWithTags,
      orderBy: { number: "asc" },
      take: batchSize,
    });
}

export type StreamParts<T> = { head: string; body: (rows: T[]) => string; tail?: string; batchSize?: number };

export async function batchedStream<T>(
  read: (after: T | undefined) => Promise<T[]>,
  parts: StreamParts<T>,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const batchSize = parts.batchSize ?? EXPORT_BATCH_SIZE;
  let first: T[] | null = await read(undefined);
  let last: T | undefined;
  let headSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headSent) {
          headSent = true;
          controller.enqueue(encoder.encode(parts.head));
          return;
        }
        if (done) return;
        const rows = first ?? (await read(last));
        first = null;
        if (rows.length) {
          controller.enqueue(encoder.encode(parts.body(rows)));
          last = rows.at(-1);
        }
        if (rows.length < batchSize) {
          done = true;
          if (parts.tail) controller.enqueue(encoder.encode(parts.tail));
          controller.close();
        }
      },
      cancel() {
        done = true;
        first = null;
      },
    },
    { highWaterMark: 1 },
  );
}
