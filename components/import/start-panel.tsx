"use client";
import { BadLinesChoice, type BadChoice } from "./bad-lines-choice";
import { ReplayEstimate } from "./replay-estimate";
import { buttonPrimary, inputClass, mutedText } from "./styles";
import type { ApiError } from "./types";
import type { ImportEstimateState } from "./use-import-estimate";

// The side column: the estimate, the required choice about bad lines, an optional name, and Start.

interface Props {
  estimate: ImportEstimateState;
  estimateReady: boolean;
  labelOf: (slug: string) => string;
  good: number;
  bad: number;
  badChoice: BadChoice;
  onBadChoice: (c: BadChoice) => void;
  onStartOver: () => void;
  name: string;
  onName: (name: string) => void;
  defaultName: string;
  blockers: string[];
  submitting: boolean;
  submitError: ApiError | null;
}

export function StartPanel(p: Props) {
  const calls = p.estimate.data?.estimate.totals.calls;
  return (
    <aside className="min-w-0 space-y-3 lg:sticky lg:top-4 lg:self-start" aria-label="Estimate and start">
      <ReplayEstimate state={p.estimate} labelOf={p.labelOf} ready={p.estimateReady} />
      {p.bad > 0 ? <BadLinesChoice good={p.good} bad={p.bad} choice={p.badChoice} onChoice={p.onBadChoice} onStartOver={p.onStartOver} /> : null}
      <div>
        <label htmlFor="replay-name" className="text-sm font-medium">Name <span className={`font-normal ${mutedText}`}>(optional)</span></label>
        <input id="replay-name" data-testid="replay-name" value={p.name} maxLength={120} onChange={(e) => p.onName(e.target.value)} placeholder={p.defaultName} className={`mt-1 ${inputClass}`} />
      </div>
      {p.submitError ? (
        <p role="alert" data-testid="replay-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">{p.submitError.message}</p>
      ) : null}
      <button type="submit" data-testid="start-replay" disabled={p.blockers.length > 0 || p.submitting} aria-describedby="replay-blockers" className={`w-full py-2.5 ${buttonPrimary}`}>
        {p.submitting ? "Starting…" : calls !== undefined && p.blockers.length === 0 ? `Start replay · ${calls.toLocaleString("en-US")} calls` : "Start replay"}
      </button>
      <ul id="replay-blockers" aria-live="polite" className={`space-y-0.5 text-xs ${mutedText}`}>
        {p.blockers.map((b) => <li key={b}>{b}</li>)}
      </ul>
    </aside>
  );
}
