import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auth } from "./index";
import { isSessionCurrent, type SessionUser } from "./users";

/**
 * The signed-in user, or null. A token that is validly signed but was signed out (its session
 * version is older than the user's) counts as no session: one primary-key read per request,
 * no cache, so a sign-out on any app instance ends the session everywhere at once. `cache`
 * makes that one read per request when a layout and its page both ask. Database errors are
 * thrown, not treated as "signed out", so an outage answers 503 rather than "sign in".
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!session || !user?.id) return null;
  if (!(await isSessionCurrent(await getDb(), user.id, session.sessionVersion))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: the signed-in user, or a redirect to /login. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** For admin pages: everyone else gets the not-found page, so the area's existence is not revealed. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  return user;
}

/** For route handlers and server actions: the user, or a 401 AppError. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

/** For admin endpoints: non-admins get 404, as if the endpoint did not exist. */
export async function requireApiAdmin(): Promise<SessionUser> {
  const user = await requireApiUser();
  if (user.role !== "admin") throw new AppError("not_found", "Not found.");
  return user;
}
