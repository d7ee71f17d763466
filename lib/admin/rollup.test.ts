// The figures from per-day rollups give the same answers as counting the log rows: a log with
// known rows over several closed days and today, checked filter by filter against a count of
// the rows made here in TypeScript. PGlite in memory, or PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, DbHandle } from "@/lib/db/client";
import { runRetention } from "@/lib/admin/retention";
import { addTask, completeTask, undoOperation } from "@/lib/tasks/service";
import { createTestDatabase } from "@/test/support/db";
import { seedConversation, seedMessage, seedUser } from "@/test/support/admin";
import { type LogFigures, logFigures, TEXT_LIMIT } from "./figures";
import type { LogFilters, OperationName, SourceName, StatusName } from "./filters";
import { catchUpRollups, rollUpDay, rollupSchedule, rollupSpan } from "./rollup";
import { BOUNDS, bucketOf, histogramPercentile } from "./rollup-histogram";

const DAY = 24 * 60 * 60 * 1000;
const OPERATIONS: OperationName[] = ["add", "list", "complete", "update", "delete", "undo"];
const STATUSES: StatusName[] = ["success", "success", "success", "failed", "rejected", "pending"];
const SOURCES: SourceName[] = ["chat", "chat", "ui", "admin"];

/** A UTC day `n` days before today, as YYYY-MM-DD. */
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const PAST = [9, 8, 7, 6, 5].map(daysAgo);
const WIDE: LogFilters = { from: daysAgo(400), to: daysAgo(-2) };

type Row = {
  id: string;
  userId: string;
  operation: OperationName;
  status: StatusName;
  source: SourceName;
  durationMs: number | null;
  createdAt: Date;
  messageId: string | null;
  originalCommand: string | null;
};

let handle: DbHandle;
let db: Db;
const users: Record<string, { id: string; email: string; name: string }> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  for (const [key, email, name] of [
    ["ada", "ada@example.com", "Ada Lovelace"],
    ["bob", "bob@example.com", "Bob Builder"],
    ["cy", "cy@example.org", "Cy Twombly"],
  ] as const)
    users[key] = { id: await seedUser(db, email, name), email, name };
  const people = Object.values(users);

  // Five closed days and today, each with rows of every kind; chat rows belong to turns (user
  // messages), some of which have a rated reply, and some turns made several operations.
  let n = 0;
  const rows: Prisma.TaskOperationLogCreateManyInput[] = [];
  for (const [d, day] of [...PAST, daysAgo(0)].entries()) {
    const today = d === PAST.length;
    const dayStart = today ? Date.now() - 60 * 60 * 1000 : Date.parse(`${day}T00:00:00Z`);
    for (let i = 0; i < 40; i++, n++) {
      const user = people[n % 3]!;
      const source = SOURCES[(n * 7) % SOURCES.length]!;
      const status = STATUSES[(n * 5 + d) % STATUSES.length]!;
      let messageId: string | null = null;
      if (source === "chat") {
        const conv = await seedConversation(db, user.id, new Date(dayStart));
        messageId = await seedMessage(db, {
          conversationId: conv,
          userId: user.id,
          role: "user",
          content: `turn ${n}`,
          at: new Date(dayStart + i * 60_000),
        });
        if (n % 3 !== 2)
          await seedMessage(db, {
            conversationId: conv,
            userId: user.id,
            role: "assistant",
            content: `reply ${n}`,
            at: new Date(dayStart + i * 60_000 + 1000),
            replyTo: messageId,
            ...(n % 3 === 0 ? {} : { feedback: n % 4 ? "up" : "down" }),
          });
      }
      const row = {
        userId: user.id,
        operation: OPERATIONS[(n * 3) % OPERATIONS.length]!,
        status,
        source,
        durationMs: status === "pending" ? null : status === "rejected" ? 0 : Math.round(3 * 1.37 ** (n % 23)),
        createdAt: new Date(dayStart + i * 60_000 + 100),
        messageId,
        originalCommand: messageId ? (n % 5 === 0 ? `buy milk ${n}` : `do thing ${n}`) : null,
        input: {},
      };
      rows.push(row);
      // A turn that made two more operations (the same day): its rating counts once.
      if (messageId && n % 4 === 3)
        rows.push(
          { ...row, operation: "update", createdAt: new Date(row.createdAt.getTime() + 5) },
          { ...row, operation: "delete", status: "failed", createdAt: new Date(row.createdAt.getTime() + 9) },
        );
    }
  }
  await db.taskOperationLog.createMany({ data: rows });
});

afterAll(async () => {
  await handle.close();
});

/** Every log row, and the rated replies per user message. */
async function snapshot() {
  const rows: Row[] = await db.taskOperationLog.findMany({
    select: {
      id: true,
      userId: true,
      operation: true,
      status: true,
      source: true,
      durationMs: true,
      createdAt: true,
      messageId: true,
      originalCommand: true,
    },
  });
  const replies = await db.message.findMany({
    where: { role: "assistant", feedback: { not: null }, replyToId: { not: null } },
    select: { replyToId: true, feedback: true },
  });
  const ratings = new Map<string, { rated: number; helpful: number }>();
  for (const r of replies) {
    const key = r.replyToId ?? "";
    const seen = ratings.get(key) ?? { rated: 0, helpful: 0 };
    ratings.set(key, { rated: seen.rated + 1, helpful: seen.helpful + (r.feedback === "up" ? 1 : 0) });
  }
  return { rows, ratings };
}

/** percentile_cont over the values. */
function exactPercentile(values: number[], q: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return null;
  const position = q * (sorted.length - 1);
  const low = sorted[Math.floor(position)] ?? 0;
  const high = sorted[Math.ceil(position)] ?? low;
  return low + (position - Math.floor(position)) * (high - low);
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** The figures counted row by row, as the definitions in lib/admin/figures.ts and rollup.ts say. */
async function fromRows(filters: LogFilters) {
  const { rows, ratings } = await snapshot();
  const owner = new Map(
    (await db.user.findMany({ select: { id: true, email: true, name: true } })).map((u) => [u.id, u]),
  );
  const text = (value: string | null | undefined, part: string) =>
    (value ?? "").toLowerCase().includes(part.toLowerCase());
  const kept = rows.filter((r) => {
    const u = owner.get(r.userId);
    if (filters.user && r.userId !== filters.user && !text(u?.email, filters.user) && !text(u?.name, filters.user))
      return false;
    if (filters.operation && r.operation !== filters.operation) return false;
    if (filters.status && r.status !== filters.status) return false;
    if (filters.source && r.source !== filters.source) return false;
    if (filters.from && utcDay(r.createdAt) < filters.from) return false;
    if (filters.to && utcDay(r.createdAt) > filters.to) return false;
    if (filters.q && !text(r.originalCommand, filters.q)) return false;
    return true;
  });
  // A turn's rated reply goes with its first operation of the day, whatever the filters.
  const first = new Map<string, Row>();
  for (const r of [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)))
    if (r.messageId) {
      const key = `${r.messageId} ${utcDay(r.createdAt)}`;
      if (!first.has(key)) first.set(key, r);
    }
  const count = <K extends string>(key: (r: Row) => K) => {
    const out = new Map<K, number>();
    for (const r of kept) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
    return out;
  };
  const byStatus = count((r) => r.status);
  const carried = kept.filter((r) => r.messageId && first.get(`${r.messageId} ${utcDay(r.createdAt)}`) === r);
  const durations = kept.flatMap((r) => (r.status !== "rejected" && r.durationMs !== null ? [r.durationMs] : []));
  return {
    total: kept.length,
    succeeded: byStatus.get("success") ?? 0,
    failed: byStatus.get("failed") ?? 0,
    rejected: byStatus.get("rejected") ?? 0,
    pending: byStatus.get("pending") ?? 0,
    byOperation: Object.fromEntries(count((r) => r.operation)),
    byDay: Object.fromEntries(count((r) => utcDay(r.createdAt))),
    ratedReplies: carried.reduce((sum, r) => sum + (ratings.get(r.messageId ?? "")?.rated ?? 0), 0),
    helpfulReplies: carried.reduce((sum, r) => sum + (ratings.get(r.messageId ?? "")?.helpful ?? 0), 0),
    p50: exactPercentile(durations, 0.5),
    p95: exactPercentile(durations, 0.95),
  };
}

/** The figures agree with the rows: counts exactly, percentiles within a bucket. */
async function expectSameAnswers(filters: LogFilters): Promise<LogFigures> {
  const figures = await logFigures(db, filters);
  const expected = await fromRows(filters);
  expect(figures).toMatchObject({
    total: expected.total,
    succeeded: expected.succeeded,
    failed: expected.failed,
    rejected: expected.rejected,
    pending: expected.pending,
    ratedReplies: expected.ratedReplies,
    helpfulReplies: expected.helpfulReplies,
  });
  expect(Object.fromEntries(figures.byOperation.map((o) => [o.operation, o.count]))).toEqual(expected.byOperation);
  expect(Object.fromEntries(figures.byDay.map((d) => [d.day, d.count]))).toEqual(expected.byDay);
  expectWithinBucket(figures.p50Ms, expected.p50);
  expectWithinBucket(figures.p95Ms, expected.p95);
  return figures;
}

function expectWithinBucket(estimate: number | null, exact: number | null) {
  if (exact === null || estimate === null) {
    expect(estimate).toBe(exact);
    return;
  }
  expect(Math.abs(bucketOf(estimate) - bucketOf(exact)), `≈${estimate} for ${exact}`).toBeLessThanOrEqual(1);
}

const dayRows = (table: "operation_log_daily" | "operation_log_user_daily", day: string) =>
  db.$queryRawUnsafe<{ n: number; total: number }[]>(
    `SELECT count(*)::int AS n, coalesce(sum(count), 0)::int AS total FROM ${table} WHERE day = $1::date`,
    day,
  );

describe("duration buckets", () => {
  it("are the buckets PostgreSQL's width_bucket computes", async () => {
    const values = [0, 1, 2, 3, 7, 8, 9, 10, 11, 99, 100, 1000, 4095, 4096, 65_535, 1_048_575, 1_048_576, 5_000_000];
    const rows = await db.$queryRaw<{ v: number; b: number }[]>`
      SELECT v, width_bucket(v, ${[...BOUNDS]}::int[]) AS b FROM unnest(${values}::int[]) AS v`;
    for (const { v, b } of rows) expect(bucketOf(v), `${v} ms`).toBe(b);
  });

  it("give percentiles within one bucket of percentile_cont", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 50; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() ** 3 * 20_000));
      const histogram = new Map<number, number>();
      for (const v of values) histogram.set(bucketOf(v), (histogram.get(bucketOf(v)) ?? 0) + 1);
      for (const q of [0.5, 0.95]) expectWithinBucket(histogramPercentile(histogram, q), exactPercentile(values, q));
    }
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
  });
});

describe("figures from the rollups", () => {
  it("roll up the closed days on demand and leave today to the rows", async () => {
    const before = await rollupSpan(db, WIDE);
    expect(before.missing).toEqual(expect.arrayContaining(PAST));
    await logFigures(db, WIDE);
    const after = await rollupSpan(db, WIDE);
    expect(after.missing).toEqual([]);
    expect(after.openDay >= daysAgo(1)).toBe(true);
    // The open day is left to the background step: the panel reads its rows as they are.
    expect(after.openThrough).toBeNull();
    const [past] = await dayRows("operation_log_daily", PAST[0]!);
    expect(past?.total).toBeGreaterThan(0);
  });

  it.each<[string, LogFilters]>([
    ["no filter", WIDE],
    ["the default window", {}],
    ["dates", { from: PAST[1], to: PAST[3] }],
    ["dates up to today", { from: PAST[4], to: daysAgo(0) }],
    ["only today", { from: daysAgo(0), to: daysAgo(0) }],
    ["operation", { ...WIDE, operation: "update" }],
    ["status", { ...WIDE, status: "failed" }],
    ["source", { ...WIDE, source: "ui" }],
    ["user id", { ...WIDE, user: "" }],
    ["user email", { ...WIDE, user: "BOB@EXAMPLE" }],
    ["user name", { ...WIDE, user: "twombly" }],
    ["users by a shared part", { ...WIDE, user: "example.com" }],
    ["a user matching no one", { ...WIDE, user: "nobody" }],
    ["combined", { from: PAST[0], to: PAST[2], status: "failed", operation: "delete", user: "ada" }],
    ["text (read from the rows)", { ...WIDE, q: "MILK" }],
  ])("agree with the rows: %s", async (_, filters) => {
    await expectSameAnswers(filters.user === "" ? { ...filters, user: users.ada?.id } : filters);
  });

  it("count a turn's rated reply once, with its first operation of the day", async () => {
    const all = await expectSameAnswers(WIDE);
    const { ratings } = await snapshot();
    const rated = [...ratings.values()].reduce((sum, r) => sum + r.rated, 0);
    expect(all.ratedReplies).toBe(rated);
    // The later operations of a turn do not carry its reply again.
    const updates = await expectSameAnswers({ ...WIDE, operation: "delete", status: "failed" });
    expect(updates.total).toBeGreaterThan(0);
  });

  it("cover the latest TEXT_LIMIT matching operations of a text search, and say so", async () => {
    await db.$executeRaw`
      INSERT INTO task_operation_logs (id, user_id, operation, source, status, original_command, input, duration_ms, created_at)
      SELECT gen_random_uuid(), ${users.cy?.id}::uuid, 'list', 'chat', 'success', 'zebra ' || i, '{}', i % 50,
             now() - interval '2 hours' - i * interval '1 second'
      FROM generate_series(1, ${TEXT_LIMIT + 5}) i`;
    try {
      const figures = await logFigures(db, { q: "zebra" });
      expect(figures).toMatchObject({ total: TEXT_LIMIT, sample: { limit: TEXT_LIMIT, since: expect.any(String) } });
      expect((await logFigures(db, { q: "milk" })).sample).toBeNull();
    } finally {
      await db.taskOperationLog.deleteMany({ where: { originalCommand: { startsWith: "zebra " } } });
    }
  });
});

describe("keeping the rollups right", () => {
  it("does not count a day twice when it is rolled up again", async () => {
    const day = PAST[2]!;
    await logFigures(db, WIDE);
    const before = await expectSameAnswers(WIDE);
    const [rows] = await dayRows("operation_log_user_daily", day);
    // Fresh: a second rollup is refused; a stale one replaces the day's rows.
    expect(await rollUpDay(db, day)).toBe(false);
    await db.operationLogDay.update({ where: { day: new Date(`${day}T00:00:00Z`) }, data: { fresh: false } });
    expect(await rollUpDay(db, day)).toBe(true);
    expect(await rollUpDay(db, day)).toBe(false);
    expect(await dayRows("operation_log_user_daily", day)).toEqual([rows]);
    expect(await logFigures(db, WIDE)).toEqual(before);
  });

  it("reflects a status written after the day was rolled up", async () => {
    await logFigures(db, WIDE);
    const pending = await db.taskOperationLog.findFirstOrThrow({
      where: { status: "pending", createdAt: { lt: new Date(`${daysAgo(4)}T00:00:00Z`) } },
    });
    await db.taskOperationLog.update({ where: { id: pending.id }, data: { status: "success", durationMs: 12_345 } });
    const day = utcDay(pending.createdAt);
    expect(await db.operationLogDay.findUnique({ where: { day: new Date(`${day}T00:00:00Z`) } })).toMatchObject({
      fresh: false,
    });
    await expectSameAnswers(WIDE);
    await expectSameAnswers({ ...WIDE, status: "pending" });
  });

  it("reflects a rating given, changed or taken back days later, and a rated reply deleted", async () => {
    await logFigures(db, WIDE);
    const unrated = await db.message.findFirstOrThrow({
      where: { role: "assistant", feedback: null, createdAt: { lt: new Date(`${daysAgo(4)}T00:00:00Z`) } },
    });
    await db.message.update({ where: { id: unrated.id }, data: { feedback: "up" } });
    await expectSameAnswers(WIDE);
    const rated = await db.message.findFirstOrThrow({
      where: { role: "assistant", feedback: "up", createdAt: { lt: new Date(`${daysAgo(4)}T00:00:00Z`) } },
    });
    await db.message.update({ where: { id: rated.id }, data: { feedback: "down" } });
    await expectSameAnswers(WIDE);
    await db.message.update({ where: { id: rated.id }, data: { feedback: null } });
    await expectSameAnswers(WIDE);
    await db.message.delete({ where: { id: unrated.id } });
    await expectSameAnswers(WIDE);
  });

  it("reflects an undo of a rolled-up operation, and a change moved into a past day", async () => {
    const ada = users.ada?.id ?? "";
    const added = await addTask(db, { userId: ada, source: "chat" }, { title: "Water plants" });
    if (!added.ok || added.kind !== "added") throw new Error("setup failed");
    // Made "days ago": the row moves into a closed day, which is marked stale.
    await db.taskOperationLog.update({
      where: { id: added.operationId },
      data: { createdAt: new Date(`${PAST[3]}T12:00:00Z`) },
    });
    await expectSameAnswers(WIDE);
    await logFigures(db, WIDE);
    // The undo is today's operation; the add it reverted still counts on its day.
    const undone = await undoOperation(db, { userId: ada, source: "ui" }, { operationId: added.operationId });
    expect(undone).toMatchObject({ ok: true });
    const figures = await expectSameAnswers({ ...WIDE, user: ada });
    expect(figures.byDay.find((d) => d.day === PAST[3])?.count).toBeGreaterThan(0);
  });

  it("reflects rows deleted with their account, and by retention", async () => {
    await logFigures(db, WIDE);
    const doomed = await seedUser(db, "doomed@example.com", "Doomed");
    await db.taskOperationLog.createMany({
      data: PAST.map((day) => ({
        userId: doomed,
        operation: "add" as const,
        status: "success" as const,
        durationMs: 40,
        createdAt: new Date(`${day}T08:00:00Z`),
      })),
    });
    await expectSameAnswers({ ...WIDE, user: "doomed" });
    await db.user.delete({ where: { id: doomed } });
    await expectSameAnswers(WIDE);
    expect((await logFigures(db, { ...WIDE, user: doomed })).total).toBe(0);

    // Retention: the two oldest days go; their rollups are forgotten by the background step.
    await runRetention(db, {
      policy: { messagesDays: 10_000, logsDays: 7, archiveDays: 10_000 },
      now: new Date(Date.parse(`${PAST[2]}T00:00:00Z`) + 7 * DAY),
    });
    await expectSameAnswers(WIDE);
    const pass = await catchUpRollups(db);
    expect(pass.remaining).toBe(0);
    expect(pass.forgotten).toBeGreaterThan(0);
    expect(await dayRows("operation_log_daily", PAST[0]!)).toEqual([{ n: 0, total: 0 }]);
    await expectSameAnswers(WIDE);
  });

  it("never touches the rollups from a chat turn's writes", async () => {
    const marks = () => db.operationLogDay.findMany({ orderBy: { day: "asc" } });
    const before = await marks();
    const bob = { userId: users.bob?.id ?? "", source: "chat" as const };
    // One insert (an add), and a pending row updated to success in its transaction (a completion).
    expect(await addTask(db, bob, { title: "Fresh" })).toMatchObject({ ok: true });
    expect(await completeTask(db, bob, { task: 1 })).toMatchObject({ ok: true });
    expect(await marks()).toEqual(before);
  });

  it("rolls up a backlog a little at a time in the background", async () => {
    await db.operationLogDay.updateMany({ data: { fresh: false } });
    const backlog = (await rollupSpan(db)).missing.length;
    expect(backlog).toBeGreaterThanOrEqual(3);
    // The worker's step: one day at least per pass, every pass while a backlog remains.
    const step = rollupSchedule(db, { budgetMs: 0, everyMs: 60_000 });
    const at = Date.now();
    await step(new Date(at));
    expect((await rollupSpan(db)).missing).toHaveLength(backlog - 1);
    await step(new Date(at + 1));
    expect((await rollupSpan(db)).missing).toHaveLength(backlog - 2);
    const rest = await catchUpRollups(db);
    expect(rest.remaining).toBe(0);
    expect(rest.rolled).toBeGreaterThanOrEqual(backlog - 2); // and the open day, if the hour turned meanwhile
    await expectSameAnswers(WIDE);
    // Caught up: the step waits a minute before it looks again.
    await step(new Date(at + 2));
    await db.operationLogDay.update({ where: { day: new Date(`${PAST[4]}T00:00:00Z`) }, data: { fresh: false } });
    await step(new Date(at + 3));
    expect((await rollupSpan(db)).missing).toEqual([PAST[4]]);
    await step(new Date(at + 2 + 60_000));
    expect((await rollupSpan(db)).missing).toEqual([]);
  });

  it("rolls the open day up to the last full hour, and reads the minutes since from the rows", async () => {
    await catchUpRollups(db);
    const span = await rollupSpan(db);
    // Between midnight and 01:10 the cut is midnight itself: the open day has nothing to roll up.
    const rolled = span.cut > new Date(`${span.openDay}T00:00:00Z`) ? span.cut : null;
    expect(span.openThrough).toEqual(rolled);
    await expectSameAnswers(WIDE);
    await expectSameAnswers({ from: daysAgo(0), to: daysAgo(0) });
    // A row that commits into the rolled-up hours: the open day is read from its rows until the
    // next pass rolls it up again.
    await db.taskOperationLog.create({
      data: {
        userId: users.cy?.id ?? "",
        operation: "add",
        status: "success",
        durationMs: 7,
        createdAt: new Date(span.cut.getTime() - 60_000),
      },
    });
    expect((await rollupSpan(db)).openThrough).toBeNull();
    await expectSameAnswers(WIDE);
    await catchUpRollups(db);
    expect((await rollupSpan(db)).openThrough).toEqual(rolled);
    await expectSameAnswers(WIDE);
  });
});
