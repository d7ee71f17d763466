"use client";

import { useCallback } from "react";
import useSWR from "swr";
import { fetchJson } from "@/components/data/fetch-json";
import { tasksKey, type TaskFilter } from "@/components/data/keys";
import type { TaskView } from "@/lib/tasks/types";
import { browserTimeZone } from "./time-zone";

export type { TaskFilter };

type TaskPage = { tasks: TaskView[]; total: number };

// The route reads typed dates in the browser's zone, like the panel's changes do.
const fetchTasks = (key: string) => fetchJson<TaskPage>(`${key}&tz=${encodeURIComponent(browserTimeZone())}`);

/** The panel's task list for a filter; reads again whenever anyone revalidates tasks (components/data). */
export function useTasks(filter: TaskFilter) {
  // Another filter keeps the rows shown until its own arrive, rather than flashing empty.
  const { data, error, isValidating, mutate } = useSWR<TaskPage, Error>(tasksKey(filter), fetchTasks, { keepPreviousData: true });

  /** Shows a change at once, before the revalidation that follows it. */
  const replace = useCallback(
    (task: TaskView) => void mutate((page) => page && { ...page, tasks: page.tasks.map((t) => (t.number === task.number ? task : t)) }, { revalidate: false }),
    [mutate],
  );
  const remove = useCallback((number: number) => void mutate((page) => page && { ...page, tasks: page.tasks.filter((t) => t.number !== number) }, { revalidate: false }), [mutate]);
  const reload = useCallback(() => void mutate(), [mutate]);

  return {
    tasks: data?.tasks ?? [],
    total: data?.total ?? 0,
    loading: isValidating,
    loaded: data !== undefined || error !== undefined,
    error: error ? error.message : null,
    reload,
    replace,
    remove,
  };
}
