// Progress of a run as the API and the browser see it (GET /api/experiments/[id]/events). Client-safe.

export interface ProgressSnapshot {
  status: string;
  total: number;
  done: number;
  failed: number;
  running: number;
  remaining: number;
  costUsd: number;
  judgeCostUsd: number;
  etaSeconds: number | null;
}
