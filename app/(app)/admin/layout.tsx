import { requireAdmin } from "@/lib/auth/session";

// Everyone but admins gets the not-found page for the whole /admin area.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return <>{children}</>;
}
