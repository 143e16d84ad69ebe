import type { Recommendation } from "@/lib/recommend/types";
import type { Tolerances } from "@/lib/domain/types";

// Everything the report view shows, as plain data. Deliberately without the experiment id: the same object feeds the
// read-only share page, where ids must not appear.

export interface ModelLabel {
  slug: string;
  label: string;
  /** A demo model: its answers are simulated, never a real model's. */
  simulated: boolean;
}

export interface ReportProgress {
  total: number;
  done: number;
  failed: number;
  running: number;
  pending: number;
  costUsd: number;
  judgeCostUsd: number;
}

export interface ReportData {
  name: string;
  /** draft | queued | running | done | cancelled | failed */
  status: string;
  /** A run is active in this server process right now. */
  active: boolean;
  source: string;
  /** For a replay of a log: usable cases of the log not yet in the experiment (null otherwise). */
  logRemaining: number | null;
  baseline: string;
  candidates: string[];
  judge: string | null;
  criteria: { name: string; weight: number }[];
  tolerances: Tolerances;
  createdAt: string;
  finishedAt: string | null;
  lastError: string | null;
  progress: ReportProgress;
  /** null when no cell has finished yet. warnings: what a reader should see next to it (e.g. self-preference). */
  report: (Recommendation & { warnings?: string[] }) | null;
  models: ModelLabel[];
}

/** Demo models already say "(simulated)" in their label; a badge is added only where the label does not. */
export function needsSimulatedBadge(m: ModelLabel | undefined): boolean {
  return Boolean(m?.simulated && !/simulated/i.test(m.label));
}

export function labelMap(models: readonly ModelLabel[]): (slug: string) => string {
  const map = new Map(models.map((m) => [m.slug, m.label]));
  return (slug) => map.get(slug) ?? slug;
}
