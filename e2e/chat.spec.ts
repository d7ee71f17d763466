import { expect, test, type Page } from "@playwright/test";
import { composer, holdClockAtMidday, register, say, uniqueEmail } from "./helpers";

// The conversation view through a real browser and the offline assistant.
test.use({ timezoneId: "Europe/Berlin" });

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });

test("a whole session: add, complete by chat and by ticking, undo from a card, reload, rename, search, second chat, archive, delete", async ({
  page,
  browser,
}) => {
  await holdClockAtMidday(page);
  await register(page, { name: "Wanda Whole", email: uniqueEmail("wanda") });
  await expect(page.getByTestId("model-badge")).toHaveText(/Offline assistant/);
  await expect(composer(page)).toBeFocused();
  await shot(page, "chat-empty");

  // Two tasks in one message: two cards, both in the panel.
  const first = await say(page, "add buy milk tomorrow at 5pm and call mom");
  await expect(first.getByTestId("task-card")).toHaveCount(2);
  await expect(first.getByTestId("task-card").first().getByTestId("card-due")).toContainText(/5:00\s?PM/);
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const conversationUrl = page.url();
  const panel = page.getByRole("complementary", { name: "Tasks" });
  const pending = panel.getByRole("list", { name: "Pending tasks" });
  await expect(pending.getByRole("listitem")).toHaveCount(2);
  await shot(page, "chat-two-tasks");

  // Complete one by chat, the other by ticking.
  const done = await say(page, "I called mom");
  await expect(done.getByTestId("task-card")).toContainText("Completed");
  await expect(pending.getByRole("listitem")).toHaveText([/Buy milk/]);
  // A click, not check(): a ticked task leaves the Pending list, so there is no checkbox left for
  // check() to see checked (it waited out the timeout on a slow machine); the list says it worked.
  await panel.getByRole("checkbox", { name: /Buy milk/i }).click();
  await expect(pending.getByRole("listitem")).toHaveCount(0);

  // Undo the chat's completion from its card: "Call mom" is pending again.
  await done.getByTestId("task-card").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Change undone")).toBeVisible();
  await expect(pending.getByRole("listitem")).toHaveText([/Call mom/]);

  // The sidebar shows the conversation; after a reload it is intact and highlighted.
  const sidebar = page.getByRole("complementary", { name: "Conversation history" });
  const link = sidebar.locator(`a[href="${new URL(conversationUrl).pathname}"]`);
  await expect(link).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("user-message")).toHaveText([
    "add buy milk tomorrow at 5pm and call mom",
    "I called mom",
  ]);
  await expect(page.getByTestId("task-card")).toHaveCount(3);
  await expect(link).toHaveAttribute("aria-current", "page");

  // Rename and search.
  const title = (await link.textContent())!;
  await sidebar.getByRole("button", { name: `Rename “${title}”` }).click();
  await sidebar.getByLabel("Conversation title").fill("Family errands");
  await sidebar.getByLabel("Conversation title").press("Enter");
  await expect(link).toHaveText("Family errands");
  const search = sidebar.getByRole("searchbox", { name: "Search conversations" });
  await search.fill("called mom");
  await expect(sidebar.getByRole("navigation", { name: "Conversations" }).getByRole("link")).toContainText([
    "Family errands",
  ]);
  await search.fill("");

  // A second conversation starts empty and appears on top of the sidebar at once.
  await sidebar.getByRole("link", { name: "New chat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("user-message")).toHaveCount(0);
  await say(page, "add pay rent on friday");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const second = new URL(page.url()).pathname;
  await expect(sidebar.getByRole("region", { name: "Today" }).getByRole("link").first()).toHaveAttribute(
    "href",
    second,
  );

  // Archive one, delete the other.
  await sidebar.getByRole("button", { name: "Archive “Family errands”" }).click();
  await expect(link).toHaveCount(0);
  const secondLink = sidebar.locator(`a[href="${second}"]`);
  await expect(secondLink).toHaveText("Rent"); // named by what the turn did, once it is over
  const secondTitle = (await secondLink.textContent())!;
  await sidebar.getByRole("button", { name: `Delete “${secondTitle}”` }).click();
  await page.getByRole("dialog", { name: "Delete this conversation?" }).getByRole("button", { name: "Delete" }).click();
  await expect(secondLink).toHaveCount(0);
  await shot(page, "chat-after-archive-delete");

  // Another person sees none of it, and cannot open it.
  const other = await browser.newContext({ timezoneId: "Europe/Berlin" });
  const stranger = await other.newPage();
  await register(stranger, { name: "Nora Nobody", email: uniqueEmail("nora") });
  await expect(stranger.getByRole("complementary", { name: "Tasks" }).getByText("All clear")).toBeVisible();
  await expect(
    stranger.getByRole("complementary", { name: "Conversation history" }).getByText("No conversations yet"),
  ).toBeVisible();
  const response = await stranger.goto(conversationUrl);
  expect(response?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: /not found|doesn.t exist|can.t find/i })).toBeVisible();
  await other.close();
});

test("bulk changes ask for approval; approving completes, rejecting changes nothing", async ({ page }) => {
  await register(page, { name: "Abe Approve", email: uniqueEmail("abe") });
  await say(page, "add buy milk, call mom, pay rent");
  const asking = await say(page, "complete all my tasks");
  const card = asking.getByTestId("approval-card");
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("checkbox")).toHaveCount(3);
  await shot(page, "chat-approval");
  await card.getByRole("checkbox", { name: /Pay rent/ }).uncheck();
  await card.getByRole("button", { name: "Approve selected" }).click();
  const panel = page.getByRole("complementary", { name: "Tasks" });
  await expect(panel.getByRole("list", { name: "Pending tasks" }).getByRole("listitem")).toHaveCount(1);
  await expect(asking.getByText(/Rejected/)).toBeVisible();
  await expect(asking.getByTestId("task-card")).toHaveCount(2);
});

test("the composer: the limit stops an over-long message, a failed send keeps the text and Retry works", async ({
  page,
}) => {
  await register(page, { name: "Cora Composer", email: uniqueEmail("cora") });
  await composer(page).fill("x".repeat(10_001));
  await expect(page.getByText(/1 character over the 10,000 limit/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send message" })).toBeDisabled();

  await page.route("**/api/chat", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "unavailable", message: "The service is busy. Try again." } }),
    }),
  );
  await composer(page).fill("add water the plants");
  await composer(page).press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "The service is busy" })).toBeVisible();
  await expect(composer(page)).toHaveValue("add water the plants");
  await page.unroute("**/api/chat");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("task-card")).toContainText("Water the plants");
});

test("a long conversation opens at its latest 20 messages and loads older ones on scroll, keeping the place", async ({
  page,
}) => {
  await register(page, { name: "Leo Long", email: uniqueEmail("leo") });
  let id: string | undefined;
  for (let i = 1; i <= 12; i++) {
    const response = await page.request.post("/api/chat", {
      data: {
        ...(id ? { id } : {}),
        message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: `add task number ${i}` }] },
        timeZone: "Europe/Berlin",
      },
    });
    expect(response.status()).toBe(200);
    id = response.headers()["x-conversation-id"];
    await response.text();
  }
  await page.goto(`/c/${id}`);
  await expect(page.getByTestId("user-message").last()).toHaveText("add task number 12");
  await expect(page.getByTestId("user-message")).toHaveCount(10);
  await expect(page.getByRole("button", { name: /Load earlier messages/ })).toBeAttached();
  // Scrolling up to the oldest loaded message brings in the rest above it, and it stays in view.
  const oldestLoaded = page.getByTestId("user-message").filter({ hasText: /^add task number 3$/ });
  await oldestLoaded.scrollIntoViewIfNeeded();
  await expect(page.getByTestId("user-message")).toHaveCount(12);
  await expect(page.getByTestId("user-message").first()).toHaveText("add task number 1");
  await expect(page.getByRole("button", { name: /Load earlier messages/ })).toHaveCount(0);
  await expect(oldestLoaded).toBeInViewport();
});

test("a nonexistent conversation shows the not-found page", async ({ page }) => {
  await register(page, { name: "Nina Nowhere", email: uniqueEmail("nina") });
  const response = await page.goto("/c/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  const bad = await page.goto("/c/not-a-uuid");
  expect(bad?.status()).toBe(404);
});
