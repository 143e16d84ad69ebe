// A candidate against the baseline, case by case: quality on cases both have a score for, cost on cases both answered.

import type { CaseResult } from "@/lib/domain/types";
import {
  mean,
  pairedBootstrapRelativeChangeCI,
  pairedDifferences,
  relativeChangePercent,
  type BootstrapOptions,
  type Interval,
} from "@/lib/stats";
import type { CaseRows } from "./case-table";
import type { ExcludedCases } from "./types";

export interface BaselineComparison {
  pairedCases: number;
  excluded: ExcludedCases;
  qualityChangePercent: number | null;
  /** Paired-bootstrap percentile interval; null below 2 paired cases. */
  qualityChangeCi: Interval | null;
  costPairedCases: number;
  /**
   * Relative change of mean cost per case, percent, on cases both answered. null when either price is unknown or no
   * case was answered by both; Infinity when the baseline costs nothing and the candidate does.
   */
  costChangePercent: number | null;
}

/** Why a case has no quality pair: a failed or missing call outranks a judge failure. */
export function exclusionReason(rows: ReadonlyArray<CaseResult | undefined>): keyof ExcludedCases | null {
  if (rows.every((r) => r !== undefined && r.quality !== null)) return null;
  return rows.some((r) => r === undefined || r.error) ? "model_error" : "judge_error";
}

function valueMap(rows: CaseRows, pick: (r: CaseResult) => number | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const [caseId, row] of rows) {
    const v = pick(row);
    if (v !== null) out.set(caseId, v);
  }
  return out;
}

export function compareWithBaseline(
  base: CaseRows,
  cand: CaseRows,
  pricesKnown: boolean,
  bootstrap: BootstrapOptions,
): BaselineComparison {
  const excluded: ExcludedCases = { judge_error: 0, model_error: 0 };
  for (const caseId of new Set([...base.keys(), ...cand.keys()])) {
    const reason = exclusionReason([base.get(caseId), cand.get(caseId)]);
    if (reason) excluded[reason] += 1;
  }

  const quality = pairedDifferences(valueMap(base, (r) => r.quality), valueMap(cand, (r) => r.quality));
  const n = quality.caseIds.length;
  const boot = n >= 2 ? pairedBootstrapRelativeChangeCI(quality.a, quality.b, bootstrap) : null;
  const baseQuality = mean(quality.a);
  const qualityChangePercent = n > 0 && baseQuality !== 0 ? relativeChangePercent(baseQuality, mean(quality.b)) : null;

  const answeredCost = (r: CaseResult) => (r.error ? null : r.costUsd);
  const cost = pairedDifferences(valueMap(base, answeredCost), valueMap(cand, answeredCost));
  let costChangePercent: number | null = null;
  if (pricesKnown && cost.caseIds.length > 0) {
    const baseCost = mean(cost.a);
    const candCost = mean(cost.b);
    if (baseCost > 0) costChangePercent = relativeChangePercent(baseCost, candCost);
    else costChangePercent = candCost > 0 ? Infinity : 0;
  }

  return {
    pairedCases: n,
    excluded,
    qualityChangePercent,
    qualityChangeCi: boot ? boot.interval : null,
    costPairedCases: cost.caseIds.length,
    costChangePercent,
  };
}
