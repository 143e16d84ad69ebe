import { formatInt, formatMs, formatUsd } from "@/components/ui/format";
import { Markdown } from "@/components/ui/markdown";
import type { CaseCellView } from "@/lib/report/case-types";
import { formatQuality } from "./format-report";
import { Pill } from "./pill";

// One model's answer to one case, with its numbers and the judge's rationale. The answer is untrusted model output:
// it goes through the safe Markdown renderer only.

interface Props {
  cell: CaseCellView;
  label: string;
  simulated: boolean;
  role: "baseline" | "recommended" | "candidate";
  baselineQuality: number | null;
  judged: boolean;
}

export function CellAnswer({ cell, label, simulated, role, baselineQuality, judged }: Props) {
  const j = cell.judge;
  const quality = cell.status === "done" && j?.status === "done" ? j.quality : null;
  const delta = role !== "baseline" && quality !== null && baselineQuality !== null ? quality - baselineQuality : null;
  const judgeFailed = judged && cell.status === "done" && j !== null && j.status !== "done";
  return (
    <article
      data-testid={`cell-${cell.model}`}
      data-status={cell.status}
      className={`flex min-w-0 flex-col rounded-lg border bg-white dark:bg-slate-900 ${role === "baseline" ? "border-blue-300 dark:border-blue-800" : role === "recommended" ? "border-emerald-300 dark:border-emerald-800" : "border-slate-200 dark:border-slate-800"}`}
    >
      <header className="flex flex-wrap items-center gap-1.5 border-b border-slate-100 px-3 py-2 dark:border-slate-800">
        <h4 className="mr-1 text-sm font-medium">{label}</h4>
        {role === "baseline" ? <Pill tone="blue">baseline</Pill> : role === "recommended" ? <Pill tone="emerald">recommended</Pill> : null}
        {simulated ? <Pill tone="violet">simulated</Pill> : null}
        {cell.source === "recorded" ? <Pill title="The production answer recorded in the log, replayed rather than bought again">recorded</Pill> : null}
        {cell.refused ? <Pill tone="amber" testId="refusal-badge" title={cell.refusalSignals ? `signals: ${cell.refusalSignals}` : undefined}>refusal</Pill> : null}
        {cell.status === "failed" ? <Pill tone="red">error</Pill> : null}
        {judgeFailed ? <Pill tone="red">judge error</Pill> : null}
      </header>
      <div className="max-h-72 flex-1 overflow-y-auto px-3 py-2" tabIndex={0} role="group" aria-label={`Answer from ${label}`}>
        {cell.status === "failed" ? (
          <p className="rounded-md bg-red-50 px-2 py-1.5 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">{cell.error ?? "The call failed."}</p>
        ) : cell.status !== "done" ? (
          <p className="text-sm italic text-slate-600 dark:text-slate-400">{cell.status === "running" ? "Answering…" : "Not run yet."}</p>
        ) : cell.content ? (
          <div data-testid="cell-text">
            <Markdown text={cell.content} />
          </div>
        ) : (
          <p className="text-sm italic text-slate-600 dark:text-slate-400">(empty answer)</p>
        )}
      </div>
      <footer className="space-y-1 border-t border-slate-100 px-3 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        <dl className="flex flex-wrap gap-x-3 gap-y-0.5 tabular-nums">
          {judged ? (
            <Item label="quality" testId="cell-quality">
              {formatQuality(quality)}
              {delta !== null && delta !== 0 ? (
                <span className={delta < 0 ? "ml-1 text-red-700 dark:text-red-300" : "ml-1 text-emerald-700 dark:text-emerald-300"}>
                  ({delta > 0 ? "+" : "−"}
                  {Math.abs(delta).toFixed(2)} vs baseline)
                </span>
              ) : null}
            </Item>
          ) : null}
          <Item label="cost">{cell.status === "done" ? formatUsd(cell.costUsd) : "—"}</Item>
          <Item label="latency">{formatMs(cell.latencyMs)}</Item>
          <Item label="tokens">
            {formatInt(cell.promptTokens)} / {formatInt(cell.completionTokens)}
            {cell.usageEstimated ? " (est.)" : ""}
          </Item>
        </dl>
        {j?.scores && Object.keys(j.scores).length ? (
          <p className="tabular-nums">
            {Object.entries(j.scores)
              .map(([k, v]) => `${k} ${v.toFixed(2)}`)
              .join(" · ")}
          </p>
        ) : null}
        {j?.rationale ? <p className="text-slate-700 dark:text-slate-300" data-testid="judge-rationale"><span className="font-medium">Judge:</span> {j.rationale}</p> : null}
        {judgeFailed && j?.error ? <p className="text-red-800 dark:text-red-300">Judge error: {j.error}</p> : null}
      </footer>
    </article>
  );
}

function Item({ label, testId, children }: { label: string; testId?: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt>{label}</dt>
      <dd className="font-medium text-slate-800 dark:text-slate-200" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
