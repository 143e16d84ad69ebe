// Indexes results by model and case, keeping only the compared models. Cases are put in a canonical order (sorted
// ids) so that sums and bootstrap resamples, hence every output number, do not depend on the order rows arrive in.

import type { CaseResult } from "@/lib/domain/types";

export type CaseRows = Map<string, CaseResult>;

export interface CaseTable {
  byModel: Map<string, CaseRows>;
  /** Distinct case ids across the compared models, sorted. */
  caseIds: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function indexResults(results: readonly CaseResult[], models: readonly string[]): CaseTable {
  const collected = new Map<string, CaseRows>(models.map((m) => [m, new Map()]));
  const caseIds = new Set<string>();
  for (const row of results) {
    const rows = collected.get(row.model);
    if (!rows) continue;
    rows.set(row.caseId, row); // a repeated (case, model) keeps its last row, e.g. a retried cell
    caseIds.add(row.caseId);
  }
  const byModel = new Map<string, CaseRows>();
  for (const [model, rows] of collected) {
    byModel.set(model, new Map([...rows].sort(([a], [b]) => byId(a, b))));
  }
  return { byModel, caseIds: [...caseIds].sort(byId) };
}
