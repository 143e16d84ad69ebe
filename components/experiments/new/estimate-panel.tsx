"use client";
import { formatInt, formatUsd } from "@/components/ui/format";
import type { CallCounts } from "@/lib/estimate/calls";
import type { EstimateState } from "./use-estimate";

// What the run will do and cost, before it starts. Calls are counted instantly in the browser; tokens and cost come
// from POST /api/estimate (a real tokenizer on the server), refreshed shortly after each edit.

export function EstimatePanel({ cases, calls, estimate, labelOf, judged }: { cases: number; calls: CallCounts | null; estimate: EstimateState; labelOf: (slug: string) => string; judged: boolean }) {
  const e = estimate.data?.estimate;
  const totals = e?.totals;
  return (
    <section aria-labelledby="estimate-title" aria-busy={estimate.loading} className="space-y-3 rounded-xl border border-blue-200 bg-white p-4 shadow-sm dark:border-blue-900 dark:bg-slate-900">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="estimate-title" className="font-semibold">Before you start</h2>
        <span aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">{estimate.loading ? "Updating…" : ""}</span>
      </div>
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-xs text-slate-600 dark:text-slate-400">Cases</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="cases-count">{formatInt(cases)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600 dark:text-slate-400">Calls</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="calls-count">{calls ? formatInt(calls.total) : "—"}</dd>
        </div>
      </dl>
      {calls && calls.total > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="calls-breakdown">
          {formatInt(calls.modelCalls)} model call{calls.modelCalls === 1 ? "" : "s"}
          {calls.recorded ? ` (${formatInt(calls.recorded)} recorded baseline answers reused)` : ""}
          {judged ? ` + ${formatInt(calls.judgeCalls)} judge calls` : ""}
        </p>
      ) : null}
      <div className="rounded-lg bg-slate-50 p-3 dark:bg-slate-950">
        <p className="text-xs text-slate-600 dark:text-slate-400">Estimated cost of the run</p>
        <p className="text-2xl font-semibold tabular-nums" data-testid="estimate-cost">
          {!totals ? "—" : totals.costUsd !== null ? formatUsd(totals.costUsd) : totals.knownCostUsd > 0 ? `≥ ${formatUsd(totals.knownCostUsd)}` : "unknown"}
        </p>
        {totals && totals.unpricedModels.length ? (
          <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">
            No price for {totals.unpricedModels.map(labelOf).join(", ")}: {totals.unpricedModels.length === 1 ? "its" : "their"} cost is unknown (set an override on Models).
          </p>
        ) : null}
        {estimate.error ? <p role="alert" className="mt-1 text-xs text-red-800 dark:text-red-300">{estimate.error.message}</p> : null}
      </div>
      {e ? (
        <table className="w-full text-xs tabular-nums" data-testid="estimate-table">
          <caption className="sr-only">Estimated calls, tokens and cost per model</caption>
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-1 font-medium">Model</th>
              <th scope="col" className="py-1 text-right font-medium">Calls</th>
              <th scope="col" className="whitespace-nowrap py-1 pl-2 text-right font-medium">Tokens in/out</th>
              <th scope="col" className="py-1 text-right font-medium">Cost</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {e.models.map((m, i) => (
              <tr key={m.slug}>
                <th scope="row" className="py-1 pr-1 text-left align-top font-normal break-words">
                  {labelOf(m.slug)}{i === 0 ? <span className="block text-slate-500 dark:text-slate-400">baseline</span> : null}
                </th>
                <td className="py-1 pl-2 text-right align-top whitespace-nowrap">{formatInt(m.calls)}</td>
                <td className="py-1 pl-2 text-right align-top whitespace-nowrap">{compact(m.promptTokens)} / {compact(m.completionTokens)}</td>
                <td className="py-1 pl-2 text-right align-top whitespace-nowrap">{formatUsd(m.costUsd)}</td>
              </tr>
            ))}
            {e.judge ? (
              <tr>
                <th scope="row" className="py-1 pr-1 text-left align-top font-normal break-words">
                  {labelOf(e.judge.slug)}<span className="block text-slate-500 dark:text-slate-400">judge</span>
                </th>
                <td className="py-1 pl-2 text-right align-top whitespace-nowrap">{formatInt(e.judge.calls)}</td>
                <td className="py-1 pl-2 text-right align-top whitespace-nowrap">{compact(e.judge.promptTokens)} / {compact(e.judge.completionTokens)}</td>
                <td className="py-1 pl-2 text-right align-top whitespace-nowrap">{formatUsd(e.judge.costUsd)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Prompt tokens are counted with OpenAI&apos;s o200k_base tokenizer — exact for GPT-4o-family models, a close approximation for
        others. Answers are assumed to be each model&apos;s typical length; real answers vary, and judge retries are not counted.
        {e?.counting.method === "sampled" ? ` Large paste: ${formatInt(e.counting.tokenizedCases)} evenly spread cases were tokenized and the rest scaled from them.` : ""}
      </p>
    </section>
  );
}

function compact(n: number): string {
  if (n < 10_000) return n.toLocaleString("en-US");
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 100_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
