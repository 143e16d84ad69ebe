"use client";
import { formatInt, formatUsd } from "@/components/ui/format";
import { mutedText } from "./styles";
import type { ImportEstimateState } from "./use-import-estimate";

// What replaying the sample takes and costs: calls per model (the baseline's recorded answers are reused, not
// bought), judge calls, tokens, and the cost. A model with no known price makes the cost "unknown", never $0.

function compact(n: number): string {
  if (n < 10_000) return n.toLocaleString("en-US");
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 100_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

export function ReplayEstimate({ state, labelOf, ready }: { state: ImportEstimateState; labelOf: (slug: string) => string; ready: boolean }) {
  const data = state.data;
  const e = data?.estimate;
  const totals = e?.totals;
  const cost = !totals ? "—" : totals.costUsd !== null ? formatUsd(totals.costUsd) : totals.knownCostUsd > 0 ? `≥ ${formatUsd(totals.knownCostUsd)}` : "unknown";
  return (
    <section aria-labelledby="estimate-title" aria-busy={state.loading} className="space-y-3 rounded-xl border border-blue-200 bg-white p-4 shadow-sm dark:border-blue-900 dark:bg-slate-900" data-testid="import-estimate">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="estimate-title" className="font-semibold">Before you start</h2>
        <span aria-live="polite" className={`text-xs ${mutedText}`}>{state.loading ? "Updating…" : ""}</span>
      </div>
      {!ready ? <p className={`text-sm ${mutedText}`}>Choose a baseline, at least one candidate and the sample to see the calls and the cost.</p> : null}
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className={`text-xs ${mutedText}`}>Cases</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="estimate-cases">{data ? formatInt(data.cases) : "—"}</dd>
          {data && data.available > data.cases ? <dd className={`text-xs ${mutedText}`}>random sample of {formatInt(data.available)}</dd> : null}
        </div>
        <div>
          <dt className={`text-xs ${mutedText}`}>Calls</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="estimate-calls">{totals ? formatInt(totals.calls) : "—"}</dd>
          {totals ? <dd className={`text-xs ${mutedText}`}>{formatInt(totals.modelCalls)} model + {formatInt(totals.judgeCalls)} judge</dd> : null}
        </div>
      </dl>
      <div className="rounded-lg bg-slate-50 p-3 dark:bg-slate-950">
        <p className={`text-xs ${mutedText}`}>Estimated cost of the run</p>
        <p className="text-2xl font-semibold tabular-nums" data-testid="estimate-cost">{cost}</p>
        {totals && totals.unpricedModels.length ? (
          <p className="mt-1 text-xs text-amber-800 dark:text-amber-300" data-testid="estimate-unpriced">
            No price for {totals.unpricedModels.map(labelOf).join(", ")}: {totals.unpricedModels.length === 1 ? "its" : "their"} cost is unknown (set an override on Models).
          </p>
        ) : null}
        {state.error ? <p role="alert" className="mt-1 text-xs text-red-800 dark:text-red-300" data-testid="estimate-error">{state.error.message}</p> : null}
      </div>
      {e ? (
        <table className="w-full text-xs tabular-nums" data-testid="estimate-table">
          <caption className="sr-only">Estimated calls, tokens and cost per model</caption>
          <thead>
            <tr className={`text-left ${mutedText}`}>
              <th scope="col" className="py-1 font-medium">Model</th>
              <th scope="col" className="py-1 pl-2 text-right font-medium">Calls</th>
              <th scope="col" className="py-1 pl-2 text-right font-medium">Cost</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {e.models.map((m, i) => (
              <Row key={m.slug} testId={`estimate-row-${m.slug}`} label={labelOf(m.slug)} role={i === 0 ? "baseline" : "candidate"} tokens={[m.promptTokens, m.completionTokens]} calls={m.calls} recorded={m.recorded} cost={m.calls === 0 ? 0 : m.costUsd} />
            ))}
            {e.judge ? <Row testId="estimate-row-judge" label={labelOf(e.judge.slug)} role="judge" tokens={[e.judge.promptTokens, e.judge.completionTokens]} calls={e.judge.calls} recorded={0} cost={e.judge.costUsd} /> : null}
          </tbody>
        </table>
      ) : null}
      {e && e.models[0]?.recorded ? (
        <p className={`text-xs ${mutedText}`}>
          &ldquo;Recorded&rdquo;: the baseline&apos;s answers taken from the log — not called, not paid for again (the judge still grades them).
        </p>
      ) : null}
      <p className={`text-xs ${mutedText}`}>
        Prompt tokens counted with the o200k_base tokenizer (exact for GPT-4o-family models, close for others); answers assumed at
        each model&apos;s typical length. The sample is drawn again when the run starts, so the real cases — and cost — differ slightly.
      </p>
    </section>
  );
}

function Row(p: { testId: string; label: string; role: string; tokens: [number, number]; calls: number; recorded: number; cost: number | null }) {
  return (
    <tr data-testid={p.testId}>
      <th scope="row" className="py-1.5 pr-1 text-left align-top font-normal break-words">
        <span className="font-medium">{p.label}</span>
        <span className={`block ${mutedText}`}>
          {p.role} · {compact(p.tokens[0])} in / {compact(p.tokens[1])} out tokens
        </span>
      </th>
      <td className="py-1.5 pl-2 text-right align-top whitespace-nowrap">
        {formatInt(p.calls)}
        {p.recorded ? <span className={`block ${mutedText}`}>+ {formatInt(p.recorded)} recorded</span> : null}
      </td>
      <td className={`py-1.5 pl-2 text-right align-top whitespace-nowrap ${p.cost === null ? "text-amber-800 dark:text-amber-300" : ""}`}>{formatUsd(p.cost)}</td>
    </tr>
  );
}
