// The first render's data for the chat's SWR keys (SWRConfig fallback in the chat layout), so the
// sidebar and the task panel paint filled instead of loading; SWR still reads again on mount. Read
// through the same functions as the GET routes, and round-tripped through JSON so the seed is
// exactly what the route would have sent. The task views count "today" in the browser's zone,
// which the server knows only from the cookie the shell sets (TIME_ZONE_COOKIE): without it the
// panel is not seeded rather than seeded wrong.
import "server-only";
import { unstable_serialize } from "swr/infinite";
import type { SessionUser } from "@/lib/auth/users";
import { listConversations } from "@/lib/conversations/list";
import type { Db } from "@/lib/db/client";
import { readTaskView } from "@/lib/tasks/list-view-query";
import { isValidTimeZone } from "@/lib/time/zone";
import { conversationsKey, tasksKey } from "./keys";

const DEFAULT_VIEW = "pending";

const asSent = <T>(value: T): T => JSON.parse(JSON.stringify(value));

export async function chatFallback(db: Db, user: SessionUser, timeZone: string | undefined) {
  const tz = timeZone && isValidTimeZone(timeZone) ? timeZone : null;
  const [conversations, tasks] = await Promise.all([
    listConversations(db, user.id, { view: "active", query: "", cursor: null }),
    tz ? readTaskView(db, { userId: user.id, source: "ui", timeZone: tz }, DEFAULT_VIEW) : null,
  ]);
  const fallback: Record<string, unknown> = {
    [unstable_serialize(() => conversationsKey("active", "", null))]: [asSent(conversations)],
  };
  if (tasks?.ok) {
    fallback[tasksKey(DEFAULT_VIEW)] = asSent({
      tasks: tasks.tasks,
      total: tasks.total,
      counts: tasks.counts,
      view: DEFAULT_VIEW,
    });
  }
  return fallback;
}
