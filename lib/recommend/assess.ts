// The rules of DESIGN step 7: which candidates qualify, which one wins, and which one is an upgrade.

import type { Tolerances } from "@/lib/domain/types";
import type { BaselineComparison } from "./compare";
import { ciText, pct, signedPct } from "./format";
import type { ModelSummary } from "./summarise";
import type { FailureCode } from "./types";

/** Slack for comparisons against tolerances, so a value exactly on the limit passes despite float noise. */
const EPS = 1e-9;
/** An upgrade may cost up to this multiple of the baseline's mean cost per case ("similar cost"). */
export const UPGRADE_MAX_COST_RATIO = 1.1;

export interface Failure {
  code: FailureCode;
  message: string;
}

export interface Assessment {
  model: string;
  summary: ModelSummary;
  comparison: BaselineComparison;
  /** In precedence order; the first one is the verdict. Empty = qualifies. */
  failures: Failure[];
}

export function assessCandidate(
  cand: ModelSummary,
  base: ModelSummary,
  cmp: BaselineComparison,
  tol: Tolerances,
): Assessment {
  const failures: Failure[] = [];
  const fail = (code: FailureCode, message: string) => failures.push({ code, message });

  if (!base.priceKnown) fail("unknown_price", "the baseline's price is unknown, so costs cannot be compared");
  else if (!cand.priceKnown) fail("unknown_price", "price unknown, so it cannot be recommended on cost");

  if (cand.errorRatePercent === null) fail("errors", "no results");
  else if (cand.errorRatePercent > tol.maxErrorRatePercent + EPS)
    fail("errors", `error rate ${pct(cand.errorRatePercent)} exceeds the ${pct(tol.maxErrorRatePercent)} limit`);

  if (cmp.qualityChangePercent === null) fail("insufficient_data", "no cases where both it and the baseline have a quality score");

  if (cmp.costChangePercent !== null && !(cmp.costChangePercent < 0)) {
    fail("too_costly", cmp.costChangePercent === 0 ? "costs the same as the baseline" : costMoreText(cmp.costChangePercent));
  }

  if (cmp.qualityChangePercent !== null && cmp.qualityChangePercent < -tol.qualityDropPercent - EPS) {
    fail(
      "quality_drop",
      `quality ${signedPct(cmp.qualityChangePercent)}${ciText(cmp.qualityChangeCi)} is below the ${signedPct(-tol.qualityDropPercent)} tolerance`,
    );
  }

  const rise = refusalRise(cand, base);
  if (rise !== null && rise > tol.refusalRisePoints + EPS) {
    fail(
      "refusals",
      `refusal rate ${pct(cand.refusalRatePercent ?? 0)} vs ${pct(base.refusalRatePercent ?? 0)} for the baseline ` +
        `(+${(Math.round(rise * 10) / 10).toFixed(1)} points, tolerance +${tol.refusalRisePoints.toFixed(1)})`,
    );
  }
  return { model: cand.model, summary: cand, comparison: cmp, failures };
}

function costMoreText(change: number): string {
  return Number.isFinite(change) ? `costs ${pct(change)} more than the baseline` : "costs more than the baseline, which costs nothing";
}

/** Refusal-rate rise over the baseline in percentage points; null when either rate is unknown. */
export function refusalRise(cand: ModelSummary, base: ModelSummary): number | null {
  if (cand.refusalRatePercent === null || base.refusalRatePercent === null) return null;
  return cand.refusalRatePercent - base.refusalRatePercent;
}

function sameCost(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Largest cost reduction among qualifying candidates; equal reductions (1e-9 relative) go to the higher quality. */
export function pickWinner(assessments: readonly Assessment[]): Assessment | null {
  let best: Assessment | null = null;
  for (const a of assessments) {
    if (a.failures.length > 0) continue;
    if (!best) {
      best = a;
      continue;
    }
    const cost = a.comparison.costChangePercent!;
    const bestCost = best.comparison.costChangePercent!;
    const better = sameCost(cost, bestCost)
      ? a.comparison.qualityChangePercent! > best.comparison.qualityChangePercent!
      : cost < bestCost;
    if (better) best = a;
  }
  return best;
}

/**
 * When nothing qualifies: the candidate with the best quality change among those that are clearly better
 * (interval lower bound > 0, or point estimate above +tolerance), cost at most 1.1x the baseline's on the same
 * cases, known prices, and no error or refusal failure.
 */
export function pickUpgrade(assessments: readonly Assessment[], tol: Tolerances): Assessment | null {
  let best: Assessment | null = null;
  for (const a of assessments) {
    const { costChangePercent: cost, qualityChangePercent: q, qualityChangeCi: ci } = a.comparison;
    if (cost === null || q === null || cost > 100 * (UPGRADE_MAX_COST_RATIO - 1) + EPS) continue;
    if (a.failures.some((f) => f.code !== "too_costly")) continue;
    const clearlyBetter = (ci !== null && ci[0] > 0) || q > tol.qualityDropPercent;
    if (!clearlyBetter) continue;
    if (!best || q > best.comparison.qualityChangePercent!) best = a;
  }
  return best;
}
