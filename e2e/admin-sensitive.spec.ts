import { expect, test } from "@playwright/test";
import { ADMIN_STATE, register, say, uniqueEmail } from "./helpers";

// A user adds a task with an e-mail address in it by chatting (and sees it whole: their own
// views are not masked). The admin's log list and the entry show it as [email]; Reveal shows it
// and /admin/audit lists the reveal, naming the admin, the user and the entry, not the address.

const ADDRESS = "jane.doe@acme-mail.net";

let userEmail: string;

test.beforeAll(async ({ browser }, testInfo) => {
  // Playwright hands the enclosing test's options (the admin's session) to new contexts: start empty.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  userEmail = uniqueEmail("sam");
  await register(page, { name: "Sam Sensitive", email: userEmail });
  const reply = await say(page, `add email ${ADDRESS} about the invoice`);
  await expect(reply).toContainText(ADDRESS);
  // The user's own task panel shows it whole.
  const escaped = ADDRESS.replaceAll(".", "\\.");
  await expect(page.getByRole("checkbox", { name: new RegExp(`^Mark “.*${escaped}.*” as done$`) })).toBeVisible();
  await context.close();
});

test.describe("as the admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("the log shows the address masked, Reveal shows it, and the audit trail lists the reveal", async ({ page }) => {
    await page.goto(`/admin/logs?user=${encodeURIComponent(userEmail)}`);
    const row = page.getByTestId("log-row").filter({ hasText: "add email [email] about the invoice" });
    await expect(row).toHaveCount(1);
    await expect(page.getByTestId("log-row").first()).not.toContainText(ADDRESS);
    await expect(page.locator("main")).not.toContainText(ADDRESS);

    await row.getByRole("link", { name: /^Open add operation/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("[email]");
    await expect(page.getByTestId("user-message")).toContainText("add email [email] about the invoice");
    await expect(page.getByTestId("sensitive-masked")).toBeVisible();
    await expect(page.locator("main")).not.toContainText(ADDRESS);

    await page.getByRole("button", { name: "Reveal" }).click();
    await expect(page.getByTestId("sensitive-revealed")).toBeVisible();
    await expect(page).toHaveURL(/\?reveal=1$/);
    await expect(page.getByTestId("user-message")).toContainText(`add email ${ADDRESS} about the invoice`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(ADDRESS);
    const entry = new URL(page.url()).pathname.split("/").pop() ?? "";

    // "Mask again" goes back to the masked page.
    await page.getByRole("link", { name: "Mask again" }).click();
    await expect(page.getByTestId("sensitive-masked")).toBeVisible();
    await expect(page.locator("main")).not.toContainText(ADDRESS);

    await page.goto("/admin/audit?kind=sensitive_revealed");
    const event = page.getByTestId("audit-event").filter({ hasText: userEmail });
    await expect(event).toHaveCount(1);
    await expect(event).toContainText("Sensitive text revealed");
    await expect(event).toContainText("admin@example.com");
    await expect(event.locator(`a[href="/admin/logs/${entry}"]`)).toBeVisible();
    await expect(event).not.toContainText(ADDRESS);
  });
});
