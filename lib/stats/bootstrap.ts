// Paired bootstrap of the relative change of two means, with a percentile interval.
// Cases are resampled with replacement as pairs, so the per-case correlation between the two models is kept:
// that is what makes a small difference between two strongly correlated models detectable.

import { mean, quantileSorted } from "./descriptive";
import { mulberry32, randomIndex } from "./prng";
import type { Interval } from "./types";

export const DEFAULT_BOOTSTRAP_ITERATIONS = 2000;
export const DEFAULT_BOOTSTRAP_SEED = 20240601;

export interface BootstrapOptions {
  iterations?: number;
  seed?: number;
  level?: number;
}

export interface RelativeChangeEstimate {
  /** 100 · (mean(cand) − mean(base)) / mean(base) on the full sample. */
  estimate: number;
  /** Percentile interval of the resampled relative changes (type-7 quantiles). */
  interval: Interval;
  n: number;
  /** Resamples used; resamples whose baseline mean is 0 (relative change undefined) are dropped. */
  iterations: number;
}

/** Relative change of means in percent: 100 · (mean(cand) − mean(base)) / mean(base). */
export function relativeChangePercent(baseMean: number, candMean: number): number {
  return (100 * (candMean - baseMean)) / baseMean;
}

/**
 * base[i] and cand[i] must belong to the same case. Returns null when there are no pairs, the arrays differ in
 * length, or the baseline mean is 0 (no relative change exists).
 */
export function pairedBootstrapRelativeChangeCI(
  base: readonly number[],
  cand: readonly number[],
  { iterations = DEFAULT_BOOTSTRAP_ITERATIONS, seed = DEFAULT_BOOTSTRAP_SEED, level = 0.95 }: BootstrapOptions = {},
): RelativeChangeEstimate | null {
  const n = base.length;
  if (n === 0 || cand.length !== n) return null;
  const baseMean = mean(base);
  if (baseMean === 0) return null;
  const estimate = relativeChangePercent(baseMean, mean(cand));

  const random = mulberry32(seed);
  const changes: number[] = [];
  for (let it = 0; it < iterations; it++) {
    let sumBase = 0;
    let sumCand = 0;
    for (let k = 0; k < n; k++) {
      const i = randomIndex(random, n);
      sumBase += base[i]!;
      sumCand += cand[i]!;
    }
    if (sumBase !== 0) changes.push(relativeChangePercent(sumBase, sumCand)); // n cancels in the ratio
  }
  if (changes.length === 0) return { estimate, interval: [estimate, estimate], n, iterations: 0 };
  changes.sort((x, y) => x - y);
  const alpha = (1 - level) / 2;
  return {
    estimate,
    interval: [quantileSorted(changes, alpha), quantileSorted(changes, 1 - alpha)],
    n,
    iterations: changes.length,
  };
}
