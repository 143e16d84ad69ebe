import "server-only";
import { getExperiment } from "@/lib/db/experiments";
import { listCaseIndex, listCasesWithCells, listCaseTexts } from "@/lib/db/cases";
import { AppError } from "@/lib/errors";
import { isRunning } from "@/lib/runner/registry";
import { caseMatches, countByFilter, lowerTarget, matchesQuery, type FilterContext } from "./case-filter";
import { CASE_FILTERS, type CaseFilter, type CasesPage } from "./case-types";
import { toCaseView, toMessages } from "./case-view";

// One page of the per-case explorer: filter and count on a light index, search the texts only when asked, then load
// the full rows of the page. Shared by the owner's API and the token-scoped share API (same shape, no ids).

export const MAX_CASES_LIMIT = 100;

export interface CasesQuery {
  offset: number;
  limit: number;
  filter: CaseFilter;
  q: string;
  model?: string | null;
}

/** [baseline, ...candidates]: the order cells are shown in. */
export function modelOrder(baseline: string, candidates: readonly string[]): string[] {
  return [baseline, ...candidates.filter((c) => c !== baseline)];
}

export async function listCasePage(experimentId: string, query: CasesQuery): Promise<CasesPage> {
  const exp = await getExperiment(experimentId);
  if (!exp) throw new AppError("not_found", "No experiment with this id.");
  const candidates = exp.candidateSlugs as string[];
  const models = modelOrder(exp.baselineSlug, candidates);
  const recommended = (exp.recommendation as { recommended_model?: unknown } | null)?.recommended_model;
  const ctx: FilterContext = {
    baseline: exp.baselineSlug,
    target: lowerTarget({ requested: query.model, recommended: typeof recommended === "string" ? recommended : null, baseline: exp.baselineSlug, candidates }),
    judged: Boolean(exp.judgeSlug),
    settled: !isRunning(experimentId),
  };

  const index = (await listCaseIndex(experimentId)).map((c) => ({ id: c.id, cells: c.responses.map((r) => ({ ...r, model: r.modelSlug })) }));
  const counts = countByFilter(index, CASE_FILTERS, ctx);
  let matched = index.filter((c) => caseMatches(c.cells, query.filter, ctx)).map((c) => c.id);
  const q = query.q.trim();
  if (q) {
    const hits = new Set(
      (await listCaseTexts(experimentId))
        .filter((c) => matchesQuery([...toMessages(c.messages).map((m) => m.content), c.reference, ...c.responses.map((r) => r.content)], q))
        .map((c) => c.id),
    );
    matched = matched.filter((id) => hits.has(id));
  }
  const pageIds = matched.slice(query.offset, query.offset + query.limit);
  const rows = await listCasesWithCells(experimentId, pageIds);
  return {
    total: matched.length,
    offset: query.offset,
    limit: query.limit,
    filter: query.filter,
    q,
    target: ctx.target,
    counts,
    cases: rows.map((r) => toCaseView(r, models)),
  };
}
