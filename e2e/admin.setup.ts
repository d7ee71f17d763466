import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, register } from "./helpers";

// The server starts on an empty database: the first account registered is the admin.
setup("the first account registered becomes the admin", async ({ page }) => {
  await register(page, { name: "Ada Admin", email: "admin@example.com" });
  await expect(page.getByRole("link", { name: "Operation logs" })).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });
});
