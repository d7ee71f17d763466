// The task cards' "Undone" state: which operations were reverted, by any route, in one query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { undoFromLog } from "@/lib/admin/undo";
import { addTask, completeTask, undoOperation } from "@/lib/tasks/service";
import type { ToolResult } from "@/lib/tasks/types";
import { undoneOperationIds } from "./undone";

let handle: DbHandle;
let users = 0;
const newUser = async (role: "user" | "admin" = "user") => {
  const n = ++users;
  return handle.db.user.create({
    data: { email: `undone${n}@example.com`, name: `Undone ${n}`, passwordHash: "x", role },
  });
};
const idOf = (result: ToolResult) => {
  if (!result.ok || !("operationId" in result)) throw new Error(`no operation: ${JSON.stringify(result)}`);
  return result.operationId;
};

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe("undoneOperationIds", () => {
  it("names the operations undone from the task panel, from chat and by an admin, and no others", async () => {
    const [user, admin] = [await newUser(), await newUser("admin")];
    const chat = { userId: user.id, source: "chat" as const, timeZone: "UTC" };
    const added = [] as string[];
    for (const title of ["One", "Two", "Three", "Four"]) added.push(idOf(await addTask(handle.db, chat, { title })));
    const completed = idOf(await completeTask(handle.db, chat, { task: 4 }));
    await undoOperation(handle.db, { userId: user.id, source: "ui" }, { operationId: added[0] });
    await undoOperation(handle.db, chat, {}); // "undo" in chat: the latest change, completing #4
    expect((await undoFromLog(handle.db, admin.id, added[1]!)).ok).toBe(true);
    // A failed undo (the same operation again) undoes nothing more.
    expect((await undoOperation(handle.db, { userId: user.id, source: "ui" }, { operationId: added[0] })).ok).toBe(
      false,
    );

    const ids = [...added, completed];
    expect((await undoneOperationIds(handle.db, user.id, ids)).sort()).toEqual([added[0], added[1], completed].sort());
    expect(await undoneOperationIds(handle.db, user.id, [])).toEqual([]);
  });

  it("says nothing about another user's operations", async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const ctx = { userId: owner.id, source: "ui" as const };
    const op = idOf(await addTask(handle.db, ctx, { title: "Private" }));
    await undoOperation(handle.db, ctx, { operationId: op });
    expect(await undoneOperationIds(handle.db, owner.id, [op])).toEqual([op]);
    expect(await undoneOperationIds(handle.db, other.id, [op])).toEqual([]);
  });

  it("answers a page of cards with one query", async () => {
    const user = await newUser();
    const ctx = { userId: user.id, source: "ui" as const };
    const ops = [] as string[];
    for (let i = 1; i <= 20; i++) ops.push(idOf(await addTask(handle.db, ctx, { title: `Task ${i}` })));
    let queries = 0;
    const counting = new Proxy(handle.db, {
      get(target, key, receiver) {
        if (key === "taskOperationLog") {
          const model = Reflect.get(target, key, receiver) as object;
          return new Proxy(model, {
            get: (m, k) => {
              queries++;
              return Reflect.get(m, k);
            },
          });
        }
        return Reflect.get(target, key, receiver);
      },
    });
    await undoneOperationIds(counting, user.id, ops);
    expect(queries).toBe(1);
  });
});
