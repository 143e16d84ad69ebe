import { formatInt, formatUsd } from "@/components/ui/format";
import { formatEta } from "./format-report";
import type { ProgressSnapshot } from "@/lib/schemas/progress";

// Cells finished / failed / in flight / waiting, as one bar and in words.

export type ProgressNumbers = Omit<ProgressSnapshot, "status" | "etaSeconds"> & { etaSeconds?: number | null };

export function ProgressBar({ p, live }: { p: ProgressNumbers; live: boolean }) {
  const total = Math.max(p.total, 1);
  const width = (n: number) => `${(100 * n) / total}%`;
  const finished = p.done + p.failed;
  const text = `${formatInt(finished)} of ${formatInt(p.total)} cells finished${p.failed ? `, ${formatInt(p.failed)} failed` : ""}`;
  return (
    <div data-testid="run-progress" data-live={live ? "true" : "false"} className="space-y-2">
      <div
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={finished}
        aria-valuetext={text}
        className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className="bg-emerald-500 transition-[width] duration-500" style={{ width: width(p.done) }} />
        <div className="bg-red-500 transition-[width] duration-500" style={{ width: width(p.failed) }} />
        <div className={`bg-blue-400 transition-[width] duration-500 ${live ? "animate-pulse" : ""}`} style={{ width: width(live ? p.running : 0) }} />
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm tabular-nums">
        <Item label="done" value={formatInt(p.done)} testId="progress-done" dot="bg-emerald-500" />
        <Item label="failed" value={formatInt(p.failed)} testId="progress-failed" dot="bg-red-500" />
        <Item label="remaining" value={formatInt(p.remaining)} testId="progress-remaining" dot="bg-slate-300 dark:bg-slate-600" />
        <Item label="cost so far" value={formatUsd(p.costUsd)} hint={p.judgeCostUsd ? `incl. judge ${formatUsd(p.judgeCostUsd)}` : undefined} />
        {live && p.remaining > 0 ? <Item label="time left" value={formatEta(p.etaSeconds)} testId="progress-eta" /> : null}
      </dl>
    </div>
  );
}

function Item({ label, value, hint, testId, dot }: { label: string; value: string; hint?: string; testId?: string; dot?: string }) {
  return (
    <div className="flex items-baseline gap-1.5">
      {dot ? <span aria-hidden className={`inline-block h-2 w-2 self-center rounded-full ${dot}`} /> : null}
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="font-medium" data-testid={testId}>
        {value}
        {hint ? <span className="ml-1 font-normal text-slate-500 dark:text-slate-400">({hint})</span> : null}
      </dd>
    </div>
  );
}
