import Link from "next/link";

const TABS = [
  { href: "/admin/logs", label: "Operation logs" },
  { href: "/admin/audit", label: "Audit" },
  { href: "/admin/notifications", label: "Notifications" },
  { href: "/admin/users", label: "Users" },
] as const;

/** The admin area's views, side by side. */
export function AdminTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Admin" className="flex gap-1 border-b border-line text-sm">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 font-medium ${tab.href === current ? "border-accent text-ink" : "border-transparent text-muted hover:text-ink"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
