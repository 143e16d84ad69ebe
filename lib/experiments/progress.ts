import "server-only";
import { experimentProgress, getExperiment } from "@/lib/db/experiments";
import type { ProgressSnapshot } from "@/lib/schemas/progress";

export type { ProgressSnapshot };

// Progress as shown to people: counts from the database (so it is right after a restart), cost so far, and an ETA
// from the pace of cells finished since the run started.


export async function progressSnapshot(id: string, pace?: { since: number; finishedAtStart: number }): Promise<ProgressSnapshot | null> {
  const exp = await getExperiment(id);
  if (!exp) return null;
  const p = await experimentProgress(id);
  const finished = p.done + p.failed;
  const remaining = p.total - finished;
  let eta: number | null = null;
  if (pace && remaining > 0) {
    const elapsed = (Date.now() - pace.since) / 1000;
    const rate = (finished - pace.finishedAtStart) / Math.max(elapsed, 0.001);
    if (rate > 0 && elapsed > 1) eta = Math.round(remaining / rate);
  }
  return { status: exp.status, total: p.total, done: p.done, failed: p.failed, running: p.running, remaining, costUsd: p.modelCostUsd + p.judgeCostUsd, judgeCostUsd: p.judgeCostUsd, etaSeconds: eta };
}
