// A conversation as a file the user keeps: Markdown to read, JSON to process. Messages are read
// in pages and written as they come (a long conversation never sits in memory whole); task
// cards become text lines; times are in the user's zone.
import type { Db } from "@/lib/db/client";
import { findConversation } from "@/lib/chat/store";
import { keptParts } from "@/lib/chat/parts";
import { resultText } from "@/lib/tasks/describe";
import type { ToolResult } from "@/lib/tasks/types";
import { absoluteDue } from "@/lib/time/due";
import { dateTimeFormat } from "@/lib/time/intl";
import { textStream } from "@/lib/text-stream";

export const EXPORT_FORMATS = ["md", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const PAGE = 200;

type Row = { id: string; role: string; parts: unknown; createdAt: Date };
type Part = {
  type: string;
  text?: string;
  state?: string;
  output?: unknown;
  errorText?: string;
  approval?: { approved?: boolean; requestReason?: string };
};

export type ExportedMessage = {
  id: string;
  role: "user" | "assistant";
  at: string;
  localTime: string;
  text: string;
  tasks: string[];
};

/** The words and the task cards of one stored message. */
function exported(row: Row, timeZone: string, now: Date): ExportedMessage {
  const due = (d: string | null) => absoluteDue(d, { timeZone, locale: "en-US", now });
  const parts = keptParts<Part>(row.role, row.parts);
  const text = parts
    .filter((p) => p.type === "text" && p.text)
    .map((p) => p.text)
    .join("\n\n");
  const tasks = parts.flatMap((p) => {
    if (!p.type.startsWith("tool-")) return [];
    if (p.state === "output-available" && p.output && typeof p.output === "object")
      return resultText(p.output as ToolResult, due);
    if (p.state === "output-error") return [`Failed: ${p.errorText ?? "nothing was changed."}`];
    if (p.state === "output-denied" || p.approval?.approved === false)
      return [`Rejected: ${p.approval?.requestReason ?? "a change"}`];
    if (p.state === "approval-requested") return [`Waiting for approval: ${p.approval?.requestReason ?? "a change"}`];
    return [];
  });
  const localTime = dateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(
    row.createdAt,
  );
  return {
    id: row.id,
    role: row.role === "user" ? "user" : "assistant",
    at: row.createdAt.toISOString(),
    localTime,
    text,
    tasks,
  };
}

async function* pages(db: Db, conversationId: string): AsyncGenerator<Row[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: Row[] = await db.message.findMany({
      where: {
        conversationId,
        ...(after
          ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PAGE,
      select: { id: true, role: true, parts: true, createdAt: true },
    });
    if (rows.length) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

function markdownMessage(m: ExportedMessage): string {
  const who = m.role === "user" ? "You" : "Doable";
  const cards = m.tasks.map((line) => (line.startsWith("  ") ? `  - ${line.trim()}` : `- ${line}`)).join("\n");
  return `### ${who} · ${m.localTime}\n\n${[m.text, cards].filter(Boolean).join("\n\n")}\n\n`;
}

/** A safe, readable file name: "doable-groceries-and-the-dentist-2026-12-02.md". */
function fileName(title: string, format: ExportFormat, now: Date): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60);
  return `doable-${slug || "conversation"}-${now.toISOString().slice(0, 10)}.${format}`;
}

/**
 * The user's conversation as a stream of text in the format asked for. Another user's
 * conversation, or one that does not exist, is not found (before anything is streamed).
 */
export async function exportConversation(
  db: Db,
  userId: string,
  conversationId: string,
  format: ExportFormat,
  timeZone: string,
  now = new Date(),
) {
  const conversation = await findConversation(db, userId, conversationId);
  async function* chunks(): AsyncGenerator<string> {
    const exportedAt = now.toISOString();
    if (format === "md") {
      yield `# ${conversation.title}\n\n_Exported from Doable on ${dateTimeFormat("en-US", { timeZone, dateStyle: "long", timeStyle: "short" }).format(now)} (times in ${timeZone})._\n\n`;
      for await (const rows of pages(db, conversation.id))
        for (const row of rows) yield markdownMessage(exported(row, timeZone, now));
      return;
    }
    const head = {
      id: conversation.id,
      title: conversation.title,
      status: conversation.status,
      createdAt: conversation.createdAt.toISOString(),
      exportedAt,
      timeZone,
    };
    yield `${JSON.stringify(head).slice(0, -1)},"messages":[`;
    let first = true;
    for await (const rows of pages(db, conversation.id)) {
      for (const row of rows) {
        yield `${first ? "" : ","}\n${JSON.stringify(exported(row, timeZone, now))}`;
        first = false;
      }
    }
    yield "\n]}\n";
  }
  const body = textStream(chunks());
  return {
    body,
    fileName: fileName(conversation.title, format, now),
    contentType: format === "md" ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
  };
}
