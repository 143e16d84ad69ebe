// Wilson score interval for a proportion: well behaved near 0 and 1 and for small n, unlike the Wald interval.

import type { Interval } from "./types";

/** Interval for successes / n as proportions in [0, 1]. n = 0 carries no information: [0, 1]. */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval {
  if (n <= 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}
