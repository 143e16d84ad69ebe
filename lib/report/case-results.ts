import type { CaseResult } from "@/lib/domain/types";

// Turns stored cells (+ their judgments) into the plain per-case results the recommendation works on.

export interface StoredCell {
  caseId: string;
  modelSlug: string;
  status: string;
  costUsd: number | null;
  latencyMs: number | null;
  refused: boolean | null;
  judgment: { status: string; quality: number | null; refused: boolean | null } | null;
}

/**
 * judged: the experiment has a judge. settled: no run is active — while one is, an answer without a grade yet is
 * left out (it is still being graded), not counted as a judge error.
 */
export function toCaseResults(cells: StoredCell[], opts: { judged: boolean; settled?: boolean }): CaseResult[] {
  const settled = opts.settled ?? true;
  return cells
    .filter((c) => c.status === "done" || c.status === "failed")
    .filter((c) => settled || !opts.judged || c.status !== "done" || c.judgment !== null)
    .map((c) => {
      const error = c.status === "failed";
      const judgeError = !error && opts.judged && (c.judgment === null || c.judgment.status !== "done");
      return {
        caseId: c.caseId,
        model: c.modelSlug,
        quality: error || judgeError ? null : (c.judgment?.quality ?? null),
        error,
        judgeError,
        refused: Boolean(c.refused || c.judgment?.refused),
        costUsd: error ? null : c.costUsd,
        latencyMs: c.latencyMs,
      };
    });
}
