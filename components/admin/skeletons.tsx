// Placeholders with the page's shape while it loads (announced once as busy, not read out).

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-md bg-subtle ${className}`} />;
}

export function LogsSkeleton() {
  return (
    <main className="w-full flex-1 overflow-y-auto" aria-busy="true" aria-label="Loading operation logs">
      <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-6 sm:px-6">
        <Bar className="h-8 w-56" />
        <Bar className="h-28 w-full rounded-xl" />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Bar key={i} className="h-24 rounded-xl" />
          ))}
        </div>
        <div className="space-y-2 rounded-xl border border-line bg-surface p-4">
          {Array.from({ length: 10 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders that never reorder.
            <Bar key={i} className="h-9 w-full" />
          ))}
        </div>
      </div>
    </main>
  );
}

export function DetailSkeleton() {
  return (
    <main className="w-full flex-1 overflow-y-auto" aria-busy="true" aria-label="Loading operation">
      <div className="mx-auto w-full max-w-5xl space-y-5 px-4 py-6 sm:px-6">
        <Bar className="h-4 w-32" />
        <Bar className="h-8 w-80" />
        <Bar className="h-32 w-full rounded-xl" />
        <div className="grid gap-4 lg:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <Bar key={i} className="h-48 rounded-xl" />
          ))}
        </div>
      </div>
    </main>
  );
}

export function FiguresSkeleton() {
  return (
    <div role="status" aria-label="Loading figures" className="space-y-3">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Bar key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      <div className="grid gap-3 lg:grid-cols-5">
        <Bar className="h-44 rounded-xl lg:col-span-2" />
        <Bar className="h-44 rounded-xl lg:col-span-3" />
      </div>
    </div>
  );
}
