import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeRedirect } from "@/lib/auth/redirect";
import { currentUser } from "@/lib/auth/session";
import { requestedHost } from "@/lib/client-address";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeRedirect(callbackUrl, requestedHost(await headers()));
  // Here rather than in the proxy: only a session that was not signed out counts.
  if (await currentUser()) redirect(target);
  return <LoginForm callbackUrl={target} />;
}
