import { expect, test, type Locator, type Page } from "@playwright/test";
import { register, say, uniqueEmail } from "./helpers";

// Issue 15, item 5, through a real browser and the offline assistant: a bulk change asks once,
// on one card listing every change with a checkbox, and is answered in one go.
test.use({ timezoneId: "Europe/Berlin" });

const panel = (page: Page) => page.getByRole("complementary", { name: "Tasks" });
const pendingTasks = (page: Page) => panel(page).getByRole("list", { name: "Pending tasks" }).getByRole("listitem");
const approvalCard = (reply: Locator) => reply.getByTestId("approval-card");

async function askToDeleteErrands(page: Page) {
  await say(page, "add buy milk #errands, post the parcel #errands, pick up dry cleaning #errands and call mom");
  await expect(pendingTasks(page)).toHaveCount(4);
  const asking = await say(page, "delete everything tagged errands");
  await expect(approvalCard(asking)).toHaveCount(1);
  return asking;
}

test("a bulk change asks on one card; Approve selected changes only the ticked tasks", async ({ page }) => {
  await register(page, { name: "Erin Errands", email: uniqueEmail("erin") });
  const asking = await askToDeleteErrands(page);

  // One card, one line per change: what would change, the task's number and title, ticked.
  const card = approvalCard(asking);
  await expect(card.getByRole("heading")).toHaveText("3 changes wait for your approval");
  await expect(card.getByRole("checkbox")).toHaveCount(3);
  await expect(card.getByRole("listitem")).toHaveText([
    "Delete #1 Buy milk",
    "Delete #2 Post the parcel",
    "Delete #3 Pick up dry cleaning",
  ]);
  for (const box of await card.getByRole("checkbox").all()) await expect(box).toBeChecked();
  await expect(card.getByRole("button")).toHaveText(["Approve selected", "Approve all", "Reject"]);
  await expect(asking.getByText("This changes several tasks, so Doable asks first.")).toHaveCount(1);
  await expect(pendingTasks(page)).toHaveCount(4); // nothing changed while it asks

  // Untick one: the other two are deleted, the unticked one is reported as not changed.
  await card.getByRole("checkbox", { name: "Delete #2 Post the parcel" }).uncheck();
  await expect(card.getByText("2 of 3 selected")).toBeVisible();
  await card.getByRole("button", { name: "Approve selected" }).click();
  await expect(asking.getByTestId("task-card")).toHaveCount(2);
  await expect(asking.getByTestId("task-card")).toContainText([/Deleted.*Buy milk/, /Deleted.*Pick up dry cleaning/]);
  await expect(asking.getByTestId("approval-answered")).toHaveText([
    "Rejected — not changed: Delete #2 Post the parcel",
  ]);
  await expect(approvalCard(asking)).toHaveCount(0);
  await expect(pendingTasks(page)).toHaveText([/Post the parcel/, /Call mom/]);

  // The turn went on once, and after a reload nothing asks again or ran twice.
  await page.reload();
  const reloaded = page.getByTestId("assistant-message").last();
  await expect(reloaded.getByTestId("task-card")).toHaveCount(2);
  await expect(reloaded.getByTestId("approval-answered")).toHaveText([
    "Rejected — not changed: Delete #2 Post the parcel",
  ]);
  await expect(page.getByTestId("approval-card")).toHaveCount(0);
  await expect(pendingTasks(page)).toHaveText([/Post the parcel/, /Call mom/]);
});

test("Reject on the card changes nothing; with nothing ticked there is nothing to approve", async ({ page }) => {
  await register(page, { name: "Rory Reject", email: uniqueEmail("rory") });
  const asking = await askToDeleteErrands(page);
  const card = approvalCard(asking);
  for (const box of await card.getByRole("checkbox").all()) await box.uncheck();
  await expect(card.getByRole("button", { name: "Approve selected" })).toBeDisabled();

  await card.getByRole("button", { name: "Reject" }).click();
  await expect(asking.getByTestId("approval-answered")).toHaveCount(3);
  await expect(asking.getByTestId("approval-answered").first()).toHaveText(
    "Rejected — not changed: Delete #1 Buy milk",
  );
  await expect(approvalCard(asking)).toHaveCount(0);
  await expect(asking.getByTestId("task-card")).toHaveCount(0);
  await expect(pendingTasks(page)).toHaveCount(4);
});

test("Approve all changes every task on the card", async ({ page }) => {
  await register(page, { name: "Abby All", email: uniqueEmail("abby") });
  const asking = await askToDeleteErrands(page);
  await approvalCard(asking)
    .getByRole("checkbox", { name: /Buy milk/ })
    .uncheck(); // Approve all ignores the ticks
  await approvalCard(asking).getByRole("button", { name: "Approve all" }).click();
  await expect(asking.getByTestId("task-card")).toHaveCount(3);
  await expect(asking.getByTestId("approval-answered")).toHaveCount(0);
  await expect(pendingTasks(page)).toHaveText([/Call mom/]);
});
