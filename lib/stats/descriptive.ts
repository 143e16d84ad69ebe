// Descriptive statistics over plain arrays. Empty input yields NaN (callers decide what "no data" shows as).

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample variance (divides by n - 1). NaN for fewer than two values. */
export function variance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return sum / (n - 1);
}

/** Sample standard deviation (n - 1 denominator). NaN for fewer than two values. */
export function standardDeviation(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

/**
 * Quantile of already-sorted values, p in [0, 1], by linear interpolation between closest ranks:
 * h = (n - 1) p, result = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 * This is Hyndman & Fan type 7, the default of R's quantile() and NumPy's percentile().
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(p)) return NaN;
  if (p <= 0) return sorted[0]!;
  if (p >= 1) return sorted[n - 1]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, n - 1)]!;
  return below + (h - lo) * (above - below);
}

/** Quantile (type 7, see quantileSorted) of unsorted values; the input is not modified. */
export function quantile(values: readonly number[], p: number): number {
  return quantileSorted([...values].sort((a, b) => a - b), p);
}

/** Percentile with p in [0, 100], e.g. percentile(latencies, 95) for p95. Same interpolation as quantile. */
export function percentile(values: readonly number[], p: number): number {
  return quantile(values, p / 100);
}
