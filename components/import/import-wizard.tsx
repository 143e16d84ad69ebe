"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import type { ModelInfo } from "@/lib/models/status";
import { postJson } from "./api";
import type { BadChoice } from "./bad-lines-choice";
import { CsvMappingStep } from "./csv-mapping";
import { FileStep } from "./file-step";
import { initialChoice } from "./initial-choice";
import { ReplayModels, sampleOf, type ReplayChoice } from "./replay-models";
import { ScanSummary } from "./scan-summary";
import { StartPanel } from "./start-panel";
import { mutedText, sectionClass } from "./styles";
import type { ApiError, ImportInfo } from "./types";
import { useImportEstimate } from "./use-import-estimate";
import { useImportSession } from "./use-import-session";

// Replay a production log: upload → (CSV) map the columns → what the scan found → models, sample and the estimate →
// start. The experiment page takes over from there (live progress, report, adding more cases from the same log).

const OTHER_MODELS = "(other models)";

export function ImportWizard({ models }: { models: ModelInfo[] }) {
  const router = useRouter();
  const session = useImportSession();
  const { info, draft, csvMapping } = session;
  const [choice, setChoice] = useState<ReplayChoice | null>(null);
  const [badChoice, setBadChoice] = useState<BadChoice>(null);
  const [name, setName] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);

  const labels = useMemo(() => new Map(models.map((m) => [m.slug, m.label])), [models]);
  const labelOf = (slug: string) => labels.get(slug) ?? slug;

  const isCsv = info?.format === "csv";
  const scan = info?.scan && (!isCsv || csvMapping) ? info.scan : null;
  const logModels = scan ? Object.keys(scan.models).filter((n) => n !== OTHER_MODELS) : [];
  const current = choice ?? (scan && scan.good > 0 ? initialChoice(models, logModels, scan.good) : null);
  const sample = current && scan ? sampleOf(current, scan.good) : null;
  const base = info ? { format: info.format, ...(csvMapping ? { csvMapping } : {}) } : null;

  const estimateBody =
    base && scan && scan.good > 0 && current && current.baseline && current.candidates.length > 0 && sample && !sample.error
      ? JSON.stringify({ ...base, baseline: current.baseline, candidates: current.candidates, judge: current.judge || null, ...(sample.size ? { sample: sample.size } : {}) })
      : null;
  const estimate = useImportEstimate(info?.id ?? null, estimateBody);

  const startOver = () => {
    session.reset();
    setChoice(null);
    setBadChoice(null);
    setSubmitError(null);
  };
  const uploaded = (i: ImportInfo) => {
    startOver();
    session.uploaded(i);
  };
  const onChoice = (c: ReplayChoice) => {
    setChoice(c);
    setSubmitError(null);
  };

  const blockers: string[] = [];
  if (session.inspecting) blockers.push("Re-reading the file…");
  if (current) {
    if (!current.baseline) blockers.push("Choose a baseline.");
    if (current.candidates.length === 0) blockers.push("Pick at least one candidate.");
    if (sample?.error) blockers.push("Fix the number of cases to replay.");
  }
  if (scan && scan.badCount > 0 && badChoice !== "good") blockers.push(badChoice === "none" ? "You chose to import nothing." : "Choose what to do with the bad lines.");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!info || !base || !scan || !current || blockers.length || submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    const body = {
      ...base,
      baseline: current.baseline,
      candidates: current.candidates,
      judge: current.judge || null,
      ...(sample?.size ? { sample: sample.size } : {}),
      name: name.trim() || defaultName,
      ...(scan.badCount > 0 ? { acceptBadLines: badChoice === "good" } : {}),
    };
    const r = await postJson<{ experiment: { id: string } }>(`/api/imports/${encodeURIComponent(info.id)}/replay`, body, "Starting the replay");
    if (r.ok) {
      router.push(`/experiments/${encodeURIComponent(r.data.experiment.id)}`);
      return; // stay in "Starting…" while the experiment page loads
    }
    setSubmitError(r.error);
    setSubmitting(false);
  };

  const ready = Boolean(scan && scan.good > 0 && current);
  // Sent when the name is left empty (the server's own default would name the stored file, not the uploaded one).
  const replayCases = sample?.size ?? scan?.good ?? 0;
  const defaultName = `Replay of ${info?.fileName ?? "a log"} (${replayCases.toLocaleString("en-US")}${scan && scan.good > replayCases ? ` of ${scan.good.toLocaleString("en-US")}` : ""} cases)`.slice(0, 120);
  const scanStep = isCsv ? 3 : 2;
  return (
    <form onSubmit={submit} noValidate aria-label="Replay a production log" className={ready ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]" : "max-w-4xl"}>
      <div className="min-w-0 space-y-4">
        <FileStep info={info} onUploaded={uploaded} onReset={startOver} onFormat={session.setFormat} busy={session.inspecting} />
        {session.error && !Object.keys(session.error.fields).some((k) => k.startsWith("csvMapping")) ? (
          <p role="alert" data-testid="inspect-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">{session.error.message}</p>
        ) : null}
        {isCsv && info.csv && draft ? <CsvMappingStep csv={info.csv} draft={draft} onChange={session.setDraft} errors={session.error?.fields ?? {}} busy={session.inspecting} /> : null}
        {scan ? <ScanSummary scan={scan} step={scanStep} busy={session.inspecting} /> : null}
        {scan && scan.good === 0 ? (
          <section className={sectionClass} role="alert" data-testid="import-no-cases">
            <p className="text-sm font-medium">No usable case in this file.</p>
            <p className={`text-sm ${mutedText}`}>{isCsv ? "Check the prompt column above, or fix the file and upload it again." : "Check the format (“Read as”) above, or fix the file and upload it again."}</p>
          </section>
        ) : null}
        {ready && current && scan ? (
          <ReplayModels models={models} choice={current} onChange={onChoice} good={scan.good} recorded={scan.recordedAnswers} logModels={logModels} step={scanStep + 1} errors={submitError?.fields ?? {}} />
        ) : null}
      </div>
      {ready && scan ? (
        <StartPanel
          estimate={estimate}
          estimateReady={estimateBody !== null}
          labelOf={labelOf}
          good={scan.good}
          bad={scan.badCount}
          badChoice={badChoice}
          onBadChoice={setBadChoice}
          onStartOver={startOver}
          name={name}
          onName={setName}
          defaultName={defaultName}
          blockers={blockers}
          submitting={submitting}
          submitError={submitError}
        />
      ) : null}
    </form>
  );
}
