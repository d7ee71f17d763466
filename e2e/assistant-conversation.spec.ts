import { expect, test, type Locator, type Page } from "@playwright/test";
import { register, say, uniqueEmail } from "./helpers";

// One conversation with the offline assistant, typed as a new user would, where each message
// leans on what came before: "it", an answer to the assistant's own question, a correction
// ("no, the other one") and Spanish. Every step is checked where the user sees its effect:
// the task panel. Dates are worked out from the browser's own clock and zone, so the test
// means the same on any day of the week.
test.use({ timezoneId: "Europe/Berlin" });

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });

/**
 * The coming Friday in the browser's zone (a week ahead when today is Friday, as the assistant
 * reads "friday" said on a Friday): its ISO day, and the label the task panel shows for it.
 */
function comingFriday(page: Page): Promise<{ iso: string; label: string }> {
  return page.evaluate(() => {
    const now = new Date();
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const ahead = (5 - today.getDay() + 7) % 7 || 7;
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + ahead);
    const pad = (n: number) => String(n).padStart(2, "0");
    const iso = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
    // The panel's labels (components/tasks/due.ts): "Tomorrow", "Fri, Apr 17" within the week, "Apr 24" beyond it.
    const label =
      ahead === 1
        ? "Tomorrow"
        : day.toLocaleDateString(
            undefined,
            ahead < 7
              ? { weekday: "short", day: "numeric", month: "short" }
              : {
                  day: "numeric",
                  month: "short",
                  ...(day.getFullYear() !== now.getFullYear() ? { year: "numeric" } : {}),
                },
          );
    return { iso, label };
  });
}

test("one conversation: add, 'it', answering the assistant's question, 'no, the other one', Spanish — each seen in the task panel", async ({
  page,
}) => {
  await register(page, { name: "Carla Conversa", email: uniqueEmail("carla") });
  await expect(page.getByTestId("model-badge")).toHaveText(/Offline assistant/);
  const panel = page.getByRole("complementary", { name: "Tasks" });
  const pending = panel.getByRole("list", { name: "Pending tasks" });
  const row = (list: Locator, title: string) => list.getByRole("listitem").filter({ hasText: title });
  /** Exactly these tasks in the list, in any order (the panel sorts by due date). */
  const expectTitles = async (list: Locator, titles: string[]) => {
    await expect(list.getByRole("listitem")).toHaveCount(titles.length);
    for (const title of titles) await expect(row(list, title)).toHaveCount(1);
  };
  await expect(panel.getByText("All clear")).toBeVisible();

  // 1. A task with no date.
  const added = await say(page, "add water the ferns");
  await expect(added.getByTestId("task-card")).toContainText("Water the ferns");
  await expectTitles(pending, ["Water the ferns"]);
  await expect(row(pending, "Water the ferns")).not.toContainText(/Today|Tomorrow/);

  // 2. "it" is the task just added: it gets the coming Friday.
  await say(page, "ok push it to friday");
  const friday = await comingFriday(page);
  await expect(row(pending, "Water the ferns")).toContainText(friday.label);
  await row(pending, "Water the ferns").hover();
  await panel.getByRole("button", { name: "Edit “Water the ferns”" }).click();
  await expect(panel.getByLabel("Due date", { exact: true })).toHaveValue(friday.iso);
  await expect(panel.getByLabel("Time", { exact: true })).toHaveValue(""); // a day, no time invented
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(pending.getByRole("listitem")).toHaveCount(1);

  // 3. Two similar tasks in one message.
  await say(page, "also add pay the gas bill and pay the phone bill");
  await expectTitles(pending, ["Water the ferns", "Pay the gas bill", "Pay the phone bill"]);

  // 4. "the bill" could be either: the assistant asks, changing nothing…
  const question = await say(page, "tick off the bill");
  await expect(question).toContainText("Pay the gas bill");
  await expect(question).toContainText("Pay the phone bill");
  await expect(question.getByTestId("task-card")).toHaveCount(0);
  await expect(pending.getByRole("listitem")).toHaveCount(3);

  // …the user picks the gas bill…
  await say(page, "the gas one");
  await expectTitles(pending, ["Water the ferns", "Pay the phone bill"]);

  // 5. …and corrects it: the gas bill is reopened and the phone bill completed instead.
  const corrected = await say(page, "no, the other one");
  await expect(corrected).toContainText("Pay the phone bill");
  await expectTitles(pending, ["Water the ferns", "Pay the gas bill"]);
  await panel.getByRole("button", { name: "Completed" }).click();
  const completed = panel.getByRole("list", { name: "Completed tasks" });
  await expectTitles(completed, ["Pay the phone bill"]);
  await expect(completed.getByRole("checkbox", { name: /Pay the phone bill/ })).toBeChecked();
  await panel.getByRole("button", { name: "Pending" }).click();
  await shot(page, "conversation-correction");

  // 6. Spanish: a task for tomorrow ("para mañana"), in the user's own words…
  await say(page, "apunta llamar al fontanero para mañana");
  await expectTitles(pending, ["Water the ferns", "Pay the gas bill", "Llamar al fontanero"]);
  await expect(row(pending, "Llamar al fontanero")).toContainText("Tomorrow");

  // …then marked done, also in Spanish.
  await say(page, "marca llamar al fontanero como hecha");
  await expectTitles(pending, ["Water the ferns", "Pay the gas bill"]);
  await panel.getByRole("button", { name: "Completed" }).click();
  await expectTitles(completed, ["Pay the phone bill", "Llamar al fontanero"]);
  await panel.getByRole("button", { name: "Pending" }).click();

  // The whole exchange is one stored conversation: after a reload it is all there, and the
  // panel (read afresh from the database) still shows the Friday date.
  await page.reload();
  await expect(page.getByTestId("user-message")).toHaveText([
    "add water the ferns",
    "ok push it to friday",
    "also add pay the gas bill and pay the phone bill",
    "tick off the bill",
    "the gas one",
    "no, the other one",
    "apunta llamar al fontanero para mañana",
    "marca llamar al fontanero como hecha",
  ]);
  await expect(row(pending, "Water the ferns")).toContainText(friday.label);
  await expectTitles(pending, ["Water the ferns", "Pay the gas bill"]);
  await shot(page, "conversation-end");
});
