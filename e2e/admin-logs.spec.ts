import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type APIRequestContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { ADMIN_STATE, register, uniqueEmail } from "./helpers";

// One user (Lena) makes real operations through the chat route; the admin then filters,
// inspects, exports and undoes them. Lena is also the non-admin who must get 404s.
test.describe.configure({ mode: "serial" });

const COMMANDS = [
  "add buy milk tomorrow",
  "add call the plumber on friday",
  "rename task 2 to call the electrician",
  "I finished buying milk",
  "what's on my list?",
];

let lenaEmail: string;
let lenaState: BrowserContextOptions["storageState"];

/** Sends a message in the chat UI and waits for the whole reply. */
async function sayInChat(page: Page, text: string) {
  const replies = page.getByTestId("assistant-message");
  const before = await replies.count();
  const composer = page.getByRole("textbox", { name: "Message Doable" });
  await composer.fill(text);
  await composer.press("Enter");
  await expect(replies).toHaveCount(before + 1);
  await expect(page.getByRole("button", { name: "Send message" })).toBeVisible();
  return replies.last();
}

async function say(request: APIRequestContext, text: string) {
  const response = await request.post("/api/chat", {
    data: { message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] }, timeZone: "Europe/Berlin" },
  });
  expect(response.status()).toBe(200);
  await response.text(); // the UI message stream, read to the end: the turn is saved by then
}

test.beforeAll(async ({ browser }, testInfo) => {
  // Playwright hands the enclosing test's options (the admin's session) to new contexts: start empty.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  lenaEmail = uniqueEmail("lena");
  await register(page, { name: "Lena Logs", email: lenaEmail });
  for (const text of COMMANDS) await say(page.request, text);
  lenaState = await context.storageState();
  await context.close();
});

test.describe("as the admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("filters combine in the URL, and Back restores the previous filters", async ({ page }) => {
    await page.goto("/admin/logs");
    await expect(page.getByRole("heading", { name: "Operation logs" })).toBeVisible();
    const rows = page.getByTestId("log-row");

    await page.getByRole("textbox", { name: "User" }).fill(lenaEmail);
    await page.getByRole("textbox", { name: "User" }).press("Enter");
    await expect(page).toHaveURL(/[?&]user=lena-/);
    await expect(rows).toHaveCount(COMMANDS.length);
    await expect(page.getByRole("definition").filter({ hasText: /^5$/ })).toBeVisible();

    await page.getByRole("combobox", { name: "Operation" }).selectOption("add");
    await expect(page).toHaveURL(/operation=add/);
    await expect(rows).toHaveCount(2);

    await page.getByRole("searchbox", { name: "Search" }).fill("PLUMBER");
    await page.getByRole("searchbox", { name: "Search" }).press("Enter");
    await expect(page).toHaveURL(/q=PLUMBER/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("add call the plumber on friday");

    await page.goBack();
    await expect(page).not.toHaveURL(/q=/);
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");
    await expect(page.getByRole("combobox", { name: "Operation" })).toHaveValue("add");
    await page.goBack();
    await expect(rows).toHaveCount(COMMANDS.length);

    // A filter nobody matches shows the empty state; a bad one explains itself.
    await page.goto(`/admin/logs?user=${encodeURIComponent(lenaEmail)}&status=failed`);
    await expect(page.getByRole("heading", { name: "No operations match these filters" })).toBeVisible();
    const bad = await page.goto("/admin/logs?from=2026-02-30");
    expect(bad?.status()).toBe(200);
    // (Next's route announcer is an alert too, hence the text filter.)
    await expect(page.getByRole("alert").filter({ hasText: "These filters can’t be used." })).toContainText(
      "From must be a date like 2026-11-23.",
    );
  });

  test("dates and page links out of range explain themselves: a message on the page, 400 from the export", async ({
    page,
  }) => {
    // Year 0000 is no PostgreSQL date: it used to reach the query and fail the page with a 500.
    const page0 = await page.goto("/admin/logs?from=0000-01-01");
    expect(page0?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "These filters can’t be used." })).toContainText(
      "From must be a date between 0001-01-01 and 9999-12-31.",
    );
    await expect(page.getByLabel("From (UTC)")).toHaveAttribute("aria-invalid", "true");

    const cursor = Buffer.from(`0000-01-01T00:00:00.000Z_${randomUUID()}`).toString("base64url");
    expect((await page.goto(`/admin/logs?after=${cursor}`))?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "These filters can’t be used." })).toContainText(
      "The page link is not valid.",
    );

    // The export refuses before it starts a file (it used to send a CSV cut off after its header).
    const exported = await page.request.get("/api/admin/logs/export?from=0000-01-01");
    expect(exported.status()).toBe(400);
    expect(exported.headers()["content-type"]).toContain("application/json");
    expect((await exported.json()).error.message).toBe("From must be a date between 0001-01-01 and 9999-12-31.");
    expect((await page.request.get(`/api/admin/logs/export?before=${cursor}`)).status()).toBe(400);

    // The widest range a filter may name works end to end.
    await page.goto(`/admin/logs?user=${encodeURIComponent(lenaEmail)}&from=0001-01-01&to=9999-12-31`);
    await expect(page.getByTestId("log-row")).toHaveCount(COMMANDS.length);
    const widest = await page.request.get(
      `/api/admin/logs/export?user=${encodeURIComponent(lenaEmail)}&from=0001-01-01&to=9999-12-31`,
    );
    expect(widest.status()).toBe(200);
    expect(parse((await widest.text()).replace(/^\uFEFF/, ""), { columns: true })).toHaveLength(COMMANDS.length);
  });

  test("a detail shows the input, result and before-state, the message and the reply to it", async ({ page }) => {
    await page.goto(`/admin/logs?user=${encodeURIComponent(lenaEmail)}&q=milk`);
    const row = page.getByTestId("log-row").filter({ hasText: "add buy milk tomorrow" });
    await row.getByRole("link").click();
    await expect(page).toHaveURL(/\/admin\/logs\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Add · #1 Buy milk");
    await expect(page.getByTestId("user-message")).toContainText("add buy milk tomorrow");
    await expect(page.getByTestId("assistant-reply")).toContainText("Added");
    // Only this exchange, not the rest of Lena's chats.
    const conversation = page.getByRole("region", { name: "Conversation" });
    await expect(conversation.getByRole("listitem")).toHaveCount(2);
    await expect(conversation).not.toContainText("I finished buying milk");
    await expect(page.getByRole("region", { name: "Input", exact: true })).toContainText('"title": "Buy milk"');
    await expect(page.getByRole("region", { name: "Result", exact: true })).toContainText('"kind": "added"');
    // The tool call id, kept as "<user message id>:<call id>" (unique per message).
    await expect(page.getByText(/^[0-9a-f-]{36}:call_/)).toBeVisible();
    // The other operations on task #1: the completion.
    await expect(page.getByRole("region", { name: "Other operations on this task" })).toContainText(
      "I finished buying milk",
    );
  });

  test("exports the filtered set as CSV", async ({ page }) => {
    await page.goto(`/admin/logs?user=${encodeURIComponent(lenaEmail)}`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^operation-logs-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(COMMANDS.length);
    expect(new Set(records.map((r) => r.user_email))).toEqual(new Set([lenaEmail]));
    // Lena made every one of her changes herself.
    expect(new Set(records.map((r) => r.actor_email))).toEqual(new Set([lenaEmail]));
    expect(records.map((r) => r.original_command).reverse()).toEqual(COMMANDS);

    const bad = await page.request.get("/api/admin/logs/export?status=bogus");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toContain("Status must be one of");
  });

  test("undoes an operation, logs the undo, and explains when it cannot", async ({ page }) => {
    await page.goto(`/admin/logs?user=${encodeURIComponent(lenaEmail)}&operation=complete`);
    await page.getByTestId("log-row").first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Complete · #1 Buy milk");
    const completeUrl = page.url();
    await page.getByRole("button", { name: "Undo this operation" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Undone." })).toBeVisible();
    await page.getByRole("link", { name: "View the undo" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Undo · #1 Buy milk");
    // The undo is Lena's history, made by the admin: both are named.
    await expect(page.getByText(`on the tasks of Lena Logs <${lenaEmail}>, by admin@example.com`)).toBeVisible();
    await expect(
      page.getByRole("term").filter({ hasText: "Made by" }).locator("xpath=following-sibling::dd[1]"),
    ).toHaveText("admin@example.com");
    await expect(page.getByRole("link", { name: /^Complete of / })).toBeVisible();
    // The task is open again.
    await expect(page.getByText("#1 Buy milk", { exact: true })).toBeVisible();

    await page.goto(completeUrl);
    await expect(page.getByText("This operation has already been undone.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Undo this operation" })).toHaveCount(0);

    // Task #2 was renamed after it was added: undoing the add would overwrite that.
    await page.goto(`/admin/logs?user=${encodeURIComponent(lenaEmail)}&q=plumber`);
    await page.getByTestId("log-row").first().getByRole("link").click();
    await page.getByRole("button", { name: "Undo this operation" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "has changed since" })).toBeVisible();

    await page.goto(`/admin/logs?user=${encodeURIComponent(lenaEmail)}`);
    // The undo and the refused undo are both in the log (the refusal as a failed row).
    await expect(page.getByTestId("log-row")).toHaveCount(COMMANDS.length + 2);
    await page.getByRole("combobox", { name: "Operation" }).selectOption("undo");
    await expect(page.getByTestId("log-row").filter({ hasText: "Success" })).toHaveCount(1);
    await expect(page.getByTestId("log-row").filter({ hasText: "Failed" })).toContainText("has changed since");
    await page.goBack();
    await expect(page.getByTestId("log-row").filter({ hasText: "I finished buying milk" })).toContainText("Undone");

    // Who acted: the admin's rows say so in the table, and the source filter finds them.
    await expect(page.getByTestId("log-actor")).toHaveCount(2);
    await expect(page.getByTestId("log-actor").first()).toHaveText("by admin@example.com");
    await page.getByRole("combobox", { name: "Source" }).selectOption("admin");
    await expect(page).toHaveURL(/source=admin/);
    await expect(page.getByTestId("log-row")).toHaveCount(2);
    await expect(page.getByTestId("log-row").filter({ hasText: "Undo" })).toHaveCount(2);
    const exported = await page.request.get(
      `/api/admin/logs/export?user=${encodeURIComponent(lenaEmail)}&source=admin`,
    );
    const records = parse((await exported.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[];
    expect(records.map((r) => [r.user_email, r.actor_email, r.source])).toEqual([
      [lenaEmail, "admin@example.com", "admin"],
      [lenaEmail, "admin@example.com", "admin"],
    ]);
  });

  test("a rejected approval is its own outcome: counted apart from failures, nothing to undo", async ({
    page,
    browser,
  }, testInfo) => {
    // Rita asks for two changes at once in the chat and turns both down.
    const context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const rita = await context.newPage();
    const ritaEmail = uniqueEmail("rita");
    await register(rita, { name: "Rita Reject", email: ritaEmail });
    await sayInChat(rita, "add buy milk, call mom");
    const asking = await sayInChat(rita, "complete all my tasks");
    const card = asking.getByTestId("approval-card");
    await expect(card.getByRole("checkbox")).toHaveCount(2);
    await card.getByRole("button", { name: "Reject" }).click();
    await expect(asking.getByTestId("approval-answered")).toHaveCount(2);
    await expect(rita.getByRole("button", { name: "Send message" })).toBeVisible();

    const rows = page.getByTestId("log-row");
    // The answers are saved as they are given: reload until both are in.
    await expect(async () => {
      await page.goto(`/admin/logs?user=${encodeURIComponent(ritaEmail)}&status=rejected`);
      await expect(rows).toHaveCount(2, { timeout: 1000 });
    }).toPass();
    await expect(rows.first()).toContainText("Rejected by the user when asked to approve");
    await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("rejected");

    // Two adds that worked and two rejections: no failures.
    await page.goto(`/admin/logs?user=${encodeURIComponent(ritaEmail)}`);
    const stat = (label: string) => page.getByRole("term").filter({ hasText: label }).locator("xpath=..");
    await expect(stat("Rejected").getByRole("definition").first()).toHaveText("2");
    await expect(stat("Failure rate").getByRole("definition").first()).toHaveText("0%");
    await expect(stat("Failure rate")).toContainText(/\b0 of \d+ finished/);

    await page.getByRole("combobox", { name: "Status" }).selectOption("rejected");
    await rows.first().getByRole("link").click();
    await expect(page.getByText("This change was rejected by the user, so it made nothing to undo.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Undo this operation" })).toHaveCount(0);
    await context.close();
  });
});

test("a non-admin gets 404 from the log page, a detail page and the export", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: lenaState });
  const page = await context.newPage();
  expect((await page.goto("/admin/logs"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page doesn't exist" })).toBeVisible();
  expect((await page.goto(`/admin/logs/${randomUUID()}`))?.status()).toBe(404);
  const exported = await page.request.get("/api/admin/logs/export");
  expect(exported.status()).toBe(404);
  expect(await exported.text()).not.toContain("original_command");
  await context.close();
});
