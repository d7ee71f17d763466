import type { Metadata } from "next";
import { DeleteAccount } from "@/components/account/delete-account";
import { ExportData } from "@/components/account/export-data";
import { PasswordForm } from "@/components/account/password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Here as well as in the layout: Next renders the two in parallel.
  const user = await requireUser();
  const { password } = await searchParams;
  return (
    <main className="w-full flex-1 overflow-y-auto">
      <div className="mx-auto w-full max-w-xl space-y-8 px-4 py-10">
        <div>
          <h1 className="text-xl font-semibold">Account</h1>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted">Name</dt>
            <dd>{user.name}</dd>
            <dt className="text-muted">Email</dt>
            <dd>{user.email}</dd>
            <dt className="text-muted">Role</dt>
            <dd>{user.role === "admin" ? "Admin" : "User"}</dd>
          </dl>
        </div>
        <ExportData />
        <PasswordForm key={String(password)} changed={password === "changed"} />
        <SignOutEverywhere />
        <DeleteAccount />
      </div>
    </main>
  );
}
