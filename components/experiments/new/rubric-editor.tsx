"use client";
import { MAX_CRITERIA } from "@/lib/judge/rubric";
import { addRubricRow, checkRubric, defaultRubricRows, num, type RubricRow } from "./form-state";
import { FieldError, inputClass, sectionClass } from "./field-error";

// The judge's rubric: criteria with weights that must sum to 1, validated live with the same rules as the server.

export function RubricEditor({ rows, onRows, serverError, judged }: { rows: RubricRow[]; onRows: (rows: RubricRow[]) => void; serverError: string | undefined; judged: boolean }) {
  const check = checkRubric(rows);
  const update = (id: number, patch: Partial<RubricRow>) => onRows(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const scale = () => {
    if (check.sum <= 0) return;
    onRows(rows.map((r) => {
      const w = num(r.weight);
      return w === undefined ? r : { ...r, weight: String(Number((w / check.sum).toFixed(4))) };
    }));
  };
  const sumText = Number(check.sum.toFixed(4)).toString();

  return (
    <section aria-labelledby="rubric-title" className={sectionClass}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="rubric-title" className="font-semibold">3. Rubric</h2>
        <button type="button" onClick={() => onRows(defaultRubricRows())} className="text-sm text-blue-700 underline dark:text-blue-300">Reset to default</button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The judge scores each criterion from 0 to 1; quality is the weighted sum.{judged ? "" : " Used only when a judge is chosen."}
      </p>
      <ul className="space-y-3" data-testid="rubric">
        {rows.map((r, i) => {
          const err = check.rows[i] ?? {};
          return (
            <li key={r.id} className="grid grid-cols-[minmax(0,1fr)_5.5rem_auto] items-start gap-x-2 gap-y-1" data-testid="rubric-row">
              <div>
                <label htmlFor={`crit-name-${r.id}`} className="sr-only">Criterion {i + 1} name</label>
                <input
                  id={`crit-name-${r.id}`}
                  value={r.name}
                  onChange={(e) => update(r.id, { name: e.target.value })}
                  placeholder="criterion, e.g. tone"
                  aria-invalid={Boolean(err.name)}
                  aria-describedby={err.name ? `error-crit-name-${r.id}` : undefined}
                  className={inputClass}
                />
                <FieldError id={`crit-name-${r.id}`} message={err.name} />
              </div>
              <div>
                <label htmlFor={`crit-weight-${r.id}`} className="sr-only">Criterion {i + 1} weight</label>
                <input
                  id={`crit-weight-${r.id}`}
                  data-testid={`rubric-weight-${i}`}
                  type="number"
                  inputMode="decimal"
                  step="0.05"
                  min="0"
                  max="1"
                  value={r.weight}
                  onChange={(e) => update(r.id, { weight: e.target.value })}
                  aria-invalid={Boolean(err.weight)}
                  aria-describedby={err.weight ? `error-crit-weight-${r.id}` : undefined}
                  className={`text-right tabular-nums ${inputClass}`}
                />
                <FieldError id={`crit-weight-${r.id}`} message={err.weight} />
              </div>
              <button
                type="button"
                onClick={() => onRows(rows.filter((x) => x.id !== r.id))}
                disabled={rows.length === 1}
                aria-label={`Remove criterion ${r.name || i + 1}`}
                className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-400 dark:hover:bg-slate-800"
              >
                Remove
              </button>
              <div className="col-span-3">
                <label htmlFor={`crit-desc-${r.id}`} className="sr-only">Criterion {i + 1} description</label>
                <input
                  id={`crit-desc-${r.id}`}
                  value={r.description}
                  onChange={(e) => update(r.id, { description: e.target.value })}
                  placeholder="what the judge should look for (optional)"
                  className={`text-xs ${inputClass}`}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <button
          type="button"
          onClick={() => onRows(addRubricRow(rows))}
          disabled={rows.length >= MAX_CRITERIA}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Add criterion
        </button>
        <p aria-live="polite" data-testid="rubric-sum" className={`text-sm tabular-nums ${check.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>
          Weights sum to {sumText}
          {check.ok ? " ✓" : ""}
        </p>
      </div>
      {check.message ? <p role="alert" data-testid="rubric-error" className="text-sm font-medium text-red-800 dark:text-red-300">{check.message.startsWith("weights must sum to 1") ? <>Weights must sum to 1. <button type="button" onClick={scale} className="underline">Scale them to 1</button></> : check.message}</p> : null}
      <FieldError id="rubric" message={serverError} />
    </section>
  );
}
