import type { Metadata } from "next";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  // Here as well as in the layout: Next renders the two in parallel.
  const user = await requireUser();
  return (
    <main className="mx-auto w-full max-w-xl space-y-8 overflow-y-auto px-4 py-10">
      <div>
        <h1 className="text-xl font-semibold">Account</h1>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-muted">Email</dt>
          <dd>{user.email}</dd>
        </dl>
      </div>
      <SignOutEverywhere />
    </main>
  );
}
