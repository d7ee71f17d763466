import type { Db } from "@/lib/db/client";
import { logFigures } from "@/lib/admin/figures";
import type { LogFilters } from "@/lib/admin/filters";
import { chartDays } from "./day-chart";
import { FiguresPanel } from "./figures-panel";

/**
 * The headline figures, loaded on their own: the page streams the table first and these
 * aggregates (per-day rollups and the latest rows, lib/admin/figures.ts) when they are ready.
 */
export async function FiguresSection({ db, filters }: { db: Db; filters: LogFilters }) {
  const figures = await logFigures(db, filters);
  const range = figures.sample
    ? { from: figures.sample.since, to: filters.to }
    : figures.window
      ? { from: figures.window.from }
      : filters;
  return (
    <FiguresPanel figures={figures} days={chartDays(figures.byDay, range, new Date().toISOString().slice(0, 10))} />
  );
}
