import type { ReactNode } from "react";
import type { ModelAggregate, Verdict } from "@/lib/recommend/types";
import { formatInt, formatMs, formatPercent, formatUsd } from "@/components/ui/format";
import { formatPercentCi, formatQuality, formatQualityCi } from "./format-report";
import { Pill, type PillTone } from "./pill";

// The columns of the trade-off table: what each shows and what it sorts by (null always sorts last).

export interface RowContext {
  judged: boolean;
  /** A run is active: an answer without a score is still being graded, not a judge error. */
  grading: boolean;
}

export interface Column {
  key: string;
  label: string;
  /** Short explanation, read by screen readers with the header. */
  hint?: string;
  numeric: boolean;
  sortValue: (m: ModelAggregate, label: string) => number | string | null;
  render: (m: ModelAggregate, ctx: RowContext) => ReactNode;
}

const VERDICT: Record<Verdict, { text: string; tone: PillTone }> = {
  baseline: { text: "baseline", tone: "blue" },
  recommended: { text: "recommended", tone: "emerald" },
  acceptable: { text: "qualifies", tone: "emerald" },
  upgrade: { text: "upgrade", tone: "violet" },
  unknown_price: { text: "unknown price", tone: "slate" },
  errors: { text: "too many errors", tone: "red" },
  insufficient_data: { text: "not enough data", tone: "slate" },
  too_costly: { text: "not cheaper", tone: "amber" },
  quality_drop: { text: "quality drop", tone: "amber" },
  refusals: { text: "more refusals", tone: "amber" },
};

const sub = (text: string) => (text ? <div className="whitespace-nowrap text-xs font-normal text-slate-600 dark:text-slate-400">{text}</div> : null);
const notGraded = <span className="text-slate-500 dark:text-slate-400">not graded</span>;

export const COLUMNS: Column[] = [
  {
    key: "cost_mean",
    label: "Cost / case",
    numeric: true,
    sortValue: (m) => m.cost_mean_usd,
    render: (m) => (
      <>
        {formatUsd(m.cost_mean_usd)}
        {m.cost_change_percent !== null ? sub(`${formatPercent(m.cost_change_percent, { signed: true })} vs baseline`) : null}
      </>
    ),
  },
  { key: "cost_total", label: "Total cost", numeric: true, sortValue: (m) => m.cost_total_usd, render: (m) => formatUsd(m.cost_total_usd) },
  {
    key: "quality",
    label: "Quality",
    hint: "mean judge score 0–1 with its 95% interval",
    numeric: true,
    sortValue: (m) => m.quality_mean,
    render: (m, c) => (c.judged ? <>{formatQuality(m.quality_mean)}{sub(formatQualityCi(m.quality_ci))}</> : notGraded),
  },
  {
    key: "quality_change",
    label: "Quality vs baseline",
    hint: "paired change in percent with its bootstrap 95% interval",
    numeric: true,
    sortValue: (m) => m.quality_change_percent,
    render: (m, c) =>
      !c.judged ? notGraded : m.role === "baseline" ? <span className="text-slate-500 dark:text-slate-400">—</span> : (
        <>
          {formatPercent(m.quality_change_percent, { signed: true })}
          {sub(formatPercentCi(m.quality_change_ci, { signed: true }))}
        </>
      ),
  },
  {
    key: "refusals",
    label: "Refusals",
    hint: "refusal rate with its Wilson 95% interval",
    numeric: true,
    sortValue: (m) => m.refusal_rate_percent,
    render: (m) => <>{formatPercent(m.refusal_rate_percent)}{sub(formatPercentCi(m.refusal_ci_percent))}</>,
  },
  {
    key: "latency",
    label: "Latency p50 / p95",
    numeric: true,
    sortValue: (m) => m.latency_p50_ms,
    render: (m) => (
      <span className="whitespace-nowrap">
        {formatMs(m.latency_p50_ms)} / {formatMs(m.latency_p95_ms)}
      </span>
    ),
  },
  {
    key: "errors",
    label: "Errors",
    numeric: true,
    sortValue: (m) => m.error_rate_percent,
    render: (m, ctx) => (
      <>
        {formatInt(m.errors)} <span className="text-slate-600 dark:text-slate-400">({formatPercent(m.error_rate_percent)})</span>
        {m.judge_errors && !ctx.grading ? sub(`${formatInt(m.judge_errors)} judge error${m.judge_errors === 1 ? "" : "s"}`) : null}
      </>
    ),
  },
  {
    key: "verdict",
    label: "Verdict",
    numeric: false,
    sortValue: (m) => VERDICT_ORDER.indexOf(m.verdict),
    render: (m) => (
      <div className="min-w-44 max-w-64">
        <Pill tone={VERDICT[m.verdict].tone} testId="verdict">{VERDICT[m.verdict].text}</Pill>
        <p className="mt-1 text-xs font-normal text-slate-600 dark:text-slate-400">{m.reason}</p>
      </div>
    ),
  },
];

const VERDICT_ORDER: Verdict[] = ["recommended", "baseline", "acceptable", "upgrade", "quality_drop", "refusals", "too_costly", "errors", "insufficient_data", "unknown_price"];
