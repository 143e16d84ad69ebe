// Output of the recommendation (snake_case, as in the design's JSON) and its input.

import type { CaseResult, Tolerances } from "@/lib/domain/types";

export type Confidence = "high" | "low" | "none";

/**
 * baseline: the current model. recommended: the pick. acceptable: qualifies but saves less than the pick.
 * upgrade: better quality at similar cost, named when no candidate qualifies. The rest say why a candidate failed,
 * in this order of precedence: unknown_price, errors, insufficient_data, too_costly, quality_drop, refusals.
 */
export type Verdict =
  | "baseline"
  | "recommended"
  | "acceptable"
  | "upgrade"
  | "unknown_price"
  | "errors"
  | "insufficient_data"
  | "too_costly"
  | "quality_drop"
  | "refusals";

export type FailureCode = Extract<Verdict, "unknown_price" | "errors" | "insufficient_data" | "too_costly" | "quality_drop" | "refusals">;

/** Cases left out of a quality comparison. model_error: a call failed or its result is missing; judge_error: the answer exists but was not scored. */
export interface ExcludedCases {
  judge_error: number;
  model_error: number;
}

export interface ModelAggregate {
  model: string;
  role: "baseline" | "candidate";
  /** Results recorded for this model. */
  cases: number;
  /** Results without a call error. */
  answered: number;
  /** Results with a quality score. */
  judged: number;
  /** Mean quality 0..1 over this model's scored answers, with a t-based 95% interval (null below 2 scores). */
  quality_mean: number | null;
  quality_ci: [number, number] | null;
  /** Relative change of mean quality vs the baseline on the paired cases, percent; paired-bootstrap 95% interval. */
  quality_change_percent: number | null;
  quality_change_ci: [number, number] | null;
  /** Cases where both this model and the baseline have a quality score (null for the baseline). */
  paired_cases: number | null;
  excluded_cases: ExcludedCases | null;
  /** Mean cost per answered case and total cost, USD; null when the model's price is unknown. */
  cost_mean_usd: number | null;
  cost_total_usd: number | null;
  /** Relative change of mean cost vs the baseline on cases both answered, percent. */
  cost_change_percent: number | null;
  refusal_rate_percent: number | null;
  refusal_ci_percent: [number, number] | null;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
  error_rate_percent: number | null;
  errors: number;
  judge_errors: number;
  verdict: Verdict;
  reason: string;
}

export interface Recommendation {
  baseline_model: string;
  recommended_model: string;
  reasoning: string;
  /** Positive = cheaper. 0 when the baseline is kept. */
  cost_reduction_percent: number;
  quality_impact_percent: number;
  quality_impact_ci: [number, number] | null;
  /** Refusal rate of the recommended model. */
  refusal_rate_percent: number | null;
  confidence: Confidence;
  /** Baseline plus candidates. */
  models_compared: number;
  /** Distinct cases in the results of the compared models. */
  cases: number;
  /** Paired cases behind quality_impact_percent (null when the baseline is kept). */
  paired_cases: number | null;
  /** With low confidence: roughly how many more cases would move the interval clear of the tolerance. */
  cases_needed: number | null;
  /** When the baseline is kept: a candidate clearly better in quality at no more than 1.1x the baseline's cost. */
  upgrade_model: string | null;
  /** Cases left out of at least one quality comparison (some compared model has no score for them). */
  excluded_cases: ExcludedCases;
  models: ModelAggregate[];
}

export interface RecommendInput {
  baseline: string;
  candidates: string[];
  /** One result per (caseId, model); a repeated pair keeps its last row. */
  results: CaseResult[];
  tolerances?: Tolerances;
  seed?: number;
  iterations?: number;
}
