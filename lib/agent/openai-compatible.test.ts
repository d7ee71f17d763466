// The real-model path end to end: the chat route's turn (handleChat) with a real PGlite
// database, the real @ai-sdk/openai provider over real HTTP, against a scripted
// OpenAI-compatible server (fake-openai.ts) that behaves like real ones do — tool-call
// arguments in small deltas with SSE events cut across TCP writes, usage, 429 / 500 / 401
// answers, a malformed stream, a server that hangs, a model that never stops calling tools, a
// tool call that is not valid JSON — over chat completions and the Responses API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { chatRequestOf, readChunks, userMessage, type Chunk } from "@/test/support/chat";
import { handleChat } from "@/lib/chat/turn";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { MAX_STEPS } from "./agent";
import { historyProblems, startFakeOpenAI, toolsOf, type FakeOpenAI } from "./fake-openai";

let handle: DbHandle;
let fake: FakeOpenAI;
let users = 0;
const saved = { ...process.env };
const KEYS = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "AI_MODEL", "AI_API", "AI_TIMEOUT_MS"];
const NOW = new Date("2026-03-10T14:00:00Z"); // a Tuesday
const SECRET_KEY = "sk-scripted-secret-0123456789";

async function newUser(): Promise<SessionUser> {
  const row = await handle.db.user.create({
    data: { email: `model${++users}@example.com`, name: `Model User ${users}`, passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

const send = (user: SessionUser, body: object) => handleChat(handle.db, user, chatRequestOf(body), NOW);
const useServer = (api: "chat" | "responses", extra: Record<string, string> = {}) =>
  Object.assign(process.env, {
    OPENAI_API_KEY: SECRET_KEY,
    OPENAI_BASE_URL: fake.url,
    AI_MODEL: "scripted-model",
    AI_API: api,
    ...extra,
  });
const textOf = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta)
    .join("");
const errorsOf = (chunks: Chunk[]) => chunks.filter((c) => c.type === "error").map((c) => String(c.errorText));

async function stored(user: SessionUser) {
  const messages = await handle.db.message.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  return { user: messages.filter((m) => m.role === "user"), assistant: messages.filter((m) => m.role === "assistant") };
}

/** Nothing in what the browser got names the provider's own words, the key or a stack. */
function expectNoLeak(chunks: Chunk[]) {
  const all = JSON.stringify(chunks);
  expect(all).not.toContain(SECRET_KEY);
  expect(all).not.toMatch(/fake model failed|Incorrect API key|127\.0\.0\.1|at .*\.ts:\d|AI_[A-Za-z]+Error/);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fake = await startFakeOpenAI();
});
afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});
afterAll(async () => {
  await fake?.close();
  await handle?.close();
});

describe.each(["chat", "responses"] as const)("a model server speaking %s", (api) => {
  const path = api === "chat" ? "/v1/chat/completions" : "/v1/responses";

  it("reassembles tool-call arguments streamed in 3-character deltas across split TCP writes, runs the tool, stores usage", async () => {
    useServer(api);
    const user = await newUser();
    const before = fake.requests.length;
    fake.push(
      {
        kind: "tools",
        calls: [
          {
            name: "add_task",
            args: { title: "Renew passport", dueDate: "2026-03-20T09:30:00+01:00", priority: "high", tags: ["admin"] },
          },
        ],
        chunkSize: 3,
        fragment: true,
        usage: { input: 100, output: 20 },
      },
      {
        kind: "text",
        text: "Added **#1 Renew passport**, due Fri, Mar 20, 9:30 AM.",
        fragment: true,
        usage: { input: 150, output: 12 },
      },
    );
    const response = await send(user, {
      message: userMessage("renew my passport on the 20th at 9:30, important, tag admin"),
      timeZone: "Europe/Berlin",
    });
    const chunks = await readChunks(response);
    expect(errorsOf(chunks)).toEqual([]);
    expect(textOf(chunks)).toBe("Added **#1 Renew passport**, due Fri, Mar 20, 9:30 AM.");
    // The arguments arrived whole, and the service got them as the model sent them.
    expect(chunks.find((c) => c.type === "tool-input-available")?.input).toEqual({
      title: "Renew passport",
      dueDate: "2026-03-20T09:30:00+01:00",
      priority: "high",
      tags: ["admin"],
    });
    const task = await handle.db.task.findFirstOrThrow({
      where: { userId: user.id },
      include: { tags: { include: { tag: true } } },
    });
    expect(task).toMatchObject({
      title: "Renew passport",
      priority: "high",
      dueAllDay: false,
      dueDate: new Date("2026-03-20T08:30:00Z"),
    });
    expect(task.tags.map((t) => t.tag.name)).toEqual(["admin"]);

    const requests = fake.requests.slice(before);
    expect(requests.map((r) => r.path)).toEqual([path, path]);
    // Usage of both steps is added up and stored with the reply.
    const { assistant } = await stored(user);
    expect(assistant).toHaveLength(1);
    expect(assistant[0]!.metadata).toMatchObject({
      provider: "openai-compatible",
      modelId: "scripted-model",
      finishReason: "stop",
      toolsUsed: ["add_task"],
    });
    expect((assistant[0]!.metadata as { usage: { inputTokens: number; outputTokens: number } }).usage).toMatchObject({
      inputTokens: 250,
      outputTokens: 32,
    });
    expect(fake.pending()).toBe(0);
  });

  it("sends the system prompt with the user's numeric UTC offset and tools whose fields are described", async () => {
    useServer(api);
    const user = await newUser();
    const before = fake.requests.length;
    fake.push({ kind: "text", text: "Hello! What can I add for you?" });
    await readChunks(await send(user, { message: userMessage("hi"), timeZone: "Asia/Kolkata" }));
    const request = fake.requests[before]!;
    const system = request.messages.find((m) => m.role === "system" || m.role === "developer");
    expect(String(system?.content)).toMatch(/Asia\/Kolkata, UTC offset UTC\+05:30/);
    const tools = toolsOf(request);
    expect(tools.map((t) => t.name).sort()).toEqual([
      "add_task",
      "complete_task",
      "delete_task",
      "list_tasks",
      "undo_operation",
      "update_task",
    ]);
    for (const t of tools) {
      expect(t.description, t.name).toBeTruthy();
      for (const [field, schema] of Object.entries(t.parameters.properties ?? {}))
        expect(schema.description, `${t.name}.${field}`).toBeTruthy();
    }
    if (api === "responses")
      expect(request.body.store).toBe(false); // history lives in Doable, not on the server
    else expect(request.body.store).toBeUndefined(); // strict OpenAI-compatible servers get no extra field
  });

  it("answers a 429 (after one retry) with a rate-limit message and keeps the user's message", async () => {
    useServer(api);
    const user = await newUser();
    const before = fake.requests.length;
    const limited = {
      kind: "error" as const,
      status: 429,
      message: `Rate limit reached for scripted-model (key ${SECRET_KEY})`,
      headers: { "retry-after-ms": "5" },
    };
    fake.push(limited, limited);
    const chunks = await readChunks(await send(user, { message: userMessage("add buy bread") }));
    expect(errorsOf(chunks)).toEqual([expect.stringMatching(/busy right now.*rate limit.*message is saved/)]);
    expectNoLeak(chunks);
    expect(fake.requests.length - before).toBe(2);
    const { user: mine, assistant } = await stored(user);
    expect(mine.map((m) => m.content)).toEqual(["add buy bread"]);
    expect(assistant[0]?.metadata).toMatchObject({ error: expect.any(String) });
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers a 500 (after one retry) with the general failure message", async () => {
    useServer(api);
    const user = await newUser();
    const failing = {
      kind: "error" as const,
      status: 500,
      message: "The fake model failed: CUDA out of memory at /srv/models",
      headers: { "retry-after-ms": "5" },
    };
    fake.push(failing, failing);
    const chunks = await readChunks(await send(user, { message: userMessage("add buy bread") }));
    expect(errorsOf(chunks)).toEqual(["The assistant could not answer just now. Your message is saved — try again."]);
    expectNoLeak(chunks);
    expect(JSON.stringify(chunks)).not.toMatch(/CUDA|\/srv/);
    expect((await stored(user)).user).toHaveLength(1);
  });

  it("answers a 401 with a configuration message that reveals nothing of the key or the server's words, without retrying", async () => {
    useServer(api);
    const user = await newUser();
    const before = fake.requests.length;
    fake.push({ kind: "error", status: 401, message: `Incorrect API key provided: ${SECRET_KEY}.` });
    const chunks = await readChunks(await send(user, { message: userMessage("add buy bread") }));
    expect(errorsOf(chunks)).toEqual([expect.stringMatching(/not set up correctly.*refused its credentials/)]);
    expectNoLeak(chunks);
    expect(fake.requests.length - before).toBe(1);
  });

  it("survives a malformed stream: a clear failure, the user's message kept, nothing half-done", async () => {
    useServer(api);
    const user = await newUser();
    fake.push({
      kind: "raw",
      data: ['{"id":"x","choices":[{"index":0,"delta":{"content":"Hel', "not json at all", '{"unexpected":true}'],
    });
    const chunks = await readChunks(await send(user, { message: userMessage("add buy bread") }));
    expect(errorsOf(chunks).length).toBeGreaterThan(0);
    for (const e of errorsOf(chunks))
      expect(e).toBe("The assistant could not answer just now. Your message is saved — try again.");
    expectNoLeak(chunks);
    const { user: mine, assistant } = await stored(user);
    expect(mine).toHaveLength(1);
    expect(assistant[0]?.metadata).toMatchObject({ error: expect.any(String) });
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(0);
  });

  it("gives up on a server that never answers after AI_TIMEOUT_MS, says so, and closes the connection (no retry)", async () => {
    useServer(api, { AI_TIMEOUT_MS: "300" });
    const user = await newUser();
    const before = fake.requests.length;
    fake.push({ kind: "hang", stage: "headers" });
    const chunks = await readChunks(await send(user, { message: userMessage("add buy bread") }));
    expect(errorsOf(chunks)).toEqual([
      "The assistant took too long to answer (no reply in 0.3 s). Your message is saved — try again.",
    ]);
    expect(fake.requests.length - before).toBe(1);
    await waitFor(() => fake.requests[before]!.closedEarly);
    expect(fake.requests[before]!.closedEarly).toBe(true);
    const { user: mine, assistant } = await stored(user);
    expect(mine).toHaveLength(1);
    expect(assistant[0]?.metadata).toMatchObject({ error: expect.any(String) });
  });

  it("gives up on a stream that falls silent mid-reply, keeping the words that came", async () => {
    useServer(api, { AI_TIMEOUT_MS: "300" });
    const user = await newUser();
    const before = fake.requests.length;
    fake.push({ kind: "hang", stage: "body", text: "Sure, let me think about that for a moment please" });
    const chunks = await readChunks(await send(user, { message: userMessage("what should I do today?") }));
    expect(textOf(chunks)).toMatch(/^Sure, let me/);
    expect(errorsOf(chunks)).toEqual([expect.stringMatching(/took too long to answer \(no reply in 0\.3 s\)/)]);
    await waitFor(() => fake.requests[before]!.closedEarly);
    expect(fake.requests[before]!.closedEarly).toBe(true);
    const { assistant } = await stored(user);
    expect(assistant[0]?.content).toMatch(/^Sure, let me/);
  });

  it("does not cut off a slow reply that keeps streaming (the timeout is between chunks, not in total)", async () => {
    // 12 words 100 ms apart: well over the 800 ms timeout in total, never 800 ms silent.
    useServer(api, { AI_TIMEOUT_MS: "800" });
    const user = await newUser();
    const text = "You have nothing due today, so it is a good day to plan the week ahead.";
    fake.push({ kind: "text", text, delayMs: 100 });
    const chunks = await readChunks(await send(user, { message: userMessage("anything due today?") }));
    expect(errorsOf(chunks)).toEqual([]);
    expect(textOf(chunks)).toBe(text);
  });

  it(`stops a model that calls a tool every step: the last of ${MAX_STEPS} steps allows no tools, and the turn ends in words`, async () => {
    useServer(api);
    const user = await newUser();
    const before = fake.requests.length;
    // The model ignores tool_choice "none" too, as many local servers do.
    for (let i = 1; i <= MAX_STEPS; i++)
      fake.push({ kind: "tools", calls: [{ name: "add_task", args: { title: `Loop ${i}` } }] });
    const chunks = await readChunks(await send(user, { message: userMessage("add loop") }));
    expect(errorsOf(chunks)).toEqual([]);
    const requests = fake.requests.slice(before);
    expect(requests).toHaveLength(MAX_STEPS);
    expect(requests.slice(0, -1).map((r) => r.body.tool_choice ?? "auto")).toEqual(Array(MAX_STEPS - 1).fill("auto"));
    expect(requests.at(-1)!.body.tool_choice).toBe("none");
    // The calls of the last step were not run: it was told not to call tools.
    const titles = (await handle.db.task.findMany({ where: { userId: user.id }, orderBy: { number: "asc" } })).map(
      (t) => t.title,
    );
    expect(titles).toEqual(["Loop 1", "Loop 2", "Loop 3", "Loop 4"]);
    const text = textOf(chunks);
    expect(text).toMatch(
      /^I stopped after 4 tool calls without finishing my answer\. Done so far: added #1 Loop 1; added #2 Loop 2; added #3 Loop 3; added #4 Loop 4\./,
    );
    // Stored: the four cards with their outputs, then the words; no call without an outcome.
    const { assistant } = await stored(user);
    expect(assistant).toHaveLength(1);
    const parts = assistant[0]!.parts as { type: string; state?: string }[];
    expect(parts.filter((p) => p.type === "tool-add_task").map((p) => p.state)).toEqual(
      Array(4).fill("output-available"),
    );
    expect(parts.filter((p) => p.type.startsWith("tool-")).every((p) => p.state === "output-available")).toBe(true);
    expect(assistant[0]!.content).toContain("I stopped after 4 tool calls");
    expect(await handle.db.taskOperationLog.count({ where: { userId: user.id, status: "success" } })).toBe(4);
    expect(fake.pending()).toBe(0);
  });

  it("lets a model that obeys the last step's no-tools rule answer in its own words", async () => {
    useServer(api);
    const user = await newUser();
    const before = fake.requests.length;
    for (let i = 1; i < MAX_STEPS; i++) fake.push({ kind: "tools", calls: [{ name: "list_tasks", args: {} }] });
    fake.push({ kind: "text", text: "You have no tasks yet." });
    const chunks = await readChunks(await send(user, { message: userMessage("what do I have?") }));
    expect(fake.requests.at(-1)!.body.tool_choice).toBe("none");
    expect(fake.requests.length - before).toBe(MAX_STEPS);
    expect(textOf(chunks)).toBe("You have no tasks yet.");
  });

  it("words an empty answer instead of ending the turn with nothing", async () => {
    useServer(api);
    const user = await newUser();
    fake.push({ kind: "text", text: "" });
    const chunks = await readChunks(await send(user, { message: userMessage("hmm") }));
    expect(errorsOf(chunks)).toEqual([]);
    expect(textOf(chunks)).toBe("Sorry, I have no answer to that. Try asking again, perhaps in other words.");
    expect((await stored(user)).assistant[0]!.content).toBe(
      "Sorry, I have no answer to that. Try asking again, perhaps in other words.",
    );
  });

  it("shows a tool call that is not valid JSON as that, not as a failed turn, and carries on", async () => {
    useServer(api);
    const user = await newUser();
    fake.push(
      { kind: "tools", calls: [{ name: "add_task", args: '{"title": "Buy milk", "priority": ' }], chunkSize: 4 },
      { kind: "tools", calls: [{ name: "add_task", args: { title: "Buy milk" } }] },
      { kind: "text", text: "Added #1 Buy milk." },
    );
    const chunks = await readChunks(await send(user, { message: userMessage("add buy milk") }));
    const inputError = chunks.find((c) => c.type === "tool-input-error" || c.type === "tool-output-error");
    expect(inputError?.errorText).toBe("The assistant's add_task call was not valid JSON, so nothing was changed.");
    expect(JSON.stringify(chunks)).not.toMatch(/could not answer just now/);
    expect(errorsOf(chunks)).toEqual([]);
    expect(textOf(chunks)).toBe("Added #1 Buy milk.");
    expect((await handle.db.task.findMany({ where: { userId: user.id } })).map((t) => t.title)).toEqual(["Buy milk"]);
    // The card is stored with that text, and the model was told what was wrong.
    const { assistant } = await stored(user);
    const card = (assistant[0]!.parts as { type: string; state?: string; errorText?: string }[]).find(
      (p) => p.state === "output-error",
    );
    expect(card?.errorText).toBe("The assistant's add_task call was not valid JSON, so nothing was changed.");
    expect(JSON.stringify(fake.requests.at(-2)!.messages)).toMatch(
      /Invalid input for tool add_task: .*JSON parsing failed/,
    );
  });

  it("names a tool that does not exist instead of failing the turn", async () => {
    useServer(api);
    const user = await newUser();
    fake.push(
      { kind: "tools", calls: [{ name: "send_email", args: { to: "boss" } }] },
      { kind: "text", text: "I can only manage your tasks." },
    );
    const chunks = await readChunks(await send(user, { message: userMessage("email my boss") }));
    expect(chunks.find((c) => c.type === "tool-input-error" || c.type === "tool-output-error")?.errorText).toBe(
      "The assistant asked for a tool that does not exist (send_email), so nothing was changed.",
    );
    expect(textOf(chunks)).toBe("I can only manage your tasks.");
  });
});

describe("history sent to a strict chat template", () => {
  it("alternates roles after a failed turn: no two user messages in a row, no empty assistant message", async () => {
    useServer("chat");
    const user = await newUser();
    fake.push({ kind: "error", status: 400, message: "bad" });
    const first = await send(user, { message: userMessage("add buy bread") });
    await readChunks(first);
    const before = fake.requests.length;
    fake.push({ kind: "text", text: "Added." });
    await readChunks(
      await send(user, { id: first.headers.get("x-conversation-id"), message: userMessage("add buy bread") }),
    );
    expect(historyProblems(fake.requests[before]!)).toEqual([]);
  });
});

async function waitFor(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
}
