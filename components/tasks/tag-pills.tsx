/** A task's tags as pills: the same markup on chat cards and in the task panel. */
export function TagPills({ tags }: { tags: readonly string[] }) {
  return tags.map((tag) => (
    <span key={tag} className="rounded bg-accent-soft px-1.5 py-0.5 text-accent">
      #{tag}
    </span>
  ));
}
