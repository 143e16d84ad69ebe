import type { CaseView } from "@/lib/report/case-types";
import { needsSimulatedBadge, type ModelLabel } from "@/lib/report/report-types";
import { CellAnswer } from "./cell-answer";

// One case: its prompt (plain text: prompts are user data) and the answers side by side, baseline first.

interface Props {
  c: CaseView;
  labels: Map<string, ModelLabel>;
  baseline: string;
  recommended: string | null;
  judged: boolean;
}

export function CaseCard({ c, labels, baseline, recommended, judged }: Props) {
  const base = c.cells.find((x) => x.model === baseline);
  const baselineQuality = base?.status === "done" && base.judge?.status === "done" ? base.judge.quality : null;
  return (
    <li data-testid={`case-${c.idx}`} className="rounded-xl border border-slate-200 bg-slate-50/60 p-3 sm:p-4 dark:border-slate-800 dark:bg-slate-950/40">
      <h3 className="text-sm font-semibold">Case {c.idx + 1}</h3>
      <div className="mt-2 max-h-48 space-y-2 overflow-y-auto rounded-lg bg-white p-3 text-sm dark:bg-slate-900" tabIndex={0} role="group" aria-label={`Prompt of case ${c.idx + 1}`}>
        {c.messages.map((m, i) => (
          <div key={i}>
            {c.messages.length > 1 ? <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{m.role}</p> : null}
            <p className="whitespace-pre-wrap break-words" data-testid="case-prompt">{m.content}</p>
          </div>
        ))}
        {c.reference ? (
          <div className="border-t border-slate-100 pt-2 dark:border-slate-800">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">reference answer</p>
            <p className="whitespace-pre-wrap break-words">{c.reference}</p>
          </div>
        ) : null}
      </div>
      <div className="mt-3 grid gap-3 md:auto-cols-[minmax(17rem,1fr)] md:grid-flow-col md:overflow-x-auto md:pb-1">
        {c.cells.map((cell) => (
          <CellAnswer
            key={cell.model}
            cell={cell}
            label={labels.get(cell.model)?.label ?? cell.model}
            simulated={needsSimulatedBadge(labels.get(cell.model))}
            role={cell.model === baseline ? "baseline" : cell.model === recommended ? "recommended" : "candidate"}
            baselineQuality={baselineQuality}
            judged={judged}
          />
        ))}
      </div>
    </li>
  );
}
