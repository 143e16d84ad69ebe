import type { Recommendation } from "@/lib/recommend/types";

// Formatting for the experiments list. A change is shown with a true minus sign (−42.1%), as a change, not a saving.

const MINUS = "\u2212";

export function signedPercent(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const rounded = Number(v.toFixed(digits));
  if (rounded === 0) return `${(0).toFixed(digits)}%`;
  return `${rounded > 0 ? "+" : MINUS}${Math.abs(rounded).toFixed(digits)}%`;
}

/** The stored recommendation, when it has the fields the list shows (older or partial rows are treated as none). */
export function readRecommendation(value: unknown): Recommendation | null {
  if (!value || typeof value !== "object") return null;
  const r = value as Partial<Recommendation>;
  if (typeof r.recommended_model !== "string" || typeof r.baseline_model !== "string") return null;
  if (typeof r.cost_reduction_percent !== "number" || typeof r.quality_impact_percent !== "number") return null;
  return r as Recommendation;
}

const DATE = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export function formatCreated(d: Date): string {
  return `${DATE.format(d)} UTC`;
}

export const STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type ExperimentStatus = (typeof STATUSES)[number];

export function isStatus(v: string | undefined): v is ExperimentStatus {
  return v !== undefined && (STATUSES as readonly string[]).includes(v);
}
