import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { register, say, uniqueEmail } from "./helpers";

// Exporting the open conversation from the chat header: the downloaded files hold the words and
// the task cards as text, in the browser's zone; another user's export link is not found.
test.use({ timezoneId: "America/New_York" });

test("a conversation downloads as Markdown and as JSON; a stranger's link is not found", async ({ page, browser }) => {
  await register(page, { name: "Exporter", email: uniqueEmail("export") });
  const reply = await say(page, "add renew passport tomorrow at 3pm #admin");
  await expect(reply.getByTestId("task-card")).toContainText("Renew passport");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);

  await page.getByLabel("Export conversation").click();
  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export as Markdown" }).click(),
  ]);
  expect(markdown.suggestedFilename()).toMatch(/^doable-.+\.md$/);
  const md = fs.readFileSync((await markdown.path())!, "utf8");
  expect(md).toContain("times in America/New_York");
  expect(md).toContain("add renew passport tomorrow at 3pm #admin");
  expect(md).toMatch(/- Added: #1 Renew passport — due \w{3}, \w{3} \d{1,2}, 3:00 PM · #admin/);

  await page.getByLabel("Export conversation").click();
  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export as JSON" }).click(),
  ]);
  const data = JSON.parse(fs.readFileSync((await json.path())!, "utf8")) as {
    messages: { role: string; tasks: string[] }[];
  };
  expect(data.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
  expect(data.messages[1]!.tasks[0]).toContain("Renew passport");

  const exportUrl = `${new URL(page.url()).pathname.replace(/^\/c\//, "/api/conversations/")}/export?format=md`;
  const stranger = await browser.newPage();
  await register(stranger, { name: "Stranger", email: uniqueEmail("export-stranger") });
  const response = await stranger.request.get(exportUrl);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Renew passport");
  const bad = await stranger.request.get("/api/conversations/not-a-uuid/export?format=pdf");
  expect(bad.status()).toBe(404);
  await stranger.close();
});
