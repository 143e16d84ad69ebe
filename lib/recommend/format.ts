// Number formatting shared by the output fields and the reasoning text.

/** Rounds to one decimal; never returns -0. Non-finite values become null (they cannot be shown as JSON numbers). */
export function round1(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 10) / 10;
  return r === 0 ? 0 : r;
}

export function round1OrNull(x: number | null): number | null {
  return x === null ? null : round1(x);
}

export function round1Interval(i: readonly [number, number] | null): [number, number] | null {
  if (!i) return null;
  const lo = round1(i[0]);
  const hi = round1(i[1]);
  return lo === null || hi === null ? null : [lo, hi];
}

/** "42.1%" */
export function pct(x: number): string {
  return `${(round1(x) ?? 0).toFixed(1)}%`;
}

/** "+3.2%", "-3.2%", "0.0%" */
export function signedPct(x: number): string {
  const r = round1(x) ?? 0;
  return `${r > 0 ? "+" : ""}${r.toFixed(1)}%`;
}

/** "(95% CI -5.0% to -1.4%)" or "" without an interval. */
export function ciText(ci: readonly [number, number] | null): string {
  return ci ? ` (95% CI ${signedPct(ci[0])} to ${signedPct(ci[1])})` : "";
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
