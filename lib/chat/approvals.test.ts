// Approve / Reject answers stored as they are given (answerApprovals) and carried out when all are given
// (applyApprovals through the chat turn): a reload between answers loses none, none runs twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { answerApprovals, type AnswerApprovalsInput } from "./approvals";
import { chatRequestOf, readChunks, userMessage } from "@/test/support/chat";
import { handleChat } from "./turn";

let handle: DbHandle;
let users = 0;

async function newUser(): Promise<SessionUser> {
  const n = ++users;
  const row = await handle.db.user.create({
    data: { email: `approvals${n}@example.com`, name: `Approval User ${n}`, passwordHash: "x" },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

const NOW = new Date("2026-03-10T14:00:00Z");
const send = (user: SessionUser, body: object) => handleChat(handle.db, user, chatRequestOf(body), NOW);

type Part = {
  type: string;
  state?: string;
  toolCallId?: string;
  approval?: { id: string; approved?: boolean; requestReason?: string };
};

/** A conversation whose latest reply asks to approve completing each of `titles`. */
async function asking(user: SessionUser, titles: string[]) {
  const list = `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`;
  const start = await send(user, { message: userMessage(`add ${list}`) });
  const conversationId = start.headers.get("x-conversation-id")!;
  await readChunks(start);
  await readChunks(await send(user, { id: conversationId, message: userMessage("complete all my tasks") }));
  const reply = await handle.db.message.findFirstOrThrow({
    where: { conversationId, role: "assistant" },
    orderBy: { createdAt: "desc" },
  });
  const requests = (reply.parts as Part[]).filter((p) => p.state === "approval-requested");
  expect(requests).toHaveLength(titles.length);
  // In the order of the tasks' numbers.
  requests.sort((a, b) => a.approval!.requestReason!.localeCompare(b.approval!.requestReason!));
  return {
    conversationId,
    messageId: reply.id,
    requests: requests.map((p) => ({ toolCallId: p.toolCallId!, approvalId: p.approval!.id })),
  };
}

/** One answer on its own, as an older reply's card may still be answered after a reload. */
async function answerApproval(
  db: DbHandle["db"],
  userId: string,
  { approvalId, approved, ...where }: Omit<AnswerApprovalsInput, "answers"> & { approvalId: string; approved: boolean },
) {
  const { answers } = await answerApprovals(db, userId, { ...where, answers: [{ approvalId, approved }] });
  return { approved: answers[0]!.approved };
}

async function storedParts(messageId: string): Promise<Part[]> {
  return (await handle.db.message.findUniqueOrThrow({ where: { id: messageId } })).parts as Part[];
}

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe("answering approvals one at a time", () => {
  it("stores each answer in the stored reply as it is given, changes and logs nothing yet, and keeps it final", async () => {
    const user = await newUser();
    const { conversationId, messageId, requests } = await asking(user, ["buy milk", "call mom", "pay rent"]);
    await expect(
      answerApproval(handle.db, user.id, {
        conversationId,
        messageId,
        approvalId: requests[1]!.approvalId,
        approved: false,
      }),
    ).resolves.toEqual({ approved: false });
    await expect(
      answerApproval(handle.db, user.id, {
        conversationId,
        messageId,
        approvalId: requests[0]!.approvalId,
        approved: true,
      }),
    ).resolves.toEqual({ approved: true });

    const parts = await storedParts(messageId);
    const byCall = (id: string) => parts.find((p) => p.toolCallId === id)!;
    expect(byCall(requests[0]!.toolCallId)).toMatchObject({
      state: "approval-responded",
      approval: { id: requests[0]!.approvalId, approved: true, requestReason: "Complete #1 Buy milk" },
    });
    expect(byCall(requests[1]!.toolCallId)).toMatchObject({
      state: "approval-responded",
      approval: { approved: false },
    });
    expect(byCall(requests[2]!.toolCallId)).toMatchObject({ state: "approval-requested" });
    // Nothing ran and nothing was logged: that waits for the last answer.
    expect(await handle.db.task.count({ where: { userId: user.id, status: "completed" } })).toBe(0);
    expect(
      await handle.db.taskOperationLog.count({ where: { userId: user.id, operation: { in: ["complete", "reopen"] } } }),
    ).toBe(0);

    // The same answer again is a no-op; a different one is refused.
    await expect(
      answerApproval(handle.db, user.id, {
        conversationId,
        messageId,
        approvalId: requests[0]!.approvalId,
        approved: true,
      }),
    ).resolves.toEqual({ approved: true });
    await expect(
      answerApproval(handle.db, user.id, {
        conversationId,
        messageId,
        approvalId: requests[1]!.approvalId,
        approved: true,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(byCall(requests[1]!.toolCallId)).toEqual(
      (await storedParts(messageId)).find((p) => p.toolCallId === requests[1]!.toolCallId),
    );
  });

  it("stores a bulk change's answers together, or none of them when one cannot be given", async () => {
    const user = await newUser();
    const { conversationId, messageId, requests } = await asking(user, ["post parcel", "buy stamps", "return books"]);
    await answerApproval(handle.db, user.id, {
      conversationId,
      messageId,
      approvalId: requests[0]!.approvalId,
      approved: true,
    });
    // One answer contradicts a stored one: the whole batch is refused and nothing else is stored.
    const contradicting = [
      { approvalId: requests[0]!.approvalId, approved: false },
      { approvalId: requests[1]!.approvalId, approved: true },
    ];
    await expect(
      answerApprovals(handle.db, user.id, { conversationId, messageId, answers: contradicting }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      answerApprovals(handle.db, user.id, {
        conversationId,
        messageId,
        answers: [
          { approvalId: requests[1]!.approvalId, approved: true },
          { approvalId: "approval-nobody-asked", approved: true },
        ],
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await storedParts(messageId)).filter((p) => p.state === "approval-responded")).toHaveLength(1);

    // The batch as the card sends it: every request, the stored one repeated as given.
    const answers = requests.map((r, i) => ({ approvalId: r.approvalId, approved: i !== 2 }));
    await expect(answerApprovals(handle.db, user.id, { conversationId, messageId, answers })).resolves.toEqual({
      answers,
    });
    const parts = await storedParts(messageId);
    expect(requests.map((r) => parts.find((p) => p.toolCallId === r.toolCallId))).toMatchObject([
      { state: "approval-responded", approval: { approved: true } },
      { state: "approval-responded", approval: { approved: true } },
      { state: "approval-responded", approval: { approved: false } },
    ]);
    expect(await handle.db.task.count({ where: { userId: user.id, status: "completed" } })).toBe(0);
  });

  it("keeps both of two answers given at the same moment", async () => {
    const user = await newUser();
    const { conversationId, messageId, requests } = await asking(user, ["wash car", "feed cat", "water plants"]);
    await Promise.all(
      requests.map((r, i) =>
        answerApproval(handle.db, user.id, { conversationId, messageId, approvalId: r.approvalId, approved: i !== 1 }),
      ),
    );
    const parts = await storedParts(messageId);
    expect(requests.map((r) => parts.find((p) => p.toolCallId === r.toolCallId)?.approval?.approved)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it("refuses another user's conversation, a reply that is not the latest, an unknown approval and a message id that is not a reply", async () => {
    const [owner, intruder] = [await newUser(), await newUser()];
    const { conversationId, messageId, requests } = await asking(owner, ["walk dog", "bake bread", "fix bike"]);
    const approvalId = requests[0]!.approvalId;
    await expect(
      answerApproval(handle.db, intruder.id, { conversationId, messageId, approvalId, approved: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      answerApproval(handle.db, owner.id, {
        conversationId,
        messageId,
        approvalId: "approval-nobody-asked",
        approved: true,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const userMessageRow = await handle.db.message.findFirstOrThrow({
      where: { conversationId, role: "user" },
      orderBy: { createdAt: "desc" },
    });
    await expect(
      answerApproval(handle.db, owner.id, { conversationId, messageId: userMessageRow.id, approvalId, approved: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      answerApproval(handle.db, owner.id, { conversationId, messageId: "not-a-uuid", approvalId, approved: true }),
    ).rejects.toMatchObject({ code: "not_found" });

    // A newer message makes the reply history: its approvals can no longer be answered.
    await readChunks(await send(owner, { id: conversationId, message: userMessage("what's due this week?") }));
    await expect(
      answerApproval(handle.db, owner.id, { conversationId, messageId, approvalId, approved: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await storedParts(messageId)).some((p) => p.state === "approval-responded")).toBe(false);
  });
});

describe("carrying out the answers", () => {
  it("takes the answers stored before a reload with those sent at the end: each change once, the rejection logged once", async () => {
    const user = await newUser();
    const { conversationId, messageId, requests } = await asking(user, ["buy milk", "call mom", "pay rent"]);
    // Before the reload: #2 rejected. After it: #1 and #3 approved, the last one sends them all.
    await answerApproval(handle.db, user.id, {
      conversationId,
      messageId,
      approvalId: requests[1]!.approvalId,
      approved: false,
    });
    await answerApproval(handle.db, user.id, {
      conversationId,
      messageId,
      approvalId: requests[0]!.approvalId,
      approved: true,
    });
    await answerApproval(handle.db, user.id, {
      conversationId,
      messageId,
      approvalId: requests[2]!.approvalId,
      approved: true,
    });
    // The client's copy may lack an answer the server holds (another tab gave it): the stored one counts.
    const sent = (await storedParts(messageId)).map((p) =>
      p.toolCallId === requests[1]!.toolCallId
        ? { ...p, state: "approval-requested", approval: { id: p.approval!.id } }
        : p,
    );
    const done = await readChunks(
      await send(user, { id: conversationId, message: { id: messageId, role: "assistant", parts: sent } }),
    );
    expect(done.filter((c) => c.type === "tool-output-available")).toHaveLength(2);
    expect(done.filter((c) => c.type === "tool-output-denied")).toHaveLength(1);

    const tasks = await handle.db.task.findMany({ where: { userId: user.id }, orderBy: { number: "asc" } });
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ["Buy milk", "completed"],
      ["Call mom", "pending"],
      ["Pay rent", "completed"],
    ]);
    const logs = await handle.db.taskOperationLog.findMany({ where: { userId: user.id, operation: "complete" } });
    expect(logs.map((l) => l.approval).sort()).toEqual(["approved", "approved", "rejected"]);

    // Sent again (a double submit, another tab): nothing more runs or is logged.
    const again = await send(user, { id: conversationId, message: { id: messageId, role: "assistant", parts: sent } });
    expect(again.status).toBe(400);
    expect(await handle.db.taskOperationLog.count({ where: { userId: user.id, operation: "complete" } })).toBe(3);
  });

  it("a stored answer wins over a different one in the request", async () => {
    const user = await newUser();
    const { conversationId, messageId, requests } = await asking(user, ["buy eggs", "call dad", "pay bills"]);
    await answerApproval(handle.db, user.id, {
      conversationId,
      messageId,
      approvalId: requests[0]!.approvalId,
      approved: false,
    });
    const sent = (await storedParts(messageId)).map((p) =>
      p.approval ? { ...p, state: "approval-responded", approval: { id: p.approval.id, approved: true } } : p,
    );
    await readChunks(
      await send(user, { id: conversationId, message: { id: messageId, role: "assistant", parts: sent } }),
    );
    const tasks = await handle.db.task.findMany({ where: { userId: user.id }, orderBy: { number: "asc" } });
    expect(tasks.map((t) => t.status)).toEqual(["pending", "completed", "completed"]);
  });

  it("does not go on while a change is still unanswered", async () => {
    const user = await newUser();
    const { conversationId, messageId, requests } = await asking(user, ["wash dishes", "feed dog", "fix door"]);
    await answerApproval(handle.db, user.id, {
      conversationId,
      messageId,
      approvalId: requests[0]!.approvalId,
      approved: true,
    });
    const response = await send(user, {
      id: conversationId,
      message: { id: messageId, role: "assistant", parts: await storedParts(messageId) },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/Answer every change/);
    expect(await handle.db.task.count({ where: { userId: user.id, status: "completed" } })).toBe(0);
    // The stored answer is still there for when the other one comes.
    expect((await storedParts(messageId)).filter((p) => p.state === "approval-responded")).toHaveLength(1);
  });
});
