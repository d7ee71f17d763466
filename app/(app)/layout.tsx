import { AppHeader } from "@/components/shell/app-header";
import { requireUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex h-dvh flex-col">
      <AppHeader user={user} />
      <div className="flex min-h-0 flex-1">{children}</div>
    </div>
  );
}
