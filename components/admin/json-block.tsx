/** A JSON value, pretty-printed and scrollable; "none" when the operation stored nothing. */
export function JsonBlock({ title, value, id }: { title: string; value: unknown; id: string }) {
  const empty =
    value === null || value === undefined || (typeof value === "object" && Object.keys(value as object).length === 0);
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-xl border border-line bg-surface shadow-xs">
      <h3 id={id} className="border-b border-line px-4 py-2.5 text-sm font-medium">
        {title}
      </h3>
      {empty ? (
        <p className="px-4 py-3 text-sm text-muted">None recorded.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard.
        <section tabIndex={0} aria-label={`${title} as JSON`} className="max-h-96 overflow-auto px-4 py-3">
          <pre className="font-mono text-xs leading-relaxed whitespace-pre-wrap text-ink [overflow-wrap:anywhere]">
            {JSON.stringify(value, null, 2)}
          </pre>
        </section>
      )}
    </section>
  );
}
