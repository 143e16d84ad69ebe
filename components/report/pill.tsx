import type { ReactNode } from "react";

// Small status labels. Colours carry no meaning on their own: the text always says it.

const TONES = {
  slate: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  blue: "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-200",
  emerald: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200",
  amber: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  red: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200",
  violet: "bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-200",
} as const;

export type PillTone = keyof typeof TONES;

export function Pill({ tone = "slate", children, testId, title }: { tone?: PillTone; children: ReactNode; testId?: string; title?: string }) {
  return (
    <span data-testid={testId} title={title} className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>
      {children}
    </span>
  );
}

const STATUS_TONE: Record<string, PillTone> = { done: "emerald", running: "blue", queued: "blue", cancelled: "amber", failed: "red", draft: "slate" };

export function StatusPill({ status }: { status: string }) {
  return (
    <Pill tone={STATUS_TONE[status] ?? "slate"} testId="experiment-status">
      {status}
    </Pill>
  );
}
