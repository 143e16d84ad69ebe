"use client";
import { Markdown } from "@/components/ui/markdown";
import { formatInt, formatMs, formatUsd } from "@/components/ui/format";
import type { ModelCard } from "./use-compare-stream";

export function AnswerCard({ card, isBaseline }: { card: ModelCard; isBaseline: boolean }) {
  return (
    <article
      data-testid={`answer-${card.slug}`}
      data-status={card.status}
      aria-busy={card.status === "waiting"}
      className="flex min-h-48 flex-col rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-4 py-2 dark:border-slate-800">
        <h3 className="font-medium">{card.label}</h3>
        {card.kind === "demo" ? <Badge tone="violet">simulated</Badge> : null}
        {isBaseline ? <Badge tone="blue">baseline</Badge> : null}
        {card.refused ? <Badge tone="amber">refusal{card.refusalSignals ? ` (${card.refusalSignals})` : ""}</Badge> : null}
      </header>
      <div className="flex-1 px-4 py-3">
        {card.status === "waiting" ? (
          <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <span className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" aria-hidden />
            Waiting for the answer…
          </p>
        ) : card.status === "failed" ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200" data-testid="answer-error">
            {card.error ?? "The call failed."}
          </p>
        ) : (
          <div data-testid="answer-text">
            {card.content ? <Markdown text={card.content} /> : <p className="text-sm italic text-slate-600">(empty answer)</p>}
          </div>
        )}
      </div>
      <footer className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        <dl className="flex flex-wrap gap-x-4 gap-y-1 tabular-nums">
          <Item label="tokens in/out" value={`${formatInt(card.promptTokens)} / ${formatInt(card.completionTokens)}`} />
          <Item label="latency" value={formatMs(card.latencyMs)} />
          <Item label="cost" value={card.status === "done" ? formatUsd(card.costUsd) : "—"} />
          {card.attempts > 1 ? <Item label="attempts" value={String(card.attempts)} /> : null}
          {card.finishReasonRaw ? <Item label="finish" value={card.finishReasonRaw} /> : null}
          {card.judging ? <Item label="quality" value="grading…" /> : card.quality !== null ? <Item label="quality" value={card.quality.toFixed(2)} /> : null}
        </dl>
        {card.judgeRationale ? <p className="mt-1 text-slate-600 dark:text-slate-400">Judge: {card.judgeRationale}</p> : null}
        {card.judgeError ? <p className="mt-1 text-red-800 dark:text-red-300">Judge error: {card.judgeError}</p> : null}
      </footer>
    </article>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt>{label}</dt>
      <dd className="font-medium text-slate-800 dark:text-slate-200">{value}</dd>
    </div>
  );
}

const TONES = {
  violet: "bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200",
  blue: "bg-blue-100 text-blue-900 dark:bg-blue-900/40 dark:text-blue-200",
  amber: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
} as const;

export function Badge({ tone, children }: { tone: keyof typeof TONES; children: React.ReactNode }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}
