"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { retryNotification } from "@/lib/admin/notifications";
import { adminAction } from "@/lib/user-action";

export type RetryState = ActionResult<{ message: string }> | null;

/** Retry a failed notification (admins only; anyone else is told it does not exist). A form action. */
export const retryNotificationAction = adminAction(
  z.tuple([z.unknown(), z.instanceof(FormData)]),
  async ([, form], { db }) => {
    await retryNotification(db, String(form.get("id") ?? ""));
    revalidatePath("/admin/notifications");
    return { message: "Queued again: it goes out within a few seconds." };
  },
);
