"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatInt } from "@/components/ui/format";
import { postJson } from "./api";
import { buttonPrimary, fieldClass, mutedText } from "./styles";

// "Add N more cases from the same log" for an experiment replayed from an uploaded log (source "import").
//
// Mount it on /experiments/[id] when experiment.source === "import":
//   <ExtendPanel experimentId={id} remaining={remaining} />
// Props:
//   experimentId — the experiment's id.
//   remaining    — good cases of the log not yet in the experiment, when known: params.import.available minus the
//                  experiment's case count. null = unknown (the input then has no upper bound; the server still
//                  refuses when nothing is left). 0 disables the panel.
// It POSTs /api/experiments/[id]/extend {count}; the server adds that many new cases (never one already in the
// experiment) and starts running them. The panel then says "Added X cases, Y left" and calls router.refresh() so the
// server page re-reads progress and cases.

const DEFAULT_COUNT = 20;
const MAX_COUNT = 20_000;

export function ExtendPanel({ experimentId, remaining }: { experimentId: string; remaining: number | null }) {
  const router = useRouter();
  const [left, setLeft] = useState<number | null>(remaining);
  const [count, setCount] = useState(String(Math.max(1, Math.min(DEFAULT_COUNT, remaining ?? DEFAULT_COUNT))));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ added: number; remaining: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const max = Math.min(left ?? MAX_COUNT, MAX_COUNT);
  const n = Number(count);
  const invalid = count.trim() === "" || !Number.isInteger(n) || n < 1 ? "Enter a whole number, at least 1." : n > max ? `At most ${formatInt(max)}${left !== null ? " (the cases left in the log)" : ""}.` : null;
  const exhausted = left === 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (invalid || busy || exhausted) return;
    setBusy(true);
    setError(null);
    const r = await postJson<{ added: number; remaining: number }>(`/api/experiments/${encodeURIComponent(experimentId)}/extend`, { count: n }, "Adding cases");
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setResult(r.data);
    setLeft(r.data.remaining);
    setCount(String(Math.max(1, Math.min(DEFAULT_COUNT, r.data.remaining))));
    router.refresh();
  };

  return (
    <section aria-labelledby="extend-title" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="extend-panel">
      <h2 id="extend-title" className="font-semibold">More cases from the same log</h2>
      <p className={`text-sm ${mutedText}`}>
        {exhausted
          ? "Every good case of the log is already in this experiment."
          : `A bigger sample narrows the intervals. New cases are drawn at random from the log, never one already here${left !== null ? ` — ${formatInt(left)} left` : ""}.`}
      </p>
      {!exhausted ? (
        <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="extend-count" className="text-sm font-medium">Cases to add</label>
            <input
              id="extend-count"
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              data-testid="extend-count"
              value={count}
              aria-invalid={Boolean(invalid)}
              aria-describedby="extend-help"
              onChange={(e) => setCount(e.target.value)}
              className={`mt-1 block ${fieldClass} w-28`}
            />
          </div>
          <button type="submit" data-testid="extend-button" disabled={Boolean(invalid) || busy} className={buttonPrimary}>
            {busy ? "Adding…" : invalid ? "Add more cases" : `Add ${formatInt(n)} more case${n === 1 ? "" : "s"}`}
          </button>
        </form>
      ) : null}
      <p id="extend-help" aria-live="polite" className="text-sm">
        {invalid && !exhausted ? <span className="block text-xs font-medium text-red-800 dark:text-red-300">{invalid}</span> : null}
        {result ? (
          <span data-testid="extend-result" className="text-emerald-800 dark:text-emerald-300">
            Added {formatInt(result.added)} case{result.added === 1 ? "" : "s"}, {formatInt(result.remaining)} left in the log. They are running now.
          </span>
        ) : null}
      </p>
      {error ? <p role="alert" data-testid="extend-error" className="text-sm text-red-800 dark:text-red-300">{error}</p> : null}
    </section>
  );
}
