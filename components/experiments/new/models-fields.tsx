"use client";
import Link from "next/link";
import type { ModelInfo } from "@/lib/models/status";
import { selfPreferenceWarning } from "@/lib/judge/self-preference";
import { FieldError, inputClass, sectionClass } from "./field-error";

// Baseline (the model in production today), candidates (cheaper or newer models to try) and the judge.

function priceNote(m: ModelInfo): string {
  const p = m.price;
  if (!p) return "price unknown";
  const f = (v: number) => `$${Number((v * 1e6).toPrecision(4))}`;
  return `${f(p.inputPerToken)} in / ${f(p.outputPerToken)} out per 1M tokens`;
}

export function ModelsFields(props: {
  models: ModelInfo[];
  baseline: string;
  onBaseline: (slug: string) => void;
  candidates: string[];
  onToggleCandidate: (slug: string) => void;
  judge: string;
  onJudge: (slug: string) => void;
  errors: { baseline?: string; candidates?: string; judge?: string };
}) {
  const { models, baseline, candidates, judge, errors } = props;
  const connected = models.filter((m) => m.connection.connected);
  const answering = connected.filter((m) => m.slug !== "demo-judge");
  const unavailable = models.length - connected.length;
  const baselineInfo = models.find((m) => m.slug === baseline);
  const warning = judge ? selfPreferenceWarning(judge, [baseline, ...candidates]) : null;

  return (
    <section aria-labelledby="models-title" className={sectionClass}>
      <h2 id="models-title" className="font-semibold">2. Models</h2>
      <div>
        <label htmlFor="baseline" className="text-sm font-medium">Baseline <span className="font-normal text-slate-600 dark:text-slate-400">(the model you use today)</span></label>
        <select id="baseline" data-testid="baseline" value={baseline} onChange={(e) => props.onBaseline(e.target.value)} aria-invalid={Boolean(errors.baseline)} aria-describedby="error-baseline" className={`mt-1 ${inputClass}`}>
          {baseline === "" ? <option value="">Choose a model</option> : null}
          {answering.map((m) => <option key={m.slug} value={m.slug}>{m.label}</option>)}
        </select>
        {baselineInfo ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{priceNote(baselineInfo)}</p> : null}
        <FieldError id="baseline" message={errors.baseline} />
      </div>

      <fieldset aria-describedby="candidates-help error-candidates">
        <legend className="text-sm font-medium">Candidates <span className="font-normal text-slate-600 dark:text-slate-400">(compared with the baseline)</span></legend>
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {answering.filter((m) => m.slug !== baseline).map((m) => {
            const id = `cand-${m.slug}`;
            return (
              <li key={m.slug}>
                <label htmlFor={id} className="flex items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                  <input id={id} type="checkbox" data-testid={`candidate-${m.slug}`} className="mt-0.5" checked={candidates.includes(m.slug)} onChange={() => props.onToggleCandidate(m.slug)} />
                  <span>
                    <span className="font-medium">{m.label}</span>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{priceNote(m)}</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <p id="candidates-help" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {candidates.length} selected.{" "}
          {unavailable > 0 ? (
            <>
              {unavailable} more model{unavailable === 1 ? " needs" : "s need"} a key or endpoint — see <Link href="/models" className="text-blue-700 underline dark:text-blue-300">Models</Link>.
            </>
          ) : null}
        </p>
        <FieldError id="candidates" message={errors.candidates} />
      </fieldset>

      <div>
        <label htmlFor="judge" className="text-sm font-medium">Judge <span className="font-normal text-slate-600 dark:text-slate-400">(grades every answer against the rubric)</span></label>
        <select id="judge" data-testid="judge" value={judge} onChange={(e) => props.onJudge(e.target.value)} aria-invalid={Boolean(errors.judge)} aria-describedby="judge-help error-judge" className={`mt-1 ${inputClass}`}>
          <option value="">No judge (cost and refusals only, no quality scores)</option>
          {connected.map((m) => <option key={m.slug} value={m.slug}>{m.label}</option>)}
        </select>
        <p id="judge-help" className={`mt-1 text-xs ${warning ? "text-amber-800 dark:text-amber-300" : "text-slate-600 dark:text-slate-400"}`}>
          {judge
            ? (warning ?? "Pick a judge that is not being compared; its calls are billed like any model's and included in the estimate.")
            : "Without a judge there is no quality comparison, so no cheaper model can be recommended."}
        </p>
        <FieldError id="judge" message={errors.judge} />
      </div>
    </section>
  );
}
