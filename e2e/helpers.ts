import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

/** The signed-in admin's browser state, saved by admin.setup.ts. */
export const ADMIN_STATE = path.join(process.env.E2E_OUTPUT_DIR ?? "test-results", ".auth", "admin.json");

export const PASSWORD = "correct horse battery";

// Midday in Berlin (the zone these tests give the browser) on the day the run starts.
const berlinToday = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
export const middayInBerlin = new Date(`${berlinToday}T11:00:00Z`);

/**
 * Holds the page's clock at Berlin's midday: the sidebar's "Today" and the panel's "today" and
 * "overdue" are read from the browser's clock, so a test running across midnight would see the
 * chats and tasks it just made move to "Yesterday" or fall overdue before its next check.
 */
export async function holdClockAtMidday(page: Page) {
  await page.clock.setFixedTime(middayInBerlin);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export async function register(
  page: Page,
  { name, email, password = PASSWORD }: { name: string; email: string; password?: string },
) {
  await page.goto("/register");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

export const composer = (page: Page) => page.getByRole("textbox", { name: "Message Doable" });
export const sendButton = (page: Page) => page.getByRole("button", { name: "Send message" });

/**
 * Types a message, sends it and waits for the assistant's reply to finish; returns that reply
 * (by its position, so it still names this reply after later messages arrive).
 */
export async function say(page: Page, text: string): Promise<Locator> {
  const replies = page.getByTestId("assistant-message");
  const before = await replies.count();
  await composer(page).fill(text);
  await composer(page).press("Enter");
  await expect(replies).toHaveCount(before + 1);
  await expect(sendButton(page)).toBeVisible(); // the reply finished
  return replies.nth(before);
}
