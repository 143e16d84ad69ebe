import type { ModelAggregate } from "@/lib/recommend/types";
import type { ModelLabel } from "@/lib/report/report-types";
import { paretoFrontier, type PlottedPoint } from "@/lib/report/pareto";

// Report aggregates -> what the cost-vs-quality chart draws, and what it cannot draw (and why).

export type PointRole = "baseline" | "recommended" | "other";

export interface ChartPoint extends PlottedPoint {
  label: string;
  role: PointRole;
  qualityCi: [number, number] | null;
  onFrontier: boolean;
}

export interface ChartInput {
  points: ChartPoint[];
  frontier: PlottedPoint[];
  notPlotted: { model: string; label: string; why: string }[];
}

export function chartInput(models: readonly ModelAggregate[], labels: readonly ModelLabel[], recommended: string): ChartInput {
  const labelOf = (slug: string) => labels.find((l) => l.slug === slug)?.label ?? slug;
  const frontier = paretoFrontier(models.map((m) => ({ model: m.model, cost: m.cost_mean_usd, quality: m.quality_mean })));
  const onFrontier = new Set(frontier.map((p) => p.model));
  const points: ChartPoint[] = [];
  const notPlotted: ChartInput["notPlotted"] = [];
  for (const m of models) {
    const label = labelOf(m.model);
    if (m.cost_mean_usd === null) notPlotted.push({ model: m.model, label, why: m.answered === 0 ? "no answers yet" : "unknown price" });
    else if (m.quality_mean === null) notPlotted.push({ model: m.model, label, why: "no quality score" });
    else
      points.push({
        model: m.model,
        label,
        cost: m.cost_mean_usd,
        quality: m.quality_mean,
        qualityCi: m.quality_ci,
        role: m.role === "baseline" ? "baseline" : m.model === recommended ? "recommended" : "other",
        onFrontier: onFrontier.has(m.model),
      });
  }
  return { points, frontier, notPlotted };
}
