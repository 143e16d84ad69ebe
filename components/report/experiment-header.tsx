import type { ReactNode } from "react";
import type { ReportData } from "@/lib/report/report-types";
import { labelMap, needsSimulatedBadge } from "@/lib/report/report-types";
import { formatDateTime } from "./format-report";
import { Pill, StatusPill } from "./pill";

// Name, status and set-up of an experiment; `actions` (export, share) only on the owner's page.

export function ExperimentHeader({ data, actions, readOnly }: { data: ReportData; actions?: ReactNode; readOnly: boolean }) {
  const labelOf = labelMap(data.models);
  const simulated = new Set(data.models.filter(needsSimulatedBadge).map((m) => m.slug));
  const model = (slug: string) => (
    <span key={slug} className="inline-flex items-center gap-1">
      {labelOf(slug)}
      {simulated.has(slug) ? <Pill tone="violet">simulated</Pill> : null}
    </span>
  );
  const tol = data.tolerances;
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          {readOnly ? <p className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Shared report · read-only</p> : null}
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            <span className="break-words" data-testid="experiment-name">{data.name}</span>
            <StatusPill status={data.status} />
          </h1>
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Baseline">{model(data.baseline)}</Field>
        <Field label="Candidates">
          <span className="flex flex-wrap gap-x-3 gap-y-1">{data.candidates.map(model)}</span>
        </Field>
        <Field label="Judge">{data.judge ? model(data.judge) : <span className="text-slate-600 dark:text-slate-400">none — quality not graded</span>}</Field>
        <Field label="Created">
          {formatDateTime(data.createdAt)}
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            tolerance: quality −{tol.qualityDropPercent}%, refusals +{tol.refusalRisePoints} pt, errors ≤ {tol.maxErrorRatePercent}%
          </span>
        </Field>
      </dl>
    </header>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
