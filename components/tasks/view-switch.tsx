"use client";

import type { TaskListView, TaskViewCounts } from "@/lib/tasks/list-views";

export const VIEWS: { value: TaskListView; label: string; list: string }[] = [
  { value: "pending", label: "Pending", list: "Pending tasks" },
  { value: "today", label: "Today", list: "Tasks due today" },
  { value: "upcoming", label: "Upcoming", list: "Upcoming tasks" },
  { value: "overdue", label: "Overdue", list: "Overdue tasks" },
  { value: "completed", label: "Completed", list: "Completed tasks" },
  { value: "trash", label: "Trash", list: "Deleted tasks" },
];

/** The panel's views as a segmented control, each with how many tasks it holds. */
export function ViewSwitch({
  view,
  counts,
  onChange,
}: {
  view: TaskListView;
  counts: TaskViewCounts | null;
  onChange: (view: TaskListView) => void;
}) {
  return (
    <fieldset
      aria-label="Show tasks"
      className="mx-4 mb-2 grid min-w-0 grid-cols-3 gap-1 rounded-lg bg-subtle p-0.5 text-xs font-medium"
    >
      {VIEWS.map(({ value, label }) => {
        const count = counts?.[value];
        const alarming = value === "overdue" && Boolean(count);
        return (
          <button
            key={value}
            type="button"
            aria-pressed={view === value}
            onClick={() => onChange(value)}
            className={`flex items-center justify-center gap-1 rounded-md px-1.5 py-1 ${view === value ? "bg-surface text-ink shadow-sm" : "text-muted hover:text-ink"}`}
          >
            {label}{" "}
            {count === undefined ? null : (
              <span
                data-testid={`count-${value}`}
                className={`rounded-full px-1 tabular-nums ${alarming ? "bg-danger-soft text-danger" : "text-muted"}`}
              >
                {count}
              </span>
            )}
          </button>
        );
      })}
    </fieldset>
  );
}
