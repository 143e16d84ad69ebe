import "server-only";
import { runExperiment, type RunEvent } from "./run";
import { logError } from "@/lib/log";

// Background runs in this server process: a run is not tied to the request that started it. Listeners (SSE
// progress) subscribe and unsubscribe freely; the state of record is the database.

interface ActiveRun {
  controller: AbortController;
  done: Promise<unknown>;
  listeners: Set<(e: RunEvent) => void>;
}

declare global {
  var __tradeoffRuns: Map<string, ActiveRun> | undefined;
}
const runs: Map<string, ActiveRun> = (globalThis.__tradeoffRuns ??= new Map());

export function isRunning(id: string): boolean {
  return runs.has(id);
}

export function startRun(id: string, opts: { retryFailed?: boolean } = {}): { started: boolean } {
  if (runs.has(id)) return { started: false };
  const controller = new AbortController();
  const listeners = new Set<(e: RunEvent) => void>();
  const done = runExperiment(id, { signal: controller.signal, retryFailed: opts.retryFailed, onEvent: (e) => listeners.forEach((l) => l(e)) })
    .catch((err) => logError(`run ${id}`, err))
    .finally(() => runs.delete(id));
  runs.set(id, { controller, done, listeners });
  return { started: true };
}

export function cancelRun(id: string): boolean {
  const run = runs.get(id);
  if (!run) return false;
  run.controller.abort();
  return true;
}

export function subscribe(id: string, listener: (e: RunEvent) => void): () => void {
  const run = runs.get(id);
  if (!run) return () => {};
  run.listeners.add(listener);
  return () => run.listeners.delete(listener);
}

export async function waitForRun(id: string): Promise<void> {
  await runs.get(id)?.done;
}
