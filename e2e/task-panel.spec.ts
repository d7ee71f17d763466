import { expect, test, type Page } from "@playwright/test";
import { register, uniqueEmail } from "./helpers";

// The task panel on its own, without the chat: a quick-add line read as the chat reads an add,
// the views with their counts, editing notes and tags, and the trash (restore, and emptying it
// for good after a confirmation).
test.use({ timezoneId: "Europe/Berlin" });

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/${name}.png` });

function setup(page: Page) {
  const panel = page.getByRole("complementary", { name: "Tasks" });
  const line = panel.getByRole("textbox", { name: "New task" });
  const count = (view: string) => panel.getByTestId(`count-${view}`);
  const show = (view: string) =>
    panel.getByRole("group", { name: "Show tasks" }).getByRole("button", { name: new RegExp(`^${view}\\b`) });
  /** Adds through the quick-add field and waits for it to be ready for the next line. */
  async function quickAdd(text: string) {
    await line.fill(text);
    await line.press("Enter");
    await expect(line).toHaveValue("");
  }
  return { panel, line, count, show, quickAdd };
}

test("quick-add lands in the right view with the counts, and notes and tags are edited in the panel", async ({
  page,
}) => {
  await register(page, { name: "Quinn Quick", email: uniqueEmail("quick") });
  const { panel, line, count, show, quickAdd } = setup(page);
  await expect(count("pending")).toHaveText("0");

  // A line the chat would ask back about is refused inline, the words kept; nothing is added.
  await line.fill("call mom on feb 30");
  await line.press("Enter");
  await expect(panel.getByRole("alert")).toContainText("February 30 isn't a real date");
  await expect(line).toHaveValue("call mom on feb 30");
  await expect(line).toHaveAttribute("aria-invalid", "true");
  await expect(count("pending")).toHaveText("0");
  // Typing again clears the error.
  await line.fill("");
  await expect(panel.getByRole("alert")).toHaveCount(0);

  // Tomorrow at 5pm, tagged, urgent: under Pending and Upcoming, not Today.
  await quickAdd("call the plumber tomorrow 5pm #home !!");
  await expect(page.getByText("Added “Call the plumber”")).toBeVisible();
  await expect(line).toHaveValue("");
  const pending = panel.getByRole("list", { name: "Pending tasks" });
  const plumber = pending.getByRole("listitem").filter({ hasText: "Call the plumber" });
  await expect(plumber).toContainText("#home");
  await expect(plumber).toContainText("High priority");
  await expect(plumber).toContainText(/Tomorrow 5:00\s?PM|Tomorrow 17:00/);
  await expect(count("pending")).toHaveText("1");
  await expect(count("upcoming")).toHaveText("1");
  await expect(count("today")).toHaveText("0");

  await quickAdd("pay the bills today #money");
  await quickAdd("file the report yesterday");
  await expect(count("pending")).toHaveText("3");
  await expect(count("today")).toHaveText("1");
  await expect(count("overdue")).toHaveText("1");
  await expect(count("upcoming")).toHaveText("1");

  await show("Upcoming").click();
  await expect(show("Upcoming")).toHaveAttribute("aria-pressed", "true");
  await expect(panel.getByRole("list", { name: "Upcoming tasks" }).getByRole("listitem")).toHaveText([
    /Call the plumber/,
  ]);
  await show("Today").click();
  await expect(panel.getByRole("list", { name: "Tasks due today" }).getByRole("listitem")).toHaveText([
    /Pay the bills/,
  ]);
  await show("Overdue").click();
  const overdue = panel.getByRole("list", { name: "Overdue tasks" });
  await expect(overdue.getByRole("listitem")).toHaveText([/File the report/]);
  await shot(page, "task-panel-views");

  // Completing the overdue one moves it to Completed, with the counts.
  await overdue.getByRole("checkbox", { name: /File the report/ }).click();
  await expect(overdue.getByRole("listitem")).toHaveCount(0);
  await expect(panel.getByText("Nothing overdue.")).toBeVisible();
  await expect(count("overdue")).toHaveText("0");
  await expect(count("completed")).toHaveText("1");
  await expect(count("pending")).toHaveText("2");

  // Notes and tags, edited in the panel.
  await show("Pending").click();
  await panel.getByRole("button", { name: "Edit “Call the plumber”" }).click();
  const form = panel.getByRole("form", { name: /Edit task/ });
  await expect(form.getByLabel("Tags")).toHaveValue("#home");
  await form.getByLabel("Notes").fill("The tap under the kitchen sink drips");
  await form.getByLabel("Tags").fill("#repairs, urgent");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved “Call the plumber”")).toBeVisible();
  await expect(plumber).toContainText("The tap under the kitchen sink drips");
  await expect(plumber).toContainText("#repairs");
  await expect(plumber).toContainText("#urgent");
  await expect(plumber).not.toContainText("#home");

  // A tag the service refuses is explained in the form; nothing changes.
  await panel.getByRole("button", { name: "Edit “Call the plumber”" }).click();
  await form.getByLabel("Tags").fill(`#repairs #urgent #${"x".repeat(60)}`);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toContainText("Tags can be at most 50 characters.");
  await form.getByRole("button", { name: "Cancel" }).click();

  // Through the task service: still so after a reload.
  await page.reload();
  await expect(plumber).toContainText("The tap under the kitchen sink drips");
  await expect(plumber).toContainText("#repairs");
  await expect(plumber).not.toContainText("#home");
  await shot(page, "task-panel-notes-tags");
});

test("a deleted task waits in the Trash to be restored; emptying the trash asks first and removes them for good", async ({
  page,
}) => {
  await register(page, { name: "Tara Trash", email: uniqueEmail("trash") });
  const { panel, count, show, quickAdd } = setup(page);
  for (const text of ["buy milk #errands", "post the parcel", "water the plants"]) await quickAdd(text);
  const pending = panel.getByRole("list", { name: "Pending tasks" });
  await expect(pending.getByRole("listitem")).toHaveCount(3);
  await expect(count("trash")).toHaveText("0");

  // Delete → Trash → Restore: back with its number and tag.
  await panel.getByRole("button", { name: "Delete “Buy milk”" }).click();
  await expect(pending.getByRole("listitem")).toHaveCount(2);
  await expect(count("trash")).toHaveText("1");
  await show("Trash").click();
  const trash = panel.getByRole("list", { name: "Deleted tasks" });
  await expect(trash.getByRole("listitem")).toHaveText([/#1\s*Buy milk/]);
  await trash.getByRole("button", { name: "Restore “Buy milk”" }).click();
  await expect(page.getByText("Restored “Buy milk”")).toBeVisible();
  await expect(trash.getByRole("listitem")).toHaveCount(0);
  await expect(panel.getByText("The trash is empty.")).toBeVisible();
  await expect(count("trash")).toHaveText("0");
  await show("Pending").click();
  await expect(pending.getByRole("listitem").filter({ hasText: "Buy milk" })).toContainText(/#1\s*Buy milk/);
  await expect(pending.getByRole("listitem").filter({ hasText: "Buy milk" })).toContainText("#errands");

  // Two into the trash; emptying it asks, saying how many and that it cannot be undone.
  await panel.getByRole("button", { name: "Delete “Post the parcel”" }).click();
  await panel.getByRole("button", { name: "Delete “Water the plants”" }).click();
  await expect(count("trash")).toHaveText("2");
  await show("Trash").click();
  await expect(trash.getByRole("listitem")).toHaveCount(2);
  await panel.getByRole("button", { name: "Empty trash" }).click();
  const dialog = page.getByRole("dialog", { name: "Empty the trash?" });
  await expect(dialog).toContainText("2 tasks will be removed for good. This cannot be undone.");
  await shot(page, "task-panel-empty-trash");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(trash.getByRole("listitem")).toHaveCount(2);

  await panel.getByRole("button", { name: "Empty trash" }).click();
  await dialog.getByRole("button", { name: "Remove 2 tasks for good" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Removed 2 tasks for good")).toBeVisible();
  await expect(panel.getByText("The trash is empty.")).toBeVisible();
  await expect(count("trash")).toHaveText("0");
  await expect(count("pending")).toHaveText("1");

  await page.reload();
  await show("Trash").click();
  await expect(panel.getByText("The trash is empty.")).toBeVisible();
  await show("Pending").click();
  await expect(pending.getByRole("listitem")).toHaveText([/Buy milk/]);
});
