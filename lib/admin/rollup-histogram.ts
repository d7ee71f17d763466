// Durations as a histogram with fixed log-scale buckets, so the per-day rollups can be added
// together and still give p50/p95: a bucket is a quarter of a doubling wide (about 19 %), so a
// percentile read from it is within one bucket (about ±10 %) of the exact one.
//
// Bucket 0 holds 0 ms; bucket i (1 ≤ i < BOUNDS.length) holds BOUNDS[i-1] ≤ ms < BOUNDS[i]; the
// last bucket holds everything from about 17 minutes up. The numbers are what PostgreSQL's
// width_bucket(duration_ms, BOUNDS) returns. Changing BOUNDS changes what stored rollups mean:
// mark every day stale (UPDATE operation_log_days SET fresh = false) in the same change.

/** round(2^(k/4)) for k = 0…80, without repeats: 1, 2, 3, …, 1,048,576 ms. */
export const BOUNDS: readonly number[] = Array.from({ length: 81 }, (_, k) => Math.round(2 ** (k / 4))).filter(
  (value, i, all) => i === 0 || value > (all[i - 1] ?? 0),
);

/** The bucket a duration falls in, as width_bucket computes it. */
export function bucketOf(ms: number): number {
  let i = 0;
  while (i < BOUNDS.length && ms >= (BOUNDS[i] ?? Infinity)) i++;
  return i;
}

/** The value a bucket stands for: its middle (a one-value bucket is exact), or the lower end of the open last bucket. */
export function bucketValue(bucket: number): number {
  if (bucket <= 0) return 0;
  const low = BOUNDS[bucket - 1] ?? 0;
  const high = BOUNDS[bucket];
  return high === undefined ? low : (low + high - 1) / 2;
}

/** Bucket → how many durations fell in it. */
export type Histogram = Map<number, number>;

/**
 * The q-quantile (0–1) as PostgreSQL's percentile_cont computes it (interpolating between the two
 * values around the position), each value taken as its bucket's middle. Null for no durations.
 */
export function histogramPercentile(histogram: Histogram, q: number): number | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const position = q * (total - 1);
  const below = Math.floor(position);
  const valueAt = (index: number) => {
    let seen = 0;
    for (const [bucket, n] of buckets) {
      seen += n;
      if (index < seen) return bucketValue(bucket);
    }
    return bucketValue(buckets.at(-1)?.[0] ?? 0);
  };
  const low = valueAt(below);
  const fraction = position - below;
  return fraction ? low + fraction * (valueAt(below + 1) - low) : low;
}
