// The task panel's views, named where the browser can read them too (the server code that
// lists and counts them is list-view-query.ts).
export const TASK_LIST_VIEWS = ["pending", "today", "upcoming", "overdue", "completed", "trash"] as const;

export type TaskListView = (typeof TASK_LIST_VIEWS)[number];

/** How many tasks each view holds, read together (countTasksByView). */
export type TaskViewCounts = Record<TaskListView, number>;
