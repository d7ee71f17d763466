// Load with accounting: 50 users send 20 "add a task" turns each, all users at once (each
// user one turn after another, as a person waits for the reply), through the real chat turn
// on PostgreSQL. Afterwards every user message, reply, task and log row must be stored
// exactly once. Speed is measured by `npm run bench`, not asserted here.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { accountTurns, type SentTurn } from "./accounting";
import { chatRequestOf, readChunks, userMessage } from "@/test/support/chat";
import { handleChat } from "./turn";

const USERS = 50;
const TURNS = 20;
// Each user starts a second conversation halfway, so creating conversations is under load too.
const TURNS_PER_CONVERSATION = 10;

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

async function userTurns(user: SessionUser, u: number): Promise<SentTurn[]> {
  const sent: SentTurn[] = [];
  let conversationId: string | undefined;
  for (let k = 1; k <= TURNS; k++) {
    if ((k - 1) % TURNS_PER_CONVERSATION === 0) conversationId = undefined;
    // Letters and digits the interpreter keeps verbatim in the title (no date or number words).
    const text = `add check parcel u${u} t${k}`;
    const message = userMessage(text, randomUUID());
    const response = await handleChat(
      handle.db,
      user,
      chatRequestOf({ id: conversationId, message, timeZone: "Europe/Berlin" }),
    );
    if (response.status !== 200) throw new Error(`turn ${u}/${k}: HTTP ${response.status} ${await response.text()}`);
    conversationId = response.headers.get("x-conversation-id")!;
    const chunks = await readChunks(response);
    const start = chunks.find((c) => c.type === "start");
    const output = chunks.find((c) => c.type === "tool-output-available")?.output as { kind?: string } | undefined;
    if (output?.kind !== "added" || chunks.some((c) => c.type === "error"))
      throw new Error(`turn ${u}/${k} did not add a task: ${JSON.stringify(chunks)}`);
    sent.push({
      userId: user.id,
      conversationId,
      messageId: message.id,
      text,
      title: `Check parcel u${u} t${k}`,
      replyId: String(start?.messageId),
    });
  }
  return sent;
}

// The timeout is generous because CI may share the machine with builds: it bounds a hang, not speed.
// About 75 s of CPU in this process (a turn costs ~75 ms of CPU, see docs/benchmarks.md), so
// 1.5–2.5 min on 2 cores shared with other test runs.
it(`stores every message, reply, task and log row exactly once after ${USERS} users × ${TURNS} turns at once`, {
  timeout: 600_000,
}, async () => {
  const users = await Promise.all(
    Array.from({ length: USERS }, async (_, i) => {
      const row = await handle.db.user.create({
        data: { email: `load${i + 1}@example.com`, name: `Load User ${i + 1}`, passwordHash: "x" },
      });
      return { id: row.id, email: row.email, name: row.name, role: row.role } satisfies SessionUser;
    }),
  );
  const results = await Promise.allSettled(users.map((user, i) => userTurns(user, i + 1)));
  const failures = results
    .filter((r) => r.status === "rejected")
    .map((r) => String((r as PromiseRejectedResult).reason));
  expect(failures).toEqual([]);
  const sent = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
  expect(sent).toHaveLength(USERS * TURNS);

  const report = await accountTurns(handle.db, sent);
  expect(report.problems).toEqual([]);
  expect(report).toMatchObject({
    turns: 1000,
    userMessages: 1000,
    assistantMessages: 1000,
    tasks: 1000,
    logRows: 1000,
  });
  expect(await handle.db.conversation.count()).toBe(USERS * (TURNS / TURNS_PER_CONVERSATION));
});
