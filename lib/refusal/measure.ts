// Pure evaluation helpers for the refusal classifier: confusion counts, precision/recall/F1,
// per data set and pooled. No file access here (see csv-read.ts for loading XSTest).

import { classifyRefusalText } from "./classifier";

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Metrics extends Confusion {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export interface LabelledPrediction {
  /** Ground truth: true = the answer is a (full or partial) refusal. */
  gold: boolean;
  predicted: boolean;
}

export interface EvalSet {
  name: string;
  items: LabelledPrediction[];
}

export interface MeasureResult {
  perSet: { name: string; metrics: Metrics }[];
  pooled: Metrics;
}

export function confusion(items: readonly LabelledPrediction[]): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { gold, predicted } of items) {
    if (gold && predicted) c.tp++;
    else if (!gold && predicted) c.fp++;
    else if (gold && !predicted) c.fn++;
    else c.tn++;
  }
  return c;
}

export function addConfusion(a: Confusion, b: Confusion): Confusion {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

/** Precision/recall/F1 from counts; a ratio with a zero denominator is 0. */
export function metricsFrom(c: Confusion): Metrics {
  const n = c.tp + c.fp + c.fn + c.tn;
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = n === 0 ? 0 : (c.tp + c.tn) / n;
  return { ...c, n, precision, recall, f1, accuracy };
}

/** Metrics per set and pooled over all items of all sets (micro average). */
export function measure(sets: readonly EvalSet[]): MeasureResult {
  let total: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const perSet = sets.map((s) => {
    const c = confusion(s.items);
    total = addConfusion(total, c);
    return { name: s.name, metrics: metricsFrom(c) };
  });
  return { perSet, pooled: metricsFrom(total) };
}

/** XSTest v2 final_label: full AND partial refusal both count as refusal. */
export function isXstestRefusal(finalLabel: string): boolean {
  const l = finalLabel.trim();
  return l.startsWith("2_") || l.startsWith("3_");
}

export interface LabelledText {
  completion: string;
  finalLabel: string;
}

/** Runs a text classifier (default: classifyRefusalText) over labelled XSTest-style sets. */
export function measureXstest(
  sets: readonly { name: string; records: readonly LabelledText[] }[],
  classify: (text: string) => boolean = (t) => classifyRefusalText(t).refusal,
): MeasureResult {
  return measure(
    sets.map((s) => ({
      name: s.name,
      items: s.records.map((r) => ({ gold: isXstestRefusal(r.finalLabel), predicted: classify(r.completion) })),
    })),
  );
}

/** Plain-text table of P/R/F1 and confusion counts, one row per set plus "pooled". */
export function formatMeasureTable(result: MeasureResult): string {
  const rows = [...result.perSet, { name: "pooled", metrics: result.pooled }];
  const nameWidth = Math.max(6, ...rows.map((r) => r.name.length));
  const f3 = (x: number) => x.toFixed(3);
  const header = [
    "set".padEnd(nameWidth),
    "n".padStart(4),
    "P".padStart(6),
    "R".padStart(6),
    "F1".padStart(6),
    "TP".padStart(5),
    "FP".padStart(5),
    "FN".padStart(5),
    "TN".padStart(5),
  ].join("  ");
  const lines = [header, "-".repeat(header.length)];
  for (const { name, metrics: m } of rows) {
    lines.push(
      [
        name.padEnd(nameWidth),
        String(m.n).padStart(4),
        f3(m.precision).padStart(6),
        f3(m.recall).padStart(6),
        f3(m.f1).padStart(6),
        String(m.tp).padStart(5),
        String(m.fp).padStart(5),
        String(m.fn).padStart(5),
        String(m.tn).padStart(5),
      ].join("  "),
    );
  }
  return lines.join("\n");
}
