import { expect, test } from "@playwright/test";
import { ADMIN_STATE, PASSWORD, register, signIn, signOut, uniqueEmail } from "./helpers";

test("register, sign out, sign in again", async ({ page }) => {
  const email = uniqueEmail("ben");
  await register(page, { name: "Ben Baker", email });
  await expect(page.getByTestId("user-name")).toHaveText(/Ben Baker/);
  await expect(page.getByRole("heading", { name: /Hi Ben/ })).toBeVisible();

  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("user-name")).toHaveText(/Ben Baker/);
});

test("a wrong password shows an error and stays signed out", async ({ page }) => {
  const email = uniqueEmail("cy");
  await register(page, { name: "Cy", email });
  await signOut(page);
  await signIn(page, email, `${PASSWORD}!`);
  await expect(page.locator("form").getByRole("alert")).toHaveText(/don't match an account/);
  await expect(page).toHaveURL(/\/login/);
});

test("registration explains bad input and a duplicate email", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Name").fill("Dee");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();

  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/already exists/);
});

test("a second account is a plain user and gets 404 on /admin/logs", async ({ page }) => {
  await register(page, { name: "Eve User", email: uniqueEmail("eve") });
  await expect(page.getByRole("link", { name: "Operation logs" })).toHaveCount(0);
  const response = await page.goto("/admin/logs");
  expect(response?.status()).toBe(404);
});

test.describe("as the admin", () => {
  test.use({ storageState: ADMIN_STATE });
  test("the admin reaches /admin/logs", async ({ page }) => {
    const response = await page.goto("/admin/logs");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Operation logs" })).toBeVisible();
  });
});

test("pages need a session; the sign-in page remembers where you were going", async ({ page }) => {
  await page.goto("/admin/logs");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});
