// Turns graded cells into per-model aggregates and one recommendation (DESIGN "The flow", steps 6-7).
// Quality and cost are compared case by case against the baseline; refusal and error rates are each model's own.

import { DEFAULT_TOLERANCES, type Tolerances } from "@/lib/domain/types";
import { additionalCasesToSettle, DEFAULT_BOOTSTRAP_ITERATIONS, DEFAULT_BOOTSTRAP_SEED } from "@/lib/stats";
import { assessCandidate, pickUpgrade, pickWinner, type Assessment } from "./assess";
import { indexResults, type CaseRows } from "./case-table";
import { compareWithBaseline, exclusionReason } from "./compare";
import { pct, round1, round1Interval, round1OrNull, signedPct } from "./format";
import { keepReasoning, switchReasoning } from "./reasoning";
import { summariseModel, type ModelSummary } from "./summarise";
import type { Confidence, ExcludedCases, ModelAggregate, Recommendation, RecommendInput, Verdict } from "./types";

export function recommend(input: RecommendInput): Recommendation {
  const tol: Tolerances = input.tolerances ?? DEFAULT_TOLERANCES;
  // Every comparison uses the same seed, so a candidate's interval does not depend on the candidates' order.
  const bootstrap = { seed: input.seed ?? DEFAULT_BOOTSTRAP_SEED, iterations: input.iterations ?? DEFAULT_BOOTSTRAP_ITERATIONS };
  const baseline = input.baseline;
  const candidates = [...new Set(input.candidates)].filter((m) => m !== baseline);
  const models = [baseline, ...candidates];
  const table = indexResults(input.results, models);
  const rowsOf = (m: string): CaseRows => table.byModel.get(m) ?? new Map();

  const base = summariseModel(baseline, [...rowsOf(baseline).values()]);
  const assessments = candidates.map((m) => {
    const summary = summariseModel(m, [...rowsOf(m).values()]);
    const cmp = compareWithBaseline(rowsOf(baseline), rowsOf(m), base.priceKnown && summary.priceKnown, bootstrap);
    return assessCandidate(summary, base, cmp, tol);
  });

  const winner = pickWinner(assessments);
  const upgrade = winner ? null : pickUpgrade(assessments, tol);

  let confidence: Confidence = "none";
  let casesNeeded: number | null = null;
  if (winner) {
    const c = winner.comparison;
    const lower = c.qualityChangeCi?.[0];
    if (lower !== undefined && lower >= -tol.qualityDropPercent) confidence = "high";
    else {
      confidence = "low";
      casesNeeded = c.qualityChangeCi
        ? additionalCasesToSettle({
            n: c.pairedCases,
            estimate: c.qualityChangePercent!,
            interval: c.qualityChangeCi,
            threshold: -tol.qualityDropPercent,
          })
        : null;
    }
  }

  const excluded: ExcludedCases = { judge_error: 0, model_error: 0 };
  for (const caseId of table.caseIds) {
    const reason = exclusionReason(models.map((m) => rowsOf(m).get(caseId)));
    if (reason) excluded[reason] += 1;
  }

  const reasoning = winner
    ? switchReasoning(base, winner, tol, confidence === "low", casesNeeded)
    : keepReasoning(base, assessments, upgrade, excluded, tol);
  const chosen = winner?.summary ?? base;

  return {
    baseline_model: baseline,
    recommended_model: chosen.model,
    reasoning,
    cost_reduction_percent: winner ? round1(-winner.comparison.costChangePercent!) ?? 0 : 0,
    quality_impact_percent: winner ? round1(winner.comparison.qualityChangePercent!) ?? 0 : 0,
    quality_impact_ci: winner ? round1Interval(winner.comparison.qualityChangeCi) : null,
    refusal_rate_percent: round1OrNull(chosen.refusalRatePercent),
    confidence,
    models_compared: models.length,
    cases: table.caseIds.length,
    paired_cases: winner ? winner.comparison.pairedCases : null,
    cases_needed: casesNeeded,
    upgrade_model: upgrade?.model ?? null,
    excluded_cases: excluded,
    models: [
      toAggregate(base, null, "baseline", "current model"),
      ...assessments.map((a) => {
        const [verdict, reason] = verdictOf(a, winner, upgrade);
        return toAggregate(a.summary, a, verdict, reason);
      }),
    ],
  };
}

function verdictOf(a: Assessment, winner: Assessment | null, upgrade: Assessment | null): [Verdict, string] {
  const c = a.comparison;
  const summary = `saves ${pct(-(c.costChangePercent ?? 0))} with quality ${signedPct(c.qualityChangePercent ?? 0)}`;
  if (a === winner) return ["recommended", `largest cost reduction among qualifying candidates: ${summary}`];
  if (a === upgrade) return ["upgrade", `better quality (${signedPct(c.qualityChangePercent ?? 0)}) at ${signedPct(c.costChangePercent ?? 0)} cost`];
  const first = a.failures[0];
  if (first) return [first.code, a.failures.map((f) => f.message).join("; ")];
  return ["acceptable", `qualifies (${summary}) but ${winner?.model ?? "another candidate"} is preferred`];
}

function toAggregate(s: ModelSummary, a: Assessment | null, verdict: Verdict, reason: string): ModelAggregate {
  const c = a?.comparison ?? null;
  return {
    model: s.model,
    role: a ? "candidate" : "baseline",
    cases: s.cases,
    answered: s.answered,
    judged: s.judged,
    quality_mean: s.qualityMean,
    quality_ci: s.qualityCi,
    quality_change_percent: c ? round1OrNull(c.qualityChangePercent) : null,
    quality_change_ci: c ? round1Interval(c.qualityChangeCi) : null,
    paired_cases: c ? c.pairedCases : null,
    excluded_cases: c ? c.excluded : null,
    cost_mean_usd: s.costMeanUsd,
    cost_total_usd: s.costTotalUsd,
    cost_change_percent: c ? round1OrNull(c.costChangePercent) : null,
    refusal_rate_percent: round1OrNull(s.refusalRatePercent),
    refusal_ci_percent: round1Interval(s.refusalCiPercent),
    latency_p50_ms: s.latencyP50Ms,
    latency_p95_ms: s.latencyP95Ms,
    error_rate_percent: round1OrNull(s.errorRatePercent),
    errors: s.errors,
    judge_errors: s.judgeErrors,
    verdict,
    reason,
  };
}
