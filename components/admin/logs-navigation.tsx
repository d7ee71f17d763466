"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useContext, useTransition, type ComponentProps, type MouseEvent } from "react";

// Filter changes and page turns are navigations to a new URL (so the back button and shared
// links work). They run in one transition so the page can show it is loading while the old
// rows stay on screen, instead of flashing empty.

type Navigation = { navigate: (href: string) => void; pending: boolean };

const NavigationContext = createContext<Navigation>({ navigate: () => {}, pending: false });

export function LogsNavigation({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (href: string) => startTransition(() => router.push(href, { scroll: false }));
  return <NavigationContext.Provider value={{ navigate, pending }}>{children}</NavigationContext.Provider>;
}

export function useLogsNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** Dims its content and marks it busy while a navigation is loading. */
export function PendingRegion({ children, label }: { children: React.ReactNode; label: string }) {
  const { pending } = useLogsNavigation();
  return (
    <section
      aria-label={label}
      aria-busy={pending || undefined}
      className={`transition-opacity ${pending ? "pointer-events-none opacity-60" : ""}`}
    >
      {children}
    </section>
  );
}

/** A link that navigates inside the transition (a plain link still works without JS, or in a new tab). */
export function NavLink({ href, onClick, ...props }: ComponentProps<typeof Link> & { href: string }) {
  const { navigate } = useLogsNavigation();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      event.button !== 0
    )
      return;
    event.preventDefault();
    navigate(href);
  };
  return <Link href={href} onClick={handle} {...props} />;
}

/** A small spinner shown while the log is loading. */
export function LoadingIndicator() {
  const { pending } = useLogsNavigation();
  if (!pending) return null;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-muted">
      <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-line border-t-accent" />
      Loading…
    </span>
  );
}
