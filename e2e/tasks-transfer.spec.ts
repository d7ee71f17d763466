import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { register, say, uniqueEmail } from "./helpers";

// The task panel's Export / Import menu: the CSV and .ics downloads hold the user's tasks, and a
// Todoist CSV goes through a preview into the panel as one change that "undo" in chat takes back.
test.use({ timezoneId: "Europe/Berlin" });

const TODOIST = [
  "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT",
  "task,Pack suitcase @travel,Passport and charger,1,1,Ann (1),,2030-12-24,en,Europe/Berlin,,",
  "section,Home,,,,,,,,,,",
  "task,Water the plants,,4,1,Ann (1),,every monday,en,Europe/Berlin,,",
  "task,,,4,1,Ann (1),,,en,,,",
].join("\n");

test("tasks download as CSV and .ics; a Todoist CSV is previewed, imported and undone in chat", async ({ page }) => {
  await register(page, { name: "Tom Transfer", email: uniqueEmail("transfer") });
  const panel = page.getByRole("complementary", { name: "Tasks" });
  await say(page, "add call the bank tomorrow at 3pm #money");
  await say(page, "add stretch every monday");
  const pending = panel.getByRole("list", { name: "Pending tasks" });
  await expect(pending.getByRole("listitem")).toHaveCount(2);

  const menu = panel.getByLabel("Export or import tasks");
  await menu.click();
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^doable-tasks-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = fs.readFileSync((await csv.path())!, "utf8");
  expect(csvText).toContain("number,title,notes,status,priority,due");
  expect(csvText).toMatch(/\r\n1,Call the bank,,pending,medium,\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z,false,/);
  expect(csvText).toContain("FREQ=WEEKLY;BYDAY=MO");

  await menu.click();
  const [ics] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("link", { name: "Export .ics (calendar)" }).click(),
  ]);
  expect(ics.suggestedFilename()).toMatch(/\.ics$/);
  const icsText = fs.readFileSync((await ics.path())!, "utf8");
  expect(icsText).toContain("BEGIN:VCALENDAR");
  expect(icsText.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(icsText).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO");
  expect(icsText).toContain("CATEGORIES:money");

  // Import: a file that is not a Todoist export is refused with a reason.
  await menu.click();
  await panel.getByRole("button", { name: "Import from Todoist…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import from Todoist" });
  const file = dialog.getByLabel("CSV file");
  await file.setInputFiles({
    name: "tasks.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("TITLE,DUE\nSomething,today\n"),
  });
  await expect(dialog.getByRole("alert")).toHaveText(
    "That file has no CONTENT column, so it is not a Todoist CSV export.",
  );

  await file.setInputFiles({ name: "todoist.csv", mimeType: "text/csv", buffer: Buffer.from(TODOIST) });
  const preview = dialog.getByRole("table", { name: "Import preview" });
  await expect(preview.getByRole("row")).toHaveCount(4); // the header, two tasks, one bad row
  await expect(preview.getByRole("row").nth(1)).toContainText("Pack suitcase");
  await expect(preview.getByRole("row").nth(1)).toContainText("high");
  await expect(preview.getByRole("row").nth(1)).toContainText("travel");
  await expect(preview.getByRole("row").nth(2)).toContainText("every week on Monday");
  await expect(preview.getByRole("row").nth(3)).toContainText("Row 5: the task has no name (CONTENT is empty).");
  await dialog.getByRole("button", { name: "Skip 1 and import 2" }).click();
  await expect(dialog).toBeHidden();

  await expect(pending.getByRole("listitem")).toHaveCount(4);
  await expect(pending).toContainText("Pack suitcase");
  await expect(pending).toContainText("Water the plants");

  // One "undo" in chat takes back the whole import, and only it.
  await say(page, "undo");
  await expect(pending.getByRole("listitem")).toHaveCount(2);
  await expect(pending).not.toContainText("Pack suitcase");
  await expect(pending).not.toContainText("Water the plants");
  await expect(pending).toContainText("Call the bank");
});

test("the export needs a session", async ({ request }) => {
  const response = await request.get("/api/tasks/export?format=csv");
  expect(response.status()).toBe(401);
});
