// Which of a page of task cards' operations were undone since, by any route (the card's own
// Undo, "undo" in chat, the task panel, an admin): one query for all the cards on a page.
import "server-only";
import type { Db } from "@/lib/db/client";

/** At most this many operation ids per read (a page of messages holds far fewer cards). */
export const MAX_OPERATION_IDS = 500;

/** The ids among `operationIds` (the user's own operations) that a successful undo reverted. */
export async function undoneOperationIds(db: Db, userId: string, operationIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(operationIds)];
  if (ids.length === 0) return [];
  const rows = await db.taskOperationLog.findMany({
    // An undo's row belongs to the owner of the operation it reverted (also an admin's undo).
    where: { userId, operation: "undo", status: "success", undoOfId: { in: ids } },
    select: { undoOfId: true },
  });
  return [...new Set(rows.map((r) => r.undoOfId).filter((id): id is string => id !== null))];
}
