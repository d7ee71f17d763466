import { expect, test } from "@playwright/test";
import { register, say, uniqueEmail } from "./helpers";

// A reminder set by chat reaches the open tab: the worker (started with the server) sends it at
// its time, the bell's poll picks it up, a toast announces it, and Snooze moves it through the
// task service (the task panel then shows the new reminder time and the bell is clear). The
// reminder is a real minute or two ahead: the server's clock is the real one here; the timing
// rules themselves are tested with an injected clock in lib/notifications.
test.use({ timezoneId: "Europe/Berlin" });

test("a reminder set by chat appears in the bell with a toast, and Snooze moves it", async ({ page }) => {
  test.setTimeout(240_000);
  await register(page, { name: "Rita Reminder", email: uniqueEmail("rita") });
  const panel = page.getByRole("complementary", { name: "Tasks" });
  const row = panel
    .getByRole("list", { name: "Pending tasks" })
    .getByRole("listitem")
    .filter({ hasText: "Water the plants" });

  // "in 2 minutes" lands on a whole minute 1–2 minutes ahead (the assistant drops the seconds).
  const reply = await say(page, "remind me to water the plants in 2 minutes");
  await expect(reply.getByTestId("task-card")).toContainText("Water the plants");
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText("Reminder");
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  // It arrives: a toast and the bell's count.
  await expect(page.getByTestId("notification-count")).toHaveText("1", { timeout: 150_000 });
  await expect(page.getByText("⏰ Water the plants")).toBeVisible();

  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Reminders, 1 unread");
  await bell.click();
  const reminders = page.getByRole("region", { name: "Reminders" });
  const item = reminders.getByRole("listitem", { name: "Water the plants" });
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: "Snooze" }).click();
  await item.getByRole("button", { name: "10 minutes" }).click();

  // The bell is clear, and the task now carries a reminder ten minutes from now.
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await expect(reminders.getByText("No new reminders.")).toBeVisible();
  await expect(page.getByText("Snoozed “Water the plants” for 10 minutes")).toBeVisible();
  await expect(row).toContainText("Reminder");
  // As the panel writes times (components/tasks/due.ts), a minute either side for the clock ticking over.
  const expected = await page.evaluate(() =>
    [9, 10, 11].map((m) =>
      new Date(Date.now() + m * 60_000).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" }),
    ),
  );
  await expect(row).toContainText(new RegExp(`Reminder.*(${expected.join("|")})`));

  // Still there after a reload: it was the server that changed, not just this page.
  await page.reload();
  await expect(row).toContainText(new RegExp(`Reminder.*(${expected.join("|")})`));
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
});

test("settings: the time zone comes from the browser, bad input is explained and nothing saved, e-mail is off without SMTP", async ({
  page,
}) => {
  await register(page, { name: "Sam Settings", email: uniqueEmail("sam") });
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/);
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Europe/Berlin");
  await expect(page.getByTestId("email-unavailable")).toContainText("SMTP_URL");
  await expect(page.getByLabel("E-mail me reminders too")).toBeDisabled();

  await zone.fill("Mars/Olympus_Mons");
  await page.getByLabel("Remind me of tasks due at a time").selectOption({ label: "15 minutes before" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("is not a time zone I know")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Some settings need fixing; nothing was saved.");
  await page.reload();
  await expect(page.getByLabel("Remind me of tasks due at a time")).toHaveValue("0");

  await page.getByLabel("Time zone").fill("america/new_york");
  await page.getByLabel("Remind me of tasks due at a time").selectOption({ label: "15 minutes before" });
  await page.getByLabel("Remind me of all-day tasks at").selectOption("7");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved");
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await expect(page.getByLabel("Remind me of tasks due at a time")).toHaveValue("15");
  await expect(page.getByLabel("Remind me of all-day tasks at")).toHaveValue("7");
});
