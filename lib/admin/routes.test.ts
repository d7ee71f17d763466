// The admin log's page and CSV export as Next calls them: the real page component and route
// handler, with only the session and the process's database swapped for test ones. Out-of-range
// dates and cursors must come back as a clear message (page) or a 400 (export) before any
// query runs, never as a 500 or a CSV that stops after its header.
import { parse } from "csv-parse/sync";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { FiguresSection } from "@/components/admin/figures-section";
import { FiguresPanel } from "@/components/admin/figures-panel";
import { FilterBar } from "@/components/admin/filter-bar";
import { LogsTable } from "@/components/admin/logs-table";
import { InvalidFilters } from "@/components/admin/states";
import { at, seedLog, seedUser } from "@/test/support/admin";

const session = vi.hoisted(() => ({
  user: null as null | { id: string; email: string; name: string; role: "user" | "admin" },
  db: null as unknown,
}));
// sessionVersion 0: a fresh account's, so the session check (lib/auth/session.ts) passes.
vi.mock("@/lib/auth/index", () => ({
  auth: async () => (session.user ? { user: session.user, sessionVersion: 0 } : null),
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => session.db,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { default: OperationLogsPage } = await import("@/app/(app)/admin/logs/page");
const { GET: exportLogs } = await import("@/app/api/admin/logs/export/route");

let handle: DbHandle;
const logIds: string[] = [];
const YEAR_ZERO_CURSOR = Buffer.from("0000-01-01T00:00:00.000Z_0b8f1a52-5c1e-4a57-9d7e-1f1b2c3d4e5f").toString(
  "base64url",
);

beforeAll(async () => {
  handle = await createTestDatabase();
  session.db = handle.db;
  const admin = await handle.db.user.create({
    data: { email: "admin@example.com", name: "Admin", passwordHash: "x", role: "admin" },
  });
  session.user = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
  const user = await seedUser(handle.db, "ivy@example.com");
  for (let i = 0; i < 3; i++)
    logIds.unshift(
      await seedLog(handle.db, { userId: user, at: at(i), operation: "list", originalCommand: `what's due ${i}` }),
    );
});
afterAll(() => handle?.close());

/** Every element in a rendered tree (server components are not run: their elements are kept as they are). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}

/** The props of every element of one component in the tree. */
function find<C extends (props: never) => unknown>(tree: ReactNode, type: C): Parameters<C>[0][] {
  return elements(tree)
    .filter((e) => e.type === (type as unknown))
    .map((e) => e.props as Parameters<C>[0]);
}

const page = (searchParams: Record<string, string>) =>
  OperationLogsPage({ searchParams: Promise.resolve(searchParams) });
const exportRequest = (query: string) => exportLogs(new Request(`http://localhost/api/admin/logs/export?${query}`));

describe("the log page", () => {
  it("shows an invalid-date message for a date before year 1, and marks the field", async () => {
    const tree = await page({ from: "0000-01-01" });
    expect(find(tree, InvalidFilters)).toEqual([{ message: "From must be a date between 0001-01-01 and 9999-12-31." }]);
    expect(find(tree, FilterBar)[0]).toMatchObject({ values: { from: "0000-01-01" }, invalid: ["from"] });
    expect(find(tree, LogsTable)).toEqual([]);
  });

  it("shows an invalid-date message for unparseable dates", async () => {
    const tree = await page({ to: "31/12/2026" });
    expect(find(tree, InvalidFilters)).toEqual([{ message: "To must be a date like 2026-11-23." }]);
  });

  it("refuses a year-0000 page link with a message instead of failing", async () => {
    const tree = await page({ after: YEAR_ZERO_CURSOR });
    expect(find(tree, InvalidFilters)[0]!.message).toContain("The page link is not valid.");
  });

  it("lists and counts with the first and last days a filter may name", async () => {
    const tree = await page({ from: "0001-01-01", to: "9999-12-31" });
    expect(find(tree, InvalidFilters)).toEqual([]);
    const [table] = find(tree, LogsTable);
    expect(table!.rows.map((r) => r.id)).toEqual(logIds);
    // The figures stream in their own Suspense boundary: run that server component too.
    const [section] = find(tree, FiguresSection);
    const figures = find(await FiguresSection(section!), FiguresPanel);
    expect(figures[0]!.figures).toMatchObject({ total: 3, window: null });
  });
});

describe("the CSV export", () => {
  it("answers 400 with the reason for a date before year 1, before streaming anything", async () => {
    const response = await exportRequest("from=0000-01-01");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await response.json()).toEqual({
      error: {
        code: "bad_request",
        message: "From must be a date between 0001-01-01 and 9999-12-31.",
        fields: { from: "From must be a date between 0001-01-01 and 9999-12-31." },
      },
    });
  });

  it("answers 400 for an unparseable date and for a year-0000 page link", async () => {
    expect((await exportRequest("to=2026-02-30")).status).toBe(400);
    const cursor = await exportRequest(`after=${YEAR_ZERO_CURSOR}`);
    expect(cursor.status).toBe(400);
    expect((await cursor.json()).error.message).toContain("The page link is not valid.");
  });

  it("exports every row with the first and last days a filter may name", async () => {
    const response = await exportRequest("from=0001-01-01&to=9999-12-31");
    expect(response.status).toBe(200);
    const text = new TextDecoder().decode(await response.arrayBuffer());
    const records = parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id)).toEqual(logIds);
  });

  it("answers with an error, not a CSV cut short, when the first read fails", async () => {
    const broken = new Proxy(handle.db, {
      get: (target, prop, receiver) =>
        prop === "$queryRaw" ? () => Promise.reject(new Error("query failed")) : Reflect.get(target, prop, receiver),
    });
    session.db = broken;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await exportRequest("");
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(JSON.stringify(await response.json())).not.toContain("query failed");
    } finally {
      quiet.mockRestore();
      session.db = handle.db;
    }
  });
});
