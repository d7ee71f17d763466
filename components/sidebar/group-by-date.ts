export const GROUPS = ["Today", "Yesterday", "Previous 7 days", "Previous 30 days", "Older"] as const;
export type GroupLabel = (typeof GROUPS)[number];
export const PINNED = "Pinned" as const;

/** The sidebar's sections: the pinned chats (as given: newest pin first) on top, then the rest by date. */
export function sidebarGroups<T extends { updatedAt: string }>(
  pinned: T[],
  items: T[],
  now = new Date(),
): { label: GroupLabel | typeof PINNED; items: T[] }[] {
  return [...(pinned.length ? [{ label: PINNED, items: pinned }] : []), ...groupByDate(items, now)];
}

/**
 * Splits items (already newest first) into the sidebar's date groups by calendar day in the
 * runtime's local time zone — the browser's, so "Today" means the user's today.
 */
export function groupByDate<T extends { updatedAt: string }>(
  items: T[],
  now = new Date(),
): { label: GroupLabel; items: T[] }[] {
  const day = (offset: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - offset).getTime();
  // Built with local calendar arithmetic, not 24h steps, so DST days group correctly.
  const starts: [GroupLabel, number][] = [
    ["Today", day(0)],
    ["Yesterday", day(1)],
    ["Previous 7 days", day(7)],
    ["Previous 30 days", day(30)],
    ["Older", -Infinity],
  ];
  const groups = new Map<GroupLabel, T[]>();
  for (const item of items) {
    const at = Date.parse(item.updatedAt);
    // "Older" starts at -Infinity, so only an unreadable date gets there by the fallback.
    const label = starts.find(([, start]) => at >= start)?.[0] ?? "Older";
    groups.set(label, [...(groups.get(label) ?? []), item]);
  }
  return GROUPS.flatMap((label) => {
    const grouped = groups.get(label);
    return grouped ? [{ label, items: grouped }] : [];
  });
}
