"use client";

import { useCallback } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/data/fetch-json";
import { tasksKey } from "@/components/data/keys";
import type { TaskListView, TaskViewCounts } from "@/lib/tasks/list-views";
import type { TaskView } from "@/lib/tasks/types";
import { browserTimeZone } from "./time-zone";

type TaskPage = {
  tasks: TaskView[];
  total: number;
  counts: TaskViewCounts /** The view these rows are of. */;
  view: TaskListView;
};

// The route reads typed dates and "today" in the browser's zone, like the panel's changes do.
const fetchTasks = async (key: string, view: TaskListView): Promise<TaskPage> => ({
  ...(await fetchJson<Omit<TaskPage, "view">>(`${key}&tz=${encodeURIComponent(browserTimeZone())}`)),
  view,
});

/** The panel's task list for a view, with every view's count; reads again whenever anyone revalidates tasks (components/data). */
export function useTasks(view: TaskListView) {
  // Another view keeps the rows shown until its own arrive, rather than flashing empty.
  const { data, error, isValidating, mutate } = useSWR<TaskPage, Error>(
    tasksKey(view),
    (key: string) => fetchTasks(key, view),
    {
      keepPreviousData: true,
    },
  );

  /** Shows a change at once, before the revalidation that follows it. */
  const replace = useCallback(
    (task: TaskView) =>
      void mutate((page) => page && { ...page, tasks: page.tasks.map((t) => (t.number === task.number ? task : t)) }, {
        revalidate: false,
      }),
    [mutate],
  );
  const remove = useCallback(
    (number: number) =>
      void mutate((page) => page && { ...page, tasks: page.tasks.filter((t) => t.number !== number) }, {
        revalidate: false,
      }),
    [mutate],
  );
  const reload = useCallback(() => void mutate(), [mutate]);

  return {
    tasks: data?.tasks ?? [],
    total: data?.total ?? 0,
    counts: data?.counts ?? null,
    /** The view the rows shown are of: the one before while another view's rows load. */
    shownView: data?.view ?? view,
    loading: isValidating,
    loaded: data !== undefined || error !== undefined,
    error: error ? error.message : null,
    reload,
    replace,
    remove,
  };
}
