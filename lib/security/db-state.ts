// Test helper: the whole database as plain JSON, to prove a refused request changed nothing.
// Failed operation-log rows are left out on purpose: the task service logs every refusal as a
// failed row (that is its audit trail), and that is the only write a refused call may make.
import type { Db } from "@/lib/db/client";

const plain = (rows: unknown[]) => JSON.parse(JSON.stringify(rows)) as unknown[];

export async function dbState(db: Db, opts: { userIds?: string[] } = {}) {
  const byUser = opts.userIds ? { userId: { in: opts.userIds } } : {};
  const [users, conversations, messages, tasks, tags, taskTags, logs, notifications, settings] = await Promise.all([
    db.user.findMany({ where: opts.userIds ? { id: { in: opts.userIds } } : {}, orderBy: { id: "asc" } }),
    db.conversation.findMany({ where: byUser, orderBy: { id: "asc" } }),
    db.message.findMany({ where: byUser, orderBy: { id: "asc" } }),
    db.task.findMany({ where: byUser, orderBy: { id: "asc" } }),
    db.tag.findMany({ where: byUser, orderBy: { id: "asc" } }),
    db.taskTag.findMany({
      where: opts.userIds ? { task: { userId: { in: opts.userIds } } } : {},
      orderBy: [{ taskId: "asc" }, { tagId: "asc" }],
    }),
    db.taskOperationLog.findMany({ where: { ...byUser, status: { not: "failed" } }, orderBy: { id: "asc" } }),
    db.notification.findMany({ where: byUser, orderBy: { id: "asc" } }),
    db.userSettings.findMany({ where: byUser, orderBy: { userId: "asc" } }),
  ]);
  return plain([users, conversations, messages, tasks, tags, taskTags, logs, notifications, settings]);
}
