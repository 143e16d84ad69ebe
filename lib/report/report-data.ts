import "server-only";
import { DEFAULT_TOLERANCES, type Tolerances } from "@/lib/domain/types";
import { getModelsBySlugs } from "@/lib/db/models";
import { experimentView } from "@/lib/experiments/view";
import { modelOrder } from "./cases";
import type { ReportData } from "./report-types";
import { computeReport } from "./store";

// Loads what the report page (and the share page) render. Throws AppError("not_found") for an unknown experiment.

type ExperimentView = Awaited<ReturnType<typeof experimentView>>;
type StoredReport = NonNullable<ReportData["report"]>;

/** The recommendation the run stored when it ended, if it has the shape the report needs. */
function storedReport(rec: unknown, baseline: string): StoredReport | null {
  if (!rec || typeof rec !== "object") return null;
  const r = rec as Partial<StoredReport>;
  const ok = r.baseline_model === baseline && typeof r.recommended_model === "string" && Array.isArray(r.models) && typeof r.confidence === "string" && Boolean(r.excluded_cases);
  return ok ? (rec as StoredReport) : null;
}

/**
 * The report of an experiment: once a run has ended (done or cancelled) the runner has stored it, computed from the
 * same cells, so it is read back instead of recomputed (the bootstrap over 1,000 cases x 7 models takes a second).
 * While a run is active, or when nothing was stored, it is computed from the cells.
 */
export async function currentReport(id: string, view: ExperimentView): Promise<StoredReport | null> {
  if (view.progress.done + view.progress.failed === 0) return null;
  const settled = !view.active && (view.status === "done" || view.status === "cancelled");
  return (settled ? storedReport(view.recommendation, view.baseline) : null) ?? (await computeReport(id));
}

function logRemaining(params: unknown, cases: number): number | null {
  const available = (params as { import?: { available?: unknown } } | null)?.import?.available;
  return typeof available === "number" ? Math.max(0, available - Math.round(cases)) : null;
}

export async function loadReportData(experimentId: string): Promise<ReportData> {
  const view = await experimentView(experimentId);
  const slugs = modelOrder(view.baseline, view.candidates);
  const [report, rows] = await Promise.all([currentReport(experimentId, view), getModelsBySlugs(view.judge ? [...slugs, view.judge] : slugs)]);
  const rubric = Array.isArray(view.rubric) ? (view.rubric as { name?: unknown; weight?: unknown }[]) : [];
  return {
    name: view.name,
    status: view.status,
    active: view.active,
    source: view.source,
    logRemaining: logRemaining(view.params, view.progress.total / Math.max(1, slugs.length)),
    baseline: view.baseline,
    candidates: view.candidates.filter((c) => c !== view.baseline),
    judge: view.judge,
    criteria: rubric.flatMap((c) => (typeof c.name === "string" && typeof c.weight === "number" ? [{ name: c.name, weight: c.weight }] : [])),
    tolerances: { ...DEFAULT_TOLERANCES, ...((view.tolerances ?? {}) as Partial<Tolerances>) },
    createdAt: view.createdAt,
    finishedAt: view.finishedAt,
    lastError: view.lastError,
    progress: {
      total: view.progress.total,
      done: view.progress.done,
      failed: view.progress.failed,
      running: view.progress.running,
      pending: view.progress.pending,
      costUsd: view.progress.modelCostUsd + view.progress.judgeCostUsd,
      judgeCostUsd: view.progress.judgeCostUsd,
    },
    report,
    models: [...new Set(view.judge ? [...slugs, view.judge] : slugs)].map((slug) => {
      const row = rows.get(slug);
      return { slug, label: row?.label ?? slug, simulated: row?.kind === "demo" };
    }),
  };
}
