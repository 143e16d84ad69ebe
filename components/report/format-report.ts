// Formatting specific to the report: intervals, ETAs, quality scores.

export function formatQuality(q: number | null | undefined): string {
  return q === null || q === undefined || !Number.isFinite(q) ? "—" : q.toFixed(2);
}

/** A quality interval, cut to the 0–1 scale (a t-interval on few, spread-out scores can reach past it). */
export function formatQualityCi(ci: readonly [number, number] | null | undefined): string {
  if (!ci) return "";
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return `${clamp(ci[0]).toFixed(2)}–${clamp(ci[1]).toFixed(2)}`;
}

export function formatPercentCi(ci: readonly [number, number] | null | undefined, opts: { signed?: boolean } = {}): string {
  if (!ci) return "";
  const f = (v: number) => `${opts.signed && v > 0 ? "+" : ""}${v.toFixed(1)}%`;
  return `${f(ci[0])} to ${f(ci[1])}`;
}

export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "estimating…";
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  // Fixed format and zone so that the server render and the browser agree.
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
