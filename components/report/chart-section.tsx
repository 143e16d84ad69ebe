import { formatUsd } from "@/components/ui/format";
import type { ModelAggregate } from "@/lib/recommend/types";
import type { ModelLabel } from "@/lib/report/report-types";
import { chartInput } from "./chart-points";
import { CostQualityChartLazy } from "./cost-quality-chart-lazy";
import { formatQuality, formatQualityCi } from "./format-report";

// The cost-vs-quality chart with its text alternative (a visually hidden table) and the models it cannot place.

export function ChartSection({ models, labels, recommended, judged }: { models: ModelAggregate[]; labels: ModelLabel[]; recommended: string; judged: boolean }) {
  const { points, frontier, notPlotted } = chartInput(models, labels, recommended);
  const frontierText = frontier.length ? `Pareto frontier: ${frontier.map((p) => labels.find((l) => l.slug === p.model)?.label ?? p.model).join(", ")}.` : "";
  const summary = `Cost versus quality for ${points.length} model${points.length === 1 ? "" : "s"}. ${frontierText}`;
  return (
    <section aria-labelledby="chart-title" data-testid="cost-quality-chart" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="chart-title" className="text-lg font-semibold">Cost vs quality</h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">Up and to the left is better. The dashed line joins the models no other model beats on both.</p>
      </div>
      {!judged ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Quality not graded: this experiment has no judge, so there is no quality axis to plot. Costs are in the table above.
        </p>
      ) : points.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Nothing to plot yet: a model needs a known price and at least one graded answer.
        </p>
      ) : (
        <div className="mt-3">
          <CostQualityChartLazy points={points} frontier={frontier} label={summary} />
          <table className="sr-only">
            <caption>{summary}</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Mean cost per case</th>
                <th scope="col">Mean quality (95% CI)</th>
                <th scope="col">Role</th>
                <th scope="col">On the Pareto frontier</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.model}>
                  <th scope="row">{p.label}</th>
                  <td>{formatUsd(p.cost)}</td>
                  <td>
                    {formatQuality(p.quality)} {formatQualityCi(p.qualityCi)}
                  </td>
                  <td>{p.role === "other" ? "candidate" : p.role}</td>
                  <td>{p.onFrontier ? "yes" : "no"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {judged && notPlotted.length ? (
        <ul data-testid="not-plotted" className="mt-3 space-y-0.5 text-sm text-slate-600 dark:text-slate-400">
          {notPlotted.map((n) => (
            <li key={n.model}>
              {n.label} — not plotted: {n.why}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
