// The admin log at some scale on a PostgreSQL server (runs when TEST_DATABASE_URL is set):
// a few thousand generated rows, many sharing a timestamp so the id tie-break matters.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { CSV_COLUMNS, logsCsvStream } from "./export";
import { logFigures, TEXT_LIMIT } from "./figures";
import { decodeCursor } from "@/lib/cursor";
import type { LogFilters } from "./filters";
import { listLogPage } from "./list";
import { bucketOf } from "./rollup-histogram";
import { seedLog } from "@/test/support/admin";

const ROWS = 4000;
// The rows are from 2026-10-01; without dates the figures cover the 30 days up to "now".
const FIGURES_NOW = new Date("2026-10-15T00:00:00Z");
let handle: DbHandle;
let userIds: string[];

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.exec(`
    INSERT INTO users (id, email, name, password_hash, updated_at)
    SELECT gen_random_uuid(), 'user' || i || '@example.com', 'User ' || i, 'x', now() FROM generate_series(1, 5) i;
    INSERT INTO tasks (id, user_id, number, title, updated_at)
    SELECT gen_random_uuid(), u.id, n, 'Task ' || n || CASE WHEN n % 10 = 0 THEN ' groceries' ELSE '' END, now()
    FROM users u CROSS JOIN generate_series(1, 40) n;
    -- Four rows per second on average, with groups of rows sharing one timestamp.
    INSERT INTO task_operation_logs (id, user_id, task_id, operation, source, status, original_command, input, duration_ms, error, created_at, finished_at)
    SELECT gen_random_uuid(), u.id, t.id,
           (ARRAY['add','list','complete','reopen','update','delete','restore','undo'])[1 + i % 8]::"Operation",
           (CASE WHEN i % 3 = 0 THEN 'ui' ELSE 'chat' END)::"OperationSource",
           (CASE WHEN i % 17 = 0 THEN 'failed' WHEN i % 101 = 0 THEN 'pending' ELSE 'success' END)::"OperationStatus",
           CASE i % 5 WHEN 0 THEN 'buy milk, eggs and "bread"' WHEN 1 THEN E'line one\\nline two' ELSE 'command ' || i END,
           jsonb_build_object('n', i),
           i % 250,
           CASE WHEN i % 17 = 0 THEN 'failed, because "reasons"' END,
           timestamptz '2026-10-01 00:00:00+00' + (i / 4) * interval '1 second',
           timestamptz '2026-10-01 00:00:00+00' + (i / 4) * interval '1 second'
    FROM generate_series(1, ${ROWS}) i
    JOIN LATERAL (SELECT id FROM users ORDER BY email OFFSET (i % 5) LIMIT 1) u ON true
    JOIN LATERAL (SELECT id FROM tasks WHERE user_id = u.id ORDER BY number OFFSET (i % 40) LIMIT 1) t ON true;
  `);
  userIds = (await handle.db.user.findMany({ orderBy: { email: "asc" }, select: { id: true } })).map((u) => u.id);
});
afterAll(() => handle?.close());

/** Every page of a filter, following the "older" cursors; `between` runs before each next page. */
async function allPages(db: Db, filters: LogFilters, between?: () => Promise<void>) {
  const ids: string[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listLogPage(db, { filters, after: after ? decodeCursor(after)! : undefined });
    expect(page.rows.length).toBeLessThanOrEqual(50);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.older) return ids;
    after = page.older;
    await between?.();
  }
  throw new Error("too many pages");
}

/** The expected ids, straight from SQL. */
async function expectedIds(where: string): Promise<string[]> {
  const rows = await handle.db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT l.id FROM task_operation_logs l JOIN users u ON u.id = l.user_id LEFT JOIN tasks t ON t.id = l.task_id ${where} ORDER BY l.created_at DESC, l.id DESC`,
  );
  return rows.map((r) => r.id);
}

describe("with thousands of rows on PostgreSQL", () => {
  it("pages through everything exactly once, in order, while new rows keep arriving", async () => {
    const expected = await expectedIds("");
    expect(expected).toHaveLength(ROWS);
    let arrivals = 0;
    const seen = await allPages(handle.db, {}, async () => {
      arrivals++;
      await seedLog(handle.db, {
        userId: userIds[0]!,
        at: new Date("2026-12-01T00:00:00Z"),
        operation: "list",
        originalCommand: "arrived late",
      });
    });
    expect(arrivals).toBe(ROWS / 50 - 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
    await handle.db.taskOperationLog.deleteMany({ where: { originalCommand: "arrived late" } });
  });

  it("filters combine and agree with plain SQL, page by page", async () => {
    const cases: [LogFilters, string][] = [
      [{ status: "failed" }, `WHERE l.status = 'failed'`],
      [{ operation: "complete", source: "ui" }, `WHERE l.operation = 'complete' AND l.source = 'ui'`],
      [{ user: "user3@" }, `WHERE u.email = 'user3@example.com'`],
      [{ user: userIds[1]! }, `WHERE l.user_id = '${userIds[1]}'`],
      [{ q: "GROCERIES" }, `WHERE t.title ILIKE '%groceries%'`],
      [{ q: '"bread"', user: "user1@" }, `WHERE l.original_command LIKE '%"bread"%' AND u.email = 'user1@example.com'`],
      [{ from: "2026-10-01", to: "2026-10-01" }, `WHERE l.created_at < '2026-10-02T00:00:00Z'`],
    ];
    for (const [filters, where] of cases) {
      const expected = await expectedIds(where);
      expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(await allPages(handle.db, filters), JSON.stringify(filters)).toEqual(expected);
      // A text search's figures cover its latest TEXT_LIMIT matches.
      const figures = await logFigures(handle.db, filters, FIGURES_NOW);
      expect(figures.total).toBe(filters.q ? Math.min(expected.length, TEXT_LIMIT) : expected.length);
      expect(figures.sample !== null).toBe(Boolean(filters.q) && expected.length > TEXT_LIMIT);
    }
  });

  it("gives figures for the whole set", async () => {
    const figures = await logFigures(handle.db, {}, FIGURES_NOW);
    expect(figures.total).toBe(ROWS);
    expect(figures.byOperation.reduce((sum, o) => sum + o.count, 0)).toBe(ROWS);
    expect(figures.byDay.reduce((sum, d) => sum + d.count, 0)).toBe(ROWS);
    const [check] = await handle.db.$queryRaw<{ p50: number; p95: number; failed: number; finished: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95,
             count(*) FILTER (WHERE status = 'failed')::int AS failed, count(*) FILTER (WHERE status IN ('success', 'failed'))::int AS finished
      FROM task_operation_logs`;
    // Read from duration buckets: within one bucket of percentile_cont.
    expect(Math.abs(bucketOf(figures.p50Ms ?? Number.NaN) - bucketOf(check!.p50))).toBeLessThanOrEqual(1);
    expect(Math.abs(bucketOf(figures.p95Ms ?? Number.NaN) - bucketOf(check!.p95))).toBeLessThanOrEqual(1);
    expect(figures.failureRate).toBeCloseTo(check!.failed / check!.finished);
  });

  it("exports every row as CSV in batches, escaped, in log order", async () => {
    const bytes = await new Response(await logsCsvStream(handle.db, {}, 1000)).arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...CSV_COLUMNS]);
    expect(records.map((r) => r.id)).toEqual(await expectedIds(""));
    expect(records.filter((r) => r.original_command === 'buy milk, eggs and "bread"')).toHaveLength(ROWS / 5);
    expect(records.filter((r) => r.original_command === "line one\nline two")).toHaveLength(ROWS / 5);
    expect(records.find((r) => r.status === "failed")?.error).toBe('failed, because "reasons"');
    expect(records.filter((r) => JSON.parse(r.input).n === 1)).toHaveLength(1);
  });

  it("reads the export lazily: a reader that stops early costs one batch, not the whole table", async () => {
    let queries = 0;
    const counting = new Proxy(handle.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "$queryRaw")
          return (...args: unknown[]) => {
            queries++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const reader = (await logsCsvStream(counting, {}, 500)).getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    await reader.cancel();
    expect(queries).toBeLessThanOrEqual(2);
  });
});
