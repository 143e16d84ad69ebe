import type { ReactNode } from "react";
import { formatPercent } from "@/components/ui/format";

// The decision, in one card. Every number comes from the computed recommendation.

export interface RecommendationView {
  baseline_model: string;
  recommended_model: string;
  reasoning: string;
  cost_reduction_percent: number;
  quality_impact_percent: number;
  quality_impact_ci: [number, number] | null;
  refusal_rate_percent: number | null;
  confidence: "high" | "low" | "none";
  models_compared: number;
  cases: number;
  cases_needed: number | null;
  upgrade_model: string | null;
}

const CONFIDENCE_STYLE: Record<RecommendationView["confidence"], string> = {
  high: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
  low: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  none: "bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

export function RecommendationCard({ rec, labelOf, note }: { rec: RecommendationView; labelOf: (slug: string) => string; note?: ReactNode }) {
  const switching = rec.recommended_model !== rec.baseline_model;
  return (
    <section aria-labelledby="rec-title" data-testid="recommendation" className="rounded-xl border border-blue-200 bg-white p-5 shadow-sm dark:border-blue-900 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="rec-title" className="text-sm font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
          Recommendation
        </h2>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${CONFIDENCE_STYLE[rec.confidence]}`} data-testid="confidence">
          {rec.confidence === "none" ? "no cheaper model qualifies" : `${rec.confidence} confidence`}
        </span>
      </div>
      <p className="mt-2 text-xl font-semibold sm:text-2xl" data-testid="recommended-model">
        {switching ? (
          <>
            Switch to {labelOf(rec.recommended_model)}
            <span className="ml-2 text-base font-normal text-slate-600 dark:text-slate-400">from {labelOf(rec.baseline_model)}</span>
          </>
        ) : (
          <>Keep {labelOf(rec.baseline_model)}</>
        )}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Cost reduction" value={formatPercent(rec.cost_reduction_percent)} />
        <Stat
          label="Quality impact"
          value={formatPercent(rec.quality_impact_percent, { signed: true })}
          hint={rec.quality_impact_ci ? `95% CI ${formatPercent(rec.quality_impact_ci[0], { signed: true })} to ${formatPercent(rec.quality_impact_ci[1], { signed: true })}` : "no interval"}
        />
        <Stat label="Refusal rate" value={formatPercent(rec.refusal_rate_percent)} />
        <Stat label="Cases" value={String(rec.cases)} hint={`${rec.models_compared} models compared`} />
      </dl>
      <p className="mt-4 text-sm text-slate-700 dark:text-slate-300" data-testid="reasoning">
        {rec.reasoning}
      </p>
      {rec.cases_needed ? (
        <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">About {rec.cases_needed.toLocaleString("en-US")} more case{rec.cases_needed === 1 ? "" : "s"} would settle it.</p>
      ) : null}
      {rec.upgrade_model ? <p className="mt-1 text-sm">Upgrade worth a look: {labelOf(rec.upgrade_model)}.</p> : null}
      {note ? <div className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/60 dark:text-slate-300">{note}</div> : null}
    </section>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-slate-600 dark:text-slate-400">{hint}</dd> : null}
    </div>
  );
}
