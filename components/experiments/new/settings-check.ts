import { num, type RunSettings } from "./form-state";

// Client-side checks of the numeric settings, keyed like the server's field errors.

const RULES: { key: keyof RunSettings; field: string; min: number; max: number; integer?: boolean; optional?: boolean }[] = [
  { key: "qualityDropPercent", field: "tolerances.qualityDropPercent", min: 0, max: 100 },
  { key: "refusalRisePoints", field: "tolerances.refusalRisePoints", min: 0, max: 100 },
  { key: "maxErrorRatePercent", field: "tolerances.maxErrorRatePercent", min: 0, max: 100 },
  { key: "concurrency", field: "params.concurrency", min: 1, max: 256, integer: true },
  { key: "maxTokens", field: "params.maxTokens", min: 1, max: 32_000, integer: true, optional: true },
];

export function settingsErrors(s: RunSettings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of RULES) {
    const raw = s[r.key];
    if (raw.trim() === "" && r.optional) continue;
    const n = num(raw);
    if (n === undefined) out[r.field] = "enter a number";
    else if (n < r.min || n > r.max) out[r.field] = `must be between ${r.min} and ${r.max.toLocaleString("en-US")}`;
    else if (r.integer && !Number.isInteger(n)) out[r.field] = "must be a whole number";
  }
  return out;
}
