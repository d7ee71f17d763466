import { expect, test, type Page } from "@playwright/test";
import { register, say, sendButton, uniqueEmail } from "./helpers";

// Issue 15, item 1, through a real browser and the offline assistant: Copy, Edit & resend and
// Regenerate on chat messages. A replaced turn's task changes are undone first, and the new
// reply says so.
test.use({ timezoneId: "Europe/Berlin", permissions: ["clipboard-read", "clipboard-write"] });

const pendingTasks = (page: Page) =>
  page.getByRole("complementary", { name: "Tasks" }).getByRole("list", { name: "Pending tasks" }).getByRole("listitem");
const userRow = (page: Page, text: string) =>
  page.getByTestId("user-message-row").filter({ has: page.getByText(text, { exact: true }) });

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });

async function editTo(page: Page, from: string, to: string, screenshot?: string) {
  await userRow(page, from).getByRole("button", { name: "Edit message" }).click();
  const editor = page.getByRole("textbox", { name: "Edited message" });
  await expect(editor).toHaveValue(from);
  await editor.fill(to);
  if (screenshot) await shot(page, screenshot);
  await page.getByRole("button", { name: "Resend" }).click();
  await expect(page.getByTestId("user-message").last()).toHaveText(to);
  await expect(sendButton(page)).toBeVisible(); // the new reply finished
}

test("edit & resend undoes the replaced change, regenerate answers again, copy says Copied", async ({ page }) => {
  await register(page, { name: "Mia Message", email: uniqueEmail("mia") });
  const first = await say(page, "add buy eggs");
  await expect(first.getByTestId("task-card")).toContainText("Buy eggs");
  await expect(pendingTasks(page)).toHaveText([/Buy eggs/]);

  // Edit the message: the eggs are undone, the milk added; the card says what was undone.
  await editTo(page, "add buy eggs", "add buy milk", "message-actions-editing");
  const replies = page.getByTestId("assistant-message");
  await expect(replies).toHaveCount(1);
  await expect(replies.getByTestId("replaced-note")).toHaveText("Undid 1 change from the replaced reply.");
  await expect(replies.getByTestId("task-card")).toContainText("Buy milk");
  await expect(page.getByTestId("user-message")).toHaveText(["add buy milk"]);
  await expect(pendingTasks(page)).toHaveText([/Buy milk/]);
  await shot(page, "message-actions-edited");

  // After a reload the replaced turn stays out of sight.
  await page.reload();
  await expect(page.getByTestId("user-message")).toHaveText(["add buy milk"]);
  await expect(replies).toHaveCount(1);
  await expect(replies.getByTestId("replaced-note")).toHaveText("Undid 1 change from the replaced reply.");
  await expect(pendingTasks(page)).toHaveText([/Buy milk/]);

  // Regenerate the reply: its change is undone and made again, once.
  await replies.getByRole("button", { name: "Regenerate reply" }).click();
  await expect(sendButton(page)).toBeVisible();
  await expect(replies).toHaveCount(1);
  await expect(replies.getByTestId("replaced-note")).toHaveText("Undid 1 change from the replaced reply.");
  await expect(replies.getByTestId("task-card")).toContainText("#3 Buy milk");
  await expect(page.getByTestId("user-message")).toHaveText(["add buy milk"]);
  await expect(pendingTasks(page)).toHaveText([/Buy milk/]);

  // Copy: the reply as Markdown, its task card as a text line; the button confirms.
  await replies.getByRole("button", { name: "Copy message" }).click();
  await expect(replies.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("- Added: #3 Buy milk");
  await userRow(page, "add buy milk").getByRole("button", { name: "Copy message" }).click();
  await expect(userRow(page, "add buy milk").getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("add buy milk");

  // Editing an older message replaces every turn after it too.
  await say(page, "add call mom");
  await expect(pendingTasks(page)).toHaveText([/Buy milk/, /Call mom/]);
  await editTo(page, "add buy milk", "add water the plants");
  await expect(page.getByTestId("user-message")).toHaveText(["add water the plants"]);
  await expect(replies).toHaveCount(1);
  await expect(replies.getByTestId("replaced-note")).toHaveText("Undid 2 changes from the 2 replaced replies.");
  await expect(pendingTasks(page)).toHaveText([/Water the plants/]);
});

test("a refused edit leaves the conversation as it was and keeps the draft", async ({ page }) => {
  await register(page, { name: "Ned Nochange", email: uniqueEmail("ned") });
  await say(page, "add call mom");
  // The task changes in the panel after the reply: undoing the reply would overwrite that.
  const panel = page.getByRole("complementary", { name: "Tasks" });
  await panel.getByRole("checkbox", { name: /Call mom/i }).click();
  await expect(pendingTasks(page)).toHaveCount(0);

  await userRow(page, "add call mom").getByRole("button", { name: "Edit message" }).click();
  await page.getByRole("textbox", { name: "Edited message" }).fill("add call dad");
  await page.getByRole("button", { name: "Resend" }).click();
  await expect(page.getByRole("form", { name: "Edit message" }).getByRole("alert")).toContainText(
    "has changed since then",
  );
  await expect(page.getByRole("textbox", { name: "Edited message" })).toHaveValue("add call dad");
  await expect(page.getByTestId("assistant-message")).toHaveCount(1);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("user-message")).toHaveText(["add call mom"]);
  await page.reload();
  await expect(page.getByTestId("user-message")).toHaveText(["add call mom"]);
  await expect(page.getByTestId("assistant-message")).toHaveCount(1);
});
