import "server-only";
import { experimentProgress, getExperiment } from "@/lib/db/experiments";
import { experimentCells } from "@/lib/db/responses";
import { AppError } from "@/lib/errors";
import { isRunning } from "@/lib/runner/registry";

// What the API and pages show of an experiment. No secrets are ever in these rows (keys live only in env).

export const MAX_INLINE_CELLS = 2_000;

export async function experimentView(id: string, opts: { cells?: boolean } = {}) {
  const exp = await getExperiment(id);
  if (!exp) throw new AppError("not_found", "No experiment with this id.");
  const progress = await experimentProgress(id);
  const view = {
    id: exp.id,
    name: exp.name,
    status: exp.status,
    active: isRunning(exp.id),
    source: exp.source,
    baseline: exp.baselineSlug,
    candidates: exp.candidateSlugs as string[],
    judge: exp.judgeSlug,
    rubric: exp.rubric,
    tolerances: exp.tolerances,
    params: exp.params,
    recommendation: exp.recommendation,
    lastError: exp.lastError,
    createdAt: exp.createdAt.toISOString(),
    startedAt: exp.startedAt?.toISOString() ?? null,
    finishedAt: exp.finishedAt?.toISOString() ?? null,
    progress,
  };
  if (!opts.cells || progress.total > MAX_INLINE_CELLS) return { ...view, cells: null };
  const cells = (await experimentCells(id)).map(({ modelSlug, ...c }) => ({ ...c, model: modelSlug }));
  return { ...view, cells };
}
