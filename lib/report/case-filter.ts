import type { CaseFilter } from "./case-types";

// Which cases a filter of the per-case explorer keeps. Pure: the API applies it to a light index of the cells
// (status, refusal, judge outcome) and only then loads the full text of the page it returns.

export interface CellFacts {
  model: string;
  status: string;
  refused: boolean | null;
  judgment: { status: string; quality: number | null; refused: boolean | null } | null;
}

export interface FilterContext {
  baseline: string;
  /** The model compared with the baseline by "lower" (normally the recommended one). */
  target: string | null;
  /** The experiment has a judge. */
  judged: boolean;
  /** No run is active: an answered cell without a judgment is a judge error, not one still being graded. */
  settled: boolean;
}

function qualityOf(cells: readonly CellFacts[], model: string | null): number | null {
  if (!model) return null;
  const c = cells.find((x) => x.model === model);
  if (!c || c.status !== "done" || c.judgment?.status !== "done") return null;
  return c.judgment.quality;
}

export function isRefusal(c: CellFacts): boolean {
  return c.status === "done" && Boolean(c.refused || c.judgment?.refused);
}

export function isJudgeError(c: CellFacts, ctx: Pick<FilterContext, "judged" | "settled">): boolean {
  if (!ctx.judged || c.status !== "done") return false;
  if (c.judgment) return c.judgment.status !== "done";
  return ctx.settled;
}

export function caseMatches(cells: readonly CellFacts[], filter: CaseFilter, ctx: FilterContext): boolean {
  switch (filter) {
    case "all":
      return true;
    case "lower": {
      if (!ctx.target || ctx.target === ctx.baseline) return false;
      const base = qualityOf(cells, ctx.baseline);
      const target = qualityOf(cells, ctx.target);
      return base !== null && target !== null && target < base;
    }
    case "refusals":
      return cells.some(isRefusal);
    case "errors":
      return cells.some((c) => c.status === "failed");
    case "judge_errors":
      return cells.some((c) => isJudgeError(c, ctx));
  }
}

export function countByFilter(cases: readonly { cells: readonly CellFacts[] }[], filters: readonly CaseFilter[], ctx: FilterContext): Record<CaseFilter, number> {
  const counts = { all: 0, lower: 0, refusals: 0, errors: 0, judge_errors: 0 } satisfies Record<CaseFilter, number>;
  for (const c of cases) for (const f of filters) if (caseMatches(c.cells, f, ctx)) counts[f] += 1;
  return counts;
}

/** Case-insensitive search: every whitespace-separated term must occur in one of the texts. */
export function matchesQuery(texts: readonly (string | null | undefined)[], q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return true;
  const hay = texts.filter((t): t is string => Boolean(t)).join("\n").toLowerCase();
  return terms.every((t) => hay.includes(t));
}

/**
 * The model "lower than baseline" compares: the one asked for if it is a candidate, else the recommended model when it
 * is not the baseline, else the first candidate (so the filter still says something when the baseline is kept).
 */
export function lowerTarget(opts: { requested?: string | null; recommended?: string | null; baseline: string; candidates: readonly string[] }): string | null {
  const cands = opts.candidates.filter((c) => c !== opts.baseline);
  if (opts.requested && cands.includes(opts.requested)) return opts.requested;
  if (opts.recommended && cands.includes(opts.recommended)) return opts.recommended;
  return cands[0] ?? null;
}
