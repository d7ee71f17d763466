import { expect, test } from "@playwright/test";
import { ADMIN_STATE, register, say, uniqueEmail } from "./helpers";

// A reminder set in chat waits in the outbox; the admin finds it on the Notifications view by
// user and status, with counts, and a bad filter is explained rather than failing.
test("the admin sees a user's pending reminder in the outbox, filtered by user and status", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("outbox");
  await register(page, { name: "Outbox User", email });
  const reply = await say(page, "remind me to defrost the freezer tomorrow at 8am");
  await expect(reply.getByTestId("task-card")).toContainText("Defrost the freezer");

  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/admin/logs");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Notifications" }).click();
  await expect(admin.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await admin.getByLabel("User (e-mail or id)").fill(email);
  await admin.getByLabel("Status").selectOption("pending");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/status=pending/);
  const rows = admin.getByTestId("notification-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("reminder · Defrost the freezer");
  await expect(rows.first()).toContainText("in app");
  await expect(admin.getByTestId("notification-counts")).toContainText("1 pending · 0 sent · 0 failed · 0 cancelled");

  await admin.goto("/admin/notifications?status=exploded");
  await expect(admin.getByRole("alert").filter({ hasText: "These filters" })).toContainText("Unknown status.");
  await admin.close();
});
