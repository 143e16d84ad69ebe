import "server-only";
import type { Tolerances } from "@/lib/domain/types";
import { DEFAULT_TOLERANCES } from "@/lib/domain/types";
import { recommend, type Recommendation } from "@/lib/recommend";
import { selfPreferenceWarning } from "@/lib/judge";
import { experimentCellStats } from "@/lib/db/responses";
import { isRunning } from "@/lib/runner/registry";
import { getExperiment, saveRecommendation } from "@/lib/db/experiments";
import { toCaseResults } from "./case-results";

// The report of an experiment = the recommendation (with per-model aggregates) computed from stored cells.
// Seeded, so the same data always gives the same intervals.

export const REPORT_SEED = 20_261_127;

/** The recommendation plus warnings a reader should see next to it (e.g. the judge grading its own answers). */
export type Report = Recommendation & { warnings: string[] };

export async function computeReport(experimentId: string): Promise<Report | null> {
  const exp = await getExperiment(experimentId);
  if (!exp) return null;
  const cells = await experimentCellStats(experimentId);
  const settled = !isRunning(experimentId) && exp.status !== "running" && exp.status !== "queued";
  const results = toCaseResults(cells, { judged: Boolean(exp.judgeSlug), settled });
  const candidates = (exp.candidateSlugs as string[]).filter((c) => c !== exp.baselineSlug);
  const rec = recommend({
    baseline: exp.baselineSlug,
    candidates,
    results,
    tolerances: { ...DEFAULT_TOLERANCES, ...((exp.tolerances ?? {}) as Partial<Tolerances>) },
    seed: REPORT_SEED,
  });
  const warnings: string[] = [];
  const self = exp.judgeSlug ? selfPreferenceWarning(exp.judgeSlug, [exp.baselineSlug, ...candidates]) : null;
  if (self) warnings.push(self);
  if (!exp.judgeSlug) {
    warnings.push("No judge was chosen: quality is not graded, so no model can be recommended on quality.");
    return { ...rec, warnings, excluded_cases: { ...rec.excluded_cases, judge_error: 0 }, reasoning: noJudgeReasoning(rec) };
  }
  return { ...rec, warnings };
}

export async function computeAndStoreReport(experimentId: string): Promise<Report | null> {
  const rec = await computeReport(experimentId);
  if (rec) await saveRecommendation(experimentId, rec);
  return rec;
}

/** Without a judge there is no quality to weigh against cost: say so, with the cost figures that do exist. */
function noJudgeReasoning(rec: Recommendation): string {
  const cheaper = rec.models
    .filter((m) => m.role === "candidate" && m.cost_change_percent !== null)
    .sort((a, b) => (a.cost_change_percent ?? 0) - (b.cost_change_percent ?? 0))[0];
  const cost = cheaper ? ` The cheapest candidate, ${cheaper.model}, costs ${Math.abs(cheaper.cost_change_percent ?? 0).toFixed(1)}% ${(cheaper.cost_change_percent ?? 0) <= 0 ? "less" : "more"} than ${rec.baseline_model} per case.` : "";
  return `Keep ${rec.baseline_model}: no judge graded the answers, so quality could not be compared.${cost} Add a judge and run again to get a recommendation.`;
}
