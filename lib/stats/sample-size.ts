// How many cases an interval needs. Both functions assume a normal-approximation interval whose half-width
// shrinks like 1/√n: halfWidth = z · sd / √n.

/** Cases needed for an interval of half-width `targetHalfWidth`: n = ceil((z · sd / halfWidth)²). */
export function casesNeededForWidth(sdOfPairedDiff: number, targetHalfWidth: number, z = 1.96): number {
  if (!(targetHalfWidth > 0) || !Number.isFinite(sdOfPairedDiff)) return Infinity;
  if (sdOfPairedDiff <= 0) return 1;
  return Math.ceil(((z * sdOfPairedDiff) / targetHalfWidth) ** 2);
}

export interface SettleInput {
  /** Cases behind the current interval. */
  n: number;
  /** Point estimate. */
  estimate: number;
  /** Current interval [lower, upper] around the estimate. */
  interval: readonly [number, number];
  /** The tolerance bound the interval should clear (e.g. −5 for a 5% quality drop). */
  threshold: number;
  z?: number;
}

/**
 * Rough number of additional cases after which the interval would no longer contain `threshold`, assuming the
 * point estimate and the per-case spread stay as they are. Approach: take the current half-width on the side that
 * faces the threshold (bootstrap intervals may be asymmetric), back out the spread it implies
 * (sd = halfWidth · √n / z), and ask casesNeededForWidth for a half-width equal to the distance between the estimate
 * and the threshold. Returns 0 when the interval already clears the threshold, null when it cannot be settled
 * (estimate exactly on the threshold, or no data).
 */
export function additionalCasesToSettle({ n, estimate, interval, threshold, z = 1.96 }: SettleInput): number | null {
  if (!(n > 0) || !Number.isFinite(estimate)) return null;
  const [lower, upper] = interval;
  if (lower >= threshold || upper < threshold) return 0;
  const margin = Math.abs(estimate - threshold);
  if (margin === 0) return null;
  const halfWidth = estimate > threshold ? estimate - lower : upper - estimate;
  const impliedSd = (halfWidth * Math.sqrt(n)) / z;
  const needed = casesNeededForWidth(impliedSd, margin, z);
  return Number.isFinite(needed) ? Math.max(0, needed - n) : null;
}
