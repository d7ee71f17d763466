import { cookies } from "next/headers";
import { SWRConfig } from "swr";
import { chatFallback } from "@/components/data/fallback";
import { ChatShell } from "@/components/shell/chat-shell";
import { TIME_ZONE_COOKIE } from "@/components/tasks/time-zone";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

// Only the chat pages get the sidebar and the task panel; the admin area sits beside this
// group under (app)/layout.tsx, which already requires a session and renders the header. The
// sidebar's and the panel's first data comes with the page (SWR fallback), not after it.
export default async function ChatLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const fallback = await chatFallback(await getDb(), user, zone);
  return (
    <SWRConfig value={{ fallback }}>
      <ChatShell>{children}</ChatShell>
    </SWRConfig>
  );
}
