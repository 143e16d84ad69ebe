// Confidence interval of a plain mean, t-based: mean ± t(1 - (1 - level)/2, n - 1) · s / √n.
// Chosen over a bootstrap because it is deterministic, cheap, and accurate for means of bounded scores.

import { mean, standardDeviation } from "./descriptive";
import { studentTQuantile } from "./student-t";
import type { Interval } from "./types";

export interface MeanInterval {
  mean: number;
  interval: Interval;
  n: number;
}

/** t-based interval of the mean; null when there are fewer than two values (no spread to estimate). */
export function meanConfidenceInterval(values: readonly number[], level = 0.95): MeanInterval | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values);
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  const halfWidth = (t * standardDeviation(values)) / Math.sqrt(n);
  return { mean: m, interval: [m - halfWidth, m + halfWidth], n };
}
