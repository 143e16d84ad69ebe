"use client";
import { useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useRef, useState, type FormEvent } from "react";
import { countRunCalls } from "@/lib/estimate/calls";
import { parsePasted } from "@/lib/experiments/paste";
import type { ModelInfo } from "@/lib/models/status";
import { MAX_CASES } from "@/lib/schemas/experiment";
import { CasesField } from "./cases-field";
import { EstimatePanel } from "./estimate-panel";
import { FieldError, inputClass } from "./field-error";
import { checkRubric, defaultRubricRows, defaultSettings, fieldMessage, num, rubricFromRows, SHOWN_FIELDS, type ApiError, type RubricRow, type RunSettings } from "./form-state";
import { ModelsFields } from "./models-fields";
import { RubricEditor } from "./rubric-editor";
import { RunSettingsFields } from "./run-settings";
import { settingsErrors } from "./settings-check";
import { useEstimate } from "./use-estimate";

function initialModels(models: ModelInfo[]) {
  const usable = models.filter((m) => m.connection.connected && m.slug !== "demo-judge");
  const baseline = usable.find((m) => m.slug === "demo-premium")?.slug ?? usable[0]?.slug ?? "";
  const candidates = baseline.startsWith("demo-") ? usable.filter((m) => m.kind === "demo" && m.slug !== baseline).map((m) => m.slug) : [];
  const judge = models.some((m) => m.slug === "demo-judge" && m.connection.connected) ? "demo-judge" : "";
  return { baseline, candidates, judge };
}

export function NewExperimentForm({ models }: { models: ModelInfo[] }) {
  const router = useRouter();
  const init = useMemo(() => initialModels(models), [models]);
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [system, setSystem] = useState("");
  const [baseline, setBaseline] = useState(init.baseline);
  const [candidates, setCandidates] = useState<string[]>(init.candidates);
  const [judge, setJudge] = useState(init.judge);
  const [rubric, setRubric] = useState<RubricRow[]>(defaultRubricRows);
  const [settings, setSettings] = useState<RunSettings>(defaultSettings);
  const [submitting, setSubmitting] = useState(false);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const labels = useMemo(() => new Map(models.map((m) => [m.slug, m.label])), [models]);
  const labelOf = (slug: string) => labels.get(slug) ?? slug;

  // Parsing a large paste on every keystroke would make typing lag: parse the deferred text instead.
  const deferredText = useDeferredValue(text);
  const deferredSystem = useDeferredValue(system);
  const parsed = useMemo(() => (deferredText.trim() ? parsePasted(deferredText, deferredSystem) : null), [deferredText, deferredSystem]);
  const cases = parsed?.ok ? parsed.cases.length : 0;
  const recorded = parsed?.ok ? parsed.cases.filter((c) => c.response !== undefined).length : 0;
  const modelCount = baseline ? 1 + candidates.length : 0;
  const calls = parsed?.ok && cases > 0 ? countRunCalls({ cases, models: modelCount, judge: Boolean(judge), recorded }) : null;

  const rubricCheck = checkRubric(rubric);
  const localSettingsErrors = settingsErrors(settings);
  const maxTokens = num(settings.maxTokens);
  const maxTokensOk = maxTokens !== undefined && !localSettingsErrors["params.maxTokens"];

  const estimateBody = useMemo(() => {
    if (!parsed?.ok || parsed.cases.length === 0 || parsed.cases.length > MAX_CASES || !baseline) return null;
    return JSON.stringify({
      text: deferredText,
      ...(deferredSystem.trim() ? { system: deferredSystem } : {}),
      baseline,
      candidates,
      judge: judge || null,
      ...(judge && rubricCheck.ok ? { rubric: rubricFromRows(rubric) } : {}),
      ...(maxTokensOk ? { params: { maxTokens } } : {}),
    });
  }, [parsed, deferredText, deferredSystem, baseline, candidates, judge, rubric, rubricCheck.ok, maxTokens, maxTokensOk]);
  const estimate = useEstimate(estimateBody);

  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    if (apiError) setApiError(null);
  };
  const onBaseline = edit((slug: string) => {
    setBaseline(slug);
    setCandidates((c) => c.filter((x) => x !== slug));
  });
  const onToggleCandidate = edit((slug: string) => setCandidates((c) => (c.includes(slug) ? c.filter((x) => x !== slug) : [...c, slug])));

  const blockers: string[] = [];
  if (!parsed) blockers.push("Paste at least one prompt.");
  else if (!parsed.ok) blockers.push("Fix the bad JSONL lines.");
  else if (cases === 0) blockers.push("Paste at least one prompt.");
  else if (cases > MAX_CASES) blockers.push(`At most ${MAX_CASES.toLocaleString("en-US")} cases per experiment.`);
  if (!baseline) blockers.push("Choose a baseline.");
  if (candidates.length === 0) blockers.push("Pick at least one candidate.");
  if (!rubricCheck.ok) blockers.push("Fix the rubric.");
  if (Object.keys(localSettingsErrors).length) blockers.push("Fix the tolerances and run settings.");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (blockers.length || submitting) return;
    setSubmitting(true);
    setApiError(null);
    const body = {
      ...(name.trim() ? { name: name.trim() } : {}),
      text,
      ...(system.trim() ? { system } : {}),
      baseline,
      candidates,
      judge: judge || null,
      rubric: rubricFromRows(rubric),
      tolerances: { qualityDropPercent: num(settings.qualityDropPercent), refusalRisePoints: num(settings.refusalRisePoints), maxErrorRatePercent: num(settings.maxErrorRatePercent) },
      params: { concurrency: num(settings.concurrency), ...(maxTokens !== undefined ? { maxTokens } : {}) },
    };
    try {
      const res = await fetch("/api/experiments", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = (await res.json().catch(() => null)) as { experiment?: { id: string }; error?: { message?: string; fields?: Record<string, string> } } | null;
      if (res.ok && json?.experiment?.id) {
        router.push(`/experiments/${json.experiment.id}`);
        return; // stay in the "Starting…" state while the next page loads
      }
      setApiError({ message: json?.error?.message ?? `The experiment could not be created (HTTP ${res.status}).`, fields: json?.error?.fields ?? {} });
      requestAnimationFrame(() => summary.current?.focus());
    } catch {
      setApiError({ message: "Could not reach the server. Check that the app is running and try again.", fields: {} });
    }
    setSubmitting(false);
  };

  const lineErrors = apiError ? Object.entries(apiError.fields).filter(([k]) => k.startsWith("text.line")) : [];
  const casesError = lineErrors.length
    ? lineErrors.slice(0, 5).map(([k, v]) => `Line ${k.slice("text.line".length)}: ${v}`).join(" · ")
    : fieldMessage(apiError, "text", "prompts");
  const unshown = apiError && (Object.keys(apiError.fields).length === 0 || Object.keys(apiError.fields).some((k) => !SHOWN_FIELDS.includes(k.split(".")[0]!)));
  const settingsErr: Record<string, string | undefined> = { ...localSettingsErrors };
  for (const [k, v] of Object.entries(apiError?.fields ?? {})) if (k.startsWith("tolerances") || k.startsWith("params")) settingsErr[k] ??= v;

  return (
    <form onSubmit={submit} noValidate aria-label="New experiment" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0 space-y-4">
        <CasesField text={text} onText={edit(setText)} system={system} onSystem={edit(setSystem)} parsed={parsed} serverError={casesError} systemError={fieldMessage(apiError, "system")} />
        <ModelsFields
          models={models}
          baseline={baseline}
          onBaseline={onBaseline}
          candidates={candidates}
          onToggleCandidate={onToggleCandidate}
          judge={judge}
          onJudge={edit(setJudge)}
          errors={{ baseline: fieldMessage(apiError, "baseline"), candidates: fieldMessage(apiError, "candidates"), judge: fieldMessage(apiError, "judge") }}
        />
        <RubricEditor rows={rubric} onRows={edit(setRubric)} serverError={fieldMessage(apiError, "rubric")} judged={Boolean(judge)} />
        <RunSettingsFields settings={settings} onChange={edit(setSettings)} errors={settingsErr} />
      </div>

      <aside className="min-w-0 space-y-3 lg:sticky lg:top-4 lg:self-start" aria-label="Summary and start">
        <div>
          <label htmlFor="exp-name" className="text-sm font-medium">Name <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span></label>
          <input id="exp-name" data-testid="exp-name" value={name} maxLength={120} onChange={(e) => edit(setName)(e.target.value)} aria-invalid={Boolean(fieldMessage(apiError, "name"))} aria-describedby="error-exp-name" placeholder="e.g. Support replies: mini vs premium" className={`mt-1 ${inputClass}`} />
          <FieldError id="exp-name" message={fieldMessage(apiError, "name")} />
        </div>
        <EstimatePanel cases={cases} calls={calls} estimate={estimate} labelOf={labelOf} judged={Boolean(judge)} />
        <div ref={summary} tabIndex={-1} className="outline-none">
          {apiError ? (
            <div role="alert" data-testid="submit-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
              {unshown ? apiError.message : "The experiment was not created: see the messages next to the fields."}
            </div>
          ) : null}
        </div>
        <button
          type="submit"
          data-testid="start-experiment"
          disabled={blockers.length > 0 || submitting}
          aria-describedby="start-blockers"
          className="w-full rounded-md bg-blue-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {submitting ? "Starting…" : calls ? `Start experiment · ${calls.total.toLocaleString("en-US")} calls` : "Start experiment"}
        </button>
        <ul id="start-blockers" aria-live="polite" className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
          {blockers.map((b) => <li key={b}>{b}</li>)}
        </ul>
      </aside>
    </form>
  );
}
