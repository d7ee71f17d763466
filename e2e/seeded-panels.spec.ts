import { expect, test } from "@playwright/test";
import { register, say, uniqueEmail } from "./helpers";

// The sidebar and the task panel arrive filled with the page (SWR fallback from the chat layout):
// with their read routes blocked, a fresh load still shows the user's chats and tasks. Without
// the seed the panel would show its loading error and the sidebar nothing.
test.use({ timezoneId: "Europe/Berlin" });

test("a page load shows the chats and the open tasks before any read route answers", async ({ page }) => {
  await register(page, { name: "Sienna Seed", email: uniqueEmail("seed") });
  await say(page, "add water the ferns tomorrow");
  const panel = page.getByRole("complementary", { name: "Tasks" });
  await expect(panel.getByText("Water the ferns")).toBeVisible();

  let blocked = 0;
  await page.route(/\/api\/(tasks|conversations)(\?|$)/, (route) => {
    blocked += 1;
    return route.abort();
  });
  await page.reload();
  await expect(panel.getByText("Water the ferns")).toBeVisible();
  await expect(panel.getByTestId("count-pending")).toHaveText("1");
  await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link").first()).toBeVisible();
  // SWR did try to read again on mount (and was refused): what shows is the seed.
  await expect.poll(() => blocked).toBeGreaterThan(0);
});
