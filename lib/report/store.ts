import "server-only";
import type { Tolerances } from "@/lib/domain/types";
import { DEFAULT_TOLERANCES } from "@/lib/domain/types";
import { recommend, type Recommendation } from "@/lib/recommend";
import { experimentCells } from "@/lib/db/responses";
import { getExperiment, saveRecommendation } from "@/lib/db/experiments";
import { toCaseResults } from "./case-results";

// The report of an experiment = the recommendation (with per-model aggregates) computed from stored cells.
// Seeded, so the same data always gives the same intervals.

export const REPORT_SEED = 20_261_127;

export async function computeReport(experimentId: string): Promise<Recommendation | null> {
  const exp = await getExperiment(experimentId);
  if (!exp) return null;
  const cells = await experimentCells(experimentId);
  const results = toCaseResults(cells, { judged: Boolean(exp.judgeSlug) });
  return recommend({
    baseline: exp.baselineSlug,
    candidates: (exp.candidateSlugs as string[]).filter((c) => c !== exp.baselineSlug),
    results,
    tolerances: { ...DEFAULT_TOLERANCES, ...((exp.tolerances ?? {}) as Partial<Tolerances>) },
    seed: REPORT_SEED,
  });
}

export async function computeAndStoreReport(experimentId: string): Promise<Recommendation | null> {
  const rec = await computeReport(experimentId);
  if (rec) await saveRecommendation(experimentId, rec);
  return rec;
}
