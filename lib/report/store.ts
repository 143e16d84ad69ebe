import "server-only";
import type { Tolerances } from "@/lib/domain/types";
import { DEFAULT_TOLERANCES } from "@/lib/domain/types";
import { recommend, type Recommendation } from "@/lib/recommend";
import { selfPreferenceWarning } from "@/lib/judge";
import { experimentCells } from "@/lib/db/responses";
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
  const cells = await experimentCells(experimentId);
  const results = toCaseResults(cells, { judged: Boolean(exp.judgeSlug) });
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
  if (!exp.judgeSlug) warnings.push("No judge was chosen: quality is not graded, so no model can be recommended on quality.");
  return { ...rec, warnings };
}

export async function computeAndStoreReport(experimentId: string): Promise<Report | null> {
  const rec = await computeReport(experimentId);
  if (rec) await saveRecommendation(experimentId, rec);
  return rec;
}
