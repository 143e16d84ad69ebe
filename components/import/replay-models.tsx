"use client";
import Link from "next/link";
import { formatInt } from "@/components/ui/format";
import { selfPreferenceWarning } from "@/lib/judge/self-preference";
import type { ModelInfo } from "@/lib/models/status";
import { matchLogModel } from "./initial-choice";
import { fieldClass, inputClass, mutedText, sectionClass } from "./styles";

// Step 4: baseline (the production model: recorded answers count as its answers), candidates, judge, sample size.

export interface ReplayChoice {
  baseline: string;
  candidates: string[];
  judge: string;
  /** "sample": a random sample of `sampleSize` good cases; "all": every good case. */
  sampleMode: "sample" | "all";
  sampleSize: string;
}

export const MAX_REPLAY = 20_000;
export const DEFAULT_SAMPLE = 20;

function priceNote(m: ModelInfo): string {
  const p = m.price;
  if (!p) return "price unknown";
  const f = (v: number) => `$${Number((v * 1e6).toPrecision(4))}`;
  return `${f(p.inputPerToken)} in / ${f(p.outputPerToken)} out per 1M tokens`;
}

/** The sample size to send, or an error message; undefined size = every good case. */
export function sampleOf(c: ReplayChoice, good: number): { size?: number; error?: string } {
  if (c.sampleMode === "all") return good > MAX_REPLAY ? { error: `At most ${formatInt(MAX_REPLAY)} cases at once: take a sample.` } : {};
  const n = Number(c.sampleSize);
  if (c.sampleSize.trim() === "" || !Number.isInteger(n) || n < 1) return { error: "Enter a whole number of cases, at least 1." };
  if (n > Math.min(good, MAX_REPLAY)) return { error: `At most ${formatInt(Math.min(good, MAX_REPLAY))} (${good > MAX_REPLAY ? "per run" : "the good cases in the log"}).` };
  return { size: n };
}

interface Props {
  models: ModelInfo[];
  choice: ReplayChoice;
  onChange: (c: ReplayChoice) => void;
  good: number;
  recorded: number;
  logModels: string[];
  step: number;
  errors: Record<string, string>;
}

export function ReplayModels({ models, choice, onChange, good, recorded, logModels, step, errors }: Props) {
  const connected = models.filter((m) => m.connection.connected);
  const answering = connected.filter((m) => m.slug !== "demo-judge");
  const unavailable = models.length - connected.length;
  const baselineInfo = models.find((m) => m.slug === choice.baseline);
  const warning = choice.judge ? selfPreferenceWarning(choice.judge, [choice.baseline, ...choice.candidates]) : null;
  const sample = sampleOf(choice, good);
  const set = (patch: Partial<ReplayChoice>) => onChange({ ...choice, ...patch });
  const baselineMatchesLog = logModels.length === 0 || (baselineInfo !== undefined && matchLogModel([baselineInfo], logModels) !== undefined);
  const err = (k: string) => errors[k] ?? Object.entries(errors).find(([f]) => f.startsWith(`${k}.`))?.[1];

  return (
    <section aria-labelledby="step-models" className={sectionClass} data-testid="import-models">
      <h2 id="step-models" className="font-semibold">{step}. Models and sample</h2>
      <div>
        <label htmlFor="baseline" className="text-sm font-medium">Baseline <span className={`font-normal ${mutedText}`}>(the model that answered in production)</span></label>
        <select id="baseline" data-testid="baseline" value={choice.baseline} aria-invalid={Boolean(err("baseline"))} aria-describedby="baseline-help" onChange={(e) => set({ baseline: e.target.value, candidates: choice.candidates.filter((c) => c !== e.target.value) })} className={`mt-1 ${inputClass}`}>
          {choice.baseline === "" ? <option value="">Choose a model</option> : null}
          {answering.map((m) => <option key={m.slug} value={m.slug}>{m.label}</option>)}
        </select>
        <p id="baseline-help" className={`mt-1 text-xs ${mutedText}`}>
          {baselineInfo ? `${priceNote(baselineInfo)}. ` : ""}
          {recorded > 0
            ? `The ${formatInt(recorded)} recorded production answers count as the baseline's answers: those cases are not sent to it again (nothing to pay now), and the report prices them at its rates for the comparison.`
            : "The log has no recorded answers, so the baseline answers every case live."}
        </p>
        {recorded > 0 && !baselineMatchesLog ? (
          <p className="mt-1 text-xs text-amber-800 dark:text-amber-300" data-testid="baseline-mismatch">
            The log&apos;s answers came from {logModels.slice(0, 3).join(", ")}; they will be reported as {baselineInfo?.label ?? "the baseline"}&apos;s.
          </p>
        ) : null}
        {err("baseline") ? <p role="alert" className="mt-1 text-xs font-medium text-red-800 dark:text-red-300">{err("baseline")}</p> : null}
      </div>

      <fieldset aria-describedby="candidates-help">
        <legend className="text-sm font-medium">Candidates <span className={`font-normal ${mutedText}`}>(answer every sampled case live)</span></legend>
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {answering.filter((m) => m.slug !== choice.baseline).map((m) => (
            <li key={m.slug}>
              <label htmlFor={`cand-${m.slug}`} className="flex items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                <input
                  id={`cand-${m.slug}`}
                  type="checkbox"
                  data-testid={`candidate-${m.slug}`}
                  className="mt-0.5"
                  checked={choice.candidates.includes(m.slug)}
                  onChange={() => set({ candidates: choice.candidates.includes(m.slug) ? choice.candidates.filter((c) => c !== m.slug) : [...choice.candidates, m.slug] })}
                />
                <span>
                  <span className="font-medium">{m.label}</span>
                  <span className={`block text-xs ${mutedText}`}>{priceNote(m)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <p id="candidates-help" className={`mt-1 text-xs ${mutedText}`}>
          {choice.candidates.length} selected.{" "}
          {unavailable > 0 ? <>{unavailable} more model{unavailable === 1 ? " needs" : "s need"} a key or endpoint — see <Link href="/models" className="text-blue-700 underline dark:text-blue-300">Models</Link>.</> : null}
        </p>
        {err("candidates") ? <p role="alert" className="mt-1 text-xs font-medium text-red-800 dark:text-red-300">{err("candidates")}</p> : null}
      </fieldset>

      <div>
        <label htmlFor="judge" className="text-sm font-medium">Judge <span className={`font-normal ${mutedText}`}>(grades every answer, recorded ones too)</span></label>
        <select id="judge" data-testid="judge" value={choice.judge} aria-describedby="judge-help" onChange={(e) => set({ judge: e.target.value })} className={`mt-1 ${inputClass}`}>
          <option value="">No judge (cost and refusals only, no quality scores)</option>
          {connected.map((m) => <option key={m.slug} value={m.slug}>{m.label}</option>)}
        </select>
        <p id="judge-help" className={`mt-1 text-xs ${warning ? "text-amber-800 dark:text-amber-300" : mutedText}`}>
          {choice.judge ? (warning ?? "Its calls are billed like any model's and included in the estimate.") : "Without a judge there is no quality comparison, so no cheaper model can be recommended."}
        </p>
        {err("judge") ? <p role="alert" className="mt-1 text-xs font-medium text-red-800 dark:text-red-300">{err("judge")}</p> : null}
      </div>

      <fieldset>
        <legend className="text-sm font-medium">Cases to replay</legend>
        <div className="mt-1 space-y-1.5 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <input id="sample-some" type="radio" name="sample-mode" data-testid="sample-mode-sample" checked={choice.sampleMode === "sample"} onChange={() => set({ sampleMode: "sample" })} />
            <label htmlFor="sample-some">A random sample of</label>
            <input
              id="sample-size"
              type="number"
              inputMode="numeric"
              min={1}
              max={Math.min(good, MAX_REPLAY)}
              data-testid="sample-size"
              aria-label="Number of cases in the sample"
              aria-invalid={Boolean(sample.error && choice.sampleMode === "sample")}
              aria-describedby="sample-help"
              value={choice.sampleSize}
              onFocus={() => set({ sampleMode: "sample" })}
              onChange={(e) => set({ sampleMode: "sample", sampleSize: e.target.value })}
              className={`${fieldClass} w-24`}
            />
            <span>cases</span>
          </div>
          <div className="flex items-center gap-2">
            <input id="sample-all" type="radio" name="sample-mode" data-testid="sample-mode-all" checked={choice.sampleMode === "all"} onChange={() => set({ sampleMode: "all" })} />
            <label htmlFor="sample-all">All {formatInt(good)} good cases</label>
          </div>
        </div>
        <p id="sample-help" className={`mt-1 text-xs ${sample.error ? "font-medium text-red-800 dark:text-red-300" : mutedText}`} role={sample.error ? "alert" : undefined}>
          {sample.error ?? err("sample") ?? "Start small: the experiment page can add more cases from the same log later, without repeating any."}
        </p>
      </fieldset>
    </section>
  );
}
