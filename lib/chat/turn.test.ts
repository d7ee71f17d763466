// The chat turn end to end through real parts: the database, the agent, the tools, the task
// service and the UI message stream — with the offline assistant and with @ai-sdk/openai
// against a local fake OpenAI-compatible server.
import { convertToModelMessages, type UIMessage } from "ai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { startFakeOpenAI, type FakeOpenAI } from "@/lib/agent/fake-openai";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { saveAssistantMessage } from "./store";
import { chatRequestOf, readChunks, userMessage } from "@/test/support/chat";
import { handleChat } from "./turn";

let handle: DbHandle;
let users = 0;

async function newUser(): Promise<SessionUser> {
  const n = ++users;
  const row = await handle.db.user.create({
    data: { email: `chat${n}@example.com`, name: `Chat User ${n}`, passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

const NOW = new Date("2026-03-10T14:00:00Z"); // a Tuesday
const send = (user: SessionUser, body: object, signal?: AbortSignal) =>
  handleChat(handle.db, user, chatRequestOf(body, { signal }), NOW);

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe("the chat turn with the offline assistant", () => {
  it("adds a task from a message: one task, one success log row, both messages stored and replayable", async () => {
    const user = await newUser();
    const message = userMessage("add buy milk tomorrow at 5pm");
    const response = await send(user, { message, timeZone: "Europe/Berlin" });
    expect(response.status).toBe(200);
    // Streamed as written: no compression or caching on the way.
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const conversationId = response.headers.get("x-conversation-id")!;
    const chunks = await readChunks(response);
    const output = chunks.find((c) => c.type === "tool-output-available")?.output as {
      kind: string;
      task: { number: number; dueDate: string };
    };
    expect(output).toMatchObject({ kind: "added", task: { number: 1, dueDate: "2026-03-11T16:00:00.000Z" } });
    const text = chunks
      .filter((c) => c.type === "text-delta")
      .map((c) => c.delta)
      .join("");
    expect(text).toMatch(/Buy milk/);
    expect(chunks.find((c) => c.type === "start")?.messageMetadata).toMatchObject({
      conversationId,
      model: "Offline assistant",
    });

    const tasks = await handle.db.task.findMany({ where: { userId: user.id } });
    expect(tasks.map((t) => t.title)).toEqual(["Buy milk"]);
    const logs = await handle.db.taskOperationLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      operation: "add",
      status: "success",
      source: "chat",
      conversationId,
      messageId: message.id,
      originalCommand: "add buy milk tomorrow at 5pm",
    });
    expect(logs[0]!.toolCallId).toMatch(new RegExp(`^${message.id}:call_`));

    const messages = await handle.db.message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(messages[0]).toMatchObject({ id: message.id, content: "add buy milk tomorrow at 5pm", intent: "add_task" });
    expect(Number(messages[0]!.confidence)).toBeGreaterThan(0);
    expect(messages[1]!.toolCalls).toEqual([
      {
        toolCallId: logs[0]!.toolCallId!.slice(message.id.length + 1),
        tool: "add_task",
        input: { title: "Buy milk", dueDate: expect.stringMatching(/^2026-03-11T17:00/) },
      },
    ]);
    expect(messages[1]!.metadata).toMatchObject({ provider: "offline", toolsUsed: ["add_task"], conversationId });
    expect(messages[1]!.replyToId).toBe(message.id);
    const conversation = await handle.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation).toMatchObject({ userId: user.id, messageCount: 2, title: "Milk", titleSource: "auto" });
    expect(conversation.lastMessageAt).not.toBeNull();

    // The stored messages replay: their tool parts convert back into model messages.
    const replay = messages.map((m) => ({ id: m.id, role: m.role, parts: m.parts }) as UIMessage);
    const tool = (replay[1]!.parts as { type: string; state?: string }[]).find((p) => p.type === "tool-add_task");
    expect(tool?.state).toBe("output-available");
    const model = await convertToModelMessages(replay);
    expect(model.map((m) => m.role)).toEqual(["user", "assistant", "tool", "assistant"]);
  });

  it("continues a conversation with context: 'it' refers to the task just added", async () => {
    const user = await newUser();
    const first = await send(user, { message: userMessage("add call the plumber") });
    const id = first.headers.get("x-conversation-id");
    await readChunks(first);
    await readChunks(await send(user, { id, message: userMessage("make it high priority") }));
    const task = await handle.db.task.findFirstOrThrow({ where: { userId: user.id } });
    expect(task).toMatchObject({ title: "Call the plumber", priority: "high" });
    expect(await handle.db.message.count({ where: { conversationId: id! } })).toBe(4);
  });

  it("asks for approval before changing several tasks, and logs the answer", async () => {
    const user = await newUser();
    const start = await send(user, { message: userMessage("add buy milk, call mom and pay rent") });
    const id = start.headers.get("x-conversation-id")!;
    await readChunks(start);
    const asking = await readChunks(await send(user, { id, message: userMessage("complete all my tasks") }));
    const requests = asking.filter((c) => c.type === "tool-approval-request") as unknown as {
      approvalId: string;
      toolCallId: string;
    }[];
    expect(requests).toHaveLength(3);
    expect(await handle.db.task.count({ where: { userId: user.id, status: "completed" } })).toBe(0);

    // The client answers: approve two, reject one (as useChat sends the assistant message back).
    const stored = await handle.db.message.findFirstOrThrow({
      where: { conversationId: id, role: "assistant" },
      orderBy: { createdAt: "desc" },
    });
    const reasons = (stored.parts as { approval?: { requestReason?: string } }[])
      .map((p) => p.approval?.requestReason)
      .filter(Boolean);
    expect(reasons.sort()).toEqual(["Complete #1 Buy milk", "Complete #2 Call mom", "Complete #3 Pay rent"]);
    const parts = (
      stored.parts as { type: string; state?: string; toolCallId?: string; approval?: { id: string } }[]
    ).map((p) =>
      p.state === "approval-requested"
        ? {
            ...p,
            state: "approval-responded",
            approval: { id: p.approval!.id, approved: p.toolCallId !== requests[2]!.toolCallId },
          }
        : p,
    );
    const done = await readChunks(await send(user, { id, message: { id: stored.id, role: "assistant", parts } }));
    expect(done.filter((c) => c.type === "tool-output-available")).toHaveLength(2);
    expect(done.filter((c) => c.type === "tool-output-denied")).toHaveLength(1);
    expect(await handle.db.task.count({ where: { userId: user.id, status: "completed" } })).toBe(2);
    const logs = await handle.db.taskOperationLog.findMany({ where: { userId: user.id, operation: "complete" } });
    expect(logs.map((l) => [l.status, l.approval]).sort()).toEqual([
      ["rejected", "rejected"],
      ["success", "approved"],
      ["success", "approved"],
    ]);
    // A replayed answer runs nothing twice.
    await readChunks(await send(user, { id, message: { id: stored.id, role: "assistant", parts } })).catch(() => []);
    expect(await handle.db.taskOperationLog.count({ where: { userId: user.id, operation: "complete" } })).toBe(3);
  });
});

describe("saving a reply", () => {
  it("never writes over a message that is not this conversation's reply", async () => {
    const user = await newUser();
    const message = userMessage("add buy milk");
    const response = await send(user, { message });
    await readChunks(response);
    const conversation = await handle.db.conversation.findUniqueOrThrow({
      where: { id: response.headers.get("x-conversation-id")! },
    });
    const reply = {
      id: message.id,
      role: "assistant" as const,
      parts: [{ type: "text" as const, text: "overwritten?" }],
    };
    await expect(
      saveAssistantMessage(handle.db, conversation, { message: reply, metadata: {}, replyToId: null }),
    ).rejects.toThrow(/not saved/);
    expect(await handle.db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      role: "user",
      content: "add buy milk",
    });
    expect((await handle.db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).messageCount).toBe(2);
  });
});

describe("bad requests", () => {
  it("treats another user's conversation as not found and stores nothing", async () => {
    const [owner, intruder] = [await newUser(), await newUser()];
    const first = await send(owner, { message: userMessage("add water the plants") });
    const id = first.headers.get("x-conversation-id");
    await readChunks(first);
    const response = await send(intruder, { id, message: userMessage("delete task 1") });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "That conversation does not exist." },
    });
    expect(await handle.db.message.count({ where: { userId: intruder.id } })).toBe(0);
    expect(await handle.db.task.count({ where: { userId: owner.id, deletedAt: null } })).toBe(1);
  });

  it.each([
    ["an over-long message", { message: userMessage("x".repeat(10_001)) }, /at most 10,000 characters/],
    ["an empty message", { message: userMessage("   ") }, /Type a message/],
    ["a conversation id that is not a UUID", { id: "42", message: userMessage("hi") }, /UUID/],
    ["an unknown time zone", { message: userMessage("hi"), timeZone: "Mars/Olympus" }, /time zone/],
    ["malformed JSON", "{not json", /valid JSON/],
  ])("answers %s with 400 and a clear message, storing nothing", async (_name, body, message) => {
    const user = await newUser();
    const response = await handleChat(handle.db, user, chatRequestOf(body), NOW);
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.error.message).toMatch(message);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts|Error:/);
    expect(await handle.db.conversation.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a message to a conversation that has 1,000 messages", async () => {
    const user = await newUser();
    const first = await send(user, { message: userMessage("hello") });
    const id = first.headers.get("x-conversation-id")!;
    await readChunks(first);
    await handle.db.conversation.update({ where: { id }, data: { messageCount: 1000 } });
    const response = await send(user, { id, message: userMessage("one more") });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/reached 1,000 messages/);
    expect(await handle.db.message.count({ where: { conversationId: id } })).toBe(2);
  });
});

describe("the chat turn with @ai-sdk/openai", () => {
  let fake: FakeOpenAI;
  const saved = { ...process.env };
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterEach(() => {
    for (const key of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "AI_MODEL"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });
  afterAll(() => fake?.close());
  const pointAtFake = () =>
    Object.assign(process.env, { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.url, AI_MODEL: "fake-model" });

  it("streams a tool call then text, runs the tool through the service and stores usage", async () => {
    pointAtFake();
    const user = await newUser();
    fake.push(
      {
        kind: "tools",
        calls: [{ name: "add_task", args: { title: "Renew passport", dueDate: "2026-03-20", priority: "high" } }],
      },
      { kind: "text", text: "Added **#1 Renew passport**, due Fri, Mar 20." },
    );
    const before = fake.requests.length;
    const response = await send(user, {
      message: userMessage("remind me to renew my passport by the 20th, it's important"),
      timeZone: "America/New_York",
    });
    const chunks = await readChunks(response);
    expect(
      chunks
        .filter((c) => c.type === "text-delta")
        .map((c) => c.delta)
        .join(""),
    ).toBe("Added **#1 Renew passport**, due Fri, Mar 20.");
    const task = await handle.db.task.findFirstOrThrow({ where: { userId: user.id } });
    expect(task).toMatchObject({ title: "Renew passport", priority: "high", dueAllDay: true });
    const system = fake.requests[before]!.messages[0]!;
    expect(system.role).toBe("system");
    expect(String(system.content)).toMatch(/America\/New_York/);
    expect(String(system.content)).toMatch(/Tuesday, March 10, 2026/);
    const assistant = await handle.db.message.findFirstOrThrow({ where: { userId: user.id, role: "assistant" } });
    expect(assistant.metadata).toMatchObject({
      provider: "openai-compatible",
      modelId: "fake-model",
      toolsUsed: ["add_task"],
      finishReason: "stop",
    });
    expect((assistant.metadata as { usage: { inputTokens: number } }).usage.inputTokens).toBe(84);
    const userRow = await handle.db.message.findFirstOrThrow({ where: { userId: user.id, role: "user" } });
    expect(userRow.intent).toBe("add_task");
  });

  it("runs a tool call id a server reuses in a later message (call_0) again, as a new call", async () => {
    pointAtFake();
    const user = await newUser();
    fake.push(
      { kind: "tools", calls: [{ name: "add_task", args: { title: "First" }, id: "call_0" }] },
      { kind: "text", text: "Added First." },
      { kind: "tools", calls: [{ name: "add_task", args: { title: "Second" }, id: "call_0" }] },
      { kind: "text", text: "Added Second." },
    );
    const first = await send(user, { message: userMessage("add first") });
    await readChunks(first);
    await readChunks(
      await send(user, { id: first.headers.get("x-conversation-id"), message: userMessage("add second") }),
    );
    expect(
      (await handle.db.task.findMany({ where: { userId: user.id }, orderBy: { number: "asc" } })).map((t) => t.title),
    ).toEqual(["First", "Second"]);
    expect(await handle.db.taskOperationLog.count({ where: { userId: user.id, status: "success" } })).toBe(2);
  });

  it("turns an LLM's unknown priority into a tool error and a failed log row, changing nothing", async () => {
    pointAtFake();
    const user = await newUser();
    fake.push(
      { kind: "tools", calls: [{ name: "add_task", args: { title: "Dentist", priority: "urgent" } }] },
      { kind: "text", text: "Sorry, priority must be low, medium or high." },
    );
    const chunks = await readChunks(await send(user, { message: userMessage("add dentist, super urgent") }));
    expect(chunks.find((c) => c.type === "tool-output-available")?.output).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(0);
    expect(await handle.db.taskOperationLog.findMany({ where: { userId: user.id } })).toMatchObject([
      { status: "failed", operation: "add" },
    ]);
  });

  it("keeps the user's message and stores the failure when the model fails", async () => {
    pointAtFake();
    const user = await newUser();
    fake.push({ kind: "error", status: 500 }, { kind: "error", status: 500 });
    const response = await send(user, { message: userMessage("add buy bread") });
    const chunks = await readChunks(response);
    const error = chunks.find((c) => c.type === "error");
    expect(error?.errorText).toMatch(/could not answer just now/);
    expect(JSON.stringify(chunks)).not.toMatch(/fake model failed|stack/i);
    const messages = await handle.db.message.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(messages[0]).toMatchObject({ role: "user", content: "add buy bread" });
    expect(messages[1]?.metadata).toMatchObject({ error: expect.stringMatching(/could not answer/) });
  });

  it("saves what was streamed and every executed operation when the client aborts mid-reply", async () => {
    pointAtFake();
    const user = await newUser();
    fake.push(
      { kind: "tools", calls: [{ name: "add_task", args: { title: "Book flights" } }] },
      { kind: "text", text: "Added Book flights. ".repeat(1) + "word ".repeat(200), delayMs: 20 },
    );
    const controller = new AbortController();
    const response = await send(user, { message: userMessage("add book flights") }, controller.signal);
    const reader = response.body!.getReader();
    let seen = "";
    while (!seen.includes("text-delta")) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await reader.cancel().catch(() => undefined);
    // The reply is saved when the server notices; poll until it is.
    let assistant = null;
    for (let i = 0; i < 100 && !(assistant?.metadata as { aborted?: boolean } | null)?.aborted; i++) {
      await new Promise((r) => setTimeout(r, 50));
      assistant = await handle.db.message.findFirst({ where: { userId: user.id, role: "assistant" } });
    }
    expect(assistant?.metadata).toMatchObject({ aborted: true });
    expect(assistant?.content).toMatch(/^Added/);
    expect(assistant!.content.split("word").length - 1).toBeLessThan(200);
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(1);
    expect(await handle.db.taskOperationLog.count({ where: { userId: user.id, status: "success" } })).toBe(1);
    expect(await handle.db.message.count({ where: { userId: user.id, role: "user" } })).toBe(1);
  });
});
