import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN_STATE, composer, register, say, sendButton, uniqueEmail } from "./helpers";

// Issue 10, item 17, through a real browser against the production build and the offline
// assistant: approval answers survive a reload, Undo knows when a change was undone another way,
// toasts keep clear of the Send button, the 404 page is centred, counts are pluralised.
test.use({ timezoneId: "Europe/Berlin" });

const pendingTasks = (page: Page) =>
  page.getByRole("complementary", { name: "Tasks" }).getByRole("list", { name: "Pending tasks" }).getByRole("listitem");

/** "complete all my tasks" over three tasks: one approval card listing the three in the latest reply. */
async function askToCompleteThree(page: Page) {
  await say(page, "add buy milk, call mom and pay rent");
  await expect(pendingTasks(page)).toHaveCount(3);
  const asking = await say(page, "complete all my tasks");
  await expect(asking.getByTestId("approval-card").getByRole("checkbox")).toHaveCount(3);
  return asking;
}

/** Answers the card: every change approved but `reject`. */
async function approveAllBut(reply: Locator, reject: string) {
  const card = reply.getByTestId("approval-card");
  await card.getByRole("checkbox", { name: new RegExp(reject) }).uncheck();
  await card.getByRole("button", { name: "Approve selected" }).click();
}

test.describe("approval answers are stored before the turn goes on", () => {
  test("the answers carry out the right changes, once: a reload asks nothing again", async ({ page }) => {
    await register(page, { name: "Rita Reload", email: uniqueEmail("rita") });
    let asking = await askToCompleteThree(page);

    // #1 and #3 completed, #2 left as it was.
    await approveAllBut(asking, "Call mom");
    await expect(asking.getByTestId("task-card")).toHaveCount(2);
    await expect(asking.getByTestId("task-card")).toContainText(["Buy milk", "Pay rent"]);
    await expect(asking.getByTestId("approval-answered")).toHaveText(["Rejected — not changed: Complete #2 Call mom"]);
    await expect(pendingTasks(page)).toHaveText([/Call mom/]);

    // And it stays that way: nothing waits, nothing ran twice.
    await page.reload();
    asking = page.getByTestId("assistant-message").last();
    await expect(asking.getByTestId("task-card")).toHaveCount(2);
    await expect(asking.getByTestId("approval-card")).toHaveCount(0);
    await expect(page.getByTestId("approvals-answered")).toHaveCount(0);
    await expect(pendingTasks(page)).toHaveText([/Call mom/]);
  });

  test("answers given but never sent on (the send failed, then a reload) can be continued", async ({ page }) => {
    await register(page, { name: "Cody Continue", email: uniqueEmail("cody") });
    let asking = await askToCompleteThree(page);
    // The answers are stored, but sending them on fails.
    await page.route("**/api/chat", (route) => route.abort());
    await approveAllBut(asking, "Pay rent");
    await expect(page.getByRole("alert").filter({ hasText: /fetch|network|failed/i })).toBeVisible();
    await expect(composer(page)).toHaveValue(""); // the old message is not put back
    await page.unroute("**/api/chat");

    await page.reload();
    asking = page.getByTestId("assistant-message").last();
    await expect(asking.getByTestId("approval-answered")).toHaveCount(3);
    await expect(pendingTasks(page)).toHaveCount(3);
    await asking.getByTestId("approvals-answered").getByRole("button", { name: "Continue" }).click();
    await expect(asking.getByTestId("task-card")).toHaveCount(2);
    await expect(pendingTasks(page)).toHaveText([/Pay rent/]);
    await expect(page.getByTestId("approvals-answered")).toHaveCount(0);
  });
});

test("an Undo whose change was undone another way says Undone: by saying undo, and by an admin", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("uma");
  await register(page, { name: "Uma Undone", email });
  const milk = (await say(page, "add buy milk")).getByTestId("task-card");
  await expect(milk.getByRole("button", { name: "Undo" })).toBeEnabled();

  // "undo" in chat undoes the latest change: the first card learns it at once, and after a reload.
  const undid = await say(page, "undo");
  await expect(undid.getByTestId("task-card")).toContainText("Undid a change");
  await expect(milk.getByRole("button", { name: "Undone" })).toBeDisabled();
  await expect(milk.getByRole("button", { name: "Undo", exact: true })).toHaveCount(0);
  await page.reload();
  const cards = page.getByTestId("task-card");
  await expect(
    cards.filter({ hasText: "Added" }).filter({ hasText: "Buy milk" }).getByRole("button", { name: "Undone" }),
  ).toBeDisabled();

  // An admin undoes the next change from the operation log; the user's card says so on reload.
  const mom = (await say(page, "add call mom")).getByTestId("task-card");
  await expect(mom.getByRole("button", { name: "Undo" })).toBeEnabled();
  const adminContext = await browser.newContext({ storageState: ADMIN_STATE, timezoneId: "Europe/Berlin" });
  const admin = await adminContext.newPage();
  await admin.goto(`/admin/logs?user=${encodeURIComponent(email)}&operation=add`);
  await admin.getByTestId("log-row").filter({ hasText: "Call mom" }).first().getByRole("link").first().click();
  await admin.getByRole("button", { name: "Undo this operation" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Undone." })).toBeVisible();
  await adminContext.close();

  await page.reload();
  const momCard = page.getByTestId("task-card").filter({ hasText: "Added" }).filter({ hasText: "Call mom" });
  await expect(momCard.getByRole("button", { name: "Undone" })).toBeDisabled();
  await expect(pendingTasks(page)).toHaveCount(0);
});

/** Neither box overlaps the other. */
function apart(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
}

async function toastsKeepClearOfSend(page: Page) {
  await register(page, { name: "Tom Toast", email: uniqueEmail("tom") });
  const first = await say(page, "add buy milk, call mom and pay rent");
  // A taller composer (several lines typed) moves the toasts up with it.
  await composer(page).fill("one\ntwo\nthree\nfour");
  // Two toasts at once.
  await first.getByTestId("task-card").nth(0).getByRole("button", { name: "Undo" }).click();
  await first.getByTestId("task-card").nth(1).getByRole("button", { name: "Undo" }).click();
  const toasts = page.locator("[data-sonner-toast]");
  await expect(toasts).toHaveCount(2);
  await expect(toasts.first()).toBeVisible();
  // Hovering keeps the toasts open (and spreads the stack out, its largest extent).
  await toasts.first().hover();
  const send = (await sendButton(page).boundingBox())!;
  const box = (await composer(page).boundingBox())!;
  for (const t of await toasts.all()) {
    const tb = (await t.boundingBox())!;
    expect(apart(tb, send), `toast ${JSON.stringify(tb)} covers Send ${JSON.stringify(send)}`).toBe(true);
    expect(apart(tb, box), `toast ${JSON.stringify(tb)} covers the composer ${JSON.stringify(box)}`).toBe(true);
  }
  // What is under the middle of Send is Send itself, and it takes the click.
  const hit = await page.evaluate(
    ({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('button[aria-label="Send message"]')),
    { x: send.x + send.width / 2, y: send.y + send.height / 2 },
  );
  expect(hit).toBe(true);
  await composer(page).fill("add water the plants");
  await sendButton(page).click();
  await expect(page.getByTestId("user-message").last()).toHaveText("add water the plants");
  await expect(page.getByTestId("task-card").last()).toContainText("Water the plants");
}

test.describe("toasts and the Send button, 1280 px wide", () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test("a toast never covers the composer's Send button", async ({ page }) => {
    await toastsKeepClearOfSend(page);
  });
});

test.describe("toasts and the Send button, 375 px wide", () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test("a toast never covers the composer's Send button", async ({ page }) => {
    await toastsKeepClearOfSend(page);
  });
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 375, height: 740 },
]) {
  test.describe(`the 404 page, ${viewport.width} px wide`, () => {
    test.use({ viewport });
    test("is centred like the sign-in page", async ({ page }) => {
      await register(page, { name: "Nico Centre", email: uniqueEmail("nico") });
      const response = await page.goto("/c/00000000-0000-4000-8000-000000000000");
      expect(response?.status()).toBe(404);
      const heading = page.getByRole("heading", { name: "This page doesn't exist" });
      await expect(heading).toBeVisible();
      const box = (await heading.boundingBox())!;
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      expect(Math.abs(box.x + box.width / 2 - width / 2)).toBeLessThanOrEqual(3);
      const link = (await page.getByRole("link", { name: "Back to your tasks" }).boundingBox())!;
      expect(Math.abs(link.x + link.width / 2 - width / 2)).toBeLessThanOrEqual(3);
    });
  });
}

test("the composer counts characters in the singular and the plural", async ({ page }) => {
  await register(page, { name: "Paula Plural", email: uniqueEmail("paula") });
  await composer(page).fill("x".repeat(9_999));
  await expect(page.locator("#composer-limit")).toHaveText("1 character left");
  await composer(page).fill("x".repeat(9_998));
  await expect(page.locator("#composer-limit")).toHaveText("2 characters left");
  await composer(page).fill("x".repeat(10_001));
  await expect(page.locator("#composer-limit")).toHaveText("1 character over the 10,000 limit — shorten it to send");
  await expect(sendButton(page)).toBeDisabled();
});
