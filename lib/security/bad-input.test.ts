// Bad input, property-based (fast-check): random and hostile chat-route bodies, server-action
// arguments and tool inputs. Whatever arrives: no 5xx (no "internal" answer), no stack trace or
// source path in what the caller sees, and when the input is refused nothing changes but the
// failed log rows the task service writes as its audit trail. A failing run prints its seed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import type { SessionUser } from "@/lib/auth/users";
import { chatRequestOf, readChunks, userMessage } from "@/test/support/chat";
import { handleChat } from "@/lib/chat/turn";
import * as service from "@/lib/tasks/service";
import type { OperationContext, ToolResult } from "@/lib/tasks/types";
import { dbState } from "./db-state";

// Many requests from one user: the chat rate limit is tested elsewhere (e2e/security.spec.ts).
vi.hoisted(() => {
  process.env.CHAT_RATE_LIMIT = "1000000";
});
const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string; role: "user" | "admin" },
  db: null as unknown,
}));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.user ? { user: session.user } : null) }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const chatActions = await import("@/app/(app)/(chat)/actions/chat");
const conversationActions = await import("@/app/(app)/(chat)/actions/conversations");
const taskActions = await import("@/app/(app)/(chat)/actions/tasks");

let handle: DbHandle;
let user: SessionUser;
let other: SessionUser;
let conversationId: string;

/** What a stack trace or an internal error looks like when it leaks. */
const LEAK = /\n\s+at |\.tsx?:\d+|node_modules|Prisma|PrismaClient|Invalid `|SELECT |stack/;
const INTERNAL = /Something went wrong on our side/;
const NOW = new Date("2026-03-10T14:00:00Z");
// Kept small so the suite stays quick on 2 shared cores; FUZZ_RUNS=500 for a deeper search.
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
// One seed per run, printed, and fixed under CI so a red run reproduces and a green one stays green
// (FC_SEED=… to replay a run or to search elsewhere). A counterexample becomes a plain test below.
const SEED = Number(process.env.FC_SEED ?? (process.env.CI ? 20261205 : Date.now() % 2 ** 31));
console.log(`bad-input properties: seed ${SEED} (FC_SEED=${SEED} to replay)`);

const zones = fc.constantFrom(
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kathmandu",
  "America/St_Johns",
);
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE tasks; --",
    "%_\\",
    "\\u0000",
    "../../etc/passwd",
    "{{7*7}}",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax, as typed, is the hostile input.
    "${process.env}",
    "x".repeat(10_001),
    "2026-02-30",
    "2026-03-08T02:30",
    "9999-12-31T23:59:59Z",
    "0000-01-01",
    "-1",
    "NaN",
    "#0",
    "task 99999999999",
    "__proto__",
    "constructor",
  ),
);
const weird = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  const make = async (email: string) => {
    const row = await handle.db.user.create({ data: { email, name: "Fuzz", passwordHash: "x" } });
    return { id: row.id, email: row.email, name: row.name, role: row.role } as SessionUser;
  };
  user = await make("fuzz@example.com");
  other = await make("other@example.com");
  for (const title of ["Buy milk", "Call mom", "Pay rent"])
    await service.addTask(handle.db, { userId: user.id, source: "ui" }, { title, tags: ["home"] });
  await service.addTask(handle.db, { userId: other.id, source: "ui" }, { title: "Other's secret" });
  const first = await handleChat(handle.db, user, chatRequestOf({ message: userMessage("hello") }), NOW);
  conversationId = first.headers.get("x-conversation-id")!;
  await readChunks(first);
  session.user = { id: user.id, email: user.email, name: user.name, role: user.role };
});
afterAll(() => handle?.close());

describe("the chat route body (handleChat)", () => {
  const CONVERSATION = "the-user's-conversation-id";
  const part = fc.oneof(
    fc.record({ type: fc.constant("text"), text: nasty }),
    fc.record(
      {
        type: fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.constantFrom("tool-add_task", "tool-delete_task", "file", "reasoning"),
        ),
        text: weird,
      },
      { requiredKeys: ["type"] },
    ),
    fc.record({
      type: fc.constant("tool-delete_task"),
      toolCallId: fc.string(),
      state: fc.constantFrom("approval-responded", "output-available"),
      input: weird,
      approval: fc.record({ id: fc.string(), approved: fc.boolean() }),
    }),
    weird,
  );
  const message = fc.record(
    {
      id: fc.oneof(fc.uuid(), fc.string({ maxLength: 120 }), fc.integer()),
      role: fc.oneof(fc.constantFrom("user", "assistant", "system", "tool"), fc.string()),
      parts: fc.oneof(fc.array(part, { maxLength: 4 }), weird),
      metadata: weird,
    },
    { requiredKeys: ["role"] },
  );
  const body = fc.oneof(
    fc.record(
      {
        id: fc.oneof(fc.constant(CONVERSATION), fc.uuid(), fc.string(), fc.integer(), fc.constant(null)),
        message: fc.oneof(message, weird),
        timeZone: fc.oneof(zones, nasty, fc.integer()),
        trigger: fc.oneof(fc.constantFrom("submit-message", "regenerate-message"), nasty),
        messageId: weird,
        extra: weird,
      },
      { requiredKeys: [] },
    ),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string(),
  );

  it("answers every body without a 5xx or a leak; refused bodies change nothing", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const before = await dbState(handle.db);
        // The arbitraries exist before beforeAll made the conversation: its id goes in here.
        const json = (typeof raw === "string" ? raw : JSON.stringify(raw)).replaceAll(CONVERSATION, conversationId);
        const response = await handleChat(handle.db, user, chatRequestOf(json), NOW);
        expect(response.status).toBeLessThan(500);
        const text = await response.text();
        expect(text).not.toMatch(LEAK);
        expect(text).not.toMatch(INTERNAL);
        if (response.status !== 200) {
          expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
          expect(await dbState(handle.db)).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe("server-action arguments (the real actions, signed in)", () => {
  const id = fc.oneof(
    fc.uuid(),
    nasty,
    fc.integer(),
    fc.constant(null),
    fc.constant(undefined),
    fc.object({ maxDepth: 1 }),
  );

  const calls: [string, fc.Arbitrary<() => Promise<{ ok: boolean; message?: string }>>][] = [
    [
      "loadOlderMessagesAction",
      fc.tuple(id, id).map(
        ([c, m]) =>
          () =>
            chatActions.loadOlderMessagesAction(c as string, m as string),
      ),
    ],
    [
      "setFeedbackAction",
      fc.tuple(id, weird).map(
        ([m, v]) =>
          () =>
            chatActions.setFeedbackAction(m as string, v as "up"),
      ),
    ],
    [
      "listConversationsAction",
      weird.map((input) => () => conversationActions.listConversationsAction(input as object)),
    ],
    [
      "renameConversationAction (unknown ids)",
      fc.tuple(id, weird).map(
        ([c, t]) =>
          () =>
            conversationActions.renameConversationAction(c as string, t as string),
      ),
    ],
    [
      "archiveConversationAction",
      fc.tuple(id, weird).map(
        ([c, a]) =>
          () =>
            conversationActions.archiveConversationAction(c as string, a as boolean),
      ),
    ],
    ["deleteConversationAction", id.map((c) => () => conversationActions.deleteConversationAction(c as string))],
    [
      "listTasksAction",
      fc.tuple(weird, weird).map(
        ([s, z]) =>
          () =>
            taskActions.listTasksAction(s as "all", z as string),
      ),
    ],
    [
      "completeTaskAction",
      fc.tuple(weird, weird).map(
        ([i, z]) =>
          () =>
            taskActions.completeTaskAction(i as never, z as string),
      ),
    ],
    [
      "updateTaskAction",
      fc.tuple(weird, weird).map(
        ([i, z]) =>
          () =>
            taskActions.updateTaskAction(i as never, z as string),
      ),
    ],
    [
      "deleteTaskAction",
      fc.tuple(weird, weird).map(
        ([i, z]) =>
          () =>
            taskActions.deleteTaskAction(i as number, z as string),
      ),
    ],
    [
      "undoTaskOperationAction",
      fc.tuple(id, weird).map(
        ([i, z]) =>
          () =>
            taskActions.undoTaskOperationAction(i as string, z as string),
      ),
    ],
  ];

  it.each(calls)("%s: never an internal error or a leak; a refusal changes nothing", async (_name, call) => {
    await fc.assert(
      fc.asyncProperty(call, async (run) => {
        const before = await dbState(handle.db);
        const result = await run();
        const text = JSON.stringify(result);
        expect(text).not.toMatch(LEAK);
        if (!result.ok) {
          expect(result.message).not.toMatch(INTERNAL);
          expect(await dbState(handle.db)).toEqual(before);
        }
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    );
  });
});

describe("tool inputs (the task service the tools call)", () => {
  const taskRef = fc.oneof(fc.integer(), fc.constantFrom(1, 2, 3, "milk", "#2", "task 3"), nasty, weird);
  const due = fc.oneof(
    nasty,
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constant(null),
  );
  const tags = fc.oneof(fc.array(nasty, { maxLength: 25 }), weird);
  const inputs: Record<string, fc.Arbitrary<unknown>> = {
    addTask: fc.oneof(
      fc.record(
        {
          title: nasty,
          description: fc.oneof(nasty, weird),
          dueDate: due,
          priority: fc.oneof(fc.constantFrom("low", "high"), nasty),
          tags,
        },
        { requiredKeys: [] },
      ),
      weird,
    ),
    listTasks: fc.oneof(
      fc.record(
        {
          status: fc.oneof(fc.constantFrom("pending", "all"), nasty),
          due: nasty,
          dueBefore: due,
          dueAfter: due,
          tag: nasty,
          search: nasty,
          priority: nasty,
        },
        { requiredKeys: [] },
      ),
      weird,
    ),
    completeTask: fc.oneof(fc.record({ task: taskRef, completed: weird }, { requiredKeys: [] }), weird),
    updateTask: fc.oneof(
      fc.record(
        {
          task: taskRef,
          title: nasty,
          description: fc.oneof(nasty, fc.constant(null)),
          dueDate: due,
          priority: nasty,
          addTags: tags,
          removeTags: tags,
          userId: fc.constant("x"),
        },
        { requiredKeys: ["task"] },
      ),
      weird,
    ),
    deleteTask: fc.oneof(fc.record({ task: taskRef }), weird),
    restoreTask: fc.oneof(fc.record({ task: taskRef }), weird),
    undoOperation: fc.oneof(fc.record({ operationId: fc.oneof(fc.uuid(), nasty) }, { requiredKeys: [] }), weird),
  };

  it.each(Object.keys(inputs))(
    "%s: a tool result for any input, never an internal error; a refusal adds only its failed log row",
    async (name) => {
      const run = (
        service as unknown as Record<
          string,
          (db: unknown, ctx: OperationContext, input: unknown) => Promise<ToolResult>
        >
      )[name]!;
      let call = 0;
      await fc.assert(
        fc.asyncProperty(
          inputs[name]!,
          zones,
          fc.constantFrom("chat", "ui") as fc.Arbitrary<"chat" | "ui">,
          async (input, timeZone, source) => {
            const ctx: OperationContext = {
              userId: user.id,
              source,
              timeZone,
              conversationId: source === "chat" ? conversationId : null,
              toolCallId: source === "chat" ? `fuzz-${name}-${++call}-${Date.now()}` : null,
            };
            const before = await dbState(handle.db);
            const failedBefore = await handle.db.taskOperationLog.count({ where: { status: "failed" } });
            const result = await run(handle.db, ctx, input);
            expect(JSON.stringify(result)).not.toMatch(LEAK);
            if (!result.ok) {
              expect(result.code).not.toBe("internal");
              expect(await dbState(handle.db)).toEqual(before);
              // The UI's reads are not logged; everything else leaves exactly one failed row.
              const added = (await handle.db.taskOperationLog.count({ where: { status: "failed" } })) - failedBefore;
              expect(added).toBe(name === "listTasks" && source === "ui" ? 0 : 1);
            }
            // Another user's task never shows up, whatever the filter.
            expect(JSON.stringify(result)).not.toMatch(/Other's secret/);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );
});

// Found by the properties above (seed -1810752404): a reference that is also an Object property name.
describe("a task reference like 'constructor'", () => {
  it("is a task that does not exist, not an internal error", async () => {
    for (const task of ["constructor", "__proto__", "toString", "task constructor"]) {
      const ctx: OperationContext = {
        userId: user.id,
        source: "chat",
        conversationId,
        toolCallId: `proto-${task}-${Date.now()}`,
      };
      const before = await dbState(handle.db);
      const result = await service.deleteTask(handle.db, ctx, { task });
      expect(result).toMatchObject({ ok: false });
      expect(result.ok ? "" : result.code).not.toBe("internal");
      expect(await dbState(handle.db)).toEqual(before);
    }
  });
});

describe("a NUL character (PostgreSQL text and jsonb cannot store one; found by the properties above)", () => {
  it("is refused as bad input by the tools, the chat route and the actions, not a 500", async () => {
    const ctx: OperationContext = { userId: user.id, source: "chat", conversationId, toolCallId: `nul-${Date.now()}` };
    const before = await dbState(handle.db);
    expect(await service.addTask(handle.db, ctx, { title: "a\u0000b" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      message: expect.stringMatching(/NUL/),
    });
    expect(await service.listTasks(handle.db, { ...ctx, toolCallId: null }, { search: "\u0000" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await service.completeTask(handle.db, { ...ctx, toolCallId: null }, { task: "milk\u0000" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    // The refusal is still logged, with the NUL dropped from the recorded input.
    const logged = await handle.db.taskOperationLog.findFirstOrThrow({ where: { toolCallId: ctx.toolCallId } });
    expect(logged).toMatchObject({ status: "failed", input: { title: "ab" } });
    // A refusal whose message echoes the input (a due date of "\u0000", found by CI) is logged too.
    const dueCtx = { ...ctx, toolCallId: `nul-due-${Date.now()}` };
    expect(await service.addTask(handle.db, dueCtx, { title: "!", dueDate: "\u0000" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(
      await handle.db.taskOperationLog.findFirstOrThrow({ where: { toolCallId: dueCtx.toolCallId } }),
    ).toMatchObject({ status: "failed", input: { title: "!", dueDate: "" } });
    const chat = await handleChat(
      handle.db,
      user,
      chatRequestOf({ id: conversationId, message: userMessage("add a\u0000b") }),
      NOW,
    );
    expect(chat.status).toBe(400);
    expect((await chat.json()).error.message).toMatch(/NUL/);
    expect(await conversationActions.renameConversationAction(conversationId, "x\u0000")).toEqual({
      ok: false,
      message: expect.stringMatching(/NUL/),
    });
    expect(await conversationActions.listConversationsAction({ query: "\u0000" })).toEqual({
      ok: false,
      message: expect.stringMatching(/NUL/),
    });
    expect(await dbState(handle.db)).toEqual(before);
  });
});

describe("an unpaired UTF-16 surrogate (jsonb refuses one; found by an attack review)", () => {
  it("is refused as bad input by the chat route (no orphan conversation) and the task actions, and the refusal is logged", async () => {
    session.user = user;
    session.db = handle.db;
    const added = await service.addTask(handle.db, { userId: user.id, source: "ui" }, { title: "Surrogate target" });
    if (!added.ok || !("task" in added) || !added.task) throw new Error("setup failed");
    const before = await dbState(handle.db);
    const chat = await handleChat(handle.db, user, chatRequestOf({ message: userMessage("add a\ud800b") }), NOW);
    expect(chat.status).toBe(400);
    expect((await chat.json()).error.message).toMatch(/unpaired surrogate/);
    const update = await taskActions.updateTaskAction({ task: added.task.number, title: "x\ud800" }, "UTC");
    expect(update).toEqual({ ok: false, message: expect.stringMatching(/unpaired surrogate/) });
    // Nothing changed but the refusal's own failed log row, with the surrogate replaced.
    expect(await dbState(handle.db)).toEqual(before);
    const failed = await handle.db.taskOperationLog.findMany({
      where: { userId: user.id, status: "failed", operation: "update" },
      orderBy: { createdAt: "asc" },
    });
    expect(failed.at(-1)).toMatchObject({ source: "ui", input: { title: "x\ufffd" } });
  });
});
