"use client";
import Link from "next/link";
import { useMemo, useState, type FormEvent } from "react";
import type { ModelInfo } from "@/lib/models/status";
import { RecommendationCard, type RecommendationView } from "@/components/report/recommendation-card";
import { AnswerCard } from "./answer-card";
import { ModelPicker } from "./model-picker";
import { useCompareStream } from "./use-compare-stream";

export function CompareWorkbench({ models }: { models: ModelInfo[] }) {
  const connected = models.filter((m) => m.connection.connected);
  const judges = connected;
  const [prompt, setPrompt] = useState("");
  const [system, setSystem] = useState("");
  const [selected, setSelected] = useState<string[]>(() => connected.filter((m) => m.kind === "demo" && m.slug !== "demo-judge").slice(0, 3).map((m) => m.slug));
  const [baseline, setBaseline] = useState<string>("");
  const [judge, setJudge] = useState<string>(() => (connected.some((m) => m.slug === "demo-judge") ? "demo-judge" : ""));
  const { state, start, isRunning, error } = useCompareStream();
  const labelOf = useMemo(() => {
    const map = new Map(models.map((m) => [m.slug, m.label]));
    return (slug: string) => map.get(slug) ?? slug;
  }, [models]);
  const effectiveBaseline = selected.includes(baseline) ? baseline : (selected[0] ?? "");

  const toggle = (slug: string) => setSelected((s) => (s.includes(slug) ? s.filter((x) => x !== slug) : [...s, slug]));
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (isRunning) return;
    start({ prompt, ...(system.trim() ? { system } : {}), models: selected, baseline: effectiveBaseline || undefined, judge: judge || null });
  };
  const fieldError = (name: string) => error?.fields && Object.entries(error.fields).find(([k]) => k === name || k.startsWith(`${name}.`))?.[1];

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <form onSubmit={submit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" aria-label="Comparison setup">
        <div>
          <label htmlFor="prompt" className="text-sm font-medium">Prompt</label>
          <textarea
            id="prompt"
            data-testid="prompt"
            required
            rows={6}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            onKeyDown={(e) => { if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(); }}
            placeholder="Paste a real prompt from your product…"
            aria-invalid={Boolean(fieldError("prompt"))}
            aria-describedby="prompt-help"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-950"
          />
          <p id="prompt-help" className="text-xs text-slate-600 dark:text-slate-400">{fieldError("prompt") ?? "Ctrl+Enter runs it."}</p>
        </div>
        <details>
          <summary className="cursor-pointer text-sm">System prompt (optional)</summary>
          <label htmlFor="system" className="sr-only">System prompt</label>
          <textarea id="system" rows={3} value={system} onChange={(e) => setSystem(e.target.value)} className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-950" />
        </details>
        <ModelPicker models={models} selected={selected} onToggle={toggle} />
        {fieldError("models") ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">{fieldError("models")}</p> : null}
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor="baseline" className="text-sm font-medium">Baseline</label>
            <select id="baseline" value={effectiveBaseline} onChange={(e) => setBaseline(e.target.value)} className="mt-1 w-full rounded-md border border-slate-300 bg-white p-1.5 text-sm dark:border-slate-700 dark:bg-slate-950">
              {selected.map((s) => <option key={s} value={s}>{labelOf(s)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="judge" className="text-sm font-medium">Judge</label>
            <select id="judge" value={judge} onChange={(e) => setJudge(e.target.value)} className="mt-1 w-full rounded-md border border-slate-300 bg-white p-1.5 text-sm dark:border-slate-700 dark:bg-slate-950">
              <option value="">No judge</option>
              {judges.map((m) => <option key={m.slug} value={m.slug}>{m.label}</option>)}
            </select>
          </div>
        </div>
        {judge && selected.includes(judge) ? (
          <p className="text-xs text-amber-800 dark:text-amber-300">The judge is also a compared model: judges tend to prefer their own answers.</p>
        ) : null}
        <button
          type="submit"
          data-testid="run-compare"
          disabled={isRunning || !selected.length || !prompt.trim()}
          className="w-full rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {isRunning ? "Running…" : `Compare ${selected.length} model${selected.length === 1 ? "" : "s"}`}
        </button>
        {error && !error.fields ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">{error.message}</p> : null}
      </form>

      <section aria-label="Answers" aria-live="polite" className="space-y-4">
        {state.cards.length === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
            Answers appear here side by side, as each model finishes — with tokens, latency, cost and the judge&apos;s score.
          </div>
        ) : (
          <>
            {state.experimentId ? (
              <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="stored-note">
                {state.finished ? "Stored" : "Storing"} as an experiment —{" "}
                <Link className="text-blue-700 underline dark:text-blue-300" href={`/experiments/${state.experimentId}`}>open it</Link>
              </p>
            ) : null}
            <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {state.cards.map((c) => <AnswerCard key={c.slug} card={c} isBaseline={c.slug === effectiveBaseline} />)}
            </div>
            {state.recommendation && "recommended_model" in state.recommendation ? (
              <RecommendationCard rec={state.recommendation as unknown as RecommendationView} labelOf={labelOf} />
            ) : null}
          </>
        )}
        {state.error ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">{state.error}</p> : null}
      </section>
    </div>
  );
}
