import { expect, test, type Page } from "@playwright/test";
import { holdClockAtMidday, middayInBerlin, register, say as sayInChat, uniqueEmail } from "./helpers";

// The sidebar, task panel and shell around the chat. Tasks and conversations are made through
// the chat (the offline assistant): typed in the composer where the panels must follow live, or
// posted to /api/chat, as the chat view would, where only the result matters.

test.use({ timezoneId: "Europe/Berlin" });

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/${name}.png` });

/** Sends one chat message, reads the streamed reply to the end, returns the conversation id. */
async function say(page: Page, text: string, conversationId?: string): Promise<string> {
  const response = await page.request.post("/api/chat", {
    data: {
      ...(conversationId ? { id: conversationId } : {}),
      message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text }] },
      timeZone: "Europe/Berlin",
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  return response.headers()["x-conversation-id"]!;
}

function berlinDay(offsetDays: number): string {
  return new Date(middayInBerlin.getTime() + offsetDays * 86_400_000).toLocaleDateString("sv-SE", {
    timeZone: "Europe/Berlin",
  });
}

test("the task panel updates live, ticks and unticks, edits inline and deletes with undo", async ({ page }) => {
  await holdClockAtMidday(page);
  await register(page, { name: "Tia Tasks", email: uniqueEmail("tia") });
  const panel = page.getByRole("complementary", { name: "Tasks" });
  await expect(panel.getByText("All clear")).toBeVisible();

  await sayInChat(page, "add buy milk");
  await sayInChat(page, "add call mom");
  const pending = panel.getByRole("list", { name: "Pending tasks" });
  await expect(pending.getByRole("listitem")).toHaveText([/Buy milk/i, /Call mom/i]);
  await expect(panel.getByRole("heading", { name: "Tasks (2)" })).toBeVisible();
  await shot(page, "task-panel");

  // Tick, then find it under Completed and untick it.
  await panel.getByRole("checkbox", { name: /Buy milk/i }).click();
  await expect(page.getByText(/Completed “Buy milk”/i)).toBeVisible();
  await expect(pending.getByRole("listitem")).toHaveText([/Call mom/i]);
  await panel.getByRole("button", { name: "Completed" }).click();
  const completed = panel.getByRole("list", { name: "Completed tasks" });
  await expect(completed.getByRole("checkbox", { name: /Buy milk/i })).toBeChecked();
  await completed.getByRole("checkbox", { name: /Buy milk/i }).click();
  await expect(page.getByText(/Reopened “Buy milk”/i)).toBeVisible();
  await expect(completed.getByRole("listitem")).toHaveCount(0);
  await panel.getByRole("button", { name: "Pending" }).click();
  await expect(pending.getByRole("listitem")).toHaveCount(2);

  // Inline edit: title, an overdue day and high priority stand out.
  await panel.getByRole("button", { name: /Edit “Call mom”/i }).click();
  const form = panel.getByRole("form", { name: /Edit task/ });
  await form.getByLabel("Title").fill("Call mom and dad");
  await form.getByLabel("Due date").fill(berlinDay(-1));
  await form.getByLabel("Priority").selectOption("high");
  await form.getByRole("button", { name: "Save" }).click();
  const item = pending.getByRole("listitem").filter({ hasText: "Call mom and dad" });
  await expect(item.locator("[data-due]")).toHaveAttribute("data-due", "overdue");
  await expect(item).toContainText("Overdue · Yesterday");
  await expect(item).toContainText("High priority");
  // Overdue first, then the rest.
  await expect(pending.getByRole("listitem")).toHaveText([/Call mom and dad/, /Buy milk/i]);

  // Today at a set time; an empty title is refused with the service's message.
  await panel.getByRole("button", { name: /Edit “Call mom and dad”/ }).click();
  await form.getByLabel("Due date").fill(berlinDay(0));
  await form.getByLabel("Time").fill("23:59");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(item.locator("[data-due]")).toHaveAttribute("data-due", "today");
  await expect(item).toContainText(/Today 11:59\s?PM|Today 23:59/);
  await shot(page, "task-panel-edited");

  // Delete, then bring it back from the toast.
  await panel.getByRole("button", { name: /Delete “Buy milk”/i }).click();
  await expect(pending.getByRole("listitem")).toHaveText([/Call mom and dad/]);
  const toast = page.getByRole("listitem").filter({ hasText: /Deleted “Buy milk”/i });
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(/Restored “Buy milk”/i)).toBeVisible();
  await expect(pending.getByRole("listitem")).toHaveText([/Call mom and dad/, /Buy milk/i]);

  // The changes went through the task service: they survive a reload.
  await page.reload();
  await expect(pending.getByRole("listitem")).toHaveText([/Call mom and dad/, /Buy milk/i]);
});

test("the sidebar lists, renames, searches, archives, restores and deletes conversations", async ({
  page,
  browser,
}) => {
  await holdClockAtMidday(page);
  await register(page, { name: "Sam Sidebar", email: uniqueEmail("sam") });
  const sidebar = page.getByRole("complementary", { name: "Conversation history" });
  await expect(sidebar.getByText("No conversations yet")).toBeVisible();

  const milk = await say(page, "add buy oat milk");
  await say(page, "what's due this week?");
  await page.reload();
  const today = sidebar.getByRole("region", { name: "Today" });
  await expect(today.getByRole("link")).toHaveCount(2);

  // A conversation the chat just created appears on top at once, titled by what the turn did.
  await sayInChat(page, "add water the plants");
  await expect(today.getByRole("link").first()).toHaveText("Water the plants");
  await expect(today.getByRole("link")).toHaveCount(3);

  // Rename inline; the name sticks.
  const milkLink = sidebar.locator(`a[href="/c/${milk}"]`);
  const milkTitle = (await milkLink.textContent())!;
  await sidebar.getByRole("button", { name: `Rename “${milkTitle}”` }).click();
  await sidebar.getByLabel("Conversation title").fill("  Groceries  ");
  await sidebar.getByLabel("Conversation title").press("Enter");
  await expect(page.getByText("Conversation renamed")).toBeVisible();
  await expect(milkLink).toHaveText("Groceries");
  await sidebar.getByRole("button", { name: "Rename “Groceries”" }).click();
  await sidebar.getByLabel("Conversation title").fill("   ");
  await sidebar.getByLabel("Conversation title").press("Enter");
  await expect(page.getByText("Enter a title.")).toBeVisible();
  await sidebar.getByLabel("Conversation title").press("Escape");
  await page.reload();
  await expect(milkLink).toHaveText("Groceries");
  await shot(page, "sidebar");

  // Search by message text (the title no longer says milk) and by title.
  const search = sidebar.getByRole("searchbox", { name: "Search conversations" });
  const results = sidebar.getByRole("navigation", { name: "Conversations" }).getByRole("link");
  await search.fill("oat milk");
  await expect(results).toHaveCount(1);
  await expect(results).toContainText("Groceries");
  await expect(results).toContainText("oat milk");
  await search.fill("plants");
  await expect(results).toHaveText([/water the plants/i]);
  await search.fill("nothing like this");
  await expect(sidebar.getByText("No matches")).toBeVisible();
  await search.fill("");
  await expect(today.getByRole("link")).toHaveCount(3);

  // Archive, find it under Archived, restore it.
  await sidebar.getByRole("button", { name: "Archive “Groceries”" }).click();
  await expect(page.getByText("Archived “Groceries”")).toBeVisible();
  await expect(today.getByRole("link")).toHaveCount(2);
  await sidebar.getByRole("button", { name: "Archived" }).click();
  await expect(sidebar.getByRole("navigation", { name: "Archived conversations" }).getByRole("link")).toHaveText([
    "Groceries",
  ]);
  await shot(page, "sidebar-archived");
  await sidebar.getByRole("button", { name: "Restore “Groceries”" }).click();
  await expect(sidebar.getByText("Nothing archived")).toBeVisible();
  await sidebar.getByRole("button", { name: "Chats" }).click();
  await expect(today.getByRole("link")).toHaveCount(3);

  // Delete asks first; Cancel keeps it, Delete removes it for good.
  await sidebar.getByRole("button", { name: "Delete “Groceries”" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this conversation?" });
  await expect(dialog).toBeVisible();
  await shot(page, "delete-dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(milkLink).toBeVisible();
  await sidebar.getByRole("button", { name: "Delete “Groceries”" }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Deleted “Groceries”")).toBeVisible();
  await expect(milkLink).toHaveCount(0);
  await page.reload();
  await expect(today.getByRole("link")).toHaveCount(2);

  // Someone else sees none of it.
  const other = await browser.newContext({ timezoneId: "Europe/Berlin" });
  const stranger = await other.newPage();
  await register(stranger, { name: "Otto Other", email: uniqueEmail("otto") });
  const theirs = stranger.getByRole("complementary", { name: "Conversation history" });
  await expect(theirs.getByText("No conversations yet")).toBeVisible();
  await expect(stranger.getByRole("complementary", { name: "Tasks" }).getByText("All clear")).toBeVisible();
  await other.close();
});

test("the sidebar loads conversations 20 at a time as you scroll", async ({ page }) => {
  await register(page, { name: "Lou Long", email: uniqueEmail("lou") });
  for (let i = 1; i <= 23; i++) await say(page, `hello number ${i}`);
  await page.reload();
  const list = page.getByRole("navigation", { name: "Conversations" });
  await expect(list.getByRole("link")).toHaveCount(20);
  await expect(list.getByRole("link").first()).toHaveText(/number 23$/i);
  await list.getByRole("link").last().scrollIntoViewIfNeeded();
  await expect(list.getByRole("link")).toHaveCount(23);
  await expect(list.getByRole("link").last()).toHaveText(/number 1$/i);
});

test("the current conversation is highlighted and the shortcuts work", async ({ page }) => {
  await register(page, { name: "Kim Keys", email: uniqueEmail("kim") });
  const id = await say(page, "add renew passport");
  await page.goto(`/c/${id}`);
  const sidebar = page.getByRole("complementary", { name: "Conversation history" });
  await expect(sidebar.locator(`a[href="/c/${id}"]`)).toHaveAttribute("aria-current", "page");

  // The composer has focus on load, where "?" is just a character: leave it first. The shortcut
  // listener is attached once the page has hydrated (the server-rendered sidebar above is there
  // before it), so a "?" pressed earlier goes nowhere: press again until the page answers.
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("?");
    await expect(help).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(help).toContainText("New chat");
  await shot(page, "shortcut-help");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("Control+b");
  await expect(page.getByRole("button", { name: "Show conversations" })).toHaveAttribute("aria-expanded", "false");
  await expect(sidebar).toBeHidden();
  await page.keyboard.press("Control+b");
  await expect(sidebar).toBeVisible();

  await page.keyboard.press("Control+Shift+O");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("[data-composer]")).toBeVisible();
  await page.locator("[data-composer]").blur();
  await page.keyboard.press("/");
  await expect(page.locator("[data-composer]")).toBeFocused();
  // Shift+Esc works even from another field.
  await sidebar.getByRole("searchbox", { name: "Search conversations" }).focus();
  await page.keyboard.press("Shift+Escape");
  await expect(page.locator("[data-composer]")).toBeFocused();

  // The theme toggle forces the other scheme and remembers it.
  const scheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  const canvas = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  expect(await scheme()).toBe("dark");
  expect(await canvas()).toBe("rgb(11, 11, 15)");
  await page.reload();
  expect(await scheme()).toBe("dark");
  expect(await canvas()).toBe("rgb(11, 11, 15)");
  await shot(page, "dark-theme");
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  expect(await scheme()).toBe("light");
  expect(await canvas()).toBe("rgb(250, 250, 250)");
});

test.describe("on a 375px phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test("the sidebar and task panel are drawers and nothing scrolls sideways", async ({ page }) => {
    await register(page, { name: "Pia Phone", email: uniqueEmail("pia") });
    await say(page, "add pack the bags");
    await page.reload();
    const sidebar = page.getByRole("complementary", { name: "Conversation history" });
    const panel = page.getByRole("complementary", { name: "Tasks" });
    await expect(sidebar).not.toBeInViewport();
    await expect(panel).not.toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, "phone");

    await page.getByRole("button", { name: "Show conversations" }).click();
    await expect(sidebar).toBeInViewport();
    await expect(sidebar.getByRole("button", { name: "Close conversations" })).toBeFocused();
    await expect(sidebar.getByRole("link", { name: /pack the bags/i })).toBeVisible();
    await shot(page, "phone-sidebar");
    await sidebar.getByRole("button", { name: "Close conversations" }).click();
    await expect(sidebar).not.toBeInViewport();
    await expect(page.getByRole("button", { name: "Show conversations" })).toBeFocused();

    await page.getByRole("button", { name: "Show tasks" }).click();
    await expect(panel).toBeInViewport();
    await expect(panel.getByRole("checkbox", { name: /Pack the bags/i })).toBeVisible();
    await shot(page, "phone-tasks");
    await panel.getByRole("checkbox", { name: /Pack the bags/i }).click();
    await expect(panel.getByRole("list", { name: "Pending tasks" }).getByRole("listitem")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(panel).not.toBeInViewport();
  });
});
