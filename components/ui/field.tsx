import type { InputHTMLAttributes } from "react";

/** A labelled input with its error message wired up for screen readers. */
export function Field({
  label,
  error,
  id,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; id: string }) {
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        {...props}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="block w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm shadow-xs outline-none transition placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/25 aria-invalid:border-danger"
      />
      {error ? (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
