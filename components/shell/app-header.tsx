import { headers } from "next/headers";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { NotificationBell } from "@/components/notifications/bell";
import { Logo } from "@/components/ui/logo";
import { THEME_SCRIPT } from "./theme";
import { ThemeToggle } from "./theme-toggle";
import type { SessionUser } from "@/lib/auth/users";

export async function AppHeader({ user }: { user: SessionUser }) {
  // The page's CSP allows inline scripts only with this request's nonce (proxy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <header className="relative z-30 flex h-14 shrink-0 items-center justify-between border-b border-line bg-surface/80 px-4 backdrop-blur">
      {/* Runs while the page is parsed, before the rest paints: no flash of the other theme. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: THEME_SCRIPT is our own constant, never user input. */}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      <Link href="/" aria-label="Doable home">
        <Logo />
      </Link>
      <nav className="flex items-center gap-1 sm:gap-3" aria-label="Account">
        {user.role === "admin" ? (
          <Link
            href="/admin/logs"
            className="rounded-lg px-2.5 py-1.5 text-sm text-muted hover:bg-subtle hover:text-ink"
          >
            Operation logs
          </Link>
        ) : null}
        <NotificationBell />
        <ThemeToggle />
        <Link href="/settings" className="rounded-lg px-2.5 py-1.5 text-sm text-muted hover:bg-subtle hover:text-ink">
          Settings
        </Link>
        <Link
          href="/account"
          title="Account"
          className="hidden items-center gap-2 rounded-lg px-1.5 py-1 text-sm hover:bg-subtle sm:flex"
          data-testid="user-name"
        >
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-full bg-accent-soft text-xs font-semibold text-accent"
          >
            {initials(user.name)}
          </span>
          {user.name}
        </Link>
        <form action={signOutAction}>
          <button type="submit" className="rounded-lg px-2.5 py-1.5 text-sm text-muted hover:bg-subtle hover:text-ink">
            Sign out
          </button>
        </form>
      </nav>
    </header>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}
