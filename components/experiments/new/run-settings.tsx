"use client";
import type { RunSettings } from "./form-state";
import { FieldError, inputClass, sectionClass } from "./field-error";

// Tolerances (what "about as good" means for the recommendation) and how the run is executed.

const FIELDS: { key: keyof RunSettings; label: string; unit: string; help: string; step: string; min: number; max: number; error: string }[] = [
  { key: "qualityDropPercent", label: "Quality drop allowed", unit: "%", help: "A candidate may score at most this much lower than the baseline.", step: "0.5", min: 0, max: 100, error: "tolerances.qualityDropPercent" },
  { key: "refusalRisePoints", label: "Refusal rise allowed", unit: "points", help: "Extra refusals tolerated, in percentage points.", step: "0.5", min: 0, max: 100, error: "tolerances.refusalRisePoints" },
  { key: "maxErrorRatePercent", label: "Max error rate", unit: "%", help: "Candidates failing more calls than this are out.", step: "1", min: 0, max: 100, error: "tolerances.maxErrorRatePercent" },
  { key: "concurrency", label: "Concurrency", unit: "calls", help: "Calls in flight at once (1–256).", step: "1", min: 1, max: 256, error: "params.concurrency" },
  { key: "maxTokens", label: "Max answer tokens", unit: "tokens", help: "Optional cap on each answer; empty = model default.", step: "1", min: 1, max: 32000, error: "params.maxTokens" },
];

export function RunSettingsFields({ settings, onChange, errors }: { settings: RunSettings; onChange: (s: RunSettings) => void; errors: Record<string, string | undefined> }) {
  return (
    <section aria-labelledby="settings-title" className={sectionClass}>
      <h2 id="settings-title" className="font-semibold">4. Tolerances and run</h2>
      <div className="grid grid-cols-2 gap-x-4 gap-y-4 xl:grid-cols-3">
        {FIELDS.map((f) => {
          const id = `setting-${f.key}`;
          const error = errors[f.error];
          return (
            <div key={f.key}>
              <label htmlFor={id} className="text-sm font-medium">{f.label}</label>
              <div className="mt-1 flex items-center gap-2">
                <input
                  id={id}
                  data-testid={id}
                  type="number"
                  inputMode="decimal"
                  step={f.step}
                  min={f.min}
                  max={f.max}
                  value={settings[f.key]}
                  onChange={(e) => onChange({ ...settings, [f.key]: e.target.value })}
                  aria-invalid={Boolean(error)}
                  aria-describedby={`${id}-help error-${id}`}
                  className={`max-w-28 text-right tabular-nums ${inputClass}`}
                />
                <span className="text-sm text-slate-600 dark:text-slate-400">{f.unit}</span>
              </div>
              <p id={`${id}-help`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{f.help}</p>
              <FieldError id={id} message={error} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
