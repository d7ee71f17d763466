"use client";

import type { FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import {
  FILTER_KEYS,
  OPERATION_LABELS,
  OPERATIONS,
  SOURCE_LABELS,
  SOURCES,
  STATUS_LABELS,
  STATUSES,
  type FilterKey,
} from "@/lib/admin/filter-fields";
import { LoadingIndicator, NavLink, useLogsNavigation } from "./logs-navigation";

type Values = Partial<Record<FilterKey, string>>;

const inputClass =
  "block w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm shadow-xs outline-none transition placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/25 aria-invalid:border-danger";

/**
 * The filters as a GET form on /admin/logs: each applied filter becomes a URL search param
 * (shareable, back-button friendly). Choices apply at once; text and dates on Enter or "Apply" (a half-typed date must not load).
 * The server renders it with the URL's values and a key per URL, so Back restores the fields.
 */
export function FilterBar({ values, invalid = [] }: { values: Values; invalid?: string[] }) {
  const { navigate } = useLogsNavigation();
  const active = FILTER_KEYS.some((key) => values[key]);

  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = String(data.get(key) ?? "").trim();
      if (value) params.set(key, value);
    }
    const query = params.toString();
    navigate(query ? `/admin/logs?${query}` : "/admin/logs");
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const applyNow = (event: { currentTarget: HTMLSelectElement | HTMLInputElement }) => {
    if (event.currentTarget.form) apply(event.currentTarget.form);
  };
  const bad = (key: FilterKey) => (invalid.includes(key) ? true : undefined);

  return (
    <search aria-label="Filter operations">
      <form
        action="/admin/logs"
        method="get"
        onSubmit={onSubmit}
        className="rounded-xl border border-line bg-surface p-3 shadow-xs"
      >
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-12">
          <label className="space-y-1 lg:col-span-4">
            <span className="block text-xs font-medium text-muted">Search</span>
            <input
              type="search"
              name="q"
              defaultValue={values.q}
              aria-invalid={bad("q")}
              placeholder="Words the user said, or a task title"
              className={inputClass}
              maxLength={200}
            />
          </label>
          <label className="space-y-1 lg:col-span-3">
            <span className="block text-xs font-medium text-muted">User</span>
            <input
              type="text"
              name="user"
              defaultValue={values.user}
              aria-invalid={bad("user")}
              placeholder="Email, name or id"
              className={inputClass}
              maxLength={254}
              autoComplete="off"
            />
          </label>
          <label className="space-y-1 lg:col-span-2">
            <span className="block text-xs font-medium text-muted">From (UTC)</span>
            <input
              type="date"
              name="from"
              defaultValue={values.from}
              aria-invalid={bad("from")}
              className={inputClass}
            />
          </label>
          <label className="space-y-1 lg:col-span-2">
            <span className="block text-xs font-medium text-muted">To (UTC)</span>
            <input type="date" name="to" defaultValue={values.to} aria-invalid={bad("to")} className={inputClass} />
          </label>
          <div className="flex items-end lg:col-span-1">
            <button type="submit" className={buttonClass("primary", "w-full")}>
              Apply
            </button>
          </div>
          <Choice
            label="Operation"
            name="operation"
            value={values.operation}
            invalid={bad("operation")}
            onChange={applyNow}
            all="All operations"
            options={OPERATIONS.map((o) => [o, OPERATION_LABELS[o]])}
          />
          <Choice
            label="Status"
            name="status"
            value={values.status}
            invalid={bad("status")}
            onChange={applyNow}
            all="Any status"
            options={STATUSES.map((s) => [s, STATUS_LABELS[s]])}
          />
          <Choice
            label="Source"
            name="source"
            value={values.source}
            invalid={bad("source")}
            onChange={applyNow}
            all="Any source"
            options={SOURCES.map((s) => [s, SOURCE_LABELS[s]])}
          />
          <div className="flex items-end justify-end gap-3 sm:col-span-2 lg:col-span-3">
            <LoadingIndicator />
            {active ? (
              <NavLink href="/admin/logs" className={buttonClass("ghost")}>
                Clear filters
              </NavLink>
            ) : null}
          </div>
        </div>
      </form>
    </search>
  );
}

function Choice({
  label,
  name,
  value,
  all,
  options,
  invalid,
  onChange,
}: {
  label: string;
  name: FilterKey;
  value?: string;
  all: string;
  options: [string, string][];
  invalid?: boolean;
  onChange: (event: { currentTarget: HTMLSelectElement }) => void;
}) {
  // An invalid value from the URL is not among the options: show "all" and let the error explain.
  const known = options.some(([v]) => v === value) ? value : "";
  return (
    <label className="space-y-1 lg:col-span-3">
      <span className="block text-xs font-medium text-muted">{label}</span>
      <select name={name} defaultValue={known} aria-invalid={invalid} onChange={onChange} className={inputClass}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
