// Display formatting shared by pages. Unknown values are shown as "unknown" / "—", never as 0.

export function formatUsd(v: number | null | undefined, opts: { perCase?: boolean } = {}): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "unknown";
  const abs = Math.abs(v);
  const digits = abs === 0 ? 2 : abs < 0.0001 ? 7 : abs < 0.01 ? 5 : abs < 1 ? 4 : 2;
  return `$${v.toFixed(digits)}${opts.perCase ? "/case" : ""}`;
}

export function formatPercent(v: number | null | undefined, opts: { signed?: boolean; digits?: number } = {}): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const s = v.toFixed(opts.digits ?? 1);
  return opts.signed && v > 0 ? `+${s}%` : `${s}%`;
}

export function formatMs(v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
}

export function formatInt(v: number | null | undefined): string {
  return v === null || v === undefined ? "—" : v.toLocaleString("en-US");
}

export function perMillion(pricePerToken: number | null | undefined): string {
  if (pricePerToken === null || pricePerToken === undefined) return "unknown";
  return `$${(pricePerToken * 1e6).toFixed(2)}`;
}
