// Per-model figures that do not depend on the baseline: quality, cost, refusals, latency, errors.

import type { CaseResult } from "@/lib/domain/types";
import { mean, meanConfidenceInterval, percentile, wilsonInterval, type Interval } from "@/lib/stats";

export interface ModelSummary {
  model: string;
  cases: number;
  answered: number;
  judged: number;
  errors: number;
  judgeErrors: number;
  refusals: number;
  qualityMean: number | null;
  qualityCi: Interval | null;
  /** True when every answered case has a cost; a single unknown cost makes the model's price unknown. */
  priceKnown: boolean;
  costMeanUsd: number | null;
  costTotalUsd: number | null;
  /** Refusals among answered cases, percent, with a Wilson 95% interval. */
  refusalRatePercent: number | null;
  refusalCiPercent: Interval | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** Call errors among all results, percent. */
  errorRatePercent: number | null;
}

export function summariseModel(model: string, rows: readonly CaseResult[]): ModelSummary {
  const answered = rows.filter((r) => !r.error);
  const qualities = rows.flatMap((r) => (r.quality === null ? [] : [r.quality]));
  const answeredCosts = answered.flatMap((r) => (r.costUsd === null ? [] : [r.costUsd]));
  const priceKnown = answered.length > 0 && answeredCosts.length === answered.length;
  const refusals = answered.filter((r) => r.refused).length;
  // Latency of failed calls (timeouts) would say nothing about answering speed.
  const latencies = answered.flatMap((r) => (r.latencyMs === null ? [] : [r.latencyMs]));
  const errors = rows.filter((r) => r.error).length;
  const ci = meanConfidenceInterval(qualities);
  const [refusalLo, refusalHi] = wilsonInterval(refusals, answered.length);

  return {
    model,
    cases: rows.length,
    answered: answered.length,
    judged: qualities.length,
    errors,
    judgeErrors: rows.filter((r) => !r.error && r.judgeError).length,
    refusals,
    qualityMean: qualities.length > 0 ? mean(qualities) : null,
    qualityCi: ci ? ci.interval : null,
    priceKnown,
    costMeanUsd: priceKnown ? mean(answeredCosts) : null,
    // Failed calls may still have been billed: count every known cost.
    costTotalUsd: priceKnown ? rows.reduce((sum, r) => sum + (r.costUsd ?? 0), 0) : null,
    refusalRatePercent: answered.length > 0 ? (100 * refusals) / answered.length : null,
    refusalCiPercent: answered.length > 0 ? [100 * refusalLo, 100 * refusalHi] : null,
    latencyP50Ms: latencies.length > 0 ? percentile(latencies, 50) : null,
    latencyP95Ms: latencies.length > 0 ? percentile(latencies, 95) : null,
    errorRatePercent: rows.length > 0 ? (100 * errors) / rows.length : null,
  };
}
