// Pairing by case: comparisons between two models only use the cases both have a value for.

export interface PairedValues {
  /** Case ids present in both maps, in the iteration order of `a`. */
  caseIds: string[];
  a: number[];
  b: number[];
  /** b[i] - a[i] (e.g. candidate minus baseline when called as (baseline, candidate)). */
  differences: number[];
}

export function pairedDifferences(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): PairedValues {
  const out: PairedValues = { caseIds: [], a: [], b: [], differences: [] };
  for (const [caseId, va] of a) {
    const vb = b.get(caseId);
    if (vb === undefined) continue;
    out.caseIds.push(caseId);
    out.a.push(va);
    out.b.push(vb);
    out.differences.push(vb - va);
  }
  return out;
}
