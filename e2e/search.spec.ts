import { expect, test } from "@playwright/test";
import { register, say, uniqueEmail } from "./helpers";

// Ctrl/Cmd+K opens the conversation search, and a search finds archived conversations too,
// marked as archived.
test("Ctrl+K searches conversations, the archive included", async ({ page }) => {
  await register(page, { name: "Searcher", email: uniqueEmail("search") });
  await say(page, "add renew the passport next month");
  const sidebar = page.getByRole("complementary", { name: "Conversation history" });
  const rows = sidebar.getByRole("navigation", { name: "Conversations" }).getByRole("listitem");
  await expect(rows).toHaveCount(1);
  // Titled by what the turn did ("Renew the passport"), once the turn is over.
  await expect(rows.first().getByRole("link")).toHaveText("The passport");
  const title = (await rows.first().getByRole("link").textContent())!.trim();
  await rows.first().hover();
  await sidebar.getByRole("button", { name: `Archive “${title}”` }).click();
  await expect(rows).toHaveCount(0);

  await page.getByRole("textbox", { name: "Message Doable" }).click();
  await page.keyboard.press("Control+k");
  const search = sidebar.getByRole("searchbox", { name: "Search conversations" });
  await expect(search).toBeFocused();
  await page.keyboard.type("passport");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Archived");
});
