// Holes an attack review found in the chat route, each through the real route handler, agent,
// tools and database: Stop mid-turn leaving a tool call with no outcome (every later turn then
// failed), message parts that made the server fetch URLs or store megabytes, well-formed history
// for strict model servers, and a lost database answering 503 and letting the message be retried.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { NOT_RUN } from "./dangling-tools";
import { startFaultModel, type FaultModel } from "./fault-model";
import { messagePage } from "./history";
import { saveUserMessage } from "./store";
import {
  chatRequestOf,
  readChunks,
  restoreModelEnvAfterEach,
  type Chunk,
  pointAtModelServer,
  userMessage,
  waitFor,
} from "@/test/support/chat";
import { handleChat } from "./turn";

let handle: DbHandle;
let model: FaultModel;
let users = 0;
const NOW = new Date("2026-03-10T14:00:00Z");

async function newUser(): Promise<SessionUser> {
  const row = await handle.db.user.create({
    data: { email: `trust${++users}@example.com`, name: "Trust", passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

const send = (user: SessionUser, body: object, signal?: AbortSignal) =>
  handleChat(handle.db, user, chatRequestOf(body, { signal }), NOW);
const pointAtModel = () => pointAtModelServer(model.url, "fault-model");
const errors = (chunks: Chunk[]) => chunks.filter((c) => c.type === "error");

type ToolPart = { type: string; toolCallId: string; state: string; output?: { ok?: boolean }; errorText?: string };
const toolParts = (parts: unknown) => (parts as ToolPart[]).filter((p) => p.type.startsWith("tool-"));

/** A local HTTP server that counts the requests it gets: a URL the server must never fetch. */
async function startCanary() {
  const state = { hits: 0 };
  const server = http.createServer((_req, res) => {
    state.hits++;
    res.end("secret");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal-secret.txt`;
  return { url, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  model = await startFaultModel();
});
beforeEach(() => model.reset());
restoreModelEnvAfterEach();
afterAll(async () => {
  await model?.close();
  await handle?.close();
});

describe("Stop mid-turn", () => {
  it("stores every tool call with its outcome, whenever the stop comes, and the conversation goes on", async () => {
    const user = await newUser();
    let conversationId: string | null = null;
    // Stops at each point of the stream in turn: after the first bytes, after the tool call, after its output.
    const stopAfter = [
      "start",
      "tool-input-start",
      "tool-input-available",
      "tool-output-available",
      "text-start",
      "text-delta",
    ];
    for (const [i, marker] of stopAfter.entries()) {
      const controller = new AbortController();
      const response = await send(
        user,
        { ...(conversationId ? { id: conversationId } : {}), message: userMessage(`add stop test ${i}`) },
        controller.signal,
      );
      conversationId = response.headers.get("x-conversation-id");
      const reader = response.body!.getReader();
      let seen = "";
      while (!seen.includes(`"type":"${marker}"`)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += new TextDecoder().decode(value);
      }
      controller.abort();
      await reader.cancel().catch(() => undefined);
      await waitFor(
        () => handle.db.message.count({ where: { conversationId: conversationId!, role: "assistant" } }),
        (n) => n === i + 1,
      );
    }
    // Let the last turn's end-of-turn save finish before reading.
    await new Promise((r) => setTimeout(r, 200));
    const replies = await handle.db.message.findMany({ where: { conversationId: conversationId!, role: "assistant" } });
    const tasks = await handle.db.task.findMany({ where: { userId: user.id } });
    const successes = await handle.db.taskOperationLog.findMany({ where: { userId: user.id, status: "success" } });
    for (const reply of replies) {
      for (const part of toolParts(reply.parts)) {
        expect(["output-available", "output-error"]).toContain(part.state);
        // What the reply says agrees with the log: an outcome for a call that ran, "not run" for one that did not.
        const ran = successes.some((l) => l.toolCallId?.endsWith(`:${part.toolCallId}`));
        if (ran) expect(part).toMatchObject({ state: "output-available", output: { ok: true } });
        else expect(part).toMatchObject({ state: "output-error", errorText: NOT_RUN });
      }
    }
    // Every task that was added shows up in some reply.
    const shown = replies.flatMap((r) => toolParts(r.parts)).filter((p) => p.state === "output-available");
    expect(shown).toHaveLength(tasks.length);

    // The next message in the same conversation is answered, with a real model server too.
    const next = await readChunks(
      await send(user, { id: conversationId, message: userMessage("what is on my list?") }),
    );
    expect(errors(next)).toEqual([]);
    pointAtModel();
    model.push({ text: "Here is your list." });
    const withModel = await readChunks(await send(user, { id: conversationId, message: userMessage("thanks") }));
    expect(errors(withModel)).toEqual([]);
    expect(
      withModel
        .filter((c) => c.type === "text-delta")
        .map((c) => c.delta)
        .join(""),
    ).toBe("Here is your list.");
  });

  it("repairs a reply stored with a dangling call when the conversation is read, from the operation log", async () => {
    const user = await newUser();
    const first = await send(user, { message: userMessage("add renew passport") });
    const conversationId = first.headers.get("x-conversation-id")!;
    await readChunks(first);
    // As the old code stored a stopped turn: the tool part without its output, plus a call that never ran.
    const reply = await handle.db.message.findFirstOrThrow({ where: { conversationId, role: "assistant" } });
    const [ran] = toolParts(reply.parts);
    const broken = [
      { ...ran, state: "input-available", output: undefined },
      { type: "tool-add_task", toolCallId: "call_never_ran", state: "input-available", input: { title: "Never" } },
    ];
    await handle.db.message.update({ where: { id: reply.id }, data: { parts: JSON.parse(JSON.stringify(broken)) } });

    const page = await messagePage(handle.db, user.id, conversationId);
    const shown = toolParts(page.messages.find((m) => m.id === reply.id)!.parts);
    expect(shown.map((p) => p.state)).toEqual(["output-available", "output-error"]);
    expect(shown[0]!.output).toMatchObject({ ok: true, kind: "added" });
    expect(shown[1]!.errorText).toBe(NOT_RUN);

    pointAtModel();
    model.push({ text: "Done." });
    const next = await readChunks(await send(user, { id: conversationId, message: userMessage("thanks") }));
    expect(errors(next)).toEqual([]);
    const stored = await handle.db.message.findUniqueOrThrow({ where: { id: reply.id } });
    expect(toolParts(stored.parts).map((p) => p.state)).toEqual(["output-available", "output-error"]);
    expect(await handle.db.task.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("message parts from the client", () => {
  it("refuses a file part (a URL the server would download), a data part and a file in an approval answer, fetching nothing", async () => {
    const canary = await startCanary();
    try {
      const user = await newUser();
      const file = { type: "file", url: canary.url, mediaType: "text/plain", filename: "x.txt" };
      const asUser = await send(user, {
        message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: "read this" }, file] },
      });
      expect(asUser.status).toBe(400);
      expect((await asUser.json()).error.message).toBe("Messages can only contain text.");
      const data = await send(user, {
        message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "data-x", data: "y".repeat(1000) }] },
      });
      expect(data.status).toBe(400);
      const first = await send(user, { message: userMessage("hello") });
      const id = first.headers.get("x-conversation-id");
      await readChunks(first);
      const reply = await handle.db.message.findFirstOrThrow({ where: { conversationId: id!, role: "assistant" } });
      const answer = await send(user, { id, message: { id: reply.id, role: "assistant", parts: [file] } });
      expect(answer.status).toBe(400);
      expect(canary.state.hits).toBe(0);
      expect(await handle.db.conversation.count({ where: { userId: user.id } })).toBe(1);
      expect(await handle.db.message.count({ where: { userId: user.id } })).toBe(2);
    } finally {
      await canary.close();
    }
  });

  it("drops file and data parts stored before they were refused: never fetched, never sent to the browser", async () => {
    const canary = await startCanary();
    try {
      const user = await newUser();
      const first = await send(user, { message: userMessage("hello") });
      const conversationId = first.headers.get("x-conversation-id")!;
      await readChunks(first);
      const userRow = await handle.db.message.findFirstOrThrow({ where: { conversationId, role: "user" } });
      const huge = "x".repeat(2_000_000);
      await handle.db.message.update({
        where: { id: userRow.id },
        data: {
          parts: [
            { type: "text", text: "hello" },
            { type: "file", url: canary.url, mediaType: "text/plain" },
            { type: "data-blob", data: huge },
          ],
        },
      });
      for (const useOpenAI of [false, true]) {
        if (useOpenAI) {
          pointAtModel();
          model.push({ text: "Hi again." });
        }
        const next = await readChunks(await send(user, { id: conversationId, message: userMessage("hello again") }));
        expect(errors(next)).toEqual([]);
      }
      expect(canary.state.hits).toBe(0);
      const page = await messagePage(handle.db, user.id, conversationId);
      expect(page.messages.find((m) => m.id === userRow.id)!.parts).toEqual([{ type: "text", text: "hello" }]);
      expect(JSON.stringify(page).length).toBeLessThan(100_000);
    } finally {
      await canary.close();
    }
  });

  it("refuses a request body over the limit with 413 before reading it all, storing nothing", async () => {
    const user = await newUser();
    const body = JSON.stringify({ message: { ...userMessage("hi"), metadata: { pad: "x".repeat(2_000_000) } } });
    const response = await send(user, body as unknown as object);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/too large/);
    expect(await handle.db.conversation.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("history sent to the model", () => {
  it("alternates user and assistant with no empty reply, after failed turns", async () => {
    pointAtModel();
    const user = await newUser();
    const requests: { role: string; content: unknown }[][] = [];
    const original = model.url;
    // A proxy in front of the fault model that records each request's messages.
    const proxy = http.createServer(async (req, res) => {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      requests.push((JSON.parse(raw) as { messages: { role: string; content: unknown }[] }).messages);
      try {
        const upstream = await fetch(`${original}/chat/completions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: raw,
        });
        res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "text/event-stream" });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      } catch {
        res.destroy(); // the fault model dropped the connection: so does the proxy
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    process.env.OPENAI_BASE_URL = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      model.push({ text: "Hello!" });
      const first = await send(user, { message: userMessage("hi") });
      const id = first.headers.get("x-conversation-id");
      await readChunks(first);
      // A turn that fails before any text (three tries), leaving a user message and an empty reply.
      const failing = { text: "never", dropAfter: 0 };
      model.push(failing, failing, failing);
      await readChunks(await send(user, { id, message: userMessage("add call mom") }));
      // And a user message with no reply at all, as a database outage mid-turn leaves.
      const conversation = await handle.db.conversation.findUniqueOrThrow({ where: { id: id! } });
      await saveUserMessage(handle.db, conversation, userMessage("add pay rent"));
      requests.length = 0;
      model.push({ text: "OK." });
      const last = await readChunks(await send(user, { id, message: userMessage("add book dentist") }));
      expect(errors(last)).toEqual([]);
      const roles = requests[0]!.filter((m) => m.role !== "system").map((m) => m.role);
      expect(roles).toEqual(["user", "assistant", "user"]);
      expect(JSON.stringify(requests[0]!.at(-1))).toContain("add book dentist");
      for (const m of requests[0]!)
        expect(m.content === "" || (Array.isArray(m.content) && m.content.length === 0)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});

describe("the database going away", () => {
  it("answers 503 with Retry-After (not 500) when the database cannot be reached", async () => {
    const down = await openDatabase("postgresql://doable@127.0.0.1:1/doable");
    try {
      const user = await newUser();
      const response = await handleChat(down.db, user, chatRequestOf({ message: userMessage("add milk") }), NOW);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await response.json()).error).toMatchObject({
        code: "unavailable",
        message: expect.stringMatching(/try again/),
      });
    } finally {
      await down.close();
    }
  });

  it("lets a message whose turn died without a reply be sent again with the same id", async () => {
    const user = await newUser();
    const first = await send(user, { message: userMessage("hello") });
    const id = first.headers.get("x-conversation-id")!;
    await readChunks(first);
    const conversation = await handle.db.conversation.findUniqueOrThrow({ where: { id } });
    // Saved, then the database went away before any reply was stored.
    const message = userMessage("add water the plants");
    await saveUserMessage(handle.db, conversation, message);
    const retry = await send(user, { id, message });
    expect(retry.status).toBe(200);
    await readChunks(retry);
    expect(await handle.db.task.count({ where: { userId: user.id, title: "Water the plants" } })).toBe(1);
    expect(await handle.db.message.count({ where: { id: message.id } })).toBe(1);
  });
});
