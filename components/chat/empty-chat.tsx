const EXAMPLES = [
  "Add call mom tomorrow at 5pm, high priority",
  "Buy milk, eggs and bread",
  "What's due this week?",
  "Move the dentist to Friday",
];

/** A new chat: a greeting and example prompts that work offline. */
export function EmptyChat({ firstName, onPick }: { firstName: string; onPick: (text: string) => void }) {
  return (
    <section className="flex flex-1 flex-col items-center justify-center gap-6 overflow-y-auto px-4 py-8 text-center">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Hi {firstName}, what needs doing?</h1>
        <p className="text-muted">Tell Doable in your own words. It keeps your list.</p>
      </div>
      <ul className="grid w-full max-w-xl gap-2 sm:grid-cols-2">
        {EXAMPLES.map((example) => (
          <li key={example}>
            <button
              type="button"
              onClick={() => onPick(example)}
              className="w-full rounded-xl border border-line bg-surface px-4 py-3 text-left text-sm text-muted transition hover:border-accent hover:text-ink"
            >
              “{example}”
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
