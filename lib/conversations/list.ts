import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { modelInfo } from "@/lib/agent/provider";
import { listSchema, PAGE_SIZE, PIN_MAX, type ListInput } from "./schemas";
import type { ConversationPage, ConversationSummary } from "./types";

const SNIPPET_CHARS = 80;

/**
 * One page of the user's conversations, latest activity first. Keyset pagination on
 * (updated_at, id) so a page is a single index range scan however deep the scroll, and rows
 * that move to the top meanwhile are neither skipped nor repeated within a page.
 */
export async function listConversations(db: Db, userId: string, input: ListInput = {}): Promise<ConversationPage> {
  const parsed = listSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "That search is not valid.");
  const { view, query, cursor: rawCursor } = parsed.data;
  const cursor = decodeCursor(rawCursor);
  // A search from the active list looks in the archive too (each result says which it is):
  // people search for what they do not see.
  const where: Prisma.ConversationWhereInput = {
    userId,
    status: query && view === "active" ? { in: ["active", "archived"] } : view,
  };
  const and: Prisma.ConversationWhereInput[] = [];
  if (cursor) {
    and.push({ OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] });
  }
  if (query) {
    const pattern = likePattern(query);
    and.push({
      OR: [
        { title: { contains: pattern, mode: "insensitive" } },
        { messages: { some: { content: { contains: pattern, mode: "insensitive" } } } },
      ],
    });
  }
  // The plain active list shows pinned chats in a section of their own, read whole with the
  // first page (PIN_MAX of them at most); the pages under it page through the rest, so a pin
  // never shifts a cursor. A search lists pinned chats among the others.
  const sectioned = view === "active" && !query;
  if (sectioned) where.pinnedAt = null;
  if (and.length) where.AND = and;

  const now = new Date();
  const [rows, pinnedRows] = await Promise.all([
    db.conversation.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: PAGE_SIZE + 1,
      select: SUMMARY,
    }),
    sectioned && !cursor
      ? db.conversation.findMany({
          where: { userId, status: "active", pinnedAt: { not: null } },
          orderBy: [{ pinnedAt: "desc" }, { id: "desc" }],
          take: PIN_MAX,
          select: SUMMARY,
        })
      : null,
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const pending = titlePendingSince(now);
  const items = page.map((row) => summary(row, pending));
  if (query) await addSnippets(db, items, query);
  const result: ConversationPage = {
    items,
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.updatedAt, id: last.id }) : null,
  };
  if (pinnedRows) result.pinned = pinnedRows.map((row) => summary(row, pending));
  return result;
}

const SUMMARY = {
  id: true,
  title: true,
  status: true,
  updatedAt: true,
  pinnedAt: true,
  titleSource: true,
  createdAt: true,
} as const;
type SummaryRow = {
  id: string;
  title: string;
  status: ConversationSummary["status"];
  updatedAt: Date;
  pinnedAt: Date | null;
  titleSource: string;
  createdAt: Date;
};

// How long after a chat starts the sidebar looks again for the title a model is still writing
// (lib/conversations/model-title.ts): long enough for a slow model, short enough to stop looking.
const TITLE_WAIT_MS = 30_000;

/** The start of the window in which a new chat's generated title may still come; null with no model. */
function titlePendingSince(now: Date): Date | null {
  return modelInfo().provider === "offline" ? null : new Date(now.getTime() - TITLE_WAIT_MS);
}

function summary(
  { id, title, status, updatedAt, pinnedAt, titleSource, createdAt }: SummaryRow,
  pendingSince: Date | null,
): ConversationSummary {
  const item: ConversationSummary = {
    id,
    title,
    status,
    updatedAt: updatedAt.toISOString(),
    pinnedAt: pinnedAt?.toISOString() ?? null,
  };
  if (pendingSince && createdAt > pendingSince && (titleSource === "draft" || titleSource === "auto"))
    item.titlePending = true;
  return item;
}

/** For results found by message text, the latest matching message, cut around the match. */
async function addSnippets(db: Db, items: ConversationSummary[], query: string) {
  const needle = query.toLowerCase();
  const byText = items.filter((item) => !item.title.toLowerCase().includes(needle));
  if (!byText.length) return;
  const messages = await db.message.findMany({
    where: {
      conversationId: { in: byText.map((item) => item.id) },
      content: { contains: likePattern(query), mode: "insensitive" },
    },
    orderBy: { createdAt: "desc" },
    select: { conversationId: true, content: true },
  });
  for (const item of byText) {
    const content = messages.find((message) => message.conversationId === item.id)?.content;
    if (content) item.snippet = excerpt(content, needle);
  }
}

// Prisma hands `contains` to ILIKE unescaped; escaped, % and _ are plain characters to search for.
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

function excerpt(text: string, needle: string): string {
  const flat = text.replace(/\s+/g, " ");
  const at = Math.max(0, flat.toLowerCase().indexOf(needle));
  const start = Math.max(0, at - 20);
  const cut = flat.slice(start, start + SNIPPET_CHARS);
  return `${start > 0 ? "…" : ""}${cut}${start + SNIPPET_CHARS < flat.length ? "…" : ""}`;
}
