"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { setUserRole } from "@/lib/admin/users";
import { requestClient } from "@/lib/audit/request";
import { signOut } from "@/lib/auth";
import { adminAction } from "@/lib/user-action";

export type RoleState = ActionResult<{ message: string; signedOut: boolean }> | null;

/**
 * Make a user admin, or take it back (admins only; anyone else is told it does not exist).
 * An admin who gives up their own role has just ended their own session: the cookie is
 * cleared too and the page sends them to sign in.
 */
export const setRoleAction = adminAction(
  z.tuple([z.unknown(), z.instanceof(FormData)]),
  async ([, form], { user, db }) => {
    const { role, changed, self } = await setUserRole(
      db,
      user.id,
      { userId: form.get("userId"), role: form.get("role") },
      await requestClient(),
    );
    revalidatePath("/admin/users");
    if (self && changed) {
      await signOut({ redirect: false });
      return { message: "You are no longer an admin. Sign in again to go on.", signedOut: true };
    }
    const what = role === "admin" ? "Now an admin" : "No longer an admin";
    return {
      message: changed
        ? `${what}: signed out everywhere, the new role applies when they sign in again.`
        : `Already ${role === "admin" ? "an admin" : "a user"}.`,
      signedOut: false,
    };
  },
);
