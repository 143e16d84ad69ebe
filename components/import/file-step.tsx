"use client";
import { useEffect, useRef, useState } from "react";
import { buttonSecondary, fieldClass, formatBytes, mutedText, sectionClass } from "./styles";
import type { ImportFormat, ImportInfo } from "./types";
import { uploadLog, type UploadHandle } from "./upload";

// Step 1: choose a log file and upload it. The bytes go up with a progress bar, then the server scans the whole file
// (good / bad lines, duplicates, recorded answers) before it answers.

const FORMAT_LABELS: Record<ImportFormat, string> = {
  jsonl: "JSON lines / JSON (OpenAI messages)",
  csv: "CSV (a prompt column)",
  portkey: "Portkey logs export",
  alpaca: "AlpacaEval model outputs",
};

type Phase = { kind: "idle" } | { kind: "uploading"; name: string; sent: number; total: number } | { kind: "failed"; message: string };

interface Props {
  info: ImportInfo | null;
  onUploaded: (info: ImportInfo) => void;
  onReset: () => void;
  onFormat: (format: ImportFormat) => void;
  busy: boolean;
}

export function FileStep({ info, onUploaded, onReset, onFormat, busy }: Props) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const handle = useRef<UploadHandle | null>(null);
  const cancelled = useRef(false);
  useEffect(() => () => handle.current?.abort(), []);

  const cancel = () => {
    cancelled.current = true;
    handle.current?.abort();
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    cancelled.current = false;
    setPhase({ kind: "uploading", name: file.name, sent: 0, total: file.size });
    const h = uploadLog(file, (sent, total) => setPhase({ kind: "uploading", name: file.name, sent, total }));
    handle.current = h;
    const result = await h.done;
    if (handle.current !== h) return;
    handle.current = null;
    if (result.ok) {
      setPhase({ kind: "idle" });
      onUploaded(result.data);
    } else setPhase(cancelled.current ? { kind: "idle" } : { kind: "failed", message: result.error.message });
  };

  return (
    <section aria-labelledby="step-file" className={sectionClass} data-testid="import-file-step">
      <h2 id="step-file" className="font-semibold">1. Your production log</h2>
      {info ? (
        <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
          <div className="min-w-0 grow">
            <p className="truncate text-sm font-medium" data-testid="import-file-name" title={info.fileName}>{info.fileName}</p>
            <p className={`text-xs ${mutedText}`}>{formatBytes(info.bytes)} uploaded</p>
          </div>
          <div className="w-full sm:w-auto">
            <label htmlFor="import-format" className="block text-xs font-medium">Read as</label>
            <select id="import-format" data-testid="import-format" value={info.format} disabled={busy} onChange={(e) => onFormat(e.target.value as ImportFormat)} className={`mt-0.5 ${fieldClass} w-full sm:w-auto`}>
              {(Object.keys(FORMAT_LABELS) as ImportFormat[]).map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
            </select>
          </div>
          <button type="button" className={buttonSecondary} onClick={onReset} data-testid="import-choose-another">Choose another file</button>
        </div>
      ) : (
        <>
          <p className={`text-sm ${mutedText}`}>
            JSON lines with OpenAI-style <code>messages</code> (optionally the production <code>response</code>, <code>usage</code> and <code>model</code>),
            a CSV with a prompt column, a Portkey logs export, or AlpacaEval model outputs. Up to 512 MB. The file stays on the server so the
            experiment can later take more cases from it.
          </p>
          {phase.kind === "uploading" ? <UploadProgress name={phase.name} sent={phase.sent} total={phase.total} onCancel={cancel} /> : (
            <div>
              <label htmlFor="import-file" className="text-sm font-medium">Log file <span className={`font-normal ${mutedText}`}>(.jsonl, .json, .ndjson or .csv)</span></label>
              <input
                id="import-file"
                type="file"
                data-testid="import-file"
                accept=".jsonl,.json,.csv,.ndjson"
                aria-describedby={phase.kind === "failed" ? "import-file-error" : undefined}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = ""; // choosing the same file again (after a failure) fires change again
                  void choose(file);
                }}
                className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-blue-600 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-white hover:file:bg-blue-700"
              />
            </div>
          )}
          {phase.kind === "failed" ? (
            <p id="import-file-error" role="alert" data-testid="import-upload-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">{phase.message}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

function UploadProgress({ name, sent, total, onCancel }: { name: string; sent: number; total: number; onCancel: () => void }) {
  const scanning = total > 0 && sent >= total;
  const pct = total > 0 ? Math.min(100, Math.round((100 * sent) / total)) : 0;
  return (
    <div className="space-y-2" data-testid="import-uploading" aria-live="polite">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="min-w-0 truncate font-medium">{name}</span>
        <span className={`tabular-nums ${mutedText}`}>{scanning ? "Reading the file…" : `${pct}% · ${formatBytes(sent)} of ${formatBytes(total)}`}</span>
      </div>
      <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={scanning ? "Uploaded; reading the file" : `${pct}% uploaded`} className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
        <div className={`h-full bg-blue-600 transition-[width] duration-300 dark:bg-blue-400 ${scanning ? "animate-pulse" : ""}`} style={{ width: `${pct}%` }} />
      </div>
      {scanning ? (
        <p className={`text-xs ${mutedText}`}>Checking every line: good cases, bad lines, duplicates and recorded answers.</p>
      ) : (
        <button type="button" className={buttonSecondary} onClick={onCancel}>Cancel upload</button>
      )}
    </div>
  );
}
