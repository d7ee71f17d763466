import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, register, uniqueEmail } from "./helpers";

// The admin renames one of their conversations in the sidebar, with forged forwarding headers
// on every request; the rename is on /admin/audit, found by filtering on its kind, naming who
// did it, the conversation, the real (socket) address and the browser, and not the title. A bad
// filter is explained; for a non-admin the page does not exist.

const FORGED = "203.0.113.66";

test.describe("as the admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("a conversation renamed in the sidebar shows on /admin/audit, filtered by kind", async ({ page }) => {
    // A conversation of the admin's own, posted as the chat view posts it.
    const response = await page.request.post("/api/chat", {
      data: {
        message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: "add audit the books" }] },
        timeZone: "Europe/Berlin",
      },
    });
    expect(response.status(), await response.text()).toBe(200);
    const id = response.headers()["x-conversation-id"]!;

    await page.setExtraHTTPHeaders({ "x-forwarded-for": FORGED, "x-doable-socket-address": FORGED });
    await page.goto("/");
    const sidebar = page.getByRole("complementary", { name: "Conversation history" });
    const link = sidebar.locator(`a[href="/c/${id}"]`);
    await expect(link).toBeVisible();
    const title = (await link.textContent())!;
    const renamed = `Ledger ${Date.now()}`;
    await sidebar.getByRole("button", { name: `Rename “${title}”` }).click();
    await sidebar.getByLabel("Conversation title").fill(renamed);
    await sidebar.getByLabel("Conversation title").press("Enter");
    await expect(page.getByText("Conversation renamed")).toBeVisible();
    await expect(link).toHaveText(renamed);

    await page.goto("/admin/logs");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit" }).click();
    await expect(page.getByRole("heading", { name: "Audit", exact: true })).toBeVisible();
    await page.getByLabel("Kind").selectOption("conversation_renamed");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]kind=conversation_renamed/);

    const rows = page.getByTestId("audit-event");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) expect(text).toContain("Conversation renamed");
    const row = rows.filter({ hasText: `Conversation ${id.slice(0, 8)}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("themself");
    await expect(row).toContainText("admin@example.com");
    await expect(row).toContainText("127.0.0.1");
    await expect(row).toContainText(/Chrome\//);
    await expect(row).not.toContainText(FORGED);
    await expect(row).not.toContainText(renamed);

    // The kind stays chosen, and a filter the page cannot use is explained rather than failing.
    await expect(page.getByLabel("Kind")).toHaveValue("conversation_renamed");
    await page.goto("/admin/audit?kind=exploded");
    await expect(page.getByRole("alert").filter({ hasText: "These filters" })).toContainText("Unknown event kind");
    await expect(page.getByTestId("audit-event")).toHaveCount(0);
  });
});

test("a non-admin gets 404 from /admin/audit, with none of its data inside", async ({ page }) => {
  await register(page, { name: "Nia Nonadmin", email: uniqueEmail("nia") });
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page doesn't exist" })).toBeVisible();
  // The body too: a 404 status with the page's rows streamed inside it would still be a leak.
  const response = await page.request.get("/admin/audit?kind=signed_in");
  expect(response.status()).toBe(404);
  const body = await response.text();
  expect(body).not.toContain("audit-event");
  expect(body).not.toContain("admin@example.com");
});
