// The cost-vs-quality Pareto frontier: the models no other model beats on both axes (cheaper or equal AND better or
// equal, one of them strictly). Walking by cost, a model is on the frontier when it is better than every cheaper one —
// i.e. it is the lowest cost for its level of quality. Pure, for the chart and its tests.

export interface CostQualityPoint {
  model: string;
  /** Mean cost per case, USD; null when the price is unknown. */
  cost: number | null;
  /** Mean quality 0..1; null when not graded. */
  quality: number | null;
}

export interface PlottedPoint {
  model: string;
  cost: number;
  quality: number;
}

/** Points that can be drawn (both coordinates known and finite). */
export function plottable(points: readonly CostQualityPoint[]): PlottedPoint[] {
  return points.flatMap((p) =>
    p.cost !== null && p.quality !== null && Number.isFinite(p.cost) && Number.isFinite(p.quality) ? [{ model: p.model, cost: p.cost, quality: p.quality }] : [],
  );
}

/** The frontier, ordered by increasing cost (and so increasing quality). Ties on cost keep the better model only. */
export function paretoFrontier(points: readonly CostQualityPoint[]): PlottedPoint[] {
  const sorted = plottable(points).sort((a, b) => a.cost - b.cost || b.quality - a.quality || (a.model < b.model ? -1 : 1));
  const frontier: PlottedPoint[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.quality > best) {
      frontier.push(p);
      best = p.quality;
    }
  }
  return frontier;
}
