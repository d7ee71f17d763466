import { expect, test } from "@playwright/test";
import { holdClockAtMidday, register, say, uniqueEmail } from "./helpers";

test.use({ timezoneId: "Europe/Berlin" });

// A chat is named by what its first turn did (the offline assistant: no model), and can be
// pinned to a section on top of the sidebar that survives a reload.
test("a chat's title summarises its first turn; pinning keeps it on top until unpinned", async ({ page }) => {
  await holdClockAtMidday(page);
  await register(page, { name: "Tess Titles", email: uniqueEmail("titles") });
  const sidebar = page.getByRole("complementary", { name: "Conversation history" });
  const pinnedSection = sidebar.getByRole("region", { name: "Pinned" });
  const today = sidebar.getByRole("region", { name: "Today" });

  await say(page, "add buy oat milk and call the dentist");
  const errands = today.getByRole("link", { name: "Oat milk and the dentist" });
  await expect(errands).toBeVisible();
  const errandsHref = await errands.getAttribute("href");

  // The rename box holds the title as it is, with nothing cut off.
  await errands.hover();
  await sidebar.getByRole("button", { name: "Rename “Oat milk and the dentist”" }).click();
  await expect(sidebar.getByLabel("Conversation title")).toHaveValue("Oat milk and the dentist");
  await sidebar.getByLabel("Conversation title").press("Escape");

  await page.goto("/");
  await say(page, "what's due this week?");
  await expect(today.getByRole("link", { name: "What's due this week" })).toBeVisible();
  await expect(today.getByRole("link")).toHaveText(["What's due this week", "Oat milk and the dentist"]);
  await expect(pinnedSection).toHaveCount(0);

  // Pin the older chat: it moves into Pinned, on top, and stays there after a reload.
  await errands.hover();
  await sidebar.getByRole("button", { name: "Pin “Oat milk and the dentist”" }).click();
  await expect(pinnedSection.getByRole("link")).toHaveText(["Oat milk and the dentist"]);
  await expect(today.getByRole("link")).toHaveText(["What's due this week"]);
  await page.reload();
  await expect(pinnedSection.getByRole("link")).toHaveText(["Oat milk and the dentist"]);
  await expect(sidebar.getByRole("region").first()).toHaveAccessibleName("Pinned");

  // The newest pin comes first. Right after the reload the sidebar is server-rendered before it
  // hydrates, so a click may land before its handler: click again until the pin shows.
  await expect(async () => {
    if ((await pinnedSection.getByRole("link", { name: "What's due this week" }).count()) === 0) {
      await today.getByRole("link", { name: "What's due this week" }).hover();
      await sidebar.getByRole("button", { name: "Pin “What's due this week”" }).click();
    }
    await expect(pinnedSection.getByRole("link")).toHaveText(["What's due this week", "Oat milk and the dentist"], {
      timeout: 3000,
    });
  }).toPass();
  await expect(today).toHaveCount(0);

  // Unpin: back among the others by its date.
  await pinnedSection.getByRole("link", { name: "Oat milk and the dentist" }).hover();
  await sidebar.getByRole("button", { name: "Unpin “Oat milk and the dentist”" }).click();
  await expect(pinnedSection.getByRole("link")).toHaveText(["What's due this week"]);
  await expect(today.getByRole("link")).toHaveText(["Oat milk and the dentist"]);
  await page.reload();
  await expect(pinnedSection.getByRole("link")).toHaveText(["What's due this week"]);
  await expect(sidebar.locator(`a[href="${errandsHref}"]`)).toHaveText("Oat milk and the dentist");

  // Archiving a pinned chat unpins it: restored, it comes back among the others (after the reload,
  // again clicked until the page has hydrated and answers).
  await expect(async () => {
    if ((await pinnedSection.count()) > 0) {
      await pinnedSection.getByRole("link", { name: "What's due this week" }).hover();
      await sidebar.getByRole("button", { name: "Archive “What's due this week”" }).click();
    }
    await expect(pinnedSection).toHaveCount(0, { timeout: 3000 });
  }).toPass();
  await sidebar.getByRole("button", { name: "Archived" }).click();
  const archived = sidebar.getByRole("navigation", { name: "Archived conversations" });
  await archived.getByRole("link", { name: "What's due this week" }).hover();
  await expect(sidebar.getByRole("button", { name: "Pin “What's due this week”" })).toHaveCount(0);
  await sidebar.getByRole("button", { name: "Restore “What's due this week”" }).click();
  await sidebar.getByRole("button", { name: "Chats" }).click();
  await expect(today.getByRole("link")).toHaveText(["What's due this week", "Oat milk and the dentist"]);
  await expect(pinnedSection).toHaveCount(0);
});
