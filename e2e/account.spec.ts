import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE, PASSWORD, register, say, signIn, uniqueEmail } from "./helpers";

// The account page: a download of everything the user owns, a password change that ends every
// other session, and account deletion; on the admin side, making a user admin and back, never
// leaving no admin.

const NEW_PASSWORD = "a brand new secret";

async function openAccount(page: Page) {
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
}

const section = (page: Page, name: string) => page.getByRole("region", { name });

test("the user's data downloads as one JSON file holding their tasks, chats and log; without a session it is 401", async ({
  page,
  playwright,
  baseURL,
}) => {
  const email = uniqueEmail("export-all");
  await register(page, { name: "Exa", email });
  const reply = await say(page, "add renew passport tomorrow at 3pm #admin");
  await expect(reply.getByTestId("task-card")).toContainText("Renew passport");

  await openAccount(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^doable-account-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
    account: { email: string };
    tasks: { number: number; title: string; tags: string[] }[];
    conversations: { messages: { role: string; content: string }[] }[];
    operationLog: { operation: string; originalCommand: string | null }[];
  };
  expect(data.account.email).toBe(email);
  expect(data.tasks).toEqual([expect.objectContaining({ number: 1, title: "Renew passport", tags: ["admin"] })]);
  expect(data.conversations[0]!.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
  expect(data.conversations[0]!.messages[0]!.content).toBe("add renew passport tomorrow at 3pm #admin");
  expect(data.operationLog).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ operation: "add", originalCommand: "add renew passport tomorrow at 3pm #admin" }),
    ]),
  );
  expect(JSON.stringify(data)).not.toContain("admin@example.com");

  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get("/api/account/export");
  expect(response.status()).toBe(401);
  expect(await response.text()).not.toContain("Renew passport");
  await anonymous.dispose();
});

test("changing the password needs the current one, keeps this device signed in and signs out the others", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("password");
  await register(page, { name: "Pia", email });
  const other = await browser.newPage();
  await signIn(other, email);
  await expect(other).toHaveURL(/\/$/);

  await openAccount(page);
  const form = section(page, "Password");
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("That password is not right.");

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("Use at least 8 characters for your password.");

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText(/Password changed/);

  // This device: still signed in. The other one: signed out.
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  await other.goto("/");
  await expect(other).toHaveURL(/\/login/);
  await signIn(other, email, PASSWORD);
  await expect(other.locator("form").getByRole("alert")).toHaveText(/don't match an account/);
  await signIn(other, email, NEW_PASSWORD);
  await expect(other).toHaveURL(/\/$/);
  await other.close();
});

test("deleting the account needs the password, signs out and leaves nothing to sign in to", async ({ page }) => {
  const email = uniqueEmail("delete");
  await register(page, { name: "Del", email });
  await say(page, "add water the plants");

  await openAccount(page);
  const danger = section(page, "Delete account");
  await danger.getByLabel("Your password, to confirm").fill("not my password");
  await danger.getByRole("button", { name: "Delete my account" }).click();
  await expect(danger.getByRole("alert")).toHaveText("That password is not right.");

  await danger.getByLabel("Your password, to confirm").fill(PASSWORD);
  await danger.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email);
  await expect(page.locator("form").getByRole("alert")).toHaveText(/don't match an account/);
});

test.describe("as the admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("the only admin cannot delete their account or give up the role; a user made admin gets the admin pages, and loses them again", async ({
    page,
    browser,
  }) => {
    await openAccount(page);
    const danger = section(page, "Delete account");
    await danger.getByLabel("Your password, to confirm").fill(PASSWORD);
    await danger.getByRole("button", { name: "Delete my account" }).click();
    await expect(danger.getByRole("alert")).toHaveText(/You are the only admin/);

    const email = uniqueEmail("promoted");
    // A page of its own, not signed in (pages made here would otherwise get the admin's cookies).
    const member = await browser.newPage({ storageState: { cookies: [], origins: [] } });
    await register(member, { name: "Mo", email });
    await expect(member.getByRole("link", { name: "Operation logs" })).toHaveCount(0);

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    const selfRow = page.getByTestId("user-row").filter({ hasText: "admin@example.com" });
    await selfRow.getByRole("button", { name: /^Remove admin/ }).click();
    await expect(selfRow.getByRole("alert")).toHaveText(/can’t remove the last admin/);

    const row = page.getByTestId("user-row").filter({ hasText: email });
    await expect(row).toContainText("user");
    await row.getByRole("button", { name: `Make admin: ${email}` }).click();
    await expect(row.getByRole("status")).toHaveText(/Now an admin/);
    await expect(row.getByRole("button", { name: `Remove admin: ${email}` })).toBeVisible();
    await expect(page.getByTestId("account-event").first()).toContainText(/Made admin.*admin@example\.com/);

    // The member's session ended with the change; signed in again, they are an admin.
    await member.goto("/");
    await expect(member).toHaveURL(/\/login/);
    await signIn(member, email);
    await expect(member.getByRole("link", { name: "Operation logs" })).toBeVisible();
    expect((await member.goto("/admin/users"))?.status()).toBe(200);

    await row.getByRole("button", { name: `Remove admin: ${email}` }).click();
    await expect(row.getByRole("status")).toHaveText(/No longer an admin/);
    await member.goto("/admin/users");
    await expect(member).toHaveURL(/\/login/);
    await signIn(member, email);
    await expect(member).toHaveURL(/\/$/);
    expect((await member.goto("/admin/users"))?.status()).toBe(404);
    await member.close();
  });
});
