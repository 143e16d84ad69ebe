// The one- or two-sentence explanation, built from the computed numbers only.

import type { Tolerances } from "@/lib/domain/types";
import type { Assessment } from "./assess";
import { ciText, pct, plural, signedPct } from "./format";
import type { ModelSummary } from "./summarise";
import type { ExcludedCases } from "./types";

const MAIN_RIVALS = 3;

function excludedDetail(e: ExcludedCases): string {
  const parts: string[] = [];
  if (e.judge_error > 0) parts.push(plural(e.judge_error, "judge error"));
  if (e.model_error > 0) parts.push(plural(e.model_error, "model error"));
  return parts.join(", ");
}

function excludedTotal(e: ExcludedCases): number {
  return e.judge_error + e.model_error;
}

export function switchReasoning(
  base: ModelSummary,
  winner: Assessment,
  tol: Tolerances,
  lowConfidence: boolean,
  casesNeeded: number | null,
): string {
  const c = winner.comparison;
  const excluded = excludedTotal(c.excluded) > 0 ? ` (${excludedTotal(c.excluded)} excluded: ${excludedDetail(c.excluded)})` : "";
  let text =
    `Switching from ${base.model} to ${winner.model} reduces cost by ${pct(-(c.costChangePercent ?? 0))} ` +
    `with ${signedPct(c.qualityChangePercent ?? 0)} quality impact${ciText(c.qualityChangeCi)} ` +
    `on ${plural(c.pairedCases, "paired case")}${excluded}; ` +
    `refusal rate ${pct(winner.summary.refusalRatePercent ?? 0)} vs ${pct(base.refusalRatePercent ?? 0)}.`;
  if (lowConfidence) {
    const bound = c.qualityChangeCi ? "the interval's lower bound is below" : "too few paired cases to bound it within";
    const more = casesNeeded !== null && casesNeeded > 0 ? `; roughly ${casesNeeded} more case${casesNeeded === 1 ? "" : "s"} would settle it` : "";
    text += ` Confidence is low: ${bound} the ${signedPct(-tol.qualityDropPercent)} tolerance${more}.`;
  }
  return text;
}

/** Cheapest first (those came closest to winning), unknown cost last. */
function byCost(a: Assessment, b: Assessment): number {
  const ca = a.comparison.costChangePercent ?? Infinity;
  const cb = b.comparison.costChangePercent ?? Infinity;
  return ca === cb ? 0 : ca < cb ? -1 : 1;
}

export function keepReasoning(
  base: ModelSummary,
  assessments: readonly Assessment[],
  upgrade: Assessment | null,
  excluded: ExcludedCases,
  tol: Tolerances,
): string {
  if (assessments.length === 0) return `Keep ${base.model}: no candidate models were compared.`;
  const rivals = [...assessments].sort(byCost);
  const shown = rivals.slice(0, MAIN_RIVALS).map((a) => `${a.model} ${a.failures[0]?.message ?? "does not qualify"}`);
  if (rivals.length > MAIN_RIVALS) shown.push(`${rivals.length - MAIN_RIVALS} more also fail`);
  let text =
    `Keep ${base.model}: no candidate is cheaper with quality within ${signedPct(-tol.qualityDropPercent)} ` +
    `and acceptable refusal and error rates (${shown.join("; ")}).`;
  if (upgrade) {
    const c = upgrade.comparison;
    text +=
      ` ${upgrade.model} is better, quality ${signedPct(c.qualityChangePercent ?? 0)}${ciText(c.qualityChangeCi)} ` +
      `at ${signedPct(c.costChangePercent ?? 0)} cost: consider it as an upgrade.`;
  }
  if (excludedTotal(excluded) > 0) {
    text += ` ${plural(excludedTotal(excluded), "case")} without a score from every model left the comparisons (${excludedDetail(excluded)}).`;
  }
  return text;
}
