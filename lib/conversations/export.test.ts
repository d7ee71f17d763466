// Exporting a conversation: the words, task cards as text, times in the user's zone, page by
// page from a real database; another user's conversation is not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { addTask } from "@/lib/tasks/service";
import { exportConversation } from "./export";

let handle: DbHandle;
let owner: string;
let stranger: string;
let conversationId: string;

const read = async (body: ReadableStream<Uint8Array>) => new Response(body).text();

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  owner = (await db.user.create({ data: { email: "export-owner@example.com", name: "Owner", passwordHash: "x" } })).id;
  stranger = (
    await db.user.create({ data: { email: "export-stranger@example.com", name: "Stranger", passwordHash: "x" } })
  ).id;
  const conversation = await db.conversation.create({ data: { userId: owner, title: "Groceries & the dentist" } });
  conversationId = conversation.id;
  const added = await addTask(
    db,
    { userId: owner, source: "chat", timeZone: "Europe/Berlin" },
    { title: "Buy milk", dueDate: "2026-03-20T17:00", tags: ["home"] },
  );
  const at = (iso: string) => new Date(iso);
  await db.message.create({
    data: {
      conversationId,
      userId: owner,
      role: "user",
      content: "add buy milk friday 5pm #home",
      parts: [{ type: "text", text: "add buy milk friday 5pm #home" }],
      createdAt: at("2026-03-16T08:00:00Z"),
    },
  });
  await db.message.create({
    data: {
      conversationId,
      userId: owner,
      role: "assistant",
      content: "Added it.",
      parts: [
        { type: "step-start" },
        {
          type: "tool-add_task",
          toolCallId: "c1",
          state: "output-available",
          input: { title: "Buy milk" },
          output: JSON.parse(JSON.stringify(added)),
        },
        {
          type: "tool-delete_task",
          toolCallId: "c2",
          state: "output-denied",
          input: { task: 9 },
          approval: { id: "a", approved: false, requestReason: "Delete #9 Old thing" },
        },
        { type: "text", text: "Added **Buy milk** for Friday." },
      ],
      createdAt: at("2026-03-16T08:00:01Z"),
    },
  });
  // More than a page of messages, so the export reads several pages in order.
  for (let i = 0; i < 205; i++) {
    await db.message.create({
      data: {
        conversationId,
        userId: owner,
        role: "user",
        content: `note ${i}`,
        parts: [{ type: "text", text: `note ${i}` }],
        createdAt: new Date(Date.UTC(2026, 2, 17, 0, 0, i)),
      },
    });
  }
});
afterAll(() => handle?.close());

describe("exportConversation", () => {
  it("writes Markdown with the words, the task cards as text and times in the user's zone", async () => {
    const file = await exportConversation(
      handle.db,
      owner,
      conversationId,
      "md",
      "Europe/Berlin",
      new Date("2026-03-18T12:00:00Z"),
    );
    expect(file.fileName).toBe("doable-groceries-the-dentist-2026-03-18.md");
    const text = await read(file.body);
    expect(text).toMatch(/^# Groceries & the dentist\n/);
    expect(text).toContain("times in Europe/Berlin");
    expect(text).toContain("### You · Mar 16, 2026, 9:00 AM");
    expect(text).toContain("- Added: #1 Buy milk — due Fri, Mar 20, 5:00 PM · #home");
    expect(text).toContain("- Rejected: Delete #9 Old thing");
    expect(text).toContain("Added **Buy milk** for Friday.");
    expect(text.indexOf("note 0\n")).toBeLessThan(text.indexOf("note 204\n"));
    expect(text.match(/### You/g)).toHaveLength(206);
  });

  it("writes JSON that parses, one entry per message in order", async () => {
    const file = await exportConversation(
      handle.db,
      owner,
      conversationId,
      "json",
      "America/New_York",
      new Date("2026-03-18T12:00:00Z"),
    );
    const json = JSON.parse(await read(file.body)) as {
      title: string;
      timeZone: string;
      messages: { role: string; text: string; tasks: string[]; localTime: string }[];
    };
    expect(json).toMatchObject({ title: "Groceries & the dentist", timeZone: "America/New_York" });
    expect(json.messages).toHaveLength(207);
    expect(json.messages[1]).toMatchObject({
      role: "assistant",
      text: "Added **Buy milk** for Friday.",
      tasks: ["Added: #1 Buy milk — due Fri, Mar 20, 12:00 PM · #home", "Rejected: Delete #9 Old thing"],
    });
    expect(json.messages[0]!.localTime).toBe("Mar 16, 2026, 4:00 AM");
  });

  it("treats another user's conversation as not found", async () => {
    await expect(exportConversation(handle.db, stranger, conversationId, "md", "UTC")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
