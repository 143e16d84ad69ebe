"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { ReportProgress } from "@/lib/report/report-types";
import { caseKeys } from "./case-keys";
import { ProgressBar } from "./progress-bar";
import { useRunProgress } from "./use-run-progress";

// Run / Resume / Cancel / Retry failed, and live progress while a run is active. The server page holds the state of
// record: when a run finishes (and every few seconds while it runs) the page is refreshed from the database.

const REFRESH_WHILE_RUNNING_MS = 6_000;

interface Props {
  experimentId: string;
  status: string;
  active: boolean;
  progress: ReportProgress;
}

export function RunPanel({ experimentId, status, active, progress: initial }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [watching, setWatching] = useState(active);
  // A run started elsewhere (another tab, the CLI) shows up as `active` after a refresh: start watching it.
  const [seenActive, setSeenActive] = useState(active);
  if (active !== seenActive) {
    setSeenActive(active);
    if (active) setWatching(true);
  }
  const [busy, setBusy] = useState<null | "run" | "retry" | "cancel">(null);
  const [error, setError] = useState<string | null>(null);

  const onFinished = useCallback(() => {
    setWatching(false);
    router.refresh();
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
  }, [router, queryClient]);
  const { progress: live, lost } = useRunProgress(experimentId, watching, onFinished);

  useEffect(() => {
    if (!watching) return;
    const t = setInterval(() => {
      router.refresh();
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    }, REFRESH_WHILE_RUNNING_MS);
    return () => clearInterval(t);
  }, [watching, router, queryClient]);

  const p = live ?? { ...initial, remaining: initial.total - initial.done - initial.failed, etaSeconds: null };
  const running = watching;
  const canRun = !running && p.remaining > 0;
  const canRetry = !running && p.failed > 0;

  const post = async (kind: "run" | "retry" | "cancel") => {
    setBusy(kind);
    setError(null);
    try {
      const path = kind === "cancel" ? "cancel" : "run";
      const res = await fetch(`/api/experiments/${encodeURIComponent(experimentId)}/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: kind === "retry" ? JSON.stringify({ retryFailed: true }) : "{}",
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The request failed (${res.status}).`);
      }
      if (kind !== "cancel") setWatching(true);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The request failed.");
    } finally {
      setBusy(null);
    }
  };

  const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <section aria-label="Run" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium" aria-live="polite" data-testid="run-state">
          {running ? (p.remaining > 0 ? "Running…" : "Grading the last answers…") : p.total === 0 ? "No cases" : p.remaining === 0 ? (p.failed ? "Finished with failures" : "Finished") : status === "cancelled" ? "Cancelled" : p.done + p.failed === 0 ? "Not started yet" : "Stopped before the end"}
        </p>
        <div className="flex flex-wrap gap-2">
          {canRun ? (
            <button type="button" data-testid="run-button" disabled={busy !== null} onClick={() => post("run")} className={`${button} bg-blue-600 text-white hover:bg-blue-700`}>
              {busy === "run" ? "Starting…" : p.done + p.failed === 0 ? "Run" : "Resume"}
            </button>
          ) : null}
          {canRetry ? (
            <button type="button" data-testid="retry-button" disabled={busy !== null} onClick={() => post("retry")} className={`${button} border border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800`}>
              {busy === "retry" ? "Starting…" : `Retry ${p.failed} failed`}
            </button>
          ) : null}
          {running ? (
            <button type="button" data-testid="cancel-button" disabled={busy !== null} onClick={() => post("cancel")} className={`${button} border border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950`}>
              {busy === "cancel" ? "Cancelling…" : "Cancel"}
            </button>
          ) : null}
        </div>
      </div>
      {p.total > 0 ? <ProgressBar p={p} live={running} /> : null}
      {lost && running ? <p className="text-xs text-amber-800 dark:text-amber-300">Live updates interrupted — reconnecting…</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </section>
  );
}
