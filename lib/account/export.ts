import "server-only";
// Everything a user owns as one JSON file: their account, settings, tags, tasks (deleted ones
// too), conversations with their messages, their operation log and their notifications. Each
// table is read in keyset pages and written as it comes (textStream), so an account of any
// size never sits in memory whole. Nothing of another user's is read: every query is by the
// user's id, and on log rows an admin's undo says "admin" rather than naming the admin.
import { type ClientInfo, NO_CLIENT } from "@/lib/audit/client";
import { recordAuditEvent } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { textStream } from "@/lib/text-stream";

export const EXPORT_PAGE = 200;

type Keyed = { createdAt: Date; id: string };

/** Rows after `after` in (created_at, id) order: stable when rows share a timestamp. */
const afterRow = (after: Keyed | undefined) =>
  after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {};
const byTime = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** Every row `read` gives, one page at a time, each page read after the last row of the one before. */
async function* keyset<R>(read: (after: R | undefined) => Promise<R[]>, page: number): AsyncGenerator<R> {
  let after: R | undefined;
  for (;;) {
    const rows = await read(after);
    yield* rows;
    if (rows.length < page) return;
    after = rows.at(-1);
  }
}

/** `"name":[item,item,…]` with each item's text as it comes. */
async function* jsonArray<R>(
  name: string,
  rows: AsyncGenerator<R>,
  item: (row: R) => AsyncGenerator<string> | string,
): AsyncGenerator<string> {
  yield `,\n${JSON.stringify(name)}:[`;
  let first = true;
  for await (const row of rows) {
    yield first ? "\n" : ",\n";
    first = false;
    const text = item(row);
    if (typeof text === "string") yield text;
    else yield* text;
  }
  yield "\n]";
}

function fileName(now: Date): string {
  return `doable-account-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * The user's data as a stream of JSON. The account row is read (and the export recorded in the
 * audit trail) before anything is streamed, so a missing user or an unreachable database is an
 * error response, not a 200 whose file stops short; an export that cannot be recorded is not made.
 */
export async function exportAccount(
  db: Db,
  userId: string,
  { client = NO_CLIENT, now = new Date(), page = EXPORT_PAGE }: { client?: ClientInfo; now?: Date; page?: number } = {},
) {
  const account = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, createdAt: true, updatedAt: true },
  });
  if (!account) throw new AppError("unauthorized", "Sign in to continue.");
  const settings = await db.userSettings.findUnique({ where: { userId }, omit: { userId: true } });
  await recordAuditEvent(db, { kind: "data_exported", subjectId: userId, actorId: userId, client });

  const tags = keyset(
    (after: Keyed | undefined) =>
      db.tag.findMany({
        where: { userId, ...afterRow(after) },
        orderBy: byTime,
        take: page,
        select: { id: true, name: true, createdAt: true },
      }),
    page,
  );
  const tasks = keyset(
    (after: { number: number } | undefined) =>
      db.task.findMany({
        where: { userId, ...(after ? { number: { gt: after.number } } : {}) },
        orderBy: { number: "asc" },
        take: page,
        omit: { userId: true },
        include: { tags: { select: { tag: { select: { name: true } } } } },
      }),
    page,
  );
  const conversations = keyset(
    (after: Keyed | undefined) =>
      db.conversation.findMany({
        where: { userId, ...afterRow(after) },
        orderBy: byTime,
        take: page,
        omit: { userId: true },
      }),
    page,
  );
  const messagesOf = (conversationId: string) =>
    keyset(
      (after: Keyed | undefined) =>
        db.message.findMany({
          where: { conversationId, userId, ...afterRow(after) },
          orderBy: byTime,
          take: page,
          omit: { userId: true, conversationId: true },
        }),
      page,
    );
  const log = keyset(
    (after: Keyed | undefined) =>
      db.taskOperationLog.findMany({
        where: { userId, ...afterRow(after) },
        orderBy: byTime,
        take: page,
        omit: { userId: true },
      }),
    page,
  );
  const notifications = keyset(
    (after: Keyed | undefined) =>
      db.notification.findMany({
        where: { userId, ...afterRow(after) },
        orderBy: byTime,
        take: page,
        omit: { userId: true },
      }),
    page,
  );

  async function* chunks(): AsyncGenerator<string> {
    yield `{"exportedAt":${JSON.stringify(now.toISOString())},\n"account":${JSON.stringify(account)},\n"settings":${JSON.stringify(settings)}`;
    yield* jsonArray("tags", tags, (t) => JSON.stringify(t));
    yield* jsonArray("tasks", tasks, ({ tags: links, ...task }) =>
      JSON.stringify({ ...task, tags: links.map((l) => l.tag.name) }),
    );
    yield* jsonArray("conversations", conversations, async function* (conversation) {
      yield JSON.stringify(conversation).slice(0, -1);
      yield* jsonArray("messages", messagesOf(conversation.id), (m) => JSON.stringify(m));
      yield "}";
    });
    yield* jsonArray("operationLog", log, ({ actorId, ...row }) =>
      JSON.stringify({ ...row, actor: actorId === null ? null : actorId === userId ? "you" : "admin" }),
    );
    yield* jsonArray("notifications", notifications, (n) => JSON.stringify(n));
    yield "\n}\n";
  }
  return { body: textStream(chunks()), fileName: fileName(now), contentType: "application/json; charset=utf-8" };
}
