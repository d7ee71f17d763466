// A task's tags: created on first use per user, shared by that user's tasks.
import "server-only";
import type { Tx } from "./log";

/** Adds and removes tag names on a task. Returns whether anything changed. */
export async function setTags(
  tx: Tx,
  userId: string,
  taskId: string,
  add: string[],
  remove: string[],
): Promise<boolean> {
  let changed = false;
  const removeSet = new Set(remove);
  const toAdd = [...new Set(add)].filter((name) => !removeSet.has(name));
  if (removeSet.size) {
    const gone = await tx.taskTag.deleteMany({ where: { taskId, tag: { userId, name: { in: [...removeSet] } } } });
    changed ||= gone.count > 0;
  }
  for (const name of toAdd) {
    // ON CONFLICT: two concurrent adds with the same new tag must not collide.
    await tx.$executeRaw`INSERT INTO tags (id, user_id, name) VALUES (gen_random_uuid(), ${userId}::uuid, ${name}) ON CONFLICT (user_id, name) DO NOTHING`;
    const tag = await tx.tag.findUniqueOrThrow({ where: { userId_name: { userId, name } }, select: { id: true } });
    const linked =
      await tx.$executeRaw`INSERT INTO task_tags (task_id, tag_id) VALUES (${taskId}::uuid, ${tag.id}::uuid) ON CONFLICT DO NOTHING`;
    changed ||= linked > 0;
  }
  return changed;
}
