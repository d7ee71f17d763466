// A conversation's title through real turns (the offline assistant, a real database) and, with a
// model configured, the model's title from the fake OpenAI-compatible server. A title the user
// gave is never replaced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "@/lib/agent/fake-openai";
import type { SessionUser } from "@/lib/auth/users";
import {
  chatRequestOf,
  readChunks,
  restoreModelEnvAfterEach,
  pointAtModelServer,
  userMessage,
} from "@/test/support/chat";
import { handleChat } from "@/lib/chat/turn";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { renameConversation } from "./changes";
import { listConversations } from "./list";
import { titleWithModel } from "./model-title";

let handle: DbHandle;
let fake: FakeOpenAI;
let users = 0;
const NOW = new Date("2026-03-10T14:00:00Z"); // a Tuesday

async function newUser(): Promise<SessionUser> {
  const n = ++users;
  const row = await handle.db.user.create({
    data: { email: `titles${n}@example.com`, name: `Titles ${n}`, passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** One whole turn; the conversation id. */
async function say(user: SessionUser, text: string, id?: string): Promise<string> {
  const response = await handleChat(
    handle.db,
    user,
    chatRequestOf({ ...(id ? { id } : {}), message: userMessage(text), timeZone: "Europe/Berlin" }),
    NOW,
  );
  expect(response.status).toBe(200);
  const chunks = await readChunks(response);
  expect(chunks.filter((c) => c.type === "error")).toEqual([]);
  return response.headers.get("x-conversation-id")!;
}

const row = (id: string) =>
  handle.db.conversation.findUniqueOrThrow({ where: { id }, select: { title: true, titleSource: true } });

beforeAll(async () => {
  handle = await createTestDatabase();
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake?.close();
  await handle?.close();
});
restoreModelEnvAfterEach();

describe("titles without a model", () => {
  it("names a chat by the tasks its first turn added", async () => {
    const user = await newUser();
    expect(await row(await say(user, "add buy oat milk and call the dentist"))).toEqual({
      title: "Oat milk and the dentist",
      titleSource: "auto",
    });
    expect(await row(await say(user, "please add renew passport!!"))).toEqual({
      title: "Passport",
      titleSource: "auto",
    });
  });

  it("names a list question by what it asked", async () => {
    const user = await newUser();
    expect((await row(await say(user, "what's due this week?"))).title).toBe("What's due this week");
  });

  it("keeps the message's language", async () => {
    const user = await newUser();
    expect((await row(await say(user, "compra leche de avena mañana"))).title).toBe("Leche de avena");
    expect((await row(await say(user, "qu'est-ce que j'ai cette semaine ?"))).title).toBe("À faire cette semaine");
    expect((await row(await say(user, "kauf Hafermilch morgen"))).title).toBe("Hafermilch");
  });

  it("keeps the tidy first message while nothing was done, then takes the first turn that did something", async () => {
    const user = await newUser();
    const id = await say(user, "hello there!");
    const first = await row(id);
    expect(first.titleSource).toBe("draft");
    expect(first.title).not.toMatch(/…|[.!?]$/);
    await say(user, "add buy stamps", id);
    expect(await row(id)).toEqual({ title: "Stamps", titleSource: "auto" });
    // Once named, later turns leave the name alone.
    await say(user, "add call the plumber", id);
    expect((await row(id)).title).toBe("Stamps");
  });

  it("never replaces a title the user gave", async () => {
    const user = await newUser();
    const id = await say(user, "hi");
    await renameConversation(handle.db, user.id, { id, title: "Weekend" });
    await say(user, "add buy oat milk", id);
    expect(await row(id)).toEqual({ title: "Weekend", titleSource: "user" });
  });

  it("a long first message is cut at a word, never with an ellipsis", async () => {
    const user = await newUser();
    const id = await say(
      user,
      "so I was wondering whether you could tell me something about how all of this works, in detail",
    );
    const { title } = await row(id);
    expect(title.length).toBeLessThanOrEqual(50);
    expect(title).not.toMatch(/…|\.\.\./);
  });
});

describe("titles from a model", () => {
  it("asks the model once the reply is in, and stores its title plainly", async () => {
    pointAtModelServer(fake.url, "fake-model");
    const user = await newUser();
    const { id } = await handle.db.conversation.create({
      data: { userId: user.id, title: "Add buy oat milk and call the dentist" },
    });
    const before = fake.requests.length;
    fake.push({ kind: "text", text: "“Groceries and the dentist.”" });
    const reply = { parts: [{ type: "text" as const, text: "Added **Buy oat milk** and **Call the dentist**." }] };
    expect(await titleWithModel(handle.db, id, { message: "add buy oat milk and call the dentist", reply })).toBe(
      "Groceries and the dentist",
    );
    expect(await row(id)).toEqual({ title: "Groceries and the dentist", titleSource: "model" });
    // One request, no tools, with the user's words and the reply's.
    const request = fake.requests.slice(before);
    expect(request).toHaveLength(1);
    expect(request[0]!.tools ?? []).toEqual([]);
    expect(JSON.stringify(request[0]!.messages)).toContain("add buy oat milk and call the dentist");
    expect(JSON.stringify(request[0]!.messages)).toContain("Call the dentist");
  });

  it("never replaces a title the user gave, even when the model answers after the rename", async () => {
    pointAtModelServer(fake.url, "fake-model");
    const user = await newUser();
    const { id } = await handle.db.conversation.create({ data: { userId: user.id, title: "Draft" } });
    await renameConversation(handle.db, user.id, { id, title: "Mine" });
    fake.push({ kind: "text", text: "Something else" });
    expect(await titleWithModel(handle.db, id, { message: "hi", reply: { parts: [] } })).toBeNull();
    expect(await row(id)).toEqual({ title: "Mine", titleSource: "user" });
  });

  it("keeps the title made without a model when the model fails", async () => {
    pointAtModelServer(fake.url, "fake-model");
    const user = await newUser();
    const { id } = await handle.db.conversation.create({
      data: { userId: user.id, title: "Oat milk", titleSource: "auto" },
    });
    fake.push({ kind: "error", status: 500 });
    expect(await titleWithModel(handle.db, id, { message: "add buy oat milk", reply: { parts: [] } })).toBeNull();
    expect(await row(id)).toEqual({ title: "Oat milk", titleSource: "auto" });
    expect(fake.pending()).toBe(0); // asked once: a title is not worth retrying for
  });

  it("the sidebar is told a new chat's title may still come, only while a model is configured", async () => {
    const user = await newUser();
    const { id } = await handle.db.conversation.create({
      data: { userId: user.id, title: "Oat milk", titleSource: "auto" },
    });
    expect((await listConversations(handle.db, user.id)).items.find((i) => i.id === id)?.titlePending).toBeUndefined();
    pointAtModelServer(fake.url, "fake-model");
    expect((await listConversations(handle.db, user.id)).items.find((i) => i.id === id)?.titlePending).toBe(true);
    await handle.db.conversation.update({ where: { id }, data: { titleSource: "model" } });
    expect((await listConversations(handle.db, user.id)).items.find((i) => i.id === id)?.titlePending).toBeUndefined();
  });
});
