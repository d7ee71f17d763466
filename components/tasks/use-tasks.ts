"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { listTasksAction } from "@/app/(app)/(chat)/actions/tasks";
import { onTasksChanged } from "@/components/events";
import type { TaskView } from "@/lib/tasks/types";
import { browserTimeZone } from "./time-zone";

export type TaskFilter = "pending" | "completed" | "all";

/** The panel's task list for a filter; reloads whenever anyone (agent or panel) changes tasks. */
export function useTasks(filter: TaskFilter) {
  const [tasks, setTasks] = useState<TaskView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Several reloads can overlap (a burst of agent tool results); only the latest may land.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++latest.current;
    setLoading(true);
    const result = await listTasksAction(filter, browserTimeZone());
    if (mine !== latest.current) return;
    setLoading(false);
    setLoaded(true);
    if (!result.ok) return setError(result.message);
    setError(null);
    setTasks(result.tasks);
    setTotal(result.total);
  }, [filter]);

  useEffect(() => {
    void reload();
    return onTasksChanged(() => void reload());
  }, [reload]);

  /** Shows a change at once, before the reload that follows it. */
  const replace = useCallback((task: TaskView) => setTasks((list) => list.map((t) => (t.number === task.number ? task : t))), []);
  const remove = useCallback((number: number) => setTasks((list) => list.filter((t) => t.number !== number)), []);

  return { tasks, total, loading, loaded, error, reload, replace, remove };
}
