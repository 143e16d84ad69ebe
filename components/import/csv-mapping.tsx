"use client";
import { inputClass, mutedText, sectionClass } from "./styles";
import type { CsvMapping, CsvPreview } from "./types";

// Step 2 (CSV only): which column holds what, prefilled with the server's guess, next to the first rows of the file.

export type MappingDraft = Record<keyof CsvMapping, string>;

export const MAPPING_FIELDS: { key: keyof CsvMapping; label: string; hint: string }[] = [
  { key: "prompt", label: "Prompt", hint: "required: the user's message" },
  { key: "system", label: "System prompt", hint: "sent before the prompt" },
  { key: "response", label: "Production answer", hint: "reused as the baseline's answer" },
  { key: "model", label: "Model", hint: "that produced the answer" },
  { key: "promptTokens", label: "Prompt tokens", hint: "recorded usage" },
  { key: "completionTokens", label: "Completion tokens", hint: "recorded usage" },
  { key: "latencyMs", label: "Latency (ms)", hint: "recorded latency" },
  { key: "reference", label: "Reference answer", hint: "a gold answer for the judge" },
];

export function draftFrom(mapping: Partial<CsvMapping> | null | undefined): MappingDraft {
  const d = {} as MappingDraft;
  for (const f of MAPPING_FIELDS) d[f.key] = mapping?.[f.key] ?? "";
  return d;
}

/** The mapping the API takes (unset fields left out), or null while no prompt column is chosen. */
export function mappingOf(d: MappingDraft): CsvMapping | null {
  if (!d.prompt) return null;
  const out: CsvMapping = { prompt: d.prompt };
  for (const f of MAPPING_FIELDS) if (f.key !== "prompt" && d[f.key]) out[f.key] = d[f.key];
  return out;
}

interface Props {
  csv: CsvPreview;
  draft: MappingDraft;
  onChange: (d: MappingDraft) => void;
  errors: Record<string, string>;
  busy: boolean;
}

export function CsvMappingStep({ csv, draft, onChange, errors, busy }: Props) {
  const fieldOf = new Map<string, string>();
  for (const f of MAPPING_FIELDS) {
    const c = draft[f.key];
    if (c) fieldOf.set(c, fieldOf.has(c) ? `${fieldOf.get(c)}, ${f.label}` : f.label);
  }
  const delimiter = csv.delimiter === "\t" ? "tab" : csv.delimiter === ";" ? "semicolon" : "comma";
  return (
    <section aria-labelledby="step-mapping" aria-busy={busy} className={sectionClass} data-testid="import-mapping">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="step-mapping" className="font-semibold">2. Columns</h2>
        <span aria-live="polite" className={`text-xs ${mutedText}`}>{busy ? "Re-reading the file…" : ""}</span>
      </div>
      <p className={`text-sm ${mutedText}`}>
        {csv.columns.length} columns, {delimiter}-separated. Say which column holds the prompt; the others are optional.
        {draft.prompt ? "" : " No column looked like a prompt, so pick it yourself."}
      </p>
      {csv.error ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">The start of the file could not be read: {csv.error}</p> : null}
      <div className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {MAPPING_FIELDS.map((f) => {
          const err = errors[`csvMapping.${f.key}`] ?? (f.key === "prompt" && !draft.prompt ? "Pick the prompt column." : undefined);
          const id = `map-${f.key}`;
          return (
            <div key={f.key} className="min-w-0">
              <label htmlFor={id} className="text-sm font-medium">
                {f.label}
                {f.key === "prompt" ? <span aria-hidden className="text-red-700 dark:text-red-400"> *</span> : null}
              </label>
              <select
                id={id}
                data-testid={`map-${f.key}`}
                value={draft[f.key]}
                required={f.key === "prompt"}
                aria-invalid={Boolean(err)}
                aria-describedby={`${id}-hint${err ? ` ${id}-error` : ""}`}
                onChange={(e) => onChange({ ...draft, [f.key]: e.target.value })}
                className={`mt-1 ${inputClass}`}
              >
                <option value="">{f.key === "prompt" ? "Choose a column" : "(none)"}</option>
                {csv.columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
              <p id={`${id}-hint`} className={`mt-0.5 text-xs ${mutedText}`}>{f.hint}</p>
              {err ? <p id={`${id}-error`} role="alert" data-testid={`map-${f.key}-error`} className="mt-0.5 text-xs font-medium text-red-800 dark:text-red-300">{err}</p> : null}
            </div>
          );
        })}
      </div>
      <div role="region" className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800" tabIndex={0} aria-label="First rows of the file">
        <table className="min-w-full text-left text-xs" data-testid="csv-preview">
          <caption className="sr-only">The first {csv.rows.length} rows of the file, with the field each column is mapped to</caption>
          <thead className="bg-slate-50 dark:bg-slate-950">
            <tr>
              {csv.columns.map((c) => (
                <th key={c} scope="col" className="whitespace-nowrap px-2 py-1.5 align-bottom font-medium">
                  {fieldOf.has(c) ? <span className="mb-0.5 block w-fit rounded bg-blue-100 px-1 text-[11px] font-medium text-blue-900 dark:bg-blue-950 dark:text-blue-200">{fieldOf.get(c)}</span> : null}
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {csv.rows.map((row, i) => (
              <tr key={i}>
                {csv.columns.map((c, j) => (
                  <td key={c} className="max-w-[12rem] truncate px-2 py-1.5 align-top sm:max-w-[18rem]" title={row[j] ?? ""}>{row[j] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
