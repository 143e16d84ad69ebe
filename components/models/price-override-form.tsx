"use client";
import { useState, type FormEvent } from "react";
import type { ModelPrice } from "@/lib/domain/types";
import { perMillionValue } from "./price-format";

// The price override: USD per 1M tokens, validated by the server (PUT /api/models/[slug]/price); its field messages
// are shown next to the inputs.

const FIELDS = [
  { key: "inputPerMillion", label: "Input", required: true },
  { key: "outputPerMillion", label: "Output", required: true },
  { key: "cachedInputPerMillion", label: "Cached", required: false },
] as const;

type Key = (typeof FIELDS)[number]["key"];

export function PriceOverrideForm({ id, slug, label, price, onSaved }: { id: string; slug: string; label: string; price: ModelPrice | null; onSaved: () => void }) {
  const [values, setValues] = useState<Record<Key, string>>({
    inputPerMillion: price ? String(perMillionValue(price.inputPerToken)) : "",
    outputPerMillion: price ? String(perMillionValue(price.outputPerToken)) : "",
    cachedInputPerMillion: price?.cachedInputPerToken != null ? String(perMillionValue(price.cachedInputPerToken)) : "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    const body: Record<string, number | null> = {};
    for (const f of FIELDS) {
      const raw = values[f.key].trim();
      if (raw !== "") body[f.key] = Number(raw);
      else if (!f.required) body[f.key] = null;
    }
    try {
      const res = await fetch(`/api/models/${encodeURIComponent(slug)}/price`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (res.ok) {
        onSaved();
        return;
      }
      const json = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
      setErrors(json?.error?.fields ?? { "(body)": json?.error?.message ?? `Could not save (HTTP ${res.status}).` });
    } catch {
      setErrors({ "(body)": "Could not reach the server." });
    }
    setSaving(false);
  };

  return (
    <form id={id} onSubmit={submit} noValidate aria-label={`Price override for ${label}`} className="space-y-2 rounded-lg bg-slate-50 p-3 dark:bg-slate-950" data-testid={`override-form-${slug}`}>
      <p className="text-xs text-slate-600 dark:text-slate-400">US dollars per 1 million tokens: input, output and cached input (leave it empty to bill cached tokens as input).</p>
      <div className="grid grid-cols-3 gap-2">
        {FIELDS.map((f) => {
          const inputId = `${id}-${f.key}`;
          const error = errors[f.key];
          return (
            <div key={f.key} className="min-w-0">
              <label htmlFor={inputId} className="block truncate text-xs font-medium">{f.label}{f.required ? "" : <span className="hidden font-normal text-slate-600 sm:inline dark:text-slate-400"> (optional)</span>}</label>
              <div className="mt-0.5 flex items-center rounded-md border border-slate-300 bg-white px-2 focus-within:outline focus-within:outline-2 focus-within:outline-blue-600 dark:border-slate-700 dark:bg-slate-900">
                <span aria-hidden className="text-sm text-slate-500">$</span>
                <input
                  id={inputId}
                  data-testid={`override-${f.key}-${slug}`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min="0"
                  value={values[f.key]}
                  onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  className="w-full min-w-0 bg-transparent py-1 pl-1 text-sm tabular-nums outline-none"
                />
              </div>
              {error ? <p id={`${inputId}-error`} role="alert" className="mt-0.5 text-xs text-red-800 dark:text-red-300">{error}</p> : null}
            </div>
          );
        })}
      </div>
      {errors["(body)"] ? <p role="alert" className="text-xs text-red-800 dark:text-red-300">{errors["(body)"]}</p> : null}
      <button type="submit" disabled={saving} data-testid={`override-save-${slug}`} className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">
        {saving ? "Saving…" : "Save override"}
      </button>
    </form>
  );
}
